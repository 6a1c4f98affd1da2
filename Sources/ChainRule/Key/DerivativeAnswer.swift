/// The answer to one `find dA/dB`: the `steps` derivation, the answer in the chosen form, the local
/// derivatives written out and plugged in, and the number at the given values when there are any.
///
/// The symbolic work is done once (``init(network:of:wrt:options:digits:)``); ``blocks(at:)`` and
/// ``value(at:)`` then serve any network of the same structure with other values (the variants of a
/// problem).
struct DerivativeAnswer {
    /// A and B as written in `find`.
    let of: String, wrt: String
    /// Decimal places shown.
    let digits: Int
    /// The derivation, or why there is none.
    private let derivation: Result<Derivation, DerivationError>
    /// The blocks that do not depend on values: the steps, the answer, the local derivatives.
    private let symbolic: [KeyBlock]
    /// The factored form with the local partials plugged in, when they are written out.
    private let plugged: Expr?
    /// The local partials of the derivation's graph.
    private let partials: LocalPartials?

    /// The heading's mathematics: `\partial L/\partial w_{11}`.
    var title: String { Self.inline(of: of, wrt: wrt) }

    /// ∂A/∂B as running text writes it: `\partial L/\partial w_{11}`.
    static func inline(of: String, wrt: String) -> String {
        "\\partial " + SymbolName(of).latex + "/\\partial " + SymbolName(wrt).latex
    }

    /// The local partials the answer uses with their values, listed once per problem by ``KeyPlan``
    /// (none where the activation is unspecified and not to be plugged in).
    let locals: [(partial: Expr, value: Expr)]

    /// The symbolic part of the answer for `network`.
    init(network: Network, of: String, wrt: String, options: KeyOptions, digits: Int) {
        (self.of, self.wrt, self.digits) = (of, wrt, digits)
        derivation = Result { () throws(DerivationError) in try network.derivation(of: of, wrt: wrt) }
        guard case .success(let derivation) = derivation, derivation.zeroReason == nil, !derivation.isIdentity else {
            (symbolic, plugged, partials, locals) = ([], nil, nil, [])
            return
        }
        let partials = LocalPartials(graph: derivation.graph, unitSums: network.unitSums)
        let printer = LaTeXPrinter(digits: digits)
        var blocks: [KeyBlock] = []
        let answer = Self.form(derivation, options.form, partials)
        let equations = answer?.shown.equations ?? []
        // A single edge from B to A: the answer is the local partial itself (∂E/∂ŷ = ∂E/∂ŷ), so only
        // its value is written.
        let degenerate = equations.count == 1 && equations[0].rhs == .partial(of: derivation.ofName, wrt: derivation.wrtName)
        if !degenerate, let answer {
            // The step-by-step chain is shown before an answer in another form; when its last line is
            // that answer (one equation), the chain is the answer and is written once.
            let steps = options.form == .steps ? nil : try? FormedDerivation(derivation, form: .steps, partials: partials)
            if let steps, steps.isChain, answer.shown.equations.count == 1, steps.equations.last?.rhs == answer.shown.equations[0].rhs {
                blocks.append(.paragraph([.bold(String(answer.label.dropLast()) + ", step by step.")]))
                blocks.append(.math(Self.rows(steps, printer)))
            } else {
                if let steps, steps.isChain {
                    blocks.append(.paragraph([.bold("The chain rule, step by step.")]))
                    blocks.append(.math(Self.rows(steps, printer)))
                }
                blocks.append(.paragraph([.bold(answer.label)]))
                blocks.append(.math(Self.rows(answer.shown, printer)))
            }
        }
        guard !network.usesUnspecifiedActivation || options.plugsInUnspecified else {
            (symbolic, plugged, self.partials, locals) = (blocks, nil, nil, [])
            return
        }
        locals = degenerate ? [] : (answer?.shown.localPartials ?? []).map { ($0, partials.plugging(into: $0)) }
        (symbolic, plugged, self.partials) = (blocks, partials.plugging(into: derivation.factored()), partials)
    }

