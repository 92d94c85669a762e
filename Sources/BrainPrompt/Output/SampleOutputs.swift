import BrainCore

/// A realistic resume and job description with the structured answers a good model gives for
/// them. The fake provider and the demo answer with these; tests validate them against the
/// schemas and ground them in the source texts. People and companies are invented.
public enum SampleOutputs {
    /// The resume as plain text (what extraction would produce).
    public static let resumeSourceText = """
        Zoë Lindqvist-Amaral
        Senior Backend Engineer
        Porto, Portugal · zoe.lindqvist@example.com · +351 912 345 678
        https://zoe-lindqvist.example.dev · linkedin.com/in/zoelindqvist · github.com/zlindqvist

        SUMMARY
        Backend engineer with nine years of experience building payment and logistics platforms in
        Go and Python. I like boring infrastructure, clear on-call runbooks and small pull requests.

        EXPERIENCE
        Senior Backend Engineer — Fjordline Logistics AS, Porto (remote)       Mar 2021 – Present
        - Led the migration of shipment tracking from a monolith to six Go services (40k events/s).
        - Cut p99 latency of the quote API from 900 ms to 120 ms with PostgreSQL partitioning.
        - Mentor for four engineers; wrote the team's incident review process.

        Backend Engineer — Kestrel Data Systems GmbH, Berlin                   06/2017 – 02/2021
        - Built the settlement service for card payments in Python and PostgreSQL.
        - Introduced Kafka-based event sourcing for ledger entries.

        Junior Developer — Casa Verde Software, Lisbon                          Sept 2015 – May 2017
        - Maintained Django web shops for regional retailers.

        EDUCATION
        Universidade do Minho — MSc Informatics Engineering, 2013 – 2015
        Universidade do Minho — BSc Computer Science, 2010 – 2013, GPA 16/20

        SKILLS
        Languages: Go, Python, SQL
        Data: PostgreSQL, Kafka, Redis
        Operations: Kubernetes, Terraform, Prometheus

        LANGUAGES
        Portuguese (native), English (C2), Swedish (B1)

        CERTIFICATES
        Certified Kubernetes Administrator (CKA), Cloud Native Computing Foundation, 2022
        """

    /// The structured resume for `resumeSourceText`, valid against schemas/resume.schema.json.
    public static let resumeJSON = #"""
        {
          "basics": {
            "name": "Zoë Lindqvist-Amaral",
            "label": "Senior Backend Engineer",
            "email": "zoe.lindqvist@example.com",
            "phone": "+351 912 345 678",
            "url": "https://zoe-lindqvist.example.dev",
            "summary": "Backend engineer with nine years of experience building payment and logistics platforms in Go and Python.",
            "location": { "city": "Porto", "countryCode": "PT" },
            "profiles": [
              { "network": "LinkedIn", "username": "zoelindqvist", "url": "https://linkedin.com/in/zoelindqvist" },
              { "network": "GitHub", "username": "zlindqvist", "url": "https://github.com/zlindqvist" }
            ]
          },
          "work": [
            {
              "name": "Fjordline Logistics AS",
              "position": "Senior Backend Engineer",
              "location": "Porto (remote)",
              "startDate": "2021-03",
              "isCurrent": true,
              "highlights": [
                "Led the migration of shipment tracking from a monolith to six Go services (40k events/s).",
                "Cut p99 latency of the quote API from 900 ms to 120 ms with PostgreSQL partitioning.",
                "Mentor for four engineers; wrote the team's incident review process."
              ]
            },
            {
              "name": "Kestrel Data Systems GmbH",
              "position": "Backend Engineer",
              "location": "Berlin",
              "startDate": "2017-06",
              "endDate": "2021-02",
              "highlights": [
                "Built the settlement service for card payments in Python and PostgreSQL.",
                "Introduced Kafka-based event sourcing for ledger entries."
              ]
            },
            {
              "name": "Casa Verde Software",
              "position": "Junior Developer",
              "location": "Lisbon",
              "startDate": "2015-09",
              "endDate": "2017-05",
              "highlights": ["Maintained Django web shops for regional retailers."]
            }
          ],
          "education": [
            {
              "institution": "Universidade do Minho",
              "area": "Informatics Engineering",
              "studyType": "MSc",
              "startDate": "2013",
              "endDate": "2015"
            },
            {
              "institution": "Universidade do Minho",
              "area": "Computer Science",
              "studyType": "BSc",
              "startDate": "2010",
              "endDate": "2013",
              "score": "16/20"
            }
          ],
          "skills": [
            { "name": "Languages", "keywords": ["Go", "Python", "SQL"] },
            { "name": "Data", "keywords": ["PostgreSQL", "Kafka", "Redis"] },
            { "name": "Operations", "keywords": ["Kubernetes", "Terraform", "Prometheus"] }
          ],
          "languages": [
            { "language": "Portuguese", "fluency": "Native" },
            { "language": "English", "fluency": "C2" },
            { "language": "Swedish", "fluency": "B1" }
          ],
          "certificates": [
            { "name": "Certified Kubernetes Administrator (CKA)", "issuer": "Cloud Native Computing Foundation", "date": "2022" }
          ],
          "derived": {
            "skillsNormalized": ["Go", "Python", "SQL", "PostgreSQL", "Kafka", "Redis", "Kubernetes", "Terraform", "Prometheus", "Django"],
            "totalYearsExperience": 9.2,
            "seniority": "senior",
            "highestEducationLevel": "master"
          }
        }
        """#

    /// The job description as plain text.
    public static let jdSourceText = """
        Brightwater Analytics Ltd. — Staff Data Platform Engineer
        Manchester, United Kingdom (hybrid: two days a week in the office) · Full-time
        Salary: £85,000 – £100,000 per year

