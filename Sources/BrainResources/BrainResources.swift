import Foundation

/// Files of the repository compiled into the binary: the default templates, the output
/// schemas and the demo's sample documents.
public enum BrainResources {
    /// Every embedded file under `folder` (e.g. "templates"), keyed by its path relative to that folder.
    public static func files(under folder: String) -> [String: Data] {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        var result: [String: Data] = [:]
        for (path, encoded) in EmbeddedFiles.base64 where path.hasPrefix(prefix) {
            result[String(path.dropFirst(prefix.count))] = Data(base64Encoded: encoded)
        }
        return result
    }

    /// Text files under `folder`, decoded as UTF-8.
    public static func textFiles(under folder: String) -> [String: String] {
        files(under: folder).mapValues { String(decoding: $0, as: UTF8.self) }
    }

    /// One embedded file by its repository path, e.g. "schemas/resume.schema.json".
    public static func file(_ path: String) -> Data? {
        EmbeddedFiles.base64[path].flatMap { Data(base64Encoded: $0) }
    }
}
