import Testing
@testable import ChainRule

@Suite struct AlgebraNormalizationTests: AlgebraFixtures {
    let yHat = Expr.symbol("ŷ")

    /// Whether two expressions normalize to the same monomials (in any order).
    func sameMonomials(_ e: Expr, _ expected: Expr, unitSums: [[String]] = []) -> Bool {
        Set(e.normalizedMonomials(unitSums: unitSums)) == Set(expected.normalizedMonomials(unitSums: unitSums))
    }

    @Test func squaredErrorDerivative() {
        let loss = Expr.fraction(1, 2) * .power(yHat - y, 2)
        let derivative = loss.derivative(withRespectTo: "ŷ")
        #expect(derivative == yHat - y)
        #expect(derivative.normalized() == .sum([yHat, -1 * y]))
    }

    @Test func binaryCrossEntropyAfterSigmoid() {
        let gradient = -y / yHat + (1 - y) / (1 - yHat)
        let product = gradient * yHat * (1 - yHat)
        #expect(product.normalized() == .sum([-1 * y, yHat]))
        #expect(sameMonomials(product, yHat - y))
        // The same from the loss itself: −y log ŷ − (1 − y) log(1 − ŷ), differentiated.
        let loss = -y * Function.log(yHat) - (1 - y) * Function.log(1 - yHat)
        let dLoss = loss.derivative(withRespectTo: "ŷ")
        #expect((dLoss * yHat * (1 - yHat)).isEquivalent(to: yHat - y))
        // And through the sigmoid: ŷ = σ(z), so dE/dz = dE/dŷ · σ(z)(1 − σ(z)).
        let s = Function.sigmoid(z)
        let dz = loss.substituting(["ŷ": s]).derivative(withRespectTo: "z")
        #expect(dz.isEquivalent(to: s - y))
    }

    @Test func softmaxWithCrossEntropy() {
        let t = (1...3).map { Expr.symbol("t\($0)") }, p = (1...3).map { Expr.symbol("p\($0)") }
        let unit = [["t1", "t2", "t3"]]
        for i in 0..<3 {
            let gradient = Expr.sum((0..<3).map { k in
                -t[k] / p[k] * (p[k] * (Expr.integer(k == i ? 1 : 0) - p[i]))
            })
            #expect(sameMonomials(gradient, p[i] - t[i], unitSums: unit), "\(plain(gradient.normalized(unitSums: unit)))")
            #expect(gradient.isEquivalent(to: p[i] - t[i], unitSums: unit))
            #expect(!gradient.isEquivalent(to: p[i] - t[i]))
        }
    }

    @Test func softmaxWithCrossEntropyFromExponentials() {
        let zs = (1...3).map { Expr.symbol("z\($0)") }, t = (1...3).map { Expr.symbol("t\($0)") }
        let total = Expr.sum(zs.map { Function.exp($0) })
        let p = zs.map { Function.exp($0) / total }
        let loss = Expr.sum((0..<3).map { -t[$0] * Function.log(p[$0]) })
        for i in 0..<3 {
            let gradient = loss.derivative(withRespectTo: "z\(i + 1)")
            #expect(gradient.isEquivalent(to: p[i] - t[i], unitSums: [["t1", "t2", "t3"]]),
                    "\(plain(gradient.normalized(unitSums: [["t1", "t2", "t3"]])))")
        }
        // Σ pₖ = 1 without being told.
        #expect(Expr.sum(p).normalized() == 1)
    }

    @Test func cancelsMultiplesOfTheSameSum() {
        #expect(((yHat - 1) / (1 - yHat)).normalized() == -1)
        #expect(((2 * a + 2 * b) / (a + b)).normalized() == 2)
        #expect(((x * a + x * b) / (b + a)).normalized() == x)
        #expect((a / (a + b) + b / (a + b)).normalized() == 1)
        #expect(((a + b) * .power(a + b, -2)).normalized() == .power(a + b, -1))
    }

    @Test func collectsUnitSumsWithDifferentCoefficients() {
        let e = 3 * a * x + a * y + a * z
        #expect(sameMonomials(e.normalized(unitSums: [["x", "y", "z"]]), a + 2 * a * x))
        #expect((x + y + z).normalized(unitSums: [["x", "y", "z"]]) == 1)
    }

    @Test func normalizationPreservesValues() {
        let points = randomPoints(seed: 5, count: 3)
        for e in randomExpressions(seed: 3, count: 150) {
            let n = e.normalized()
            #expect(n.normalized() == n, "not idempotent: \(plain(e)) → \(plain(n))")
            #expect(n.simplified() == n, "not simplified: \(plain(e)) → \(plain(n))")
            for p in points {
                if let u = value(e, p), let v = value(n, p) {
                    #expect(close(u, v, 1e-6), "\(plain(e)) → \(plain(n))")
                }
            }
        }
    }
}
