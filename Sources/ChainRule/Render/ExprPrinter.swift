/// A printer of expressions for one output format, in the style of SymPy's printers: one method per
/// ``Expr`` case, and ``render(_:)`` dispatching to them. A new format is a new type conforming to
/// this protocol, in a file of its own.
///
/// Printers print exactly the tree they are given, in its order; they only recover minus signs and
/// fractions from the canonical forms (see ``Expr/difference(_:_:)``, ``Expr/quotient(_:_:)``) and add
/// the parentheses that ``Precedence`` asks for.
public protocol ExprPrinter {
    /// A constant.
    func number(_ value: Number) -> String
    /// A named quantity.
    func symbol(_ name: String) -> String
    /// The local partial ∂of/∂wrt.
    func partial(of: String, wrt: String) -> String
    /// The total derivative ∂of/∂wrt.
    func total(of: String, wrt: String) -> String
    /// A sum of terms.
    func sum(_ terms: [Expr]) -> String
    /// A product of factors (which may be a quotient).
    func product(_ factors: [Expr]) -> String
    /// A power.
    func power(_ base: Expr, _ exponent: Expr) -> String
    /// A function application.
    func apply(_ function: Function, _ arguments: [Expr]) -> String
}

extension ExprPrinter {
    /// The expression in this printer's format.
    public func render(_ expr: Expr) -> String {
        switch expr {
        case .number(let n): number(n)
        case .symbol(let name): symbol(name)
        case .partial(let of, let wrt): partial(of: of, wrt: wrt)
        case .total(let of, let wrt): total(of: of, wrt: wrt)
        case .sum(let terms): sum(terms)
        case .product(let factors): product(factors)
        case .power(let base, let exponent): power(base, exponent)
        case .apply(let f, let args): apply(f, args)
        }
    }
}
