import BrainCore
import BrainResources
import Foundation

/// All templates of a `templates/` folder, resolved through their bases and compiled once.
///
/// Layout: one folder per template holding `template.yaml` (settings, all optional) and one
/// file per part (`system.jinja`, `developer.jinja`, `user.jinja`, `assistant.jinja`). A part
/// whose file is missing is inherited from the base (`base:` in `template.yaml`), then from
/// the base's base; an existing but empty file means "no such part". Settings not given are
/// inherited the same way, then default to the task profile (`task` defaults to the folder
/// name when it is a task type, else to the base's task, else `generic`). Other files
/// (README.md and the like) are ignored.
public struct TemplateLibrary: Sendable {
    /// Resolved templates by name.
    public let templates: [String: ResolvedTemplate]
    /// The template files this library was loaded from (relative path -> contents), so a
    /// store can keep them and rebuild the same library with `load(files:)`.
    public let files: [String: String]

    /// Template names, sorted.
    public var names: [String] { templates.keys.sorted() }

    public subscript(name: String) -> ResolvedTemplate? { templates[name] }

    /// The resolved template, or `unknownTemplate`.
    public func template(named name: String) throws(TemplateLibraryError) -> ResolvedTemplate {
        guard let template = templates[name] else { throw .unknownTemplate(name) }
        return template
    }

    /// Loads from file contents keyed by path relative to the templates folder
    /// (`"resume_parsing/system.jinja"`); pure, so embedded copies load the same way.
    public static func load(files: [String: String], limits: TemplateLimits = .standard) throws(TemplateLibraryError) -> TemplateLibrary {
        var definitions: [String: TemplateDefinition] = [:]
        for path in files.keys.sorted() {
            guard let contents = files[path] else { continue }
            var components = path.split(separator: "/").map(String.init).filter { $0 != "." }
            if components.first == "templates" && components.count == 3 { components.removeFirst() }
            guard components.count == 2 else {
                if path.hasSuffix(".jinja") || path.hasSuffix("template.yaml") { throw .unexpectedFile(path) }
                continue
            }
            let (name, file) = (components[0], components[1])
            var definition = definitions[name] ?? TemplateDefinition(name: name)
            if file == "template.yaml" {
                try definition.readMetadata(contents, file: path)
            } else if file.hasSuffix(".jinja") {
                guard let part = TemplatePart(rawValue: String(file.dropLast(".jinja".count))) else { throw .unexpectedFile(path) }
                do { definition.parts[part] = try Template(source: contents, name: name + "/" + file, limits: limits) } catch {
                    throw .template(error)
                }
            } else {
                continue
            }
            definitions[name] = definition
        }
        var resolved: [String: ResolvedTemplate] = [:]
        for name in definitions.keys.sorted() {
            resolved[name] = try resolve(name, in: definitions)
        }
        var kept: [String: String] = [:]
        for (path, contents) in files where path.hasSuffix(".jinja") || path.hasSuffix("template.yaml") { kept[path] = contents }
        return TemplateLibrary(templates: resolved, files: kept)
    }

    /// The templates shipped in the binary: the repository's `templates/` folder, compiled in at
    /// build time by the EmbedRepositoryFolders plugin (no second copy is kept by hand).
    public static func defaults(limits: TemplateLimits = .standard) throws(TemplateLibraryError) -> TemplateLibrary {
        try load(files: BrainResources.textFiles(under: "templates"), limits: limits)
    }

    /// The exact messages template `name` produces for `input` (what `brain templates render`
    /// prints); same as `PromptAssembler(library:).assemble(template:input:settings:)`.
    public func render(template name: String, input: String, settings: PromptAssemblyOptions = PromptAssemblyOptions()) throws(TemplateLibraryError) -> AssembledPrompt {
        try PromptAssembler(library: self).assemble(template: name, input: input, settings: settings)
    }

