/// How a printer writes a total derivative ``Expr/total(of:wrt:)``.
public enum TotalStyle: Hashable, Sendable {
    /// As a fraction, the same as a local partial: ∂y/∂c (the course writes both alike).
    case fraction
    /// As backprop's adjoint δ_q, naming only the quantity differentiated against; use it when every
    /// total in the expression is of the same output.
    case delta
    /// As a fraction, but with d instead of ∂ for the totals of the listed `[A, B]` pairs: dy/dx where
    /// ∂y/∂x also names the local partial along the edge x → y in the same derivation.
    case distinguishing(Set<[String]>)

    /// The style of an equation's left-hand side: δ for a named total, else a fraction (d where the
    /// total would read like a local partial of the same derivation).
    public static func left(_ equation: FormedDerivation.Equation) -> TotalStyle {
        equation.namedLHS ? .delta : fraction(equation.distinguished)
    }

    /// The style of an equation's right-hand side, as ``left(_:)``.
    public static func right(_ equation: FormedDerivation.Equation) -> TotalStyle {
        equation.namedRHS ? .delta : fraction(equation.distinguished)
    }

    private static func fraction(_ distinguished: Set<[String]>) -> TotalStyle {
        distinguished.isEmpty ? .fraction : .distinguishing(distinguished)
    }

    /// Whether the total ∂`of`/∂`wrt` is written with d in this style.
    public func writesStraight(of: String, wrt: String) -> Bool {
        if case .distinguishing(let pairs) = self { pairs.contains([of, wrt]) } else { false }
    }
}
