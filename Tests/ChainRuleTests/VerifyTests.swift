import Testing
@testable import ChainRule

@Suite("Verify: three-way checks")
struct VerifyTests {
    @Test(arguments: Package.problems.map(\.lastPathComponent))
    func everyProblemVerifiesThreeWays(_ name: String) throws {
        let result = try Package.run(["verify", "Problems/" + name])
        #expect(result.status == 0, "\(name): \(result.out)\(result.err)")
        #expect(result.out.contains("agree three ways"), "\(name)")
    }

    @Test(arguments: ["expanded", "factored", "steps", "adjoint"])
    func everyFormOfTheQuizVerifies(_ form: String) throws {
        let result = try Package.run(["verify", "Problems/quiz-problem-3.nn", "--form", form])
        #expect(result.status == 0, "\(form): \(result.out)")
        #expect(result.out.contains("g = tanh"))
    }

    @Test func aPerturbedLocalDerivativeFails() throws {
        let result = try Package.run(["verify", "Problems/example-3-bce.nn", "--perturb", "h1,w11"])
        #expect(result.status == 1)
        #expect(result.out.contains("FAILED ∂L/∂w11"))
        #expect(!result.out.contains("FAILED ∂L/∂w21"), "only paths through the perturbed edge change")
    }

    @Test func aPerturbedAdjointFails() throws {
        let result = try Package.run(["verify", "Problems/quiz-problem-3.nn", "--form", "adjoint", "--perturb", "e,d"])
        #expect(result.status == 1, "\(result.out)")
    }

    @Test func symbolicValuesAreDrawnAndSaid() throws {
        let network = try #require(Package.network("regression-1-5-1.nn"))
        let verification = try Verifier().verify(network, questions: Verifier.questions(of: network))
        #expect(verification.drawn.contains("x") && verification.drawn.contains("w1"))
        #expect(verification.agrees)
        // 6 find items, then ∂E/∂ each of the 16 parameters (w1…w5, b1…b5, v1…v5, c), 4 of which were asked already.
        #expect(verification.rows.filter { $0.form != "layers" }.count == 6 + 16 - 4)
    }

    @Test func aPointOnAKinkIsNotAFalseMismatch() throws {
        let network = try Network.parse("input x = 0\nh = relu(x)\ny = 2 h\nfind dy/dx\n").get()
        let verification = try Verifier().verify(network, questions: Verifier.questions(of: network))
        let row = try #require(verification.rows.first)
        #expect(!row.kinks.isEmpty)
        #expect(row.finiteDifferenceError > Verification.Tolerances().finiteDifference, "the one-sided values differ at the kink")
        #expect(row.agrees, "a disagreement explained by the kink is reported as such, not as a failure")
    }

    @Test func innerNodesAreDifferencedByCuttingTheNetwork() throws {
        let network = try #require(Package.network("example-3-bce.nn"))
        let verification = try Verifier().verify(network, questions: [("L", "z_yhat"), ("L", "h1")])
        for row in verification.rows {
            let fd = try #require(row.finiteDifference), backprop = try #require(row.backprop)
            #expect(abs(fd - backprop) < 1e-8, "\(row.of)/\(row.wrt)")
        }
    }

    @Test func badArgumentsAndUnknownNamesExit2() throws {
        #expect(try Package.run(["verify", "Problems/perceptron.nn", "--of", "L"]).status == 2)
        #expect(try Package.run(["verify", "Problems/perceptron.nn", "--perturb", "yhat"]).status == 2)
        // A name the network does not have is a command-line mistake (issue 13), as in derive.
        #expect(try Package.run(["verify", "Problems/perceptron.nn", "--of", "L", "--wrt", "nope"]).status == 2)
    }

    @Test(arguments: ["relu-4-3-2-1-regression.nn", "relu-4-3-2-1-classification.nn", "sigmoid-4-2-3-1.nn"])
    func everyEntryOfTheMatrixFormIsVerified(_ name: String) throws {
        let network = try #require(Package.network(name))
        let verification = try Verifier().verify(network, questions: Verifier.questions(of: network))
        let matrix = verification.rows.filter { $0.form == "layers" }
        let parameters = network.nodes.filter { $0.kind == .parameter }.map(\.shape.count).reduce(0, +)
        #expect(matrix.count == parameters, "one row per entry of every ∂L/∂W and ∂L/∂b")
        #expect(matrix.allSatisfy { $0.agrees && $0.symbolicError < 1e-9 }, "\(name)")
    }
}
