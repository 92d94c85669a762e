import Foundation

// Build-time tool of the EmbedRepositoryFolders plugin: writes a Swift file holding every file
// under the named folders as base64 (string literals compile fast; byte-array literals do not).
// Usage: EmbedTool ROOT OUTPUT FOLDER...
let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: EmbedTool ROOT OUTPUT FOLDER...\n".utf8))
    exit(2)
}
let root = URL(fileURLWithPath: arguments[1])
var source = """
    // Generated at build time from the repository's folders by EmbedTool. Do not edit.

    enum EmbeddedFiles {
        /// Relative path -> base64 of the file's bytes.
        static let base64: [String: String] = [

    """
var count = 0
for folder in arguments.dropFirst(3) {
    let directory = root.appendingPathComponent(folder)
    var paths: [String] = []
    if let walker = FileManager.default.enumerator(atPath: directory.path) {
        while let path = walker.nextObject() as? String { paths.append(path) }
    }
    for path in paths.sorted() {
        let name = (path as NSString).lastPathComponent
        if name.hasPrefix(".") { continue }
        var isDirectory: ObjCBool = false
        let url = directory.appendingPathComponent(path)
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
        let data = try Data(contentsOf: url)
        let key = "\(folder)/\(path)".replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        source += "        \"\(key)\": \"\(data.base64EncodedString())\",\n"
        count += 1
    }
}
if count == 0 { source += "        :\n" }
source += "    ]\n}\n"
try source.write(to: URL(fileURLWithPath: arguments[2]), atomically: true, encoding: .utf8)
