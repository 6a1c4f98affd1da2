import Testing
@testable import ChainRule

@Suite struct AlgebraRewritingTests: AlgebraFixtures {
    @Test func operatorsBuildCanonicalShapesWithoutSimplifying() {
        #expect(a + b + c == .sum([a, b, c]))
        #expect(a - b == .sum([a, .product([-1, b])]))
        #expect(a - b == .difference(a, b))
        #expect(a * b * c == .product([a, b, c]))
        #expect(a / b == .quotient(a, b))
        #expect(-a == .negation(a))
        #expect(-Expr.integer(3) == -3)
        #expect(a * 1 == .product([a, 1]))
        #expect(Expr.fraction(2, 4) == .number(.exact(Rational(1, 2)!)))
        #expect(Expr.fraction(1, 0) == .real(.infinity))
        #expect(Function.sigmoid(a) == .apply(.sigmoid, [a]))
        #expect(a.raised(to: 2) == .power(a, 2))
    }

    @Test func substitutesSymbols() {
        let e = Function.sigmoid(x * y) + x
        #expect(e.substituting(["x": a + b]) == .sum([Function.sigmoid((a + b) * y), a + b]))
        #expect(e.substituting(["q": a]) == e)
    }

    @Test func rewritesBottomUp() {
        var visited: [Expr] = []
        let e = Function.exp(x * 2) + 3
        let doubled = e.rewritten { node in
            visited.append(node)
            if case .number(let n) = node { return .number(n * Number(2)) }
            return nil
        }
        #expect(doubled == Function.exp(x * 4) + 6)
        #expect(visited.first == x)
        #expect(visited.last == doubled)
    }

    @Test func foldsSubexpressionsBackIntoNames() {
        let zh = Expr.symbol("w11") * x + Expr.symbol("w12") * y + b
        let h = Expr.symbol("h1")
        let derivative = Function.sigmoid(zh).derivative(withRespectTo: "w11")
        #expect(derivative.folding(Function.sigmoid(zh), into: h) == h * (1 - h) * x)
        // A pre-activation sum inside a larger sum is folded where its first term stood.
        let bigger = c + zh.summands[0] + zh.summands[1] + d + zh.summands[2]
        #expect(bigger.folding(zh, into: .symbol("z_h1")) == .sum([c, .symbol("z_h1"), d]))
        // A product pattern among a product's factors.
        #expect((a * b * c).folding(c * a, into: z) == .product([z, b]))
        // An unsimplified pattern still matches its simplified occurrences.
        #expect((Function.sigmoid(2 * x) * 3).folding(Function.sigmoid(.product([x, 2, 1])), into: h) == h * 3)
        // Nothing to fold.
        #expect((a + c).folding(a + b, into: z) == a + c)
    }

    @Test func queries() {
        let e = partial("y", "a") * Function.sigmoid(b * a) + a * .total(of: "y", wrt: "x") + partial("y", "a")
        #expect(e.symbols == ["b", "a"])
        #expect(e.partialCount == 3)
        #expect(!e.isConstant)
        #expect((Function.exp(2) + Expr.power(3, .fraction(1, 2))).isConstant)
        #expect(!partial("y", "a").isConstant)
        #expect(e.depends(on: "a"))
        #expect(!e.depends(on: "y"))
        #expect(Expr.power(a, b).children == [a, b])
        #expect(Expr.power(a, b).replacingChildren([c, d]) == .power(c, d))
    }
}
