import Foundation

// The `chainrule` command: argument handling, files and exit codes. All logic lives in ChainRule.
if ProcessInfo.processInfo.environment["CHAINRULE_BATCH"] == "1" { exit(Batch.run()) }
exit(CLI.run(Array(CommandLine.arguments.dropFirst())))
