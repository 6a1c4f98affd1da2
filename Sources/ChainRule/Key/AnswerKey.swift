/// Builds the key (or the question sheet) of one problem as format-independent ``KeyBlock``s: the
/// network drawn and written out, the given values, what is asked, then (in a key) every answer:
/// the worked example for `forward`/`loss`/`backward`/`update`, each derivative with its derivation,
/// and the layer-wise derivation for `layers`. ``KeyPlan`` does the work; this is the one-call form.
public enum AnswerKey {
    /// The section of one problem; `source` is the file's text, whose comment lines after the title
    /// are shown as notes in a key.
    public static func section(_ network: Network, source: String? = nil, options: KeyOptions = KeyOptions()) -> KeySection {
        KeyPlan(network: network, options: options).section(network, source: source)
    }

    /// The problem as a question sheet states it: the network drawn and written out, the given
    /// values, what is asked.
    static func statement(_ network: Network, digits: Int) -> [KeyBlock] {
        [.heading(level: 1, [.text("The network")]), .figure(GraphLayout(network: network)), .math(equations(network)),
         .heading(level: 1, [.text("Given")]),
         GivenValues.block(network, digits: digits) ?? .paragraph([.text("No values are given: every quantity is symbolic.")]),
         .heading(level: 1, [.text("Asked")]),
         network.questions.isEmpty ? .paragraph([.text("The file asks nothing (no find line).")])
             : .list(network.questions.map { asked($0.kind, network) })]
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
}
