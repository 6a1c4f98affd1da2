import ChainRule

/// `chainrule derive FILE`: ∂A/∂B as chain-rule sums of partials, in one of four forms.
enum DeriveCommand {
    static let spec = CommandSpec(
        name: "derive", summary: "write dA/dB with the chain rule: expanded, factored, steps or adjoint; or layer by layer",
        synopsis: "FILE [--of A] [--wrt B] [--form expanded|factored|steps|adjoint|layers] [--batch] [--plug-in] [--format latex|text|json|html] [--multiline] [--seed S] [-o FILE [--force]]",
        options: [("of", [], "the quantity differentiated (default: the loss, or the only output)"),
                  ("wrt", [], "the quantity differentiated against (a scalar or a component such as W1[1,2])"),
                  ("form", DerivativeForm.allCases.map(\.rawValue) + ["layers"], "how to write it (default factored); layers: the matrix form of backprop"),
                  ("format", ["latex", "text", "json", "html"], "output format (default text); html: one page, the network linked to every form"),
                  ("seed", [], "with --form layers: seed for the values the file leaves symbolic (default 0)"),
                  ("output", [], "write to this file (atomically) instead of standard output")],
        flags: [("force", "with -o: replace the file if it exists"),
                ("plug-in", "replace each local partial by its value (σ′ = q(1 − q), ∂z/∂w = u, …)"),
                ("multiline", "break long sums over lines (LaTeX aligned)"),
                ("batch", "with --form layers: rows are samples (the file's samples, or a batch of m)")],
        aliases: ["o": "output"],
        details: "Without --of and --wrt, answers every 'find dA/dB' in the file. --format html writes every form (or the --form given) with the local derivatives plugged in.")

    static let command = CLI.Command(spec: spec) { arguments throws(Stop) in
        if arguments.value("form") == "layers" { return try layers(arguments) }
        if arguments.flags.contains("batch") || arguments.values["seed"] != nil {
            throw spec.usageError("--batch and --seed go with --form layers")
        }
        let path = arguments.positional[0]
        let network = try Files.network(path)
        let questions = try questions(network, arguments)
        let form = DerivativeForm(rawValue: arguments.value("form", default: "factored") ?? "") ?? .factored
        let format = arguments.value("format", default: "text") ?? "text"
        if format == "html" { return try html(path, network, questions, arguments) }
        let document = DerivativeDocument(network: network, questions: questions.map { (of: $0.0, wrt: $0.1) }, form: form,
                                          plugIn: arguments.flags.contains("plug-in"), multiline: arguments.flags.contains("multiline"))
        let single = arguments.values["of"] != nil || arguments.values["wrt"] != nil
        let text: String
        do throws(DerivationError) {
            text = try document.text(DerivativeDocument.Format(rawValue: format) ?? .text, single: single)
        } catch {
            throw spec.usageError(message(error))
        }
        try write(text, arguments)
        return .success
    }

    /// A derivation error with the flag that helps.
    static func message(_ error: DerivationError) -> String {
        switch error {
        case .notScalar: error.description + " (--form layers)"
        case .tooManyPaths: error.description + " (--form factored or --form adjoint)"
        case .unknownName: error.description
        }
    }

    /// `--format html`: one page for the file, asking exactly `questions`.
    static func html(_ path: String, _ network: Network, _ questions: [(String, String)], _ arguments: Arguments) throws(Stop) -> ExitCode {
        for (of, wrt) in questions {
            do throws(DerivationError) { _ = try network.derivation(of: of, wrt: wrt) } catch { throw spec.usageError(message(error)) }
        }
        var asked = network
        asked.questions = questions.map { Question(.derivative(of: $0.0, wrt: $0.1), at: SourceLocation(line: 1, column: 1)) }
        let forms = arguments.values["form"].flatMap(DerivativeForm.init(rawValue:)).map { [$0] } ?? DerivativeForm.allCases
        let name = path == "-" ? "<stdin>" : String(path.split(separator: "/").last ?? Substring(path))
        let page = HTMLPage(problems: [(name, asked)], forms: forms, title: "ChainRule: " + name).html
        try write(page, arguments)
        return .success
    }

    /// Prints `text`, or writes it to `--output`.
    static func write(_ text: String, _ arguments: Arguments) throws(Stop) {
        if let output = arguments.value("output") {
            try OutputFile.write(text.hasSuffix("\n") ? text : text + "\n", to: output, force: arguments.flags.contains("force"))
        } else { Console.out(text) }
    }

    /// The (A, B) pairs asked: --of/--wrt, or the file's `find dA/dB` items.
    static func questions(_ network: Network, _ arguments: Arguments) throws(Stop) -> [(String, String)] {
        if let wrt = arguments.values["wrt"] {
            guard let of = arguments.values["of"] ?? network.defaultOutput else {
                throw spec.usageError("the network has several outputs; say which with --of")
            }
            try NameOptions.check(of, option: "of", in: network, spec: spec)
            try NameOptions.check(wrt, option: "wrt", in: network, spec: spec)
            return [(of, wrt)]
        }
        if arguments.values["of"] != nil { throw spec.usageError("--of needs --wrt") }
        let found = network.questions.compactMap { question -> (String, String)? in
            if case .derivative(let of, let wrt) = question.kind { return (of, wrt) }
            return nil
        }
        guard !found.isEmpty else { throw spec.usageError("the file asks no 'find dA/dB'; give --wrt (and --of)") }
        return found
    }
}
