/// The answer to one `find dA/dB`: the `steps` derivation, the answer in the chosen form, the local
/// derivatives written out and plugged in, and the number at the given values when there are any.
struct DerivativeAnswer {
    /// The network asked about.
    var network: Network
    /// A and B as written in `find`.
    var of: String, wrt: String
    /// Rounding and form.
    var options: KeyOptions, digits: Int

    /// The heading's mathematics: `\partial L/\partial w_{11}`.
    var title: String { Self.inline(of: of, wrt: wrt) }

    /// ∂A/∂B as running text writes it: `\partial L/\partial w_{11}`.
    static func inline(of: String, wrt: String) -> String {
        "\\partial " + SymbolName(of).latex + "/\\partial " + SymbolName(wrt).latex
    }

    /// The blocks under the question's heading.
    var blocks: [KeyBlock] {
        let derivation: Derivation
        do throws(DerivationError) { derivation = try network.derivation(of: of, wrt: wrt) } catch {
            return [.paragraph([.text("This question cannot be answered: " + error.description + ".")])]
        }
        let printer = LaTeXPrinter(digits: digits), lhs = printer.render(derivation.total)
        if let reason = derivation.zeroReason {
            return [.math(["\(lhs) &= 0"]), .paragraph([.text("It is zero: " + reason + ".")])]
        }
        var blocks: [KeyBlock] = []
        let steps = derivation.steps()
        if options.form != .steps, steps.count > 1 {
            blocks.append(.paragraph([.bold("The chain rule, step by step.")]))
            blocks.append(.math(chain(lhs, steps, printer)))
        }
        let answer = form(derivation)
        blocks.append(.paragraph([.bold(answer.label)]))
        blocks.append(.math(answer.rows))
        let plugs = !network.usesUnspecifiedActivation || options.plugsInUnspecified
        guard plugs, derivation.isIdentity == false else { return blocks }
        let partials = LocalPartials(graph: derivation.graph, unitSums: network.unitSums)
        let locals = Self.partials(in: answer.exprs)
        if !locals.isEmpty {
            blocks.append(.paragraph([.bold("Local derivatives.")]))
            blocks.append(.math(MathLayout.page.rows(locals.map { partial in
                MathLayout.Equation(lhs: printer.render(partial), steps: [MathLayout.Piece(partials.plugging(into: partial), printer)])
            })))
        }
        let plugged = partials.plugging(into: derivation.factored())
        var pieces = [MathLayout.Piece(plugged, printer)]
        let values = NodeValues(graph: derivation.graph)
        if let values, let number = Self.value(derivation, partials: partials, values: values) {
            let numbers = Self.numbers(derivation.graph, values)
            if plugged.symbolCount > 0, plugged.symbolCount <= WorkedExample.componentLimit, !plugged.contains(where: { if case .partial = $0 { true } else { false } }) {
                pieces.append(MathLayout.Piece(plugged.substituting(numbers), printer))
            }
            pieces.append(MathLayout.Piece(printer.number(.real(number))))
        }
        blocks.append(.paragraph([.bold(values == nil ? "Plugged in." : "Plugged in, at the given values.")]))
        blocks.append(.math(MathLayout.page.rows([MathLayout.Equation(lhs: lhs, steps: pieces)])))
        return blocks
    }

    /// The answer's rows in the chosen form, its label and the expressions it writes.
    private func form(_ derivation: Derivation) -> (label: String, rows: [String], exprs: [Expr]) {
        let printer = LaTeXPrinter(digits: digits), lhs = printer.render(derivation.total)
        switch options.form {
        case .steps:
            let steps = derivation.steps()
            return ("Answer (the chain rule, step by step).", chain(lhs, steps, printer), steps)
        case .expanded:
            if let expanded = try? derivation.expanded() {
                return ("Answer (expanded: one product per path).", MathLayout.page.rows([.init(lhs: lhs, steps: [.init(expanded, printer)])]), [expanded])
            }
            let factored = derivation.factored()
            return ("Answer (factored: the expanded form has \(derivation.pathCount) paths, too many to write out).",
                    MathLayout.page.rows([.init(lhs: lhs, steps: [.init(factored, printer)])]), [factored])
        case .adjoint:
            let adjoint = derivation.adjoint(), delta = LaTeXPrinter(digits: digits, totalStyle: .delta)
            let equations = adjoint.definitions.map {
                MathLayout.Equation(lhs: delta.render(.total(of: adjoint.output, wrt: $0.node)), steps: [.init($0.value, delta)])
            } + adjoint.results.map { MathLayout.Equation(lhs: lhs, steps: [.init($0.value, delta)]) }
            return ("Answer (backprop's form: δ_q = ∂\(adjoint.output)/∂q from the output back).",
                    MathLayout.page.rows(equations), (adjoint.definitions + adjoint.results).map(\.value))
        case .factored:
            let factored = derivation.factored()
            return ("Answer (factored).", MathLayout.page.rows([.init(lhs: lhs, steps: [.init(factored, printer)])]), [factored])
        }
    }

    /// `lhs = line₁ = line₂ …`, one line each.
    private func chain(_ lhs: String, _ lines: [Expr], _ printer: LaTeXPrinter) -> [String] {
        MathLayout.page.rows([MathLayout.Equation(lhs: lhs, steps: lines.map { .init($0, printer) }, stepPerLine: true)])
    }

    /// The value of ∂A/∂B at the network's values, from the symbolic stage (the factored form with
    /// local partials evaluated); `nil` when some value is missing or the question has no answer.
    static func value(of: String, wrt: String, in network: Network) -> Double? {
        guard let derivation = try? network.derivation(of: of, wrt: wrt), let values = NodeValues(graph: derivation.graph) else { return nil }
        return value(derivation, partials: LocalPartials(graph: derivation.graph, unitSums: network.unitSums), values: values)
    }

    private static func value(_ derivation: Derivation, partials: LocalPartials, values: NodeValues) -> Double? {
        if derivation.isIdentity { return 1 }
        if derivation.zeroReason != nil { return 0 }
        return values.value(of: derivation.factored(), partials: partials)
    }

    /// Every node's value for substitution: leaves exactly as given, computed values as reals.
    private static func numbers(_ graph: ScalarGraph, _ values: NodeValues) -> [String: Number] {
        var result = values.values.mapValues { Number.real($0) }
        for node in graph.nodes { if let value = node.value { result[node.name] = value } }
        return result
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
