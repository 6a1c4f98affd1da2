import Foundation
import Testing
@testable import ChainRule

/// A large layer's worked example is abbreviated numpy-style (first and last entries around an
/// ellipsis, with its shape), in text, LaTeX and HTML, and the entries shown are the runtime's values.
@Suite("Render: abbreviated large layers")
struct WorkedAbbreviationTests {
    static let source = """
    input x[12]
    target y[3]
    param W1[10,12], b1[10]
    a1 = sigmoid(W1 x + b1)
    param W2[3,10], b2[3]
    a2 = sigmoid(W2 a1 + b2)
    loss L = mse(a2, y)
    rate 0.1
    iterations 1
    """

    @Test func largeLayerIsAbbreviatedWithTheRuntimesValues() throws {
        let network = try Network.parse(Self.source).get()
        let runtime = try Runtime(network)
        let point = try Point(network: network, seed: 3)
        func given(_ name: String) throws -> [Double] {
            let index = try #require(network.index(of: name))
            let value: RealTensor = try #require(point.values[index])
            return value.scalars
        }
        let (x, W1, b1) = (try given("x"), try given("W1"), try given("b1"))
        // a⁽¹⁾ recomputed here: sigmoid(W1 x + b1), W1 row-major 10 × 12.
        let a1: [Double] = (0..<10).map { (i: Int) -> Double in
            let z: Double = b1[i] + (0..<12).reduce(0.0) { (sum: Double, j: Int) in sum + W1[i * 12 + j] * x[j] }
            return 1 / (1 + exp(-z))
        }
        let example = WorkedExample(runtime.train(from: point), runtime: runtime)
        let lines = try #require(example.blocks.first).sections.flatMap(\.lines)
        let line = try #require(lines.first { WorkedExampleText(digits: 4).render($0.lhs) == "a⁽¹⁾" })
        guard case .tensor(let value)? = line.steps.last else { Issue.record("a⁽¹⁾ has no value"); return }
        #expect(zip(value.scalars, a1).allSatisfy { abs($0 - $1) <= 1e-12 } && value.scalars.count == 10)
        let text = WorkedExampleText(digits: 4).render(Step.tensor(value))
        let shown: [String] = [0, 1, 2, 7, 8, 9].map { (k: Int) -> String in TextPrinter(digits: 4).number(.real(a1[k])) }
        let head: String = shown[0..<3].joined(separator: ", ")
        let tail: String = shown[3...].joined(separator: ", ")
        let expected: String = "[" + head + ", ⋯, " + tail + "] (10)"
        #expect(text == expected)

        // ∂L/∂W⁽¹⁾ (10 × 12): rows and columns cut, shape labelled, in every format.
        let gradient = try #require(lines.first { WorkedExampleText(digits: 4).render($0.lhs) == "∂L/∂W⁽¹⁾" })
        let matrixText = WorkedExampleText(digits: 4).render(try #require(gradient.steps.last))
        #expect(matrixText.hasSuffix("(10×12)") && matrixText.contains(", ⋮, ") && matrixText.contains("⋯"))
        #expect(matrixText.components(separatedBy: "], [").count == 5, "rows 1–3 and 8–10 shown, a ⋮ between")
        let latex = WorkedExampleLaTeX(digits: 4).render(try #require(gradient.steps.last))
        #expect(latex.contains("\\ddots") && latex.contains("\\vdots") && latex.contains("\\cdots") && latex.hasSuffix("_{10 \\times 12}"))
        #expect(latex.components(separatedBy: " \\\\ ").count == 7, "3 + ⋮ + 3 rows")
        let html = HTMLWorkedExample(digits: 4).render(example)
        #expect(html.contains("<mo>⋱</mo>") && html.contains("<mn>10</mn><mo>×</mo><mn>12</mn>"))
        // The small output layer (3 × 10 has 10 columns: cut) and b⁽²⁾ (3 entries: whole).
        let b2 = try #require(lines.first { WorkedExampleText(digits: 4).render($0.lhs) == "∂L/∂b⁽²⁾" })
        #expect(!WorkedExampleText(digits: 4).render(try #require(b2.steps.last)).contains("⋯"))
    }

    @Test func layoutShowsFirstAndLastEdges() {
        #expect(Abbreviation.indices(8) == (0..<8).map { $0 })
        #expect(Abbreviation.indices(784) == [0, 1, 2, nil, 781, 782, 783])
        let layout = Abbreviation(.matrix(128, 784))
        #expect(layout.isAbbreviated && layout.label == "128×784")
        #expect(layout.shownOffsets.count == 36 && layout.shownOffsets.last == 128 * 784 - 1)
        #expect(!Abbreviation(.vector(8)).isAbbreviated)
    }
}
private typealias Step = WorkedExample.Step
