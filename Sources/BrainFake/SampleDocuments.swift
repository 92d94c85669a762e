/// Invented documents the fake provider answers structured tasks with.
///
/// Both validate against the shared output schemas (`resume.schema.json`, `jd.schema.json`);
/// the people and companies are fictional.
public enum SampleDocuments {
    /// A resume_parsing result for a fictional senior backend engineer.
    public static let resumeJSON = #"""
        {
          "basics": {
            "name": "Marta Okonkwo-Lindqvist",
            "label": "Senior Backend Engineer",
            "email": "marta.lindqvist@example.com",
            "phone": "+46 70 555 01 23",
            "url": "https://marta-lindqvist.example.com",
            "summary": "Backend engineer with ten years of experience building payment and logistics platforms in Go and Python. Led the migration of a monolith to event-driven services handling 40 million events a day.",
            "location": {"city": "Gothenburg", "region": "Vastra Gotaland", "countryCode": "SE"},
            "profiles": [
              {"network": "GitHub", "username": "mokonlind", "url": "https://github.com/mokonlind"},
              {"network": "LinkedIn", "username": "marta-okonkwo-lindqvist", "url": "https://www.linkedin.com/in/marta-okonkwo-lindqvist"}
            ]
          },
          "work": [
            {
              "name": "Northwind Freight AB",
              "position": "Senior Backend Engineer",
              "location": "Gothenburg, SE",
              "description": "Freight booking and tracking platform",
              "startDate": "2021-03",
              "isCurrent": true,
              "summary": "Tech lead for the shipment tracking domain (6 engineers).",
              "highlights": [
                "Split the booking monolith into 11 Go services on Kubernetes, cutting deploy time from 45 to 6 minutes",
                "Designed the Kafka event backbone that now carries 40M events per day",
                "Introduced contract tests and on-call runbooks; incident count fell by half in a year"
              ]
            },
            {
              "name": "Lumen Payments",
              "position": "Backend Engineer",
              "location": "Stockholm, SE",
              "startDate": "2017-08",
              "endDate": "2021-02",
              "highlights": [
                "Built the card settlement reconciliation service in Python and PostgreSQL",
                "Reduced nightly batch runtime from 3 hours to 20 minutes by partitioning ledger tables"
              ]
            },
            {
              "name": "Kvarn Digital",
              "position": "Junior Developer",
              "location": "Uppsala, SE",
              "startDate": "2015-06",
              "endDate": "2017-07",
              "highlights": ["Maintained Django e-commerce sites for retail clients"]
            }
          ],
          "education": [
            {
              "institution": "Uppsala University",
              "area": "Computer Science",
              "studyType": "Master of Science",
              "startDate": "2013",
              "endDate": "2015"
            },
            {
              "institution": "University of Lagos",
              "area": "Electrical Engineering",
              "studyType": "Bachelor of Engineering",
              "endDate": "2012",
              "score": "First Class"
            }
          ],
          "skills": [
            {"name": "Backend", "level": "Expert", "keywords": ["Go", "Python", "PostgreSQL", "Kafka", "gRPC"]},
            {"name": "Infrastructure", "keywords": ["Kubernetes", "Terraform", "AWS", "Prometheus"]},
            {"name": "Practices", "keywords": ["Domain-driven design", "Contract testing", "Incident management"]}
          ],
          "languages": [
            {"language": "English", "fluency": "Fluent"},
            {"language": "Swedish", "fluency": "Fluent"},
            {"language": "Yoruba", "fluency": "Native"}
          ],
          "certificates": [
            {"name": "Certified Kubernetes Application Developer", "date": "2022-05", "issuer": "The Linux Foundation"}
          ],
          "projects": [
            {
              "name": "pgpartman-lite",
              "description": "Small open-source tool that automates monthly partition rotation for PostgreSQL ledger tables.",
              "keywords": ["PostgreSQL", "Go"],
              "url": "https://github.com/mokonlind/pgpartman-lite"
            }
          ],
          "derived": {
            "skillsNormalized": ["Go", "Python", "PostgreSQL", "Apache Kafka", "gRPC", "Kubernetes", "Terraform", "AWS", "Prometheus", "Django", "Domain-Driven Design"],
            "totalYearsExperience": 10.4,
            "asOfDate": "2025-10-15",
            "seniority": "senior",
            "highestEducationLevel": "master"
          }
        }
        """#

    /// A jd_parsing result for a fictional senior data engineer posting.
    public static let jobDescriptionJSON = #"""
        {
          "@type": "JobPosting",
          "title": "Senior Data Engineer",
          "hiringOrganization": {"name": "Tidewater Analytics", "sameAs": "https://tidewater-analytics.example.com"},
          "description": "Tidewater Analytics is hiring a senior data engineer to own the ingestion and modelling layer of its maritime analytics platform. You will design batch and streaming pipelines and mentor two mid-level engineers.",
          "employmentType": ["FULL_TIME"],
          "jobLocation": [{"address": {"addressLocality": "Lisbon", "addressCountry": "PT"}}],
          "remote": "Hybrid",
          "baseSalary": {"currency": "EUR", "value": {"minValue": 62000, "maxValue": 78000, "unitText": "YEAR"}},
          "datePosted": "2025-09-30",
          "validThrough": "2025-11-30",
          "experienceRequirements": {"monthsOfExperience": 60, "description": "5+ years building production data pipelines"},
          "educationRequirements": [
            {"credentialCategory": "bachelor degree", "about": "Computer Science, Statistics or a related field", "requirement": "preferred"}
          ],
          "experienceInPlaceOfEducation": true,
          "responsibilities": [
            "Design, build and operate batch and streaming pipelines for vessel position and port call data",
            "Own the dbt models that feed customer-facing dashboards",
            "Set data quality standards and alerting for the ingestion layer",
            "Mentor two mid-level data engineers and review their designs"
          ],
          "qualifications": [
            "5+ years of experience as a data engineer",
            "Experience operating pipelines in production with on-call duties",
            "Fluent written and spoken English"
          ],
          "skills": [
            {"name": "Python", "normalized": "Python", "requirement": "required"},
            {"name": "SQL", "normalized": "SQL", "requirement": "required"},
            {"name": "Apache Spark", "normalized": "Apache Spark", "requirement": "required"},
            {"name": "dbt", "normalized": "dbt", "requirement": "required"},
            {"name": "Airflow", "normalized": "Apache Airflow", "requirement": "required"},
            {"name": "Kafka", "normalized": "Apache Kafka", "requirement": "preferred"},
            {"name": "GCP BigQuery", "normalized": "BigQuery", "requirement": "preferred", "level": "2+ years"}
          ],
          "seniority": "senior",
          "industry": "Maritime logistics analytics",
          "occupationalCategory": "15-1243.00 Database Architects",
          "jobBenefits": ["25 days of paid leave", "Annual learning budget of EUR 1,500", "Two office days per week in Lisbon"],
          "eligibilityToWorkRequirement": "Must be eligible to work in the European Union; no visa sponsorship"
        }
        """#
}
