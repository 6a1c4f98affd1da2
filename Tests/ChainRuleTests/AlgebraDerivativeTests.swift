import Foundation
import Testing
@testable import ChainRule

@Suite struct AlgebraDerivativeTests: AlgebraFixtures {
    @Test func writesActivationDerivativesAsACourseDoes() {
        let s = Function.sigmoid(x)
        #expect(s.derivative(withRespectTo: "x") == .product([s, .sum([1, .product([-1, s])])]))
        let t = Function.tanh(x)
        #expect(t.derivative(withRespectTo: "x") == .sum([1, .product([-1, .power(t, 2)])]))
        #expect(Function.relu(x).derivative(withRespectTo: "x") == Function.step(x))
        #expect(Function.step(x).derivative(withRespectTo: "x") == 0)
        #expect(Function.identity(x).derivative(withRespectTo: "x") == 1)
        #expect(Function.exp(x).derivative(withRespectTo: "x") == Function.exp(x))
        #expect(Function.log(x).derivative(withRespectTo: "x") == .power(x, -1))
        #expect(Function.abs(x).derivative(withRespectTo: "x") == Function.step(x) - Function.step(-x))
        // At a tie the first argument takes the whole derivative (see RobustnessTests).
        #expect(Function.max(x, y).derivative(withRespectTo: "x") == (1 - Function.step(y - x)).simplified())
        #expect(Function.max(x, y).derivative(withRespectTo: "y") == Function.step(y - x))
        #expect(Function.min(x, y).derivative(withRespectTo: "x") == (1 - Function.step(x - y)).simplified())
        #expect(Function.min(x, y).derivative(withRespectTo: "y") == Function.step(x - y))
        let g = Function.unspecified("g")
        #expect(g(x).derivative(withRespectTo: "x") == Function.derivative("g", order: 1)(x))
        #expect(g(x).derivative(withRespectTo: "x").derivative(withRespectTo: "x")
                == Function.derivative("g", order: 2)(x))
    }

    @Test func appliesTheChainRuleThroughFunctions() {
        let z = Expr.symbol("w") * x + b
        let s = Function.sigmoid(z)
        #expect(s.derivative(withRespectTo: "w") == .product([s, .sum([1, .product([-1, s])]), x]))
        #expect(Function.relu(z).derivative(withRespectTo: "b") == Function.step(z))
        #expect(Function.unspecified("g")(z).derivative(withRespectTo: "x")
                == .product([Function.derivative("g", order: 1)(z), .symbol("w")]))
    }

    @Test func treatsPartialsAndOtherSymbolsAsConstants() {
        let e = partial("y", "a") * x + .total(of: "y", wrt: "x") * y
        #expect(e.derivative(withRespectTo: "x") == partial("y", "a"))
        #expect(e.derivative(withRespectTo: "q") == 0)
    }

    @Test func productQuotientAndPowerRules() {
        #expect((x * y).derivative(withRespectTo: "x") == y)
        #expect((x * x * y).derivative(withRespectTo: "x") == 2 * x * y)
        #expect((1 / x).derivative(withRespectTo: "x") == -1 * .power(x, -2))
        #expect(Expr.power(x, 3).derivative(withRespectTo: "x") == 3 * .power(x, 2))
        #expect(Expr.power(2, x).derivative(withRespectTo: "x") == .power(2, x) * Function.log(2))
    }

    /// Central difference of `e` in `name` at `point`.
    func centralDifference(_ e: Expr, _ name: String, _ point: [String: Double]) -> Double? {
        let h = 1e-5 * Swift.max(1, Swift.abs(point[name] ?? 0))
        var up = point, down = point
        up[name, default: 0] += h
        down[name, default: 0] -= h
        guard let u = value(e, up), let v = value(e, down) else { return nil }
        return (u - v) / (2 * h)
    }

    func agreesWithFiniteDifferences(_ e: Expr, points: [[String: Double]]) -> Bool {
        var checked = 0
        for name in ["x", "y", "z"] {
            let derivative = e.derivative(withRespectTo: name)
            for p in points {
                guard let numeric = centralDifference(e, name, p), let symbolic = value(derivative, p),
                      Swift.abs(numeric) < 1e4 else { continue }
                if !close(numeric, symbolic, 1e-4) { return false }
                checked += 1
            }
        }
        return checked > 0 || e.symbols.isEmpty
    }

    @Test func handWrittenExpressionsMatchFiniteDifferences() {
        let points = randomPoints(seed: 42, count: 5)
        let cases: [Expr] = [
            Function.sigmoid(2 * x - y) * Function.tanh(y * z),
            Function.log(1 + Function.exp(x * y)) / (1 + z * z),
            Expr.power(x * x + 1, y),
            Function.exp(-x * x / 2) * Expr.power(y + 3, -2),
            Expr.fraction(1, 2) * .power(Function.sigmoid(x * y + z) - 1, 2),
            -y * Function.log(Function.sigmoid(x)) - (1 - y) * Function.log(1 - Function.sigmoid(x)),
            Function.relu(x + 10) * Function.abs(y + 10) + Function.max(x, y + 10) + Function.min(z - 10, x),
            Function.tanh(Function.tanh(x) * z) / Function.exp(y),
        ]
        for e in cases { #expect(agreesWithFiniteDifferences(e, points: points), "\(plain(e))") }
    }

    @Test func randomExpressionsMatchFiniteDifferences() {
        let points = randomPoints(seed: 99, count: 3)
        for e in randomExpressions(seed: 4, count: 60) {
            #expect(agreesWithFiniteDifferences(e, points: points), "\(plain(e))")
        }
    }
}
