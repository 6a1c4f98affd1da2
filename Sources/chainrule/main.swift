import Foundation

// The `chainrule` command: argument handling, files and exit codes. All logic lives in ChainRule.
exit(CLI.run(Array(CommandLine.arguments.dropFirst())))
