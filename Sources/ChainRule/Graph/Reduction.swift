/// A function that reduces whole vectors or matrices to one number, as textbooks write regularisers
/// and losses: `norm(W)`, `mean(v)`, `max(v)`, `min(v)` and `hinge(s, t)`.
///
/// Each has two independent implementations: ``scalarExpression(_:)`` writes it with the algebra's
/// primitives for the symbolic stages (which differentiate it by their own rules), and the runtime's
/// ``Tape`` has its own forward and backward kernels (`Tape+Reductions.swift`).
public enum Reduction: String, CaseIterable, Hashable, Sendable {
    /// The Frobenius (Euclidean) norm ‖a‖ = √(Σ aᵢ²).
    case norm
    /// The mean of the entries, Σ aᵢ / n.
    case mean
    /// The largest entry.
    case max
    /// The smallest entry.
    case min
    /// The multiclass SVM loss of CS231n-style notes for scores s and a one-hot target t (the class
    /// y where t_y = 1): Σ_{j ≠ y} max(0, s_j − s_y + 1), written Σ_j (1 − t_j) max(0, s_j − Σ_k t_k s_k + 1).
    case hinge

    /// How many operands it takes.
    public var arity: Int { self == .hinge ? 2 : 1 }

    /// The written name in `.nn` files.
    public var name: String { rawValue }

    /// The reduction written with the algebra's primitives over the operands' components (row-major):
    /// √ as a power ½, max as nested two-argument max, hinge with `relu(u)` = max(0, u).
    public func scalarExpression(_ operands: [[Expr]]) -> Expr {
        let a = operands[0]
        switch self {
        case .norm:
            return .power(.sum(a.map { .power($0, .integer(2)) }), .number(.exact(Rational(1, 2) ?? .one)))
        case .mean:
            return .product([.number(.exact(Rational(1, Swift.max(1, a.count)) ?? .one)), .sum(a)])
        case .max, .min:
            let function: Function = self == .max ? .max : .min
            return a.dropFirst().reduce(a[0]) { .apply(function, [$0, $1]) }
        case .hinge:
            let t = operands.count > 1 ? operands[1] : []
            let s = a
            let correct = Expr.sum(zip(t, s).map { .product([$0, $1]) })
            return .sum(s.indices.map { j in
                let margin = Expr.sum([s[j], .negation(correct), .one])
                let weight = j < t.count ? Expr.difference(.one, t[j]) : .one
                return .product([weight, .apply(.relu, [margin])])
            })
        }
    }
}
