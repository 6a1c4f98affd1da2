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

    /// One equation to print: `lhs = rhs`, with totals on the right as δ when `deltas`.
    struct Equation {
        var lhs: Expr
        var rhs: Expr
        var deltas = false
    }

    static let command = CLI.Command(spec: spec) { arguments throws(Stop) in
        if arguments.value("form") == "layers" {
            guard arguments.value("format") != "html", arguments.values["output"] == nil else {
                throw spec.usageError("--form layers prints text, latex or json to standard output (no --format html, no -o)")
            }
            return try layers(arguments)
        }
        if arguments.flags.contains("batch") || arguments.values["seed"] != nil {
            throw spec.usageError("--batch and --seed go with --form layers")
        }
        let path = arguments.positional[0]
        let network = try Files.network(path)
        let questions = try questions(network, arguments)
        let form = DerivativeForm(rawValue: arguments.value("form", default: "factored") ?? "") ?? .factored
        let format = arguments.value("format", default: "text") ?? "text"
        let multiline = arguments.flags.contains("multiline")
        if format == "html" { return try html(path, network, questions, arguments) }
        var outputs: [String] = [], objects: [JSONValue] = []
        for (of, wrt) in questions {
            let derivation: Derivation
            do throws(DerivationError) { derivation = try network.derivation(of: of, wrt: wrt) } catch {
                throw spec.usageError(error.description)
            }
            var equations: [Equation]
            do throws(DerivationError) { equations = try DeriveCommand.equations(derivation, form) } catch {
                throw Stop(.usage, "chainrule derive: ∂\(of)/∂\(wrt): \(error.description)")
            }
            let size = equations.reduce(0) { $0 + $1.rhs.partialCount }
            let partials = LocalPartials(graph: derivation.graph, unitSums: network.unitSums)
            if arguments.flags.contains("plug-in") {
                equations = equations.map { Equation(lhs: $0.lhs, rhs: partials.plugging(into: $0.rhs), deltas: $0.deltas) }
            }
            let latex = render(equations, LaTeXPrinter(digits: network.digits), LaTeXPrinter(digits: network.digits, totalStyle: .delta), latex: true, multiline: multiline)
            let text = render(equations, TextPrinter(digits: network.digits), TextPrinter(digits: network.digits, totalStyle: .delta), latex: false, multiline: multiline)
            let reason = derivation.zeroReason
            switch format {
            case "json":
                var members: [(key: String, value: JSONValue)] = [
                    ("of", .string(of)), ("wrt", .string(wrt)), ("form", .string(form.rawValue)),
                    ("latex", .string(latex)), ("text", .string(text)),
                    ("size", .number(Double(size))),
                    ("paths", .number(Double(derivation.pathCount))),
                ]
                if form == .steps { members.append(("lines", .array(equations.map { .string(TextPrinter(digits: network.digits).render($0.rhs)) }))) }
                if let reason { members.append(("reason", .string(reason))) }
                if let value = value(derivation, form, partials) { members.append(("value", .number(value))) }
                objects.append(.object(members))
            case "latex": outputs.append(latex + (reason.map { " % " + $0 } ?? ""))
            default: outputs.append(text + (reason.map { "    (" + $0 + ")" } ?? ""))
            }
        }
        if format == "json" {
            let single = arguments.values["of"] != nil || arguments.values["wrt"] != nil
            try write((single && objects.count == 1 ? objects[0] : .array(objects)).serialized(pretty: true), arguments)
        } else {
            try write(outputs.joined(separator: "\n"), arguments)
        }
        return .success
    }

    /// `--format html`: one page for the file, asking exactly `questions`.
    static func html(_ path: String, _ network: Network, _ questions: [(String, String)], _ arguments: Arguments) throws(Stop) -> ExitCode {
        for (of, wrt) in questions {
            do throws(DerivationError) { _ = try network.derivation(of: of, wrt: wrt) } catch { throw spec.usageError(error.description) }
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

    /// The equations of one form.
    static func equations(_ derivation: Derivation, _ form: DerivativeForm) throws(DerivationError) -> [Equation] {
        let lhs = derivation.total
        switch form {
        case .expanded: return [Equation(lhs: lhs, rhs: try derivation.expanded())]
        case .factored: return [Equation(lhs: lhs, rhs: derivation.factored())]
        case .steps: return derivation.steps().map { Equation(lhs: lhs, rhs: $0) }
        case .adjoint:
            guard !derivation.isIdentity, derivation.zeroReason == nil else { return [Equation(lhs: lhs, rhs: derivation.factored())] }
            let adjoint = derivation.adjoint()
            return adjoint.definitions.map {
                Equation(lhs: .total(of: adjoint.output, wrt: $0.node), rhs: $0.value, deltas: true)
            } + adjoint.results.map { Equation(lhs: lhs, rhs: $0.value, deltas: true) }
        }
    }

    /// The equations printed: steps as one chain of `=`, others one per line.
    static func render<P: ExprPrinter>(_ equations: [Equation], _ printer: P, _ deltas: P, latex: Bool, multiline: Bool) -> String {
        let isChain = equations.count > 1 && equations.allSatisfy { $0.lhs == equations[0].lhs }
        let head = printer.render(equations[0].lhs)
        if isChain {
            let lines = equations.map { printer.render($0.rhs) }
            if latex { return "\\begin{aligned}\n" + head + " &= " + lines.joined(separator: " \\\\\n&= ") + "\n\\end{aligned}" }
            let indent = String(repeating: " ", count: head.count)
            return head + " = " + lines.joined(separator: "\n" + indent + " = ")
        }
        return equations.map { equation in
            let lhs = equation.deltas && equation.lhs != equations.last?.lhs ? deltas.render(equation.lhs) : printer.render(equation.lhs)
            let rhs = (equation.deltas ? deltas : printer)
            guard multiline else { return lhs + " = " + rhs.render(equation.rhs) }
            if latex, let p = rhs as? LaTeXPrinter { return p.equation(equation.lhs, equation.rhs, multiline: true).replacingFirstLHS(printer.render(equation.lhs), with: lhs) }
            if let p = rhs as? TextPrinter { return p.equation(equation.lhs, equation.rhs, multiline: true).replacingFirstLHS(p.render(equation.lhs), with: lhs) }
            return lhs + " = " + rhs.render(equation.rhs)
        }.joined(separator: "\n")
    }

    /// The numeric value at the file's point, when every leaf has a value.
    static func value(_ derivation: Derivation, _ form: DerivativeForm, _ partials: LocalPartials) -> Double? {
        guard let values = NodeValues(graph: derivation.graph) else { return nil }
        if form == .adjoint, !derivation.isIdentity, derivation.zeroReason == nil {
            return values.value(of: derivation.adjoint(), partials: partials)
        }
        return values.value(of: derivation.factored(), partials: partials)
    }
}

extension String {
    /// The string with its leading `old` replaced by `new`.
    fileprivate func replacingFirstLHS(_ old: String, with new: String) -> String {
        hasPrefix(old) ? new + dropFirst(old.count) : self
    }
}
