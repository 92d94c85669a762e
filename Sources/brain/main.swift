import BrainCLI
import Foundation

let code = await BrainCLI.main(Array(CommandLine.arguments.dropFirst()))
exit(code)
