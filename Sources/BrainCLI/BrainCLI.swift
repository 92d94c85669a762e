import BrainEngine
/// The command-line front end.
public enum BrainCLI {
    public static func main(_ arguments: [String]) -> Int32 { 0 }
}
