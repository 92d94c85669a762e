import BrainCore
import BrainPrompt
import BrainResources
import BrainStore
import Foundation

/// Why an original-format file could not be imported.
public enum OriginalImportError: Error, Sendable, CustomStringConvertible {
    case file(ImportError)
    case templates(TemplateLibraryError)
    /// A provider brain does not know, given without `base_url`.
    case missingBaseURL(String)

    public var description: String {
        switch self {
        case .file(let e): return "import: \(e)"
        case .templates(let e): return "import: \(e)"
        case .missingBaseURL(let name):
            return "import: providers.\(name): no base_url, and '\(name)' is not a provider brain knows (add base_url and kind)"
        }
    }
}

/// What an import changed, for the summary `brain import` prints.
public struct ImportReport: Sendable, Equatable {
    /// `templates` or `providers`.
    public var kind: String
    /// Imported templates stored, as `name@version-prefix`.
    public var templatesStored: [String] = []
    /// Files written under `--write-templates`, relative to that folder.
    public var filesWritten: [String] = []
    /// `template.key` entries of the file that brain does not use.
    public var ignoredKeys: [String] = []
    public var providersAdded: [String] = []
    public var providersUpdated: [String] = []
    /// Providers the file describes exactly as they are stored already.
    public var providersUnchanged: [String] = []
    /// `provider/VARIABLE` keys registered as `env:` references.
    public var keysRegistered: [String] = []
    /// `provider/VARIABLE` references that existed already.
    public var keysSkipped: [String] = []

    public init(kind: String) { self.kind = kind }
}

/// Imports the original system's `templates.yaml` and `providers.yaml` into the store.
public struct OriginalImport {
    let db: Database
    let clock: any WallClock

    public init(db: Database, clock: any WallClock = SystemClock()) {
        self.db = db
        self.clock = clock
    }

    /// Detects the file's kind and imports it; `writeTemplates` also writes templates in the folder layout.
    public func run(yaml: String, writeTemplates: URL?) throws -> ImportReport {
        let kind: OriginalFormatImporter.FileKind
        do { kind = try OriginalFormatImporter.kind(ofYAML: yaml) } catch { throw OriginalImportError.file(error) }
        switch kind {
        case .templates:
            let imported: [ImportedTemplate]
            do { imported = try OriginalFormatImporter.templates(fromYAML: yaml) } catch { throw OriginalImportError.file(error) }
            return try importTemplates(imported, writeTo: writeTemplates)
        case .providers:
            let imported: [ImportedProvider]
            do { imported = try OriginalFormatImporter.providers(fromYAML: yaml) } catch { throw OriginalImportError.file(error) }
            return try importProviders(imported)
        }
    }

    /// Stores each imported template (and any base it needs) as the active version of its name.
    ///
    /// Bases the file does not define come from the write folder, else the store, else
    /// `./templates` or the built-in set.
    public func importTemplates(_ imported: [ImportedTemplate], writeTo directory: URL?) throws -> ImportReport {
        var report = ImportReport(kind: "templates")
        report.ignoredKeys = imported.flatMap { t in t.ignoredKeys.map { "\(t.name).\($0)" } }.sorted()
        let existing = try baseFiles(writeTo: directory)
        let merged: TemplateLibrary
        do { merged = try TemplateLibrary.load(imported: imported, over: existing) } catch { throw OriginalImportError.templates(error) }
        var needed = Set(imported.map(\.name))
        for t in imported { needed.formUnion(merged[t.name]?.chain ?? []) }
        var files = TemplateFiles.subset(needed, of: existing)
        for t in imported {
            for key in files.keys where key.hasPrefix(t.name + "/") { files[key] = nil }
            files.merge(t.files) { $1 }
        }
        let library: TemplateLibrary
        do { library = try TemplateLibrary.load(files: files) } catch { throw OriginalImportError.templates(error) }
        var setup = SetupReport()
        try db.transaction { try TemplateSetup.store(library, db: db, clock: clock, into: &setup) }
        let importedNames = Set(imported.map(\.name))
        report.templatesStored = library.names.filter { importedNames.contains($0) }.compactMap { name in
            library[name].map { "\(name)@\($0.version.prefix(12))" }
        }
        if let directory {
            try write(imported, bases: files, into: directory, report: &report)
        }
        return report
    }

