import BrainCore
import BrainStore

/// Loads prompt templates into the store (wired to the template library when it lands).
public enum TemplateSetup {
    public static func load(directory: String?, db: Database, clock: any WallClock, into report: inout SetupReport) throws {
    }
}
