/// A command's options as parsed from the command line.
struct Arguments {
    /// Operands, in order.
    var positional: [String] = []
    /// `--name value` and `--name=value` options, by name without dashes (repeatable ones keep the last).
    var values: [String: String] = [:]
    /// `--name` switches that are present.
    var flags: Set<String> = []

    /// The value of an option, or a default.
    func value(_ name: String, default fallback: String? = nil) -> String? { values[name] ?? fallback }

    /// An integer option within a range, or a usage error naming it.
    func integer(_ name: String, in range: ClosedRange<Int>, command: CommandSpec) throws(Stop) -> Int? {
        guard let text = values[name] else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw command.usageError("--\(name) takes a whole number from \(range.lowerBound) to \(range.upperBound), got '\(text)'")
        }
        return value
    }
}

/// What a command accepts, for parsing and for `--help`.
struct CommandSpec: Sendable {
    /// The subcommand name.
    var name: String
    /// One line saying what it does.
    var summary: String
    /// The synopsis after `chainrule NAME`.
    var synopsis: String
    /// Options taking a value: name → (allowed values or empty for any, help).
    var options: [(name: String, choices: [String], help: String)] = []
    /// Switches: name → help.
    var flags: [(name: String, help: String)] = []
    /// Short aliases: `o` → `output`.
    var aliases: [Character: String] = [:]
    /// How many operands at least and at most.
    var operands: ClosedRange<Int> = 1...1
    /// Extra help text.
    var details: String = ""

    /// `usage: chainrule NAME SYNOPSIS`.
    var usage: String { "usage: chainrule \(name) \(synopsis)" }

    /// The full `--help` text.
    var help: String {
        var lines = [usage, "", summary]
        if !details.isEmpty { lines += ["", details] }
        if !options.isEmpty || !flags.isEmpty { lines += ["", "options:"] }
        for option in options {
            let alias = aliases.first { $0.value == option.name }.map { "-\($0.key), " } ?? ""
            let choices = option.choices.isEmpty ? "VALUE" : option.choices.joined(separator: "|")
            lines.append("  \(alias)--\(option.name) \(choices)".padding(to: 34) + option.help)
        }
        for flag in flags { lines.append("  --\(flag.name)".padding(to: 34) + flag.help) }
        lines.append("  -h, --help".padding(to: 34) + "show this help")
        return lines.joined(separator: "\n")
    }

    /// A usage error: one line of reason, then the usage line; exit status 2.
    func usageError(_ reason: String) -> Stop {
        Stop(.usage, "chainrule \(name): \(reason)\n\(usage)\nTry 'chainrule \(name) --help' for more.")
    }

    /// `; did you mean '--form'?` for a mistyped option (empty when nothing is close).
    func optionHint(_ argument: String) -> String {
        let typed = String(argument.prefix { $0 != "=" })
        return Suggestions.hint(for: typed, among: (options.map(\.name) + flags.map(\.name) + ["help"]).map { "--" + $0 })
    }

    /// Parses the arguments after the subcommand name; `nil` when help was asked for.
    func parse(_ arguments: [String]) throws(Stop) -> Arguments? {
        var result = Arguments()
        var index = 0
        var onlyOperands = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyOperands || argument == "-" || !argument.hasPrefix("-") {
                result.positional.append(argument)
                continue
            }
            if argument == "--" { onlyOperands = true; continue }
            if argument == "-h" || argument == "--help" { return nil }
            var name: String
            var inline: String?
            if argument.hasPrefix("--") {
                let body = argument.dropFirst(2)
                if let equals = body.firstIndex(of: "=") {
                    name = String(body[..<equals])
                    inline = String(body[body.index(after: equals)...])
                } else {
                    name = String(body)
                }
            } else if argument.count == 2, let alias = aliases[argument.last ?? " "] {
                name = alias
            } else {
                throw usageError("unknown option '\(argument)'" + optionHint(argument))
            }
            if let option = options.first(where: { $0.name == name }) {
                guard let value = inline ?? (index < arguments.count ? arguments[index] : nil) else {
                    throw usageError("option --\(name) needs a value")
                }
                if inline == nil { index += 1 }
                guard option.choices.isEmpty || option.choices.contains(value) else {
                    throw usageError("--\(name) must be one of \(option.choices.joined(separator: ", ")), got '\(value)'"
                                     + Suggestions.hint(for: value, among: option.choices))
                }
                result.values[name] = value
            } else if flags.contains(where: { $0.name == name }), inline == nil {
                result.flags.insert(name)
            } else {
                throw usageError("unknown option '\(argument)'" + optionHint(argument))
            }
        }
        guard operands.contains(result.positional.count) else {
            if result.positional.count < operands.lowerBound { throw usageError("missing FILE operand") }
            throw usageError("unexpected operand '\(result.positional[operands.upperBound])'")
        }
        return result
    }
}

extension String {
    /// The string padded with spaces to at least `width` characters.
    func padding(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
