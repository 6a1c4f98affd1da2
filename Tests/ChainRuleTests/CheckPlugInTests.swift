import Testing
@testable import ChainRule

/// Plugged-in answers: compared by algebra where it can show them equal, else by evaluation.
@Suite struct CheckPlugInTests {
    private func check(_ file: String, _ of: String, _ wrt: String, _ text: String) throws -> CheckResult {
        var checker = try AnswerChecker(network: try #require(Package.network(file)), of: of, wrt: wrt)
        checker.plugIn = true
        return try checker.check(text)
    }

    @Test(arguments: [
        #"(\hat{y} - y) \hat{y}(1-\hat{y}) x_1"#,
        #"(\hat{y} - y) \sigma'(z) x_1"#,
        "x1 (ŷ − y) σ(z)(1 − σ(z))",
        "∂L/∂ŷ ŷ(1 − ŷ) x1",
    ])
    func correctByAlgebra(_ text: String) throws {
        let result = try check("perceptron.nn", "L", "w1", text)
        #expect(result.correct, "\(text)")
        #expect(result.steps.last?.method == .algebra)
        #expect(CheckReport(result).messages(result) == ["correct by algebra: it simplifies to the plugged-in derivative"])
    }

    @Test func correctOnlyByEvaluation() throws {
        // σ′(z) written as e^{−z}/(1 + e^{−z})²: equal as functions, not by the algebra's rewriting.
        let result = try check("perceptron.nn", "L", "w1", "(ŷ - y) e^{-z}/(1+e^{-z})^2 x_1")
        #expect(result.correct)
        #expect(result.steps.last?.method == .evaluation(points: 5, seed: 1))
        #expect(CheckReport(result).messages(result).first?.hasPrefix("correct by evaluation: equal to the plugged-in derivative at 5 random points") == true)
    }

    @Test func wrongPluggedInAnswersDiffer() throws {
        for text in ["(ŷ - y) x_1", "(ŷ - y) ŷ(1 - ŷ) x_2", "(y - ŷ) ŷ (1 - ŷ) x1"] {
            let result = try check("perceptron.nn", "L", "w1", text)
            #expect(!result.correct, "\(text)")
            #expect(result.steps.last?.findings.contains { if case .valueDiffers = $0 { true } else { false } } == true, "\(text)")
        }
    }

    @Test func theQuizWithAnUnspecifiedActivation() throws {
        let right = "g'(z_y) w_{y,c} g'(z_c) w_{c,x2} + g'(z_y) (w_{y,d} + w_{y,e} g'(z_e) w_{e,d}) g'(z_d) w_{d,x2}"
        #expect(try check("quiz-problem-3.nn", "y", "x2", right).correct)
        let wrong = "g'(z_y) w_{y,c} g'(z_c) w_{c,x2} + g'(z_y) w_{y,d} g'(z_d) w_{d,x2}"
        #expect(try !check("quiz-problem-3.nn", "y", "x2", wrong).correct)
    }

    @Test func crossEntropyAfterSigmoidSimplifies() throws {
        #expect(try check("example-3-bce.nn", "L", "w11", "(ŷ - y) v_1 h_1 (1 - h_1) x_1").correct)
        #expect(try check("example-3-bce.nn", "L", "z_yhat", "ŷ − y").steps.last?.method == .algebra)
    }

    @Test func aNameWithoutAValueCannotBeEvaluated() throws {
        let result = try check("perceptron.nn", "L", "w1", "(ŷ - y) q x1")
        #expect(!result.correct)
        #expect(result.findings == [.unknownName("q", at: SourceLocation(line: 1, column: 9), closest: ["b", "y", "L"])])
    }
}
