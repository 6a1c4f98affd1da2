import Testing
@testable import ChainRule

/// `check` on derivatives with more paths than can be multiplied out: compared as polynomials in the
/// edge symbols at random points modulo 2⁶¹ − 1. The answers are written here, diamond by diamond.
@Suite struct CheckModularTests {
    static func ladder(_ n: Int) -> String {
        var lines = ["input x = 0.5", "param w = 0.3", "target y = 1", "d0 = sigmoid(w x)"]
        for k in 1...n { lines += ["a\(k) = tanh(d\(k - 1))", "b\(k) = sigmoid(d\(k - 1))", "d\(k) = 0.5 a\(k) + 0.5 b\(k)"] }
        lines += ["loss L = 1/2 (d\(n) - y)^2", "find dL/dw"]
        return lines.joined(separator: "\n")
    }

    /// ∂L/∂d_n, one sum per diamond, ∂d0/∂w; `skipping` leaves out the b-branch of that diamond.
    static func answer(_ n: Int, skipping: Int? = nil) -> String {
        let diamonds = (1...n).reversed().map { k in
            k == skipping ? "∂d\(k)/∂a\(k) ∂a\(k)/∂d\(k - 1)"
                : "(∂d\(k)/∂a\(k) ∂a\(k)/∂d\(k - 1) + ∂d\(k)/∂b\(k) ∂b\(k)/∂d\(k - 1))"
        }
        return (["∂L/∂d\(n)"] + diamonds + ["∂d0/∂w"]).joined(separator: " ")
    }

    @Test func ladderOf30DiamondsIsComparedWithoutMultiplyingOut() throws {
        let network = try Network.parse(Self.ladder(30)).get()
        let checker = try AnswerChecker(network: network, of: "L", wrt: "w")
        #expect(checker.comparesByEvaluation)
        let right = try checker.check(Self.answer(30))
        #expect(right.correct)
        #expect(right.steps[0].method == .modular(points: 2, paths: 1 << 30))
        let wrong = try checker.check(Self.answer(30, skipping: 17))
        #expect(!wrong.correct)
        #expect(wrong.steps[0].findings.contains(.polynomialDiffers(paths: 1 << 30)))
        let swapped = try checker.check(Self.answer(30).replacingOccurrences(of: "∂d0/∂w", with: "∂d0/∂x"))
        #expect(!swapped.correct)
    }

    @Test func smallLaddersStillListTheMissingPaths() throws {
        let network = try Network.parse(Self.ladder(3)).get()
        let checker = try AnswerChecker(network: network, of: "L", wrt: "w")
        #expect(!checker.comparesByEvaluation)
        #expect(try checker.check(Self.answer(3)).correct)
        #expect(try checker.check(Self.answer(3, skipping: 2)).missing.count == 4)
    }
}