        About us
        Brightwater Analytics builds forecasting software for water utilities across Europe.
        https://brightwater-analytics.example.co.uk

        What you will do
        - Own the design of our streaming ingestion platform (Kafka, Flink).
        - Set standards for data quality checks and lineage across twelve product teams.
        - Mentor senior engineers and lead architecture reviews.

        What you bring
        - 8+ years building data platforms in production.
        - Strong Python or Scala; deep knowledge of Apache Kafka.
        - Experience with Kubernetes and infrastructure as code (Terraform).
        - Bachelor's degree in Computer Science or a related field, or equivalent experience.

        Nice to have
        - Apache Flink or Spark Structured Streaming.
        - Experience in the utilities or energy sector.

        Benefits: 30 days holiday, 8% pension contribution, £1,500 yearly learning budget.
        You must have the right to work in the UK; we cannot offer visa sponsorship.
        Apply by 31 March 2026.
        """

    /// The structured job description for `jdSourceText`, valid against schemas/jd.schema.json.
    public static let jdJSON = #"""
        {
          "@type": "JobPosting",
          "title": "Staff Data Platform Engineer",
          "hiringOrganization": { "name": "Brightwater Analytics Ltd.", "sameAs": "https://brightwater-analytics.example.co.uk" },
          "description": "Staff engineer owning the streaming ingestion platform of a forecasting software company for water utilities, setting data quality standards across product teams and mentoring senior engineers.",
          "employmentType": ["FULL_TIME"],
          "jobLocation": [{ "address": { "addressLocality": "Manchester", "addressCountry": "GB" } }],
          "remote": "Hybrid",
          "baseSalary": { "currency": "GBP", "value": { "minValue": 85000, "maxValue": 100000, "unitText": "YEAR" } },
          "validThrough": "2026-03-31",
          "experienceRequirements": { "monthsOfExperience": 96, "description": "8+ years building data platforms in production." },
          "educationRequirements": [
            { "credentialCategory": "bachelor degree", "about": "Computer Science or a related field", "requirement": "required" }
          ],
          "experienceInPlaceOfEducation": true,
          "responsibilities": [
            "Own the design of the streaming ingestion platform (Kafka, Flink).",
            "Set standards for data quality checks and lineage across twelve product teams.",
            "Mentor senior engineers and lead architecture reviews."
          ],
          "qualifications": [
            "8+ years building data platforms in production.",
            "Bachelor's degree in Computer Science or a related field, or equivalent experience.",
            "Right to work in the UK."
          ],
          "skills": [
            { "name": "Python", "normalized": "Python", "requirement": "required" },
            { "name": "Scala", "normalized": "Scala", "requirement": "required" },
            { "name": "Apache Kafka", "normalized": "Kafka", "requirement": "required", "level": "deep knowledge" },
            { "name": "Kubernetes", "normalized": "Kubernetes", "requirement": "required" },
            { "name": "Terraform", "normalized": "Terraform", "requirement": "required" },
            { "name": "Apache Flink", "normalized": "Flink", "requirement": "preferred" },
            { "name": "Spark Structured Streaming", "normalized": "Spark", "requirement": "preferred" }
          ],
          "seniority": "lead",
          "industry": "Utilities software",
          "jobBenefits": ["30 days holiday", "8% pension contribution", "£1,500 yearly learning budget"],
          "eligibilityToWorkRequirement": "You must have the right to work in the UK; we cannot offer visa sponsorship."
        }
        """#

    /// `resumeJSON` parsed (`.null` only if the literal above were broken, which a test rules out).
    public static let resume: JSONValue = (try? JSONValue.parse(resumeJSON)) ?? .null

    /// `jdJSON` parsed (`.null` only if the literal above were broken, which a test rules out).
    public static let jd: JSONValue = (try? JSONValue.parse(jdJSON)) ?? .null
}
