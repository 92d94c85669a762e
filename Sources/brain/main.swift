import BrainCLI
import Foundation

exit(BrainCLI.main(Array(CommandLine.arguments.dropFirst())))
