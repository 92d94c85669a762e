import BrainEngine
import BrainExtract
import Foundation

/// The command-line front end.
public enum BrainCLI {
    public static func main(_ arguments: [String]) -> Int32 {
        // Temporary development entry points until the command frame lands.
        if arguments.first == "extract", arguments.count == 2 {
            do {
                let data = try Data(contentsOf: URL(fileURLWithPath: arguments[1]))
                let out = try DocumentExtractor.extract(data)
                print(out.text)
                for w in out.warnings { FileHandle.standardError.write(Data("warning: \(w)\n".utf8)) }
                return 0
            } catch {
                FileHandle.standardError.write(Data("brain: \(error)\n".utf8))
                return 1
            }
        }
        if arguments.first == "extract-dir", arguments.count == 3 {
            let inDir = URL(fileURLWithPath: arguments[1])
            let outDir = URL(fileURLWithPath: arguments[2])
            try? FileManager.default.createDirectory(at: outDir, withIntermediateDirectories: true)
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: inDir.path)) ?? []).sorted()
            for name in names {
                let start = Date()
                let data = (try? Data(contentsOf: inDir.appendingPathComponent(name))) ?? Data()
                var text = ""
                var status = "ok"
                do { text = try DocumentExtractor.extract(data).text } catch { status = "\(error)" }
                try? text.write(to: outDir.appendingPathComponent(name + ".txt"), atomically: true, encoding: .utf8)
                print(String(format: "%6.0fms  %@  %@", Date().timeIntervalSince(start) * 1000, name, status))
            }
            return 0
        }
        return 0
    }
}
