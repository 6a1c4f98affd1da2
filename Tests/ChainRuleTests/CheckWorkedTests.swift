import Foundation
import Testing
@testable import ChainRule

/// Checking the seeds' worked examples as printed: each slip found once, what follows from it marked
/// consistent. Expected values are recomputed here by hand-written forward passes.
@Suite struct CheckWorkedTests {
    private func sigmoid(_ z: Double) -> Double { 1 / (1 + exp(-z)) }

    private func check(_ network: String, _ fixture: String, fixtureNetwork: Bool = false) throws -> WorkedCheck {
        try WorkedFixture.check(network, fixture, fixtureNetwork: fixtureNetwork)
    }

    private func line(_ check: WorkedCheck, _ label: String, iteration: Int = 1) throws -> WorkedCheck.Line {
        try WorkedFixture.line(check, label, iteration: iteration)
    }

    /// The labels of the slips a line follows from.
    private func slips(_ check: WorkedCheck, _ line: WorkedCheck.Line) -> [String] {
        line.slips.map { CheckReport(worked: check).label(check.lines[$0].entry) }
    }

    @Test func perceptron001() throws {
        let check = try check("perceptron.nn", "worked-001.txt")
        let z = 0.2 * 0.5 + 0.4 * 0.3 + 0.1, yhat = sigmoid(z)
        let zLine = try line(check, "z")
        #expect(zLine.status == .wrong)
        #expect(abs((zLine.components[0].expected ?? 0) - z) < 1e-12)
        #expect(abs((zLine.arithmetic ?? 0) - z) < 1e-12, "the arithmetic written gives the correct z")
        let yhatLine = try line(check, "ŷ")
        #expect(yhatLine.status == .consistent)
        #expect(slips(check, yhatLine) == ["z"])
        #expect(abs((yhatLine.components[0].consistent ?? 0) - sigmoid(0.35)) < 1e-12)
        #expect(abs((yhatLine.components[0].expected ?? 0) - yhat) < 1e-12)
        for label in ["∂L/∂ŷ", "∂ŷ/∂z", "∂L/∂w1", "∂L/∂w2", "∂L/∂b"] {
            let line = try line(check, label)
            #expect(line.status == .consistent, "\(label)")
            #expect(slips(check, line) == ["z"], "\(label)")
        }
        let gradient = (yhat - 1) * yhat * (1 - yhat)
        #expect(abs((try line(check, "∂L/∂w1").components[0].expected ?? 0) - gradient * 0.5) < 1e-12)
        for label in ["∂z/∂w1", "∂z/∂w2", "∂z/∂b", "w1′", "w2′", "b′", "x1", "η"] {
            #expect(try line(check, label).status == .ok, "\(label)")
        }
        #expect(check.count(.wrong) == 1 && check.count(.consistent) == 6)
        let text = CheckReport(worked: check).text
        #expect(text.contains("z: wrong (expected \(DisplayNumber.string(z, digits: 2)), got 0.35); the arithmetic 0.2·0.5 + 0.4·0.3 + 0.1 gives 0.32"))
        #expect(text.contains("ŷ: consistent with the earlier slip on line 15 (z)"))
    }

    @Test func example3of002() throws {
        let check = try check("example-3-bce.nn", "worked-002.txt")
        let z1 = 0.2 * 0.5 + 0.4 * 0.1 + 0.1, z2 = 0.3 * 0.5 + 0.7 * 0.1 + 0.2
        for (label, value) in [("z1", z1), ("z2", z2)] {
            let line = try line(check, label)
            #expect(line.status == .wrong, "\(label)")
            #expect(abs((line.components[0].expected ?? 0) - value) < 1e-12)
        }
        #expect(slips(check, try line(check, "h1")) == ["z1"])
        #expect(slips(check, try line(check, "h2")) == ["z2"])
        // The printed output pre-activation does not follow from the printed h's either.
        let zOut = try line(check, "z_yhat")
        #expect(zOut.status == .wrong)
        #expect(abs((zOut.arithmetic ?? 0) - (0.6 * 0.562 + 0.9 * 0.601 + 0.3)) < 1e-12)
        #expect(try line(check, "ŷ").status == .consistent)
        // ŷ − y labelled ∂L/∂ŷ: wrong under cross-entropy, and named as what squared error would give.
        let dyhat = try line(check, "∂L/∂ŷ")
        #expect(dyhat.status == .wrong)
        let mismatch = try #require(dyhat.lossMismatch)
        #expect(mismatch.matches.first?.loss == .squaredError && mismatch.matches.first?.wrt == "yhat")
        #expect(mismatch.matches.contains { $0.loss == .crossEntropy && $0.wrt == "z_yhat" })
        #expect(abs(mismatch.value - (-1 / 0.766)) < 1e-9, "∂L/∂ŷ = −y/ŷ + (1 − y)/(1 − ŷ) at y = 1 and the written ŷ")
        let delta = try line(check, "∂L/∂z_yhat")
        #expect(delta.status == .consistent && delta.lossMismatch == nil)
        #expect(slips(check, delta) == ["z_yhat"])
        for label in ["∂L/∂z1", "∂L/∂w11", "∂L/∂b1", "v1′", "w11′"] {
            #expect(try line(check, label).status == .consistent, "\(label)")
        }
        #expect(try line(check, "∂h1/∂z1").status == .consistent)
        #expect(check.count(.wrong) == 4)
    }

