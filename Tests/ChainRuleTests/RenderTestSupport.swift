@testable import ChainRule

/// Shorthand for building expression trees directly in the Render tests.
enum RenderSample {
    static func s(_ name: String) -> Expr { .symbol(name) }
    static func n(_ value: Int) -> Expr { .integer(value) }
    static func q(_ numerator: Int, _ denominator: Int) -> Expr { .number(.exact(Rational(numerator, denominator)!)) }
    static func d(_ of: String, _ wrt: String) -> Expr { .partial(of: of, wrt: wrt) }
    static func t(_ of: String, _ wrt: String) -> Expr { .total(of: of, wrt: wrt) }
    static func pow(_ base: Expr, _ exponent: Int) -> Expr { .power(base, .integer(exponent)) }

    /// Quiz Problem 3's smallest factored form of ∂y/∂x1, as the tree the deriver produces.
    static let quiz = Expr.sum([
        .product([d("y", "c"), d("c", "a"), d("a", "x1")]),
        .product([
            .sum([d("y", "d"), .product([d("y", "e"), d("e", "d")])]),
            .sum([.product([d("d", "a"), d("a", "x1")]), .product([d("d", "b"), d("b", "x1")])]),
        ]),
    ])
}
