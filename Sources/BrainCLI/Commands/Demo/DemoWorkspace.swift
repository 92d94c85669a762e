import Foundation

/// The demo's folder: a fresh temporary one (removed by `finish()`), or the `--keep` folder.
struct DemoWorkspace: Sendable {
    let folder: URL
    let kept: Bool

    var databasePath: String { folder.appendingPathComponent("brain.db").path }

    /// Makes the folder; a `keep` folder may exist but must not hold a database yet.
    init(keep: String?) throws {
        if let keep {
            folder = URL(fileURLWithPath: keep).standardizedFileURL
            kept = true
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("brain.db").path) {
                throw DemoError.folderInUse(folder.path)
            }
        } else {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("brain-demo-\(UUID().uuidString.lowercased())")
            kept = false
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// Removes a temporary folder; a kept one stays.
    func finish() {
        guard !kept else { return }
        // SQLite may still be closing its files on another thread; try again briefly if the
        // folder was not empty when it was removed.
        for _ in 0..<20 {
            try? FileManager.default.removeItem(at: folder)
            if !FileManager.default.fileExists(atPath: folder.path) { return }
            usleep(50_000)
        }
    }
}