    /// The blocks under the question's heading, numbers at `network`'s values.
    func blocks(at network: Network) -> [KeyBlock] {
        let derivation: Derivation
        switch self.derivation {
        case .failure(let error): return [.paragraph([.text("This question cannot be answered: " + error.description + ".")])]
        case .success(let d): derivation = d
        }
        let printer = LaTeXPrinter(digits: digits), lhs = printer.render(derivation.total)
        if let reason = derivation.zeroReason { return [.math(["\(lhs) &= 0"]), .paragraph([.text("It is zero: " + reason + ".")])] }
        if derivation.isIdentity { return [.math(["\(lhs) &= 1"])] }
        guard let plugged else { return symbolic }
        var pieces = [MathLayout.Piece(plugged, printer)]
        let values = Self.nodeValues(derivation.graph, network)
        if let values, let number = value(derivation, values) {
            var numbers = values.values.mapValues { Number.real($0) }
            for (name, value) in Self.leafValues(network) { numbers[name] = value }
            if plugged.symbolCount > 0, plugged.symbolCount <= WorkedExample.componentLimit, !Self.hasPartials(plugged) {
                pieces.append(MathLayout.Piece(plugged.substituting(numbers), printer))
            }
            pieces.append(MathLayout.Piece(printer.number(.real(number))))
        }
        return symbolic + [.paragraph([.bold(values == nil ? "Plugged in." : "Plugged in, at the given values.")]),
                           .math(MathLayout.page.rows([MathLayout.Equation(lhs: lhs, steps: pieces)]))]
    }

    /// ∂A/∂B at `network`'s values; `nil` when a value is missing or there is no answer.
    func value(at network: Network) -> Double? {
        guard case .success(let derivation) = derivation else { return nil }
        if derivation.isIdentity { return 1 }
        if derivation.zeroReason != nil { return 0 }
        return Self.nodeValues(derivation.graph, network).flatMap { value(derivation, $0) }
    }

    private func value(_ derivation: Derivation, _ values: NodeValues) -> Double? {
        if let plugged, !Self.hasPartials(plugged), let value = try? plugged.evaluate(at: values.values).get() { return value }
        let partials = partials ?? LocalPartials(graph: derivation.graph)
        return values.value(of: derivation.factored(), partials: partials)
    }

    /// The values of every node of `graph` with its leaves taking `network`'s values.
    private static func nodeValues(_ graph: ScalarGraph, _ network: Network) -> NodeValues? {
        let leaves = leafValues(network)
        var graph = graph
        for index in graph.nodes.indices where graph.nodes[index].definition == nil {
            graph.nodes[index].value = leaves[graph.nodes[index].name]
        }
        return NodeValues(graph: graph)
    }

    /// Every given scalar by component name.
    private static func leafValues(_ network: Network) -> [String: Number] {
        var result: [String: Number] = [:]
        for node in network.nodes where node.kind.isLeaf {
            guard let value = node.value else { continue }
            for (name, entry) in zip(node.componentNames, value.entries) { result[name] = entry }
        }
        return result
    }

    private static func hasPartials(_ expr: Expr) -> Bool {
        expr.contains { if case .partial = $0 { true } else if case .total = $0 { true } else { false } }
    }

    /// The answer in the chosen form and its label: the expanded form falls back to the factored one
    /// when it has too many paths to write out.
    private static func form(_ derivation: Derivation, _ form: DerivativeForm, _ partials: LocalPartials) -> (label: String, shown: FormedDerivation)? {
        let label: String
        switch form {
        case .steps: label = "Answer (the chain rule, step by step)."
        case .expanded: label = "Answer (expanded: one product per path)."
        case .adjoint: label = "Answer (backprop's form: δ_q = ∂\(derivation.ofName)/∂q from the output back)."
        case .factored: label = "Answer (factored)."
        }
        do {
            return (label, try FormedDerivation(derivation, form: form, partials: partials))
        } catch {
            // Only the expanded form can fail; the factored form always exists.
            guard let factored = try? FormedDerivation(derivation, form: .factored, partials: partials) else { return nil }
            return ("Answer (factored: the expanded form has \(Derivation.describe(paths: derivation.pathCount)) paths, too many to write out).", factored)
        }
    }

    /// The rows of one alignment showing `shown`: a chain one step per line, named totals as δ.
    static func rows(_ shown: FormedDerivation, _ printer: LaTeXPrinter) -> [String] {
        if shown.isChain, let first = shown.equations.first {
            var left = printer, right = printer
            left.totalStyle = .left(first)
            right.totalStyle = .right(first)
            return MathLayout.page.rows([MathLayout.Equation(lhs: left.render(first.lhs),
                                                             steps: shown.equations.map { MathLayout.Piece($0.rhs, right) }, stepPerLine: true)])
        }
        return MathLayout.page.rows(shown.equations.map { equation in
            var left = printer, right = printer
            left.totalStyle = .left(equation)
            right.totalStyle = .right(equation)
            return MathLayout.Equation(lhs: left.render(equation.lhs), steps: [MathLayout.Piece(equation.rhs, right)])
        })
    }
}
