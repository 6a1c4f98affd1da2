import Foundation
import Testing
@testable import ChainRule

@Suite struct AlgebraEvaluationTests: AlgebraFixtures {
    @Test func evaluatesArithmetic() throws {
        let e = (x + 2 * y) / (x - y) - Expr.power(x, 2)
        let point = ["x": 3.0, "y": 0.5]
        let expected = (3.0 + 2 * 0.5) / (3.0 - 0.5) - 3.0 * 3.0
        #expect(try e.evaluate(at: point).get() == expected)
        #expect(try Expr.fraction(1, 3).evaluate(at: [:]).get() == 1.0 / 3)
    }

    @Test func lookupResolvesPartialsAndTotals() throws {
        let e = partial("y", "a") * partial("a", "x") + .total(of: "y", wrt: "b")
        let values: [Expr: Double] = [partial("y", "a"): 2, partial("a", "x"): -3, .total(of: "y", wrt: "b"): 0.5]
        #expect(try e.evaluate { values[$0] }.get() == 2 * -3 + 0.5)
        #expect(e.evaluate(at: [:]) == .failure(.unknownValue(partial("y", "a"))))
    }

    @Test func functionsAreStable() throws {
        #expect(try Function.sigmoid(1000).evaluate(at: [:]).get() == 1)
        #expect(try Function.sigmoid(-1000).evaluate(at: [:]).get() == 0)
        let s = try Function.sigmoid(-30).evaluate(at: [:]).get()
        #expect(close(s, Foundation.exp(-30) / (1 + Foundation.exp(-30)), 1e-14))
        #expect(try Function.sigmoid(x).evaluate(at: ["x": 0.3]).get() == 1 / (1 + Foundation.exp(-0.3)))
        #expect(try Function.tanh(800).evaluate(at: [:]).get() == 1)
        #expect(try Function.step(0).evaluate(at: [:]).get() == 0)
        #expect(try Function.step(x).evaluate(at: ["x": 1e-9]).get() == 1)
        #expect(try Function.relu(x).evaluate(at: ["x": -2]).get() == 0)
        #expect(try Function.relu(x).evaluate(at: ["x": 2.5]).get() == 2.5)
        #expect(try Function.abs(x).evaluate(at: ["x": -2.5]).get() == 2.5)
        #expect(try Function.max(x, y).evaluate(at: ["x": 1, "y": 4]).get() == 4)
        #expect(try Function.min(x, y).evaluate(at: ["x": 1, "y": 4]).get() == 1)
        #expect(try Function.identity(x).evaluate(at: ["x": 7]).get() == 7)
    }

    @Test func reportsWhatWentWrong() {
        #expect(Function.log(x).evaluate(at: ["x": 0]) == .failure(.logarithmOfNonPositive(x, value: 0)))
        #expect(Function.log(x - 1).evaluate(at: ["x": 0]) == .failure(.logarithmOfNonPositive(x - 1, value: -1)))
        #expect((1 / (x - y)).evaluate(at: ["x": 2, "y": 2]) == .failure(.divisionByZero(x - y)))
        #expect(Function.exp(x).evaluate(at: ["x": 1000]) == .failure(.notFinite(Function.exp(x))))
        #expect(Expr.power(x, .fraction(1, 2)).evaluate(at: ["x": -1])
                == .failure(.undefinedPower(.power(x, .fraction(1, 2)), base: -1, exponent: 0.5)))
        #expect(Function.unspecified("g")(x).evaluate(at: ["x": 1])
                == .failure(.cannotEvaluate(.unspecified("g"), argumentCount: 1)))
        #expect(Expr.apply(.max, [x]).evaluate(at: ["x": 1]) == .failure(.cannotEvaluate(.max, argumentCount: 1)))
        #expect(z.evaluate(at: [:]) == .failure(.unknownValue(z)))
        if case .failure(let error) = Function.log(x).evaluate(at: ["x": 0]) {
            #expect(error.description.contains("logarithm"))
        }
    }
}
