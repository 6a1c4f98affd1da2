/// An expression tree: the shared vocabulary of ChainRule.
///
/// Node definitions, local partial derivatives, chain-rule sums and student answers are all `Expr`
/// values. Quotients are products with a power of −1 and differences are sums with a factor −1, so
/// that simplification sees one canonical shape; printers turn them back into fractions and minus
/// signs. Names are plain strings (`x1`, `w_c_a`, `a1[2]`); printers decide how they look.
public indirect enum Expr: Hashable, Sendable {
    /// A constant.
    case number(Number)
    /// A named quantity: an input, parameter, target or node value.
    case symbol(String)
    /// The formal local partial ∂of/∂wrt along one edge of a graph (wrt is a direct input of of).
    case partial(of: String, wrt: String)
    /// The formal total derivative ∂of/∂wrt (a sum over all paths, not yet expanded).
    case total(of: String, wrt: String)
    /// A sum of terms, in order.
    case sum([Expr])
    /// A product of factors, in order.
    case product([Expr])
    /// base^exponent.
    case power(Expr, Expr)
    /// A function applied to arguments.
    case apply(Function, [Expr])
}

extension Expr {
    /// The constant 0.
    public static let zero = Expr.number(.zero)
    /// The constant 1.
    public static let one = Expr.number(.one)

    /// An exact integer constant.
    public static func integer(_ value: Int) -> Expr { .number(Number(value)) }

    /// `a / b` in canonical form (a product with b^−1).
    public static func quotient(_ a: Expr, _ b: Expr) -> Expr {
        .product([a, .power(b, .integer(-1))])
    }

    /// `−a` in canonical form (a product with −1).
    public static func negation(_ a: Expr) -> Expr { .product([.integer(-1), a]) }

    /// `a − b` in canonical form.
    public static func difference(_ a: Expr, _ b: Expr) -> Expr { .sum([a, negation(b)]) }

    /// The constant value, when the expression is a number.
    public var numberValue: Number? {
        if case .number(let n) = self { return n }
        return nil
    }
}