    /// Reads every file under `directory` (two levels: template folders and their files) and
    /// calls `load(files:)`.
    public static func load(directory: URL, limits: TemplateLimits = .standard) throws(TemplateLibraryError) -> TemplateLibrary {
        var files: [String: String] = [:]
        let manager = FileManager.default
        let folders: [String]
        do { folders = try manager.contentsOfDirectory(atPath: directory.path) } catch {
            throw .unreadable(path: directory.path, message: "not a readable folder")
        }
        for folder in folders.sorted() where !folder.hasPrefix(".") {
            let folderURL = directory.appendingPathComponent(folder)
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: folderURL.path, isDirectory: &isDirectory), isDirectory.boolValue,
                let entries = try? manager.contentsOfDirectory(atPath: folderURL.path)
            else { continue }
            for entry in entries where entry == "template.yaml" || entry.hasSuffix(".jinja") {
                let fileURL = folderURL.appendingPathComponent(entry)
                guard let data = manager.contents(atPath: fileURL.path) else {
                    throw .unreadable(path: fileURL.path, message: "cannot read the file")
                }
                guard var text = String(data: data, encoding: .utf8) else {
                    throw .unreadable(path: fileURL.path, message: "not UTF-8 text")
                }
                if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
                files[folder + "/" + entry] = text
            }
        }
        return try load(files: files, limits: limits)
    }

    /// Writes files (relative path -> contents) into `directory`, creating folders.
    public static func write(files: [String: String], to directory: URL) throws(TemplateLibraryError) {
        let manager = FileManager.default
        for (path, contents) in files.sorted(by: { $0.key < $1.key }) {
            let url = directory.appendingPathComponent(path)
            do {
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(contents.utf8).write(to: url, options: .atomic)
            } catch {
                throw .unreadable(path: url.path, message: "cannot write the file")
            }
        }
    }

    private static func resolve(_ name: String, in definitions: [String: TemplateDefinition]) throws(TemplateLibraryError) -> ResolvedTemplate {
        var chain: [TemplateDefinition] = []
        var current: String? = name
        while let next = current {
            if chain.contains(where: { $0.name == next }) { throw .baseCycle(chain.map(\.name) + [next]) }
            guard let definition = definitions[next] else {
                throw .unknownBase(template: chain.last?.name ?? name, base: next)
            }
            chain.append(definition)
            current = definition.base
        }
        let task = chain[0].task ?? TaskType(rawValue: name) ?? chain.dropFirst().lazy.compactMap { $0.task ?? TaskType(rawValue: $0.name) }.first ?? .generic
        let profile = TaskProfile.forTask(task)
        let schemaSetting = chain.lazy.compactMap(\.outputSchema).first
        let outputSchema: String?
        switch schemaSetting {
        case .named(let schema)?: outputSchema = schema
        case .none?: outputSchema = nil
        case nil: outputSchema = profile.outputSchema
        }
        let undefined = chain.lazy.compactMap(\.undefined).first ?? .strict
        var parts: [TemplatePart: ResolvedTemplate.Part] = [:]
        for part in TemplatePart.allCases {
            guard let owner = chain.first(where: { $0.parts[part] != nil }), var template = owner.parts[part] else { continue }
            template.undefinedBehavior = undefined
            parts[part] = ResolvedTemplate.Part(template: template, origin: owner.name)
        }
        var resolvedProfile = profile
        resolvedProfile.outputSchema = outputSchema
        resolvedProfile.strict = chain.lazy.compactMap(\.strict).first ?? profile.strict
        var resolved = ResolvedTemplate(
            name: name, description: chain[0].description, chain: chain.map(\.name), task: task, profile: resolvedProfile,
            outputSchema: outputSchema, strict: resolvedProfile.strict,
            prefill: chain.lazy.compactMap(\.prefill).first ?? false, undefined: undefined, parts: parts, version: "")
        resolved.version = SHA256.hex(Array(resolved.canonicalJSON.utf8))
        return resolved
    }
}
