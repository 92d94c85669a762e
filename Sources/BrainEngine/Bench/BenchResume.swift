/// Synthetic resume texts for the pipeline benchmark: about 2 KB each, like a short real
/// resume, and distinct per number so no two jobs share a response-cache entry.
enum BenchResume {
    static func text(number: Int) -> String {
        """
        Jordan Example \(number)
        Senior Backend Engineer
        jordan.example\(number)@example.com | +1 555 010 \(String(format: "%04d", number % 10_000)) | Lisbon, Portugal
        linkedin.com/in/jordan-example-\(number) | github.com/jordan-example-\(number)

        SUMMARY
        Backend engineer with nine years of experience building payment and logistics platforms.
        Designs event-driven services, tunes PostgreSQL, and mentors small teams. Candidate \(number).

        EXPERIENCE
        Staff Engineer, Northwind Payments, Lisbon (March 2021 - Present)
        - Led the move of the settlement ledger to an event-sourced design handling 4,000 writes per second.
        - Cut p99 latency of the card authorisation path from 180 ms to 45 ms.
        - Mentored six engineers; ran the backend guild's design reviews.

        Senior Software Engineer, Contoso Logistics, Porto (June 2017 - February 2021)
        - Built the route-planning API in Go and Kotlin serving 30 million requests a day.
        - Introduced contract tests and canary releases; incidents fell by a third.

        Software Engineer, Fabrikam Retail, Coimbra (September 2015 - May 2017)
        - Wrote inventory synchronisation services in Java and Python.
        - Maintained the PostgreSQL and Redis clusters.

        EDUCATION
        MSc Computer Science, University of Coimbra, 2015
        BSc Informatics Engineering, University of Coimbra, 2013

        SKILLS
        Go, Kotlin, Java, Python, SQL, PostgreSQL, Redis, Kafka, Kubernetes, Terraform, AWS, gRPC,
        distributed systems, observability, incident response, technical leadership.

        CERTIFICATIONS
        AWS Certified Solutions Architect - Associate (2020)
        Certified Kubernetes Application Developer (2019)

        LANGUAGES
        Portuguese (native), English (fluent), Spanish (intermediate)
        """
    }
}
