/// How a printer writes a total derivative ``Expr/total(of:wrt:)``.
public enum TotalStyle: Hashable, Sendable {
    /// As a fraction, the same as a local partial: ∂y/∂c (the course writes both alike).
    case fraction
    /// As backprop's adjoint δ_q, naming only the quantity differentiated against; use it when every
    /// total in the expression is of the same output.
    case delta
}
