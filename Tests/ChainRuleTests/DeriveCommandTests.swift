import Foundation
import Testing
@testable import ChainRule

/// `chainrule derive` end to end.
@Suite struct DeriveCommandTests {
    @Test func quizFindItemsInText() throws {
        let result = try Package.run(["derive", "Problems/quiz-problem-3.nn"])
        #expect(result.status == 0)
        #expect(result.out == """
            ∂y/∂x2 = ∂y/∂c ∂c/∂x2 + (∂y/∂d + ∂y/∂e ∂e/∂d) ∂d/∂x2
            ∂y/∂x1 = ∂y/∂c ∂c/∂a ∂a/∂x1 + (∂y/∂d + ∂y/∂e ∂e/∂d)(∂d/∂a ∂a/∂x1 + ∂d/∂b ∂b/∂x1)

            """)
    }

    @Test func jsonWithValueAndSize() throws {
        let result = try Package.run(["derive", "Problems/example-3-bce.nn", "--wrt", "w11", "--format", "json", "--plug-in"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        #expect(object["of"] as? String == "L" && object["wrt"] as? String == "w11" && object["form"] as? String == "factored")
        #expect(object["text"] as? String == "∂L/∂w11 = (ŷ − y) v1 h1 (1 − h1) x1")
        #expect((object["latex"] as? String)?.hasPrefix(#"\frac{\partial L}{\partial w_{11}} = "#) == true)
        #expect(object["size"] as? Double == 3)
        // Independent recomputation of the example's forward pass and gradient.
        let s = { (z: Double) in 1 / (1 + exp(-z)) }
        let h1 = s(0.2 * 0.5 + 0.4 * 0.1 + 0.1), h2 = s(0.3 * 0.5 + 0.7 * 0.1 + 0.2)
        let yhat = s(0.6 * h1 + 0.9 * h2 + 0.3)
        let expected = (yhat - 1) * 0.6 * h1 * (1 - h1) * 0.5
        #expect(abs((object["value"] as? Double ?? .nan) - expected) < 1e-12)
    }

    @Test func stepsAndAdjointForms() throws {
        let steps = try Package.run(["derive", "Problems/quiz-problem-3.nn", "--of", "y", "--wrt", "x2", "--form", "steps", "--format", "latex"])
        #expect(steps.out.hasPrefix("\\begin{aligned}\n\\frac{\\partial y}{\\partial x_2} &= "))
        let adjoint = try Package.run(["derive", "Problems/quiz-problem-3.nn", "--wrt", "x1", "--form", "adjoint"])
        #expect(adjoint.out.split(separator: "\n").last == "∂y/∂x1 = δ_a ∂a/∂x1 + δ_b ∂b/∂x1")
    }

    @Test func zeroIdentityAndErrors() throws {
        let zero = try Package.run(["derive", "Problems/quiz-problem-3.nn", "--of", "a", "--wrt", "x2"])
        #expect(zero.status == 0 && zero.out.hasPrefix("∂a/∂x2 = 0") && zero.out.contains("no path"))
        let one = try Package.run(["derive", "Problems/quiz-problem-3.nn", "--of", "y", "--wrt", "y"])
        #expect(one.out == "∂y/∂y = 1\n")
        let matrix = try Package.run(["derive", "Problems/sigmoid-4-2-3-1.nn", "--wrt", "W1"])
        #expect(matrix.status == 2 && matrix.err.contains("form layers") && matrix.err.contains("W1[2,2]"))
        let unknown = try Package.run(["derive", "Problems/quiz-problem-3.nn", "--wrt", "nope"])
        #expect(unknown.status == 2 && unknown.err.contains("'nope'"))
    }
}