    /// Writes the imported templates, plus any base the folder lacks, and removes part files an
    /// imported template no longer defines (they would otherwise change its meaning).
    private func write(_ imported: [ImportedTemplate], bases: [String: String], into directory: URL, report: inout ImportReport) throws {
        let present = TemplateFiles.read(directory: directory)
        var output: [String: String] = [:]
        for (path, contents) in bases where !present.keys.contains(where: { $0.hasPrefix(Self.folder(of: path) + "/") }) {
            output[path] = contents
        }
        for t in imported {
            let files = t.files
            for path in present.keys where path.hasPrefix(t.name + "/") && files[path] == nil {
                try? FileManager.default.removeItem(at: directory.appendingPathComponent(path))
            }
            output.merge(files) { $1 }
        }
        do { try TemplateLibrary.write(files: output, to: directory) } catch { throw OriginalImportError.templates(error) }
        report.filesWritten = output.keys.sorted()
    }

    private static func folder(of path: String) -> String {
        String(path.prefix(while: { $0 != "/" }))
    }

    /// The templates an import is layered over.
    private func baseFiles(writeTo directory: URL?) throws -> [String: String] {
        if let directory {
            let files = TemplateFiles.read(directory: directory)
            if !files.isEmpty { return files }
        }
        if let stored = try TemplateSet.stored(db: db) {
            var files: [String: String] = [:]
            for name in stored.names {
                if let t = stored.entries[name]?.template { files.merge(TemplateFiles.flattened(t)) { $1 } }
            }
            return files
        }
        let local = TemplateFiles.read(directory: URL(fileURLWithPath: "templates"))
        if local.keys.contains(where: { $0.hasPrefix("resume_parsing/") }) { return local }
        return BrainResources.textFiles(under: "templates")
    }

    /// Adds or updates each provider and registers its `api_key_envs` as `env:` key references.
    ///
    /// A provider brain knows by name (`DefaultProviders`) takes its kind, base URL and models
    /// from there unless the file says otherwise; an unknown one needs `base_url`.
    public func importProviders(_ imported: [ImportedProvider]) throws -> ImportReport {
        var report = ImportReport(kind: "providers")
        let providers = ProviderRepository(db: db, clock: clock)
        let keys = KeyRepository(db: db, clock: clock)
        try db.transaction {
            for entry in imported {
                let existing = try? providers.named(entry.name)
                let known = DefaultProviders.providers.first { $0.name == entry.name }
                var record: ProviderRecord
                if let base = existing ?? known {
                    record = base
                } else {
                    guard entry.baseURL != nil else { throw OriginalImportError.missingBaseURL(entry.name) }
                    record = ProviderRecord(name: entry.name, kind: "openai", baseURL: "", keyRequired: !entry.apiKeyEnvs.isEmpty)
                }
                if let url = entry.baseURL { record.baseURL = url }
                if let kind = entry.kind { record.kind = kind }
                if !entry.models.isEmpty { record.models = entry.models }
                if let limit = entry.dailyLimit { record.dailyLimit = limit }
                record.priority = entry.priority
                record.enabled = entry.enabled
                if existing == record {
                    report.providersUnchanged.append(entry.name)
                } else if existing != nil {
                    try providers.update(record)
                    report.providersUpdated.append(entry.name)
                } else {
                    try providers.add(record)
                    report.providersAdded.append(entry.name)
                }
                let references = Set(try keys.all(provider: entry.name).map(\.reference))
                for variable in entry.apiKeyEnvs {
                    if references.contains("env:\(variable)") {
                        report.keysSkipped.append("\(entry.name)/\(variable)")
                        continue
                    }
                    do {
                        try keys.add(provider: entry.name, .init(reference: "env:\(variable)", label: variable))
                        report.keysRegistered.append("\(entry.name)/\(variable)")
                    } catch ConfigError.keyExists {
                        // Another key already carries this label; leave it alone.
                        report.keysSkipped.append("\(entry.name)/\(variable)")
                    }
                }
            }
        }
        return report
    }
}
