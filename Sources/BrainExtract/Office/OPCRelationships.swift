import Foundation

/// The relationships of one OPC part (`_rels/*.rels`): id, type and resolved target part name.
struct OPCRelationships {
    struct Relationship {
        var id: String
        /// The type URI's last path segment, e.g. `officeDocument`, `header`, `footnotes`.
        var kind: String
        /// The target as a part name inside the package (no leading slash).
        var target: String
    }

    var all: [Relationship] = []

    /// The relationships of `partName` ("" for the package), empty when the package has none.
    static func read(
        for partName: String, in archive: inout ZipArchive, limits: ExtractionLimits, deadline: Deadline
    ) throws(ExtractionError) -> OPCRelationships {
        let directory = OPCRelationships.directory(of: partName)
        let file = (partName as NSString).lastPathComponent
        let relsName = (directory.isEmpty ? "" : directory + "/") + "_rels/" + file + ".rels"
        guard let data = try archive.data(named: relsName) else { return OPCRelationships() }
        let root = try XMLTree.parse(data, format: .docx, limits: limits, deadline: deadline)
        var result = OPCRelationships()
        for element in root.elements where element.key == "rel:Relationship" {
            guard element.attributes["TargetMode"] != "External", let id = element.attributes["Id"],
                let type = element.attributes["Type"], let target = element.attributes["Target"]
            else { continue }
            let kind = String(type.split(separator: "/").last ?? "")
            result.all.append(Relationship(id: id, kind: kind, target: resolve(target, from: directory)))
        }
        return result
    }

    func target(id: String) -> String? { all.first { $0.id == id }?.target }

    func first(kind: String) -> String? { all.first { $0.kind == kind }?.target }

    static func directory(of partName: String) -> String {
        guard let slash = partName.lastIndex(of: "/") else { return "" }
        return String(partName[..<slash])
    }

    /// A target relative to `directory` (or absolute with a leading slash) as a part name.
    static func resolve(_ target: String, from directory: String) -> String {
        let decoded = target.removingPercentEncoding ?? target
        var parts: [Substring] = decoded.hasPrefix("/") ? [] : directory.split(separator: "/")
        for segment in decoded.split(separator: "/") {
            switch segment {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(segment)
            }
        }
        return parts.joined(separator: "/")
    }
}
