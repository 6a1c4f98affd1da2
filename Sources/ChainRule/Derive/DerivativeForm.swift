/// The ways ChainRule writes a total derivative ∂A/∂B as partials along the graph's edges.
public enum DerivativeForm: String, Hashable, Sendable, CaseIterable {
    /// One product per path from B to A (Bauer's formula), each written from the output toward B.
    case expanded
    /// The smallest node-splitting grouping: paths through v = (∂A/∂v)(∂v/∂B), plus the rest.
    case factored
    /// A student's derivation: the chain rule at the output, then totals substituted one by one.
    case steps
    /// Backprop's form: named totals δ_q = ∂A/∂q, then ∂A/∂B in terms of them.
    case adjoint
}
