/// Builds the key (or the question sheet) of one problem as format-independent ``KeyBlock``s: the
/// network drawn and written out, the given values, what is asked, then (in a key) every answer:
/// the worked example for `forward`/`loss`/`backward`/`update`, each derivative with its derivation,
/// and the layer-wise derivation for `layers`.
public enum AnswerKey {
    /// The section of one problem; `source` is the file's text, whose comment lines after the title
    /// are shown as notes in a key.
    public static func section(_ network: Network, source: String? = nil, options: KeyOptions = KeyOptions()) -> KeySection {
        let digits = network.digits ?? options.digits
        var blocks: [KeyBlock] = [.heading(level: 1, [.text("The network")])]
        blocks.append(.figure(network))
        blocks.append(.math(equations(network)))
        blocks.append(.heading(level: 1, [.text("Given")]))
        blocks.append(GivenValues.block(network, digits: digits)
                      ?? .paragraph([.text("No values are given: every quantity is symbolic.")]))
        blocks.append(.heading(level: 1, [.text("Asked")]))
        blocks.append(network.questions.isEmpty ? .paragraph([.text("The file asks nothing (no find line).")])
                      : .list(network.questions.map { asked($0.kind, network) }))
        if options.includesAnswers {
            blocks += answers(network, options: options, digits: digits)
            let notes = source.map(notes) ?? []
            if !notes.isEmpty { blocks += [.heading(level: 1, [.text("Notes from the problem file")]), .paragraph([.text(notes.joined(separator: " "))])] }
        }
        return KeySection(title: network.title ?? "Problem", blocks: blocks)
    }

    /// The comment lines at the top of a `.nn` file after the first (the title), without `#`.
    public static func notes(in source: String) -> [String] {
        var lines: [String] = []
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            guard trimmed.hasPrefix("#") else { break }
            lines.append(String(trimmed.dropFirst().drop { $0 == " " }))
        }
        return Array(lines.dropFirst()).filter { !$0.isEmpty }
    }

    /// One row per computed node and the loss: `h_1 = \sigma(w_{11} x_1 + …)`, then the definitions
    /// of the loss shorthands used.
    static func equations(_ network: Network) -> [String] {
        let mentioned = Set(network.questions.flatMap { question -> [String] in
            guard case .derivative(let of, let wrt) = question.kind else { return [] }
            return [of, wrt].map { $0.split(separator: "[").first.map(String.init) ?? $0 }
        })
        let printer = FormulaLaTeX(network: network, named: mentioned)
        var equations: [MathLayout.Equation] = []
        var definitions: [String] = []
        for node in network.nodes {
            guard let formula = node.formula else { continue }
            if node.kind == .preactivation, node.isImplicit, !mentioned.contains(node.name) { continue }
            let terms = printer.terms(formula).map { [$0] }
            equations.append(MathLayout.Equation(lhs: SymbolName(node.name).latex, steps: [MathLayout.Piece(terms: terms)]))
            definitions += printer.definitions(of: formula).filter { !definitions.contains($0) }
        }
        return MathLayout.page.rows(equations) + definitions
    }

    /// One item of the "Asked" list.
    static func asked(_ kind: Question.Kind, _ network: Network) -> [KeyBlock.Inline] {
        switch kind {
        case .derivative(let of, let wrt): [.math(DerivativeAnswer.inline(of: of, wrt: wrt))]
        case .forward: [.text("the forward pass: the value of every node")]
        case .loss: [.text("the loss")]
        case .backward: [.text("the backward pass: ∂L/∂q for every node q and the gradient of every parameter")]
        case .update: [.text(network.iterations > 1 ? "the parameters after each of \(network.iterations) gradient-descent steps"
                             : "the parameters after one gradient-descent step")]
        case .layers: [.text("the layer-wise derivation in matrix form")]
        }
    }

    /// The answers, in the order asked (the worked example where its first part is asked).
    static func answers(_ network: Network, options: KeyOptions, digits: Int) -> [KeyBlock] {
        let worked: Set<Question.Kind> = [.forward, .loss, .backward, .update]
        let asked = Set(network.questions.map(\.kind))
        var blocks: [KeyBlock] = []
        var workedShown = false
        for question in network.questions {
            switch question.kind {
            case .forward, .loss, .backward, .update:
                guard !workedShown else { continue }
                workedShown = true
                blocks.append(.heading(level: 1, [.text("Worked example")]))
                blocks += WorkedAnswer(network: network, asked: asked.intersection(worked), digits: digits).blocks
            case .derivative(let of, let wrt):
                let answer = DerivativeAnswer(network: network, of: of, wrt: wrt, options: options, digits: digits)
                blocks.append(.heading(level: 1, [.math(answer.title)]))
                blocks += answer.blocks
            case .layers:
                blocks.append(.heading(level: 1, [.text("Layer-wise derivation")]))
                blocks += LayerAnswer(network: network, digits: digits).blocks
            }
        }
        return blocks
    }
}
