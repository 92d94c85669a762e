import Foundation

/// Lists the files under the given paths: folders recursively, symbolic links not followed,
/// hidden files and folders skipped, `--include`/`--exclude` globs applied to file names and
/// relative paths.
public struct FileWalker: Sendable {
    public var include: [String] = []
    public var exclude: [String] = []

    public init(include: [String] = [], exclude: [String] = []) {
        self.include = include
        self.exclude = exclude
    }

    /// Problems met while walking (unreadable folders, missing paths).
    public struct Problem: Sendable, Equatable {
        public var path: String
        public var reason: String
    }

    public func files(in paths: [String]) -> (files: [String], problems: [Problem]) {
        var files: [String] = []
        var problems: [Problem] = []
        let manager = FileManager.default
        for root in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: root, isDirectory: &isDirectory) else {
                problems.append(Problem(path: root, reason: "no such file or folder"))
                continue
            }
            if !isDirectory.boolValue {
                if accepts(name: (root as NSString).lastPathComponent, relative: (root as NSString).lastPathComponent) { files.append(root) }
                continue
            }
            walk(root, relative: "", into: &files, problems: &problems)
        }
        return (files, problems)
    }

    private func walk(_ folder: String, relative: String, into files: inout [String], problems: inout [Problem]) {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: folder) else {
            problems.append(Problem(path: folder, reason: "cannot read the folder"))
            return
        }
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = (folder as NSString).appendingPathComponent(name)
            let rel = relative.isEmpty ? name : relative + "/" + name
            guard let attributes = try? manager.attributesOfItem(atPath: path), let type = attributes[.type] as? FileAttributeType else { continue }
            if type == .typeSymbolicLink { continue }
            if type == .typeDirectory {
                walk(path, relative: rel, into: &files, problems: &problems)
            } else if type == .typeRegular, accepts(name: name, relative: rel) {
                files.append(path)
            }
        }
    }

    func accepts(name: String, relative: String) -> Bool {
        if !include.isEmpty && !include.contains(where: { Glob.matches($0, name) || Glob.matches($0, relative) }) { return false }
        if exclude.contains(where: { Glob.matches($0, name) || Glob.matches($0, relative) }) { return false }
        return true
    }
}

/// Shell-style globs (`*`, `?`, `[abc]`) through the C library's fnmatch.
enum Glob {
    static func matches(_ pattern: String, _ text: String) -> Bool {
        fnmatch(pattern, text, 0) == 0
    }
}
