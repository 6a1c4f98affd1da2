import Testing
@testable import ChainRule

/// Verification beyond the finite-difference budget: a seeded sample differenced one by one, the rest
/// together along a random ±1 direction, symbolic and backprop still compared for every derivative.
@Suite("Verify: finite differences at scale")
struct VerifyAtScaleTests {
    /// A sigmoid neuron with `width` inputs and an MSE loss.
    static func wideNeuron(_ width: Int) -> String {
        let inputs = (1...width).map { "x\($0) = \(Double($0 % 7) / 10 - 0.3)" }.joined(separator: ", ")
        let params = (1...width).map { "w\($0) = \(Double($0 % 5 - 2) / 10)" }.joined(separator: ", ")
        let sum = (1...width).map { "w\($0) x\($0)" }.joined(separator: " + ")
        return "input \(inputs)\nparam \(params), b = 0.1\ntarget y = 1\nyhat = sigmoid(\(sum) + b)\nloss L = 1/2 (yhat - y)^2\n"
    }

    @Test func theDirectionalDifferenceIsTheSignedSumOfTheSingleOnes() throws {
        guard case .success(let network) = Network.parse(Self.wideNeuron(12)) else { Issue.record("does not build"); return }
        let runtime = try Runtime(network)
        let point = try Point(network: network, seed: 3)
        let loss = try #require(network.loss)
        var generator = SeededGenerator(seed: 9)
        let leaves = network.nodes.indices.filter { network.nodes[$0].kind == .parameter }
        let direction = leaves.map { (node: $0, offset: 0, weight: Bool.random(using: &generator) ? 1.0 : -1.0) }
        let together = FiniteDifference.directional(runtime, at: point, of: loss, along: direction)
        let oneByOne = direction.reduce(0) { $0 + $1.weight * FiniteDifference.derivative(runtime, at: point, wrt: $1.node) }
        #expect(abs(together - oneByOne) <= 1e-7 * max(1, abs(oneByOne)), "\(together) vs \(oneByOne)")
    }

    @Test func beyondTheBudgetASampleAndADirectionAreDifferenced() throws {
        guard case .success(let network) = Network.parse(Self.wideNeuron(300)) else { Issue.record("does not build"); return }
        var verifier = Verifier()
        verifier.checksMatrixForm = false
        let questions = Verifier.questions(of: network)
        let cost = questions.count * (try Runtime(network)).operationCount
        #expect(cost > verifier.finiteDifferenceBudget ?? 0, "the test network must exceed the default budget")
        let verification = try verifier.verify(network, questions: questions)
        #expect(verification.agrees)
        let single = verification.rows.filter { $0.form != "direction" && !$0.checkedAlongDirection }
        let together = verification.rows.filter(\.checkedAlongDirection)
        let direction = verification.rows.filter { $0.form == "direction" }
        #expect(single.count == verifier.sampledDifferences)
        #expect(single.allSatisfy { $0.finiteDifference != nil })
        #expect(together.count == questions.count - verifier.sampledDifferences)
        #expect(together.allSatisfy { $0.finiteDifference == nil && $0.symbolic != nil && $0.backprop != nil })
        #expect(direction.count == 1)
        #expect(verification.notes.contains { $0.contains("random ±1 direction") })
        // The direction row's backprop value is the signed sum of the members' backprop values.
        let row = try #require(direction.first)
        let members = together.map { $0.backprop ?? 0 }
        #expect(abs(abs(row.backprop ?? 0)) <= members.reduce(0) { $0 + abs($1) } + 1e-12)
        #expect(row.finiteDifference != nil && row.finiteDifferenceError <= verifier.tolerances.finiteDifference)
    }

    @Test func withoutABudgetEveryDifferenceIsTakenOneByOne() throws {
        guard case .success(let network) = Network.parse(Self.wideNeuron(150)) else { Issue.record("does not build"); return }
        var verifier = Verifier()
        verifier.checksMatrixForm = false
        verifier.finiteDifferenceBudget = nil
        let verification = try verifier.verify(network, questions: Verifier.questions(of: network))
        #expect(verification.agrees)
        #expect(verification.rows.allSatisfy { $0.finiteDifference != nil && !$0.checkedAlongDirection })
    }

    @Test func aSmallBudgetOnACourseNetworkStillAgreesAndSaysSo() throws {
        let network = try #require(Package.network("sigmoid-4-2-3-1.nn"))
        var verifier = Verifier()
        verifier.finiteDifferenceBudget = 10
        verifier.sampledDifferences = 5
        let verification = try verifier.verify(network, questions: Verifier.questions(of: network))
        #expect(verification.agrees)
        #expect(verification.rows.contains { $0.form == "direction" })
        let text = VerificationReport(verification).text
        #expect(text.contains("together along a random direction"), "\(text)")
    }

    @Test func theCommandLineOffersEveryDifference() throws {
        let result = try Package.run(["verify", "Problems/perceptron.nn", "--all-differences"])
        #expect(result.status == 0, "\(result.out)\(result.err)")
        #expect(result.out.contains("agree three ways"))
    }
}
