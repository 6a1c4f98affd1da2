/// The value of every node of a ``ScalarGraph`` (and of every folded pre-activation) at the point the
/// file gives, computed by evaluating the scalar definitions in topological order.
///
/// This is the symbolic stage's own forward pass, independent of the Runtime's.
public struct NodeValues: Sendable {
    /// Values by name.
    public var values: [String: Double]

    /// The values, or `nil` when a leaf has no value or a definition cannot be evaluated there.
    public init?(graph: ScalarGraph) {
        var values: [String: Double] = [:]
        for node in graph.nodes {
            guard let definition = node.definition else {
                guard let value = node.value else { return nil }
                values[node.name] = value.doubleValue
                continue
            }
            if let z = node.preactivation {
                guard case .success(let value) = z.definition.evaluate(at: values) else { return nil }
                values[z.name] = value
            }
            guard case .success(let value) = definition.evaluate(at: values) else { return nil }
            values[node.name] = value
        }
        self.values = values
    }

    /// The value of a chain-rule expression: local partials from their plugged-in values, named
    /// totals ∂A/∂q from `totals` (by q); `nil` when something cannot be evaluated.
    /// Each distinct sum, product and local partial is evaluated once (a factored form repeats its
    /// shared sub-forms).
    public func value(of expr: Expr, partials: LocalPartials, totals: [String: Double] = [:]) -> Double? {
        var memo: [SharedExpr: Double] = [:], local: [Expr: Double?] = [:]
        let result = expr.evaluate({ atom in
            switch atom {
            case .symbol(let name): return values[name]
            case .partial(let q, let u):
                if let known = local[atom] { return known }
                let value = try? partials.value(of: q, wrt: u).evaluate(at: values).get()
                local[atom] = value
                return value
            case .total(_, let q): return totals[q]
            default: return nil
            }
        }, memo: &memo)
        return try? result.get()
    }

    /// The value of an adjoint form's first result, its named totals evaluated in order.
    public func value(of adjoint: Adjoint, partials: LocalPartials) -> Double? {
        var totals: [String: Double] = [:]
        for definition in adjoint.definitions {
            guard let v = value(of: definition.value, partials: partials, totals: totals) else { return nil }
            totals[definition.node] = v
        }
        return adjoint.results.first.flatMap { value(of: $0.value, partials: partials, totals: totals) }
    }
}
