import BrainCore
import BrainPrompt
import BrainStore
import Foundation

/// The templates `brain templates` lists, shows and renders: the store's active versions when
/// the database has templates, else `./templates`, else the set built into the binary.
public struct TemplateSet: Sendable {
    /// One template as a person sees it.
    public struct Entry: Sendable {
        public var template: ResolvedTemplate
        /// The stored version (the content hash jobs record).
        public var version: String
        /// The template followed by its bases, nearest first.
        public var chain: [String]
        /// Whether the template names of each part's origin are known (false for stored templates,
        /// whose parts are stored with the base chain applied).
        public var originsKnown: Bool
    }

    /// Where the templates came from: `database PATH`, `./templates` or `built-in`.
    public let origin: String
    public let entries: [String: Entry]
    /// The same templates, ready for `PromptAssembler`.
    public let library: TemplateLibrary

    public var names: [String] { entries.keys.sorted() }

    /// The store's active templates; nil when the store holds none.
    public static func stored(db: Database) throws -> TemplateSet? {
        let catalog = try TemplateCatalog.load(db: db)
        guard !catalog.active.isEmpty else { return nil }
        var chains: [String: [String]] = [:]
        for row in try db.query("SELECT name, metadata FROM templates WHERE active = 1") {
            guard let name = row.string("name"), let metadata = try? JSONValue.parse(row.string("metadata") ?? "{}") else { continue }
            chains[name] = metadata["chain"]?.arrayValue?.compactMap(\.stringValue)
        }
        var files: [String: String] = [:]
        var entries: [String: Entry] = [:]
        for (name, version) in catalog.active {
            guard let template = catalog.byVersion[version] else { continue }
            files.merge(TemplateFiles.flattened(template)) { $1 }
            entries[name] = Entry(template: template, version: version, chain: chains[name] ?? [name], originsKnown: false)
        }
        let library: TemplateLibrary
        do { library = try TemplateLibrary.load(files: files) } catch { throw TemplateSetupError.library(error) }
        return TemplateSet(origin: "database \(db.path)", entries: entries, library: library)
    }

    /// The templates of `directory`, else `./templates`, else the built-in set (see `TemplateSetup.library`).
    public static func files(directory: String?) throws -> TemplateSet {
        let (library, origin) = try TemplateSetup.library(directory: directory)
        var entries: [String: Entry] = [:]
        for name in library.names {
            guard let template = library[name] else { continue }
            entries[name] = Entry(template: template, version: template.version, chain: template.chain, originsKnown: true)
        }
        return TemplateSet(origin: origin, entries: entries, library: library)
    }
}