    /// The correct forward pass of the 4-2-3-1 network (W stored in×out, z = Wᵀa + b).
    private func forward004() -> (a2: [Double], a3: Double) {
        let x = [1.0, 2, 3, 4], w1 = [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6], [0.7, 0.8]]
        let w2 = [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]], w3 = [0.1, 0.2, 0.3]
        let a1 = (0..<2).map { j in sigmoid((0..<4).reduce(0.1) { $0 + w1[$1][j] * x[$1] }) }
        let a2 = (0..<3).map { j in sigmoid((0..<2).reduce(0.1) { $0 + w2[$1][j] * a1[$1] }) }
        return (a2, sigmoid((0..<3).reduce(0.1) { $0 + w3[$1] * a2[$1] }))
    }

    @Test func sigmoidNetwork004UnderTheLossTheTextNames() throws {
        let check = try check("sigmoid-4-2-3-1-mse.nn", "worked-004.txt", fixtureNetwork: true)
        let (_, a3) = forward004()
        #expect(try line(check, "z2").status == .wrong)
        let z3 = try line(check, "z3")
        #expect(z3.status == .wrong)
        #expect(abs((z3.arithmetic ?? 0) - (0.1 * 0.6453 + 0.2 * 0.6892 + 0.3 * 0.7302 + 0.1)) < 1e-12)
        #expect(slips(check, try line(check, "a3")) == ["z3"])
        // δ3 = a3 − y is binary cross-entropy's; under ½(a3 − y)² it is (a3 − y) a3 (1 − a3).
        let delta = try line(check, "∂L/∂z3")
        #expect(delta.status == .wrong)
        #expect(abs((delta.components[0].expected ?? 0) - (a3 - 1) * a3 * (1 - a3)) < 1e-12)
        let mismatch = try #require(delta.lossMismatch)
        #expect(mismatch.matches.first?.loss == .crossEntropy && mismatch.matches.first?.wrt == "z_a3[1]")
        #expect(abs(mismatch.value - (0.6157 - 1) * 0.6157 * (1 - 0.6157)) < 1e-12)
        #expect(CheckReport(worked: check).message(delta, in: check).contains("loss/δ mismatch: -0.3843 is what binary cross-entropy gives for ∂L/∂z_a3[1] (a3[1] − y)"))
        #expect(try line(check, "∂L/∂W3").status == .consistent)
        #expect(try line(check, "∂L/∂b3").status == .consistent)
        #expect(slips(check, try line(check, "∂L/∂b3")) == ["∂L/∂z3"])
        // The update section starts from numbers that are not the ones computed: each is a slip.
        #expect(try line(check, "W3′[1,1]").status == .wrong)
        #expect(try line(check, "W1′[1,1]").status == .ok)
        // Iteration 2 as printed: its z3 does not follow from its own arithmetic, and δ3 is BCE's again.
        let z3Again = try line(check, "z3", iteration: 2)
        #expect(z3Again.status == .wrong && z3Again.arithmetic != nil)
        #expect(try line(check, "a3", iteration: 2).status == .consistent)
        #expect(try line(check, "∂L/∂z3", iteration: 2).lossMismatch?.matches.first?.loss == .crossEntropy)
        #expect(try line(check, "∂L/∂b3", iteration: 2).status == .consistent)
    }

    @Test func sigmoidNetwork004UnderCrossEntropyHasNoMismatch() throws {
        let check = try check("sigmoid-4-2-3-1.nn", "worked-004.txt")
        let delta = try line(check, "∂L/∂z3")
        #expect(delta.status == .consistent && delta.lossMismatch == nil)
        #expect(slips(check, delta) == ["z3"])
    }

    @Test func namesThatMatchNothingAreReported() throws {
        let network = try #require(Package.network("perceptron.nn"))
        let check = try WorkedChecker(network: network).check("q = 0.5\nx1 = [0.5, 1]\nz = 0.32\n")
        guard case .unknownName("q", _)? = check.lines[0].problem else { Issue.record("\(String(describing: check.lines[0].problem))"); return }
        #expect(check.lines[1].problem == .shapeMismatch(expected: 1, given: 2))
        #expect(check.lines[2].status == .ok)
        #expect(!check.correct)
    }

    @Test func aCorrectWorkedExampleIsCorrect() throws {
        let network = try #require(Package.network("perceptron.nn"))
        let z = 0.2 * 0.5 + 0.4 * 0.3 + 0.1, yhat = sigmoid(z), g = (yhat - 1) * yhat * (1 - yhat)
        let text = [("z", z), ("ŷ", yhat), ("dL/dw1", g * 0.5), ("dL/db", g), ("w1'", 0.2 - 0.01 * g * 0.5)]
            .map { "\($0.0) = \(String(format: "%.4f", $0.1))" }.joined(separator: "\n")
        let check = try WorkedChecker(network: network).check(text)
        #expect(check.correct, "\(CheckReport(worked: check).text)")
    }
}
