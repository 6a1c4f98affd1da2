import Foundation
import Testing
@testable import ChainRule

/// `chainrule derive FILE --form layers` end to end.
@Suite("Layers: derive --form layers")
struct LayerCommandTests {
    @Test func textSingleAndBatch() throws {
        let single = try Package.run(["derive", "Problems/relu-4-3-2-1-classification.nn", "--form", "layers"])
        #expect(single.status == 0 && single.err.isEmpty)
        #expect(single.out.hasPrefix("Layer-wise backpropagation, one sample\n"))
        #expect(single.out.contains("  ∂L/∂W⁽¹⁾ = δ⁽¹⁾xᵀ                             ∈ ℝ³ˣ⁴\n"))
        let batch = try Package.run(["derive", "Problems/relu-4-3-2-1-classification.nn", "--form", "layers", "--batch"])
        #expect(batch.status == 0 && batch.out.contains("Δ⁽³⁾ = ∂L/∂Z⁽³⁾ = ∂L/∂Ŷ ⊙ Ŷ ⊙ (1 − Ŷ) = (1/m)(Ŷ − Y)"))
    }

    @Test func plugInDrawsWhatTheFileLeavesSymbolic() throws {
        let result = try Package.run(["derive", "Problems/relu-4-3-2-1-regression.nn", "--form", "layers", "--batch", "--plug-in", "--seed", "5"])
        #expect(result.status == 0)
        #expect(result.out.hasPrefix("note: a batch of 3 samples drawn at random (seed 5) for x, y\nnote: values drawn at random (seed 5) for W1, b1, W2, b2, W3, b3\n"))
        #expect(result.out.contains("m = 3"))
        let given = try Package.run(["derive", "Problems/sigmoid-4-2-3-1.nn", "--form", "layers", "--plug-in"])
        #expect(given.status == 0 && !given.out.contains("note:") && given.out.contains("    = [5.100, 6.100]\n"))
    }

    @Test func jsonAndLaTeX() throws {
        let json = try Package.run(["derive", "Problems/example-3-bce.nn", "--form", "layers", "--format", "json"])
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        #expect(object["form"] as? String == "layers")
        let gradients = try #require(object["gradients"] as? [[String: Any]])
        #expect(gradients.compactMap { $0["parameter"] as? String } == ["w11", "w12", "b1", "w21", "w22", "b2", "v1", "v2", "c"])
        // ∂L/∂w11 = (ŷ − y) v1 h1 (1 − h1) x1, recomputed from the file's values.
        let s = { (z: Double) in 1 / (1 + exp(-z)) }
        let h1 = s(0.2 * 0.5 + 0.4 * 0.1 + 0.1), h2 = s(0.3 * 0.5 + 0.7 * 0.1 + 0.2)
        let yhat = s(0.6 * h1 + 0.9 * h2 + 0.3)
        let w11 = (gradients.first?["values"] as? [Double])?.first ?? .nan
        #expect(abs(w11 - (yhat - 1) * 0.6 * h1 * (1 - h1) * 0.5) < 1e-15)
        let latex = try Package.run(["derive", "Problems/example-3-bce.nn", "--form", "layers", "--format", "latex"])
        #expect(latex.status == 0 && latex.out.hasPrefix("\\begin{align*}\n") && latex.out.hasSuffix("\\end{align*}\n"))
    }

    @Test func notAChainIsOneLine() throws {
        let result = try Package.run(["derive", "Problems/quiz-problem-3.nn", "--form", "layers"])
        #expect(result.status == 65)
        #expect(result.err == "Problems/quiz-problem-3.nn: error: not a chain of layers: the file has no loss\n")
        let wrt = try Package.run(["derive", "Problems/sigmoid-4-2-3-1.nn", "--form", "layers", "--wrt", "W1"])
        #expect(wrt.status == 2 && wrt.err.contains("drop --of and --wrt"))
        let batch = try Package.run(["derive", "Problems/sigmoid-4-2-3-1.nn", "--wrt", "W1[1,1]", "--batch"])
        #expect(batch.status == 2 && batch.err.contains("--batch and --seed go with --form layers"))
        let help = try Package.run(["derive", "--help"])
        #expect(help.out.contains("--batch") && help.out.contains("layers"))
    }
}
