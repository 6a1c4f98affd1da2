import Testing
@testable import ChainRule

@Suite struct AlgebraExpansionTests: AlgebraFixtures {
    @Test func distributesLeftToRight() {
        let terms = ((a + b) * (c + d)).monomials()
        #expect(terms.map(\.expr) == [a * c, a * d, b * c, b * d])
        #expect(((a + b) * (c + d)).expanded() == .sum([a * c, a * d, b * c, b * d]))
    }

    @Test func multipliesOutIntegerPowersOfSums() {
        #expect(Expr.power(a + b, 2).expanded() == .sum([.power(a, 2), 2 * a * b, .power(b, 2)]))
        #expect(Expr.power(a - b, 3).monomials().count == 4)
        #expect(((a + b) * (a - b)).expanded() == .sum([.power(a, 2), -1 * .power(b, 2)]))
    }

    @Test func hugePowersOfSumsStayWhole() {
        let huge = Expr.power(a + b + c + d, 1000)
        #expect(huge.monomials() == [Monomial(factors: [.init(a + b + c + d, 1000)])])
        #expect(huge.normalized() == huge)
        #expect(Expr.power(a + b, 60).monomials().count == 61)
        // Exponents that would overflow stay whole instead of trapping.
        let big = Expr.integer(1 << 40)
        let tower = Expr.power(.power(.power(x, big), big), big)
        #expect(tower.monomials().count == 1)
        #expect(tower.normalized().symbols == ["x"])
        #expect(Expr.power(.power(y, 1_000_000_000), 3).monomials() == [Monomial(factors: [.init(y, 3_000_000_000)])])
    }

    @Test func keepsSumsToNegativePowersAsAtoms() {
        let e = (x + y) / (a + b)
        let terms = e.monomials()
        #expect(terms.count == 2)
        #expect(terms[0].exponent(of: a + b) == -1)
        #expect(Expr.power(2 * x * y, -1).expanded() == .product([.fraction(1, 2), .power(x, -1), .power(y, -1)]))
    }

    @Test func expandsInsideFunctionsAndDropsIdentity() {
        #expect(Function.sigmoid(a * (b + c)).expanded() == Function.sigmoid(a * b + a * c))
        #expect(Function.identity(a * (b + c)).expanded() == a * b + a * c)
    }

    @Test func monomialsCompareAsMultisets() {
        let m1 = Monomial(coefficient: Number(2), factors: [.init(a), .init(b, 2)])
        let m2 = Monomial(coefficient: Number(2), factors: [.init(b), .init(a), .init(b)])
        #expect(m1 == m2)
        #expect(m1.hashValue == m2.hashValue)
        #expect(m2.factors.map { $0.base } == [b, a])
        #expect(m1 != Monomial(coefficient: Number(3), factors: m1.factors))
        #expect(Monomial(factors: [.init(a), .init(a, -1)]).isConstant)
        #expect((m1 * Monomial(factors: [.init(b, -2)])).expr == 2 * a)
    }

    @Test func chainRulePathsKeepTheirOrder() {
        // (∂y/∂d + ∂y/∂e ∂e/∂d)(∂d/∂a ∂a/∂x1 + ∂d/∂b ∂b/∂x1): four paths, output to input.
        let split = (partial("y", "d") + partial("y", "e") * partial("e", "d"))
            * (partial("d", "a") * partial("a", "x1") + partial("d", "b") * partial("b", "x1"))
        let paths = split.monomials()
        #expect(paths.map(\.partialCount) == [3, 3, 4, 4])
        #expect(paths[3].expr == partial("y", "e") * partial("e", "d") * partial("d", "b") * partial("b", "x1"))
        #expect(split.partialCount == 7)
        #expect(split.expanded().partialCount == 14)
    }

    @Test func multisetsAgreeExactlyWhenExpansionsDo() {
        let p = partial("y", "c") * partial("c", "x")
        #expect((p + p).monomialMultiset() == (2 * p).monomialMultiset())
        #expect((p + p).monomialMultiset() == [Monomial(factors: [.init(partial("y", "c")), .init(partial("c", "x"))]): 2])
        #expect((-p).monomialMultiset().values.first == -1)
        #expect((p / 2).monomialMultiset().keys.first?.coefficient == .exact(Rational(1, 2)!))
        let reversed = partial("c", "x") * partial("y", "c")
        #expect(p.monomialMultiset() == reversed.monomialMultiset())
        #expect((p + reversed).monomialMultiset() != p.monomialMultiset())
    }

    @Test func expansionPreservesValues() {
        let points = randomPoints(seed: 11, count: 3)
        for e in randomExpressions(seed: 2, count: 200) {
            let expanded = e.expanded()
            #expect(expanded.expanded() == expanded, "\(plain(e))")
            #expect(expanded.simplified() == expanded, "\(plain(e))")
            for p in points {
                if let u = value(e, p), let v = value(expanded, p) {
                    #expect(close(u, v, 1e-6), "\(plain(e)) → \(plain(expanded))")
                }
            }
        }
    }
}
