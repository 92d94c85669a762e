import BrainCore

/// The main fields of a parsed resume or job description as flat text (the CSV export's columns).
///
/// Field names follow schemas/resume.schema.json and schemas/jd.schema.json. Lists are joined
/// with "; ". A field the document lacks, or that has the wrong type, is empty.
public enum ResultFlattener {
    /// Columns every row has.
    public static let commonColumns = [
        "result_id", "job_id", "task", "document", "provider", "model", "verdict", "created_at",
    ]
    /// Columns of `resume_parsing` results.
    public static let resumeColumns = ["name", "email", "phone", "current_title", "total_years", "top_skills"]
    /// Columns of `jd_parsing` results.
    public static let jdColumns = ["title", "company", "location", "remote", "employment_type", "required_skills"]

    /// How many skills `top_skills` lists.
    static let topSkillCount = 5

    /// The columns for results of `task`; nil (every task) gives the union.
    public static func columns(task: String?) -> [String] {
        switch task {
        case nil: return commonColumns + resumeColumns + jdColumns
        case "resume_parsing": return commonColumns + resumeColumns
        case "jd_parsing": return commonColumns + jdColumns
        default: return commonColumns
        }
    }

    /// The record's values by column name (columns it does not fill are absent).
    public static func fields(of record: ResultRecord) -> [String: String] {
        var fields: [String: String] = [
            "result_id": String(record.id), "job_id": String(record.jobID), "task": record.task,
            "document": record.documentPath ?? "", "provider": record.provider ?? "", "model": record.model ?? "",
            "verdict": record.verdict, "created_at": record.createdAt,
        ]
        guard let parsed = record.parsed else { return fields }
        switch record.task {
        case "resume_parsing": fields.merge(resume(parsed, asOf: String(record.createdAt.prefix(10)))) { $1 }
        case "jd_parsing": fields.merge(jobDescription(parsed)) { $1 }
        default: break
        }
        return fields
    }

    /// name, email, phone, current title (basics.label, else the current or first role's position),
    /// total years (derived.totalYearsExperience, else computed from work dates up to derived.asOfDate
    /// or `asOf`), top skills (derived.skillsNormalized, else skills[].name; the first five).
    public static func resume(_ r: JSONValue, asOf: String) -> [String: String] {
        let basics = r["basics"]
        let work = r["work"]?.arrayValue ?? []
        let derived = r["derived"]
        let currentRole = work.first { $0["isCurrent"]?.boolValue == true } ?? work.first
        let title = text(basics?["label"]) ?? text(currentRole?["position"])
        let years = derived?["totalYearsExperience"]?.doubleValue
            ?? ExperienceYears.total(work: work, asOf: text(derived?["asOfDate"]) ?? asOf)
        var skills = (derived?["skillsNormalized"]?.arrayValue ?? []).compactMap(text)
        if skills.isEmpty { skills = (r["skills"]?.arrayValue ?? []).compactMap { text($0["name"]) } }
        return [
            "name": text(basics?["name"]) ?? "", "email": text(basics?["email"]) ?? "",
            "phone": text(basics?["phone"]) ?? "", "current_title": title ?? "",
            "total_years": years.map(oneDecimal) ?? "",
            "top_skills": skills.prefix(topSkillCount).joined(separator: "; "),
        ]
    }

    /// title, company (hiringOrganization.name), location (each jobLocation[].address as
    /// "locality, region, country"; "Remote" when there is none and remote is Full), remote,
    /// employment type, required skills (skills[] whose requirement is "required", by name).
    public static func jobDescription(_ jd: JSONValue) -> [String: String] {
        let places = (jd["jobLocation"]?.arrayValue ?? []).compactMap { place -> String? in
            let address = place["address"]
            let parts = ["addressLocality", "addressRegion", "addressCountry"].compactMap { text(address?[$0]) }
            return parts.isEmpty ? nil : parts.joined(separator: ", ")
        }
        let remote = text(jd["remote"])
        let location = places.isEmpty ? (remote == "Full" ? "Remote" : "") : places.joined(separator: "; ")
        let employment: [String] = jd["employmentType"]?.arrayValue?.compactMap(text) ?? text(jd["employmentType"]).map { [$0] } ?? []
        let required = (jd["skills"]?.arrayValue ?? [])
            .filter { $0["requirement"]?.stringValue == "required" }
            .compactMap { text($0["name"]) }
        return [
            "title": text(jd["title"]) ?? "", "company": text(jd["hiringOrganization"]?["name"]) ?? "",
            "location": location, "remote": remote ?? "", "employment_type": employment.joined(separator: "; "),
            "required_skills": required.joined(separator: "; "),
        ]
    }

    /// A scalar as text: strings as they are, numbers and booleans as JSON writes them; nil otherwise.
    static func text(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let s): return s.isEmpty ? nil : s
        case .number, .bool: return value?.serialized()
        default: return nil
        }
    }

    static func oneDecimal(_ years: Double) -> String {
        guard years.isFinite, abs(years) < 1e9 else { return "" }
        let tenths = Int((years * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        return "\(sign)\(abs(tenths) / 10).\(abs(tenths) % 10)"
    }
}
