/// The subcommands and the top-level usage.
enum CLI {
    /// A subcommand: its spec and what it does with parsed arguments, returning the exit status.
    struct Command: Sendable {
        var spec: CommandSpec
        var run: @Sendable (Arguments) throws(Stop) -> ExitCode
    }

    /// Every subcommand, in the order `--help` lists them.
    static let commands: [Command] = [
        ShowCommand.command,
        DeriveCommand.command,
        DrawCommand.command,
        RunCommand.command,
        VerifyCommand.command,
        CheckCommand.command,
        KeyCommand.command,
        GradeCommand.command,
        ExportCommand.command,
        AutogradeCommand.command,
    ]

    /// The version `chainrule --version` prints.
    static let version = "chainrule 0.13.0"

    /// One line of usage and where to find more, for a command line that went wrong.
    static let shortUsage = "usage: chainrule COMMAND [OPTIONS] [FILE…]\nTry 'chainrule --help' for the commands."

    static let usage = """
        usage: chainrule COMMAND [OPTIONS] [FILE…]

        Derives, renders, checks and teaches the chain rule on neural-network graphs (.nn files).

        commands:
        \(commands.map { "  " + $0.spec.name.padding(to: 10) + $0.spec.summary }.joined(separator: "\n"))

        Run 'chainrule COMMAND --help' for a command's options.
        """

    /// Runs the command line and returns the exit status.
    static func run(_ arguments: [String]) -> Int32 {
        guard let name = arguments.first else {
            Console.error("chainrule: missing COMMAND\n" + shortUsage)
            return ExitCode.usage.rawValue
        }
        if name == "--help" || name == "-h" || name == "help" {
            Console.out(usage)
            return ExitCode.success.rawValue
        }
        if name == "--version" || name == "-V" || name == "version" {
            Console.out(version)
            return ExitCode.success.rawValue
        }
        guard let command = commands.first(where: { $0.spec.name == name }) else {
            let what = name.hasPrefix("-") ? "option" : "command"
            let hint = Suggestions.hint(for: name, among: commands.map(\.spec.name) + ["--help", "--version"])
            Console.error("chainrule: unknown \(what) '\(name)'\(hint)\n" + shortUsage)
            return ExitCode.usage.rawValue
        }
        do {
            guard let parsed = try command.spec.parse(Array(arguments.dropFirst())) else {
                Console.out(command.spec.help)
                return ExitCode.success.rawValue
            }
            return try command.run(parsed).rawValue
        } catch {
            Console.error(error.message)
            return error.code.rawValue
        }
    }
}
