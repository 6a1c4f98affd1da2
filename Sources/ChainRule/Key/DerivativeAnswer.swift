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

    /// The symbolic part of the answer for `network`.
    init(network: Network, of: String, wrt: String, options: KeyOptions, digits: Int) {
        (self.of, self.wrt, self.digits) = (of, wrt, digits)
        derivation = Result { () throws(DerivationError) in try network.derivation(of: of, wrt: wrt) }
        guard case .success(let derivation) = derivation, derivation.zeroReason == nil, !derivation.isIdentity else {
            (symbolic, plugged, partials) = ([], nil, nil)
            return
        }
        let printer = LaTeXPrinter(digits: digits), lhs = printer.render(derivation.total)
        var blocks: [KeyBlock] = []
        let steps = derivation.steps()
        if options.form != .steps, steps.count > 1 {
            blocks.append(.paragraph([.bold("The chain rule, step by step.")]))
            blocks.append(.math(Self.chain(lhs, steps, printer)))
        }
        let answer = Self.form(derivation, options.form, printer)
        blocks.append(.paragraph([.bold(answer.label)]))
        blocks.append(.math(answer.rows))
        guard !network.usesUnspecifiedActivation || options.plugsInUnspecified else {
            (symbolic, plugged, partials) = (blocks, nil, nil)
            return
        }
        let partials = LocalPartials(graph: derivation.graph, unitSums: network.unitSums)
        let locals = Self.partials(in: answer.exprs)
        if !locals.isEmpty {
            blocks.append(.paragraph([.bold("Local derivatives.")]))
            blocks.append(.math(MathLayout.page.rows(locals.map { partial in
                MathLayout.Equation(lhs: printer.render(partial), steps: [MathLayout.Piece(partials.plugging(into: partial), printer)])
            })))
        }
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

    /// The answer's rows in the chosen form, its label and the expressions it writes.
    private static func form(_ derivation: Derivation, _ form: DerivativeForm, _ printer: LaTeXPrinter) -> (label: String, rows: [String], exprs: [Expr]) {
        let lhs = printer.render(derivation.total)
        func single(_ label: String, _ expr: Expr) -> (label: String, rows: [String], exprs: [Expr]) {
            (label, MathLayout.page.rows([MathLayout.Equation(lhs: lhs, steps: [MathLayout.Piece(expr, printer)])]), [expr])
        }
        switch form {
        case .steps:
            let steps = derivation.steps()
            return ("Answer (the chain rule, step by step).", chain(lhs, steps, printer), steps)
        case .expanded:
            if let expanded = try? derivation.expanded() { return single("Answer (expanded: one product per path).", expanded) }
            return single("Answer (factored: the expanded form has \(Derivation.describe(paths: derivation.pathCount)) paths, too many to write out).", derivation.factored())
        case .adjoint:
            let adjoint = derivation.adjoint(), delta = LaTeXPrinter(digits: printer.digits, totalStyle: .delta)
            let equations = adjoint.definitions.map {
                MathLayout.Equation(lhs: delta.render(.total(of: adjoint.output, wrt: $0.node)), steps: [MathLayout.Piece($0.value, delta)])
            } + adjoint.results.map { MathLayout.Equation(lhs: lhs, steps: [MathLayout.Piece($0.value, delta)]) }
            return ("Answer (backprop's form: δ_q = ∂\(adjoint.output)/∂q from the output back).",
                    MathLayout.page.rows(equations), (adjoint.definitions + adjoint.results).map(\.value))
        case .factored:
            return single("Answer (factored).", derivation.factored())
        }
    }

    /// `lhs = line₁ = line₂ …`, one line each.
    private static func chain(_ lhs: String, _ lines: [Expr], _ printer: LaTeXPrinter) -> [String] {
        MathLayout.page.rows([MathLayout.Equation(lhs: lhs, steps: lines.map { MathLayout.Piece($0, printer) }, stepPerLine: true)])
    }

    /// The distinct local partials ∂q/∂u in the expressions, in order of appearance.
    static func partials(in exprs: [Expr]) -> [Expr] {
        var seen = Set<Expr>(), order: [Expr] = []
        for expr in exprs {
            expr.visit { if case .partial = $0, seen.insert($0).inserted { order.append($0) } }
        }
        return order
    }
}
