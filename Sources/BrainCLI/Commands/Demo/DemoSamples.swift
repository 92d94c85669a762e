import BrainCore
import BrainResources
import Foundation

/// The demo's bundled documents (`samples/resumes`, `samples/jobs`) and the answers its fake
/// providers give for them (`samples/answers`), all compiled into the binary.
struct DemoSamples: Sendable {
    /// One document to ingest, by its path relative to the demo folder (e.g. `resumes/amara-osei.txt`).
    struct Document: Sendable, Equatable {
        var path: String
        var data: Data
        var task: TaskType
    }

    /// A prepared answer: given when the prompt contains `marker` (the person's or the company's name).
    struct Answer: Sendable, Equatable {
        var marker: String
        var task: TaskType
        var text: String
    }

    var documents: [Document]
    var answers: [Answer]

    /// Folder of each task's documents, relative to the demo folder.
    static let folders: [(folder: String, task: TaskType)] = [("resumes", .resumeParsing), ("jobs", .jdParsing)]

    /// The samples compiled into this binary.
    static func embedded() throws(DemoError) -> DemoSamples {
        try DemoSamples(files: BrainResources.files(under: "samples"))
    }

    /// Reads documents and answers from `files` (path relative to `samples/` -> bytes).
    init(files: [String: Data]) throws(DemoError) {
        var documents: [Document] = []
        var answers: [Answer] = []
        for (path, data) in files.sorted(by: { $0.key < $1.key }) {
            let parts = path.split(separator: "/")
            guard parts.count == 2, let name = parts.last, !name.hasPrefix(".") else { continue }
            if let entry = Self.folders.first(where: { $0.folder == parts[0] }) {
                documents.append(Document(path: path, data: data, task: entry.task))
            } else if parts[0] == "answers", name.hasSuffix(".json") {
                answers.append(try Self.answer(path: path, data: data))
            }
        }
        for (_, task) in Self.folders where !documents.contains(where: { $0.task == task }) {
            throw DemoError.missingSamples(task.rawValue)
        }
        self.documents = documents
        self.answers = answers
    }

    private static func answer(path: String, data: Data) throws(DemoError) -> Answer {
        let text = String(decoding: data, as: UTF8.self)
        guard let document = try? JSONValue.parse(text) else { throw DemoError.badAnswer(path) }
        if let name = document["basics"]?["name"]?.stringValue, !name.isEmpty {
            return Answer(marker: name, task: .resumeParsing, text: text)
        }
        if let company = document["hiringOrganization"]?["name"]?.stringValue, !company.isEmpty {
            return Answer(marker: company, task: .jdParsing, text: text)
        }
        throw DemoError.badAnswer(path)
    }

    /// Writes every document under `folder`, creating `resumes/` and `jobs/`.
    func write(into folder: URL) throws {
        for (name, _) in Self.folders {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        for document in documents {
            try document.data.write(to: folder.appendingPathComponent(document.path), options: .atomic)
        }
    }

    /// The prepared answer for a prompt of `task`: the one whose marker the prompt mentions
    /// (ignoring case: a resume may spell its owner's name in capitals).
    func answer(task: TaskType, prompt: String) -> Answer? {
        answers.first { $0.task == task && prompt.range(of: $0.marker, options: [.caseInsensitive, .diacriticInsensitive]) != nil }
    }

    /// How many documents of `task` there are.
    func count(_ task: TaskType) -> Int { documents.filter { $0.task == task }.count }

    /// The file extensions present, sorted ("docx", "html", ...).
    var formats: [String] {
        Set(documents.compactMap { $0.path.split(separator: ".").last.map(String.init) }).sorted()
    }
}

/// Why the demo could not run.
enum DemoError: Error, CustomStringConvertible {
    case missingSamples(String)
    case badAnswer(String)
    case folderInUse(String)
    case fakeProvider(String)

    var description: String {
        switch self {
        case .missingSamples(let task): return "this build has no bundled sample documents for \(task)"
        case .badAnswer(let path): return "the bundled answer samples/\(path) is not a resume or job description"
        case .folderInUse(let path): return "\(path) already holds a database; give --keep a new or empty folder"
        case .fakeProvider(let why): return "could not start a fake provider on 127.0.0.1: \(why)"
        }
    }
}
