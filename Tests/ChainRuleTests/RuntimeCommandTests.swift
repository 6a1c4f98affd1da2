import Foundation
import Testing
@testable import ChainRule

/// `chainrule run` through the built binary: the corrected numbers of 001, formats, bad flags.
@Suite("Runtime: the run command")
struct RuntimeCommandTests {
    /// The 001 example recomputed here: z = 0.32 (not the source's 0.35).
    static let z = 0.2 * 0.5 + 0.4 * 0.3 + 0.1
    static let yhat = 1 / (1 + exp(-z))
    static let dz = (yhat - 1) * yhat * (1 - yhat)

    /// 4 significant digits with trailing zeros (C's `%#.4g`), minus as `−`.
    func shown(_ value: Double) -> String {
        let text = String(format: "%#.4g", value)
        return text.hasPrefix("-") ? "−" + text.dropFirst() : text
    }

    @Test func perceptronPrintsTheCorrectedNumbers() throws {
        let result = try Package.run(["run", "Problems/perceptron.nn"])
        #expect(result.status == 0, "\(result.err)")
        let out = result.out
        #expect(out.contains("= \(shown(Self.z))\n"))
        #expect(out.contains("σ(\(shown(Self.z))) = \(shown(Self.yhat))"))
        #expect(out.contains("∂L/∂w1 = ∂L/∂z_ŷ ∂z_ŷ/∂w1 = \(shown(Self.dz))·0.5000 = \(shown(Self.dz * 0.5))"))
        #expect(out.contains("w1 ← w1 − η ∂L/∂w1 = 0.2 − 0.01 (\(shown(Self.dz * 0.5))) = \(shown(0.2 - 0.01 * Self.dz * 0.5))"))
        #expect(!out.contains("0.35"))
    }

    @Test func jsonGivesFullPrecision() throws {
        let result = try Package.run(["run", "Problems/perceptron.nn", "--format", "json"])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any]
        let first = (object?["iterations"] as? [[String: Any]])?.first
        let values = first?["values"] as? [String: Double]
        #expect(abs((values?["yhat"] ?? 0) - Self.yhat) < 1e-12)
        #expect(abs(((first?["gradients"] as? [String: Double])?["b"] ?? 0) - Self.dz) < 1e-12)
        #expect(abs(((first?["updated"] as? [String: Double])?["w2"] ?? 0) - (0.4 - 0.01 * Self.dz * 0.3)) < 1e-12)
    }

    @Test func latexAndDigits() throws {
        let result = try Package.run(["run", "Problems/perceptron.nn", "--format", "latex", "--digits", "2"])
        #expect(result.status == 0)
        #expect(result.out.contains("\\begin{align*}"))
        #expect(result.out.contains("0.2 \\cdot 0.5 + 0.4 \\cdot 0.3 + 0.1 = 0.32"))
    }

    @Test func badFlagsExit2() throws {
        for arguments in [["run", "Problems/perceptron.nn", "--digits", "x"], ["run", "Problems/perceptron.nn", "--format", "pdf"],
                          ["run", "Problems/perceptron.nn", "--seed", "-1"], ["run", "Problems/perceptron.nn", "--bogus"], ["run"]] {
            let result = try Package.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.err.contains("usage: chainrule run"))
        }
    }
}
