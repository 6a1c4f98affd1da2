import Foundation
import Testing
@testable import ChainRule

/// The layer-wise derivation printed: text, LaTeX (compiled when pdflatex is installed) and JSON.
@Suite("Layers: printing")
struct LayerRenderTests {
    static func derivation(_ file: String, batch: Bool = false) throws -> LayerDerivation {
        try LayerDerivation(try #require(Package.network(file)), batch: batch)
    }

    static func textLines(_ d: LayerDerivation) -> [String] { d.lines.map(LayerText().equation) }
    static func latexLines(_ d: LayerDerivation) -> [String] { d.lines.map(LayerLaTeX().equation) }

    @Test func regressionSingleSampleText() throws {
        #expect(LayerText().render(try Self.derivation("relu-4-3-2-1-regression.nn")) == """
            Layer-wise backpropagation, one sample
            Notation
              x                                             ∈ ℝ⁴
              W⁽¹⁾ = W1                                     ∈ ℝ³ˣ⁴
              b⁽¹⁾ = b1                                     ∈ ℝ³
              a⁽¹⁾ = a1                                     ∈ ℝ³
              W⁽²⁾ = W2                                     ∈ ℝ²ˣ³
              b⁽²⁾ = b2                                     ∈ ℝ²
              a⁽²⁾ = a2                                     ∈ ℝ²
              W⁽³⁾ = W3                                     ∈ ℝ¹ˣ²
              b⁽³⁾ = b3                                     ∈ ℝ
              ŷ                                             ∈ ℝ
              y                                             ∈ ℝ
            Forward pass
              z⁽¹⁾ = W⁽¹⁾x + b⁽¹⁾                           ∈ ℝ³
              a⁽¹⁾ = ReLU(z⁽¹⁾)                             ∈ ℝ³
              z⁽²⁾ = W⁽²⁾a⁽¹⁾ + b⁽²⁾                        ∈ ℝ²
              a⁽²⁾ = ReLU(z⁽²⁾)                             ∈ ℝ²
              z⁽³⁾ = W⁽³⁾a⁽²⁾ + b⁽³⁾                        ∈ ℝ
              ŷ = z⁽³⁾                                      ∈ ℝ
            Loss
              L = ½(ŷ − y)²                                 ∈ ℝ
            Output error
              ∂L/∂ŷ = ŷ − y                                 ∈ ℝ
              δ⁽³⁾ = ∂L/∂z⁽³⁾ = ∂L/∂ŷ = ŷ − y               ∈ ℝ
            Backward pass
              δ⁽²⁾ = ∂L/∂z⁽²⁾ = (W⁽³⁾ᵀδ⁽³⁾) ⊙ 1[z⁽²⁾ > 0]   ∈ ℝ²
              δ⁽¹⁾ = ∂L/∂z⁽¹⁾ = (W⁽²⁾ᵀδ⁽²⁾) ⊙ 1[z⁽¹⁾ > 0]   ∈ ℝ³
            Gradients
              ∂L/∂W⁽³⁾ = δ⁽³⁾a⁽²⁾ᵀ                          ∈ ℝ¹ˣ²
              ∂L/∂b⁽³⁾ = δ⁽³⁾                               ∈ ℝ
              ∂L/∂W⁽²⁾ = δ⁽²⁾a⁽¹⁾ᵀ                          ∈ ℝ²ˣ³
              ∂L/∂b⁽²⁾ = δ⁽²⁾                               ∈ ℝ²
              ∂L/∂W⁽¹⁾ = δ⁽¹⁾xᵀ                             ∈ ℝ³ˣ⁴
              ∂L/∂b⁽¹⁾ = δ⁽¹⁾                               ∈ ℝ³
            """)
    }

    @Test func regressionBatchText() throws {
        let lines = Self.textLines(try Self.derivation("relu-4-3-2-1-regression.nn", batch: true))
        #expect(lines == [
            "Z⁽¹⁾ = XW⁽¹⁾ᵀ + 1b⁽¹⁾ᵀ", "A⁽¹⁾ = ReLU(Z⁽¹⁾)", "Z⁽²⁾ = A⁽¹⁾W⁽²⁾ᵀ + 1b⁽²⁾ᵀ", "A⁽²⁾ = ReLU(Z⁽²⁾)",
            "Z⁽³⁾ = A⁽²⁾W⁽³⁾ᵀ + 1b⁽³⁾", "Ŷ = Z⁽³⁾",
            "L = (1/2m)‖Ŷ − Y‖_F²",
            "∂L/∂Ŷ = (1/m)(Ŷ − Y)", "Δ⁽³⁾ = ∂L/∂Z⁽³⁾ = ∂L/∂Ŷ = (1/m)(Ŷ − Y)",
            "Δ⁽²⁾ = ∂L/∂Z⁽²⁾ = (Δ⁽³⁾W⁽³⁾) ⊙ 1[Z⁽²⁾ > 0]", "Δ⁽¹⁾ = ∂L/∂Z⁽¹⁾ = (Δ⁽²⁾W⁽²⁾) ⊙ 1[Z⁽¹⁾ > 0]",
            "∂L/∂W⁽³⁾ = Δ⁽³⁾ᵀA⁽²⁾", "∂L/∂b⁽³⁾ = Δ⁽³⁾ᵀ1", "∂L/∂W⁽²⁾ = Δ⁽²⁾ᵀA⁽¹⁾", "∂L/∂b⁽²⁾ = Δ⁽²⁾ᵀ1",
            "∂L/∂W⁽¹⁾ = Δ⁽¹⁾ᵀX", "∂L/∂b⁽¹⁾ = Δ⁽¹⁾ᵀ1",
        ])
        let shapes = try Self.derivation("relu-4-3-2-1-regression.nn", batch: true).lines.map { LayerTextNotation().space(of: $0) }
        #expect(shapes == ["ℝᵐˣ³", "ℝᵐˣ³", "ℝᵐˣ²", "ℝᵐˣ²", "ℝᵐ", "ℝᵐ", "ℝ", "ℝᵐ", "ℝᵐ", "ℝᵐˣ²", "ℝᵐˣ³",
                           "ℝ¹ˣ²", "ℝ", "ℝ²ˣ³", "ℝ²", "ℝ³ˣ⁴", "ℝ³"])
    }

    @Test func classificationLaTeXSingleAndBatch() throws {
        let single = Self.latexLines(try Self.derivation("relu-4-3-2-1-classification.nn"))
        #expect(single == [
            #"\mathbf{z}^{(1)} = W^{(1)} \mathbf{x} + \mathbf{b}^{(1)}"#,
            #"\mathbf{a}^{(1)} = \operatorname{ReLU}(\mathbf{z}^{(1)})"#,
            #"\mathbf{z}^{(2)} = W^{(2)} \mathbf{a}^{(1)} + \mathbf{b}^{(2)}"#,
            #"\mathbf{a}^{(2)} = \operatorname{ReLU}(\mathbf{z}^{(2)})"#,
            #"z^{(3)} = W^{(3)} \mathbf{a}^{(2)} + b^{(3)}"#,
            #"\hat{y} = \sigma(z^{(3)})"#,
            #"L = -y \log \hat{y} - \left(1 - y\right) \log \left(1 - \hat{y}\right)"#,
            #"\frac{\partial L}{\partial \hat{y}} = \frac{\hat{y} - y}{\hat{y} \left(1 - \hat{y}\right)}"#,
            #"\delta^{(3)} = \frac{\partial L}{\partial z^{(3)}} = \frac{\partial L}{\partial \hat{y}} \hat{y} \left(1 - \hat{y}\right) = \hat{y} - y"#,
            #"\boldsymbol{\delta}^{(2)} = \frac{\partial L}{\partial \mathbf{z}^{(2)}} = \left(W^{(3)\top} \delta^{(3)}\right) \odot \mathbf{1}[\mathbf{z}^{(2)} > 0]"#,
            #"\boldsymbol{\delta}^{(1)} = \frac{\partial L}{\partial \mathbf{z}^{(1)}} = \left(W^{(2)\top} \boldsymbol{\delta}^{(2)}\right) \odot \mathbf{1}[\mathbf{z}^{(1)} > 0]"#,
            #"\frac{\partial L}{\partial W^{(3)}} = \delta^{(3)} \mathbf{a}^{(2)\top}"#,
            #"\frac{\partial L}{\partial b^{(3)}} = \delta^{(3)}"#,
            #"\frac{\partial L}{\partial W^{(2)}} = \boldsymbol{\delta}^{(2)} \mathbf{a}^{(1)\top}"#,
            #"\frac{\partial L}{\partial \mathbf{b}^{(2)}} = \boldsymbol{\delta}^{(2)}"#,
            #"\frac{\partial L}{\partial W^{(1)}} = \boldsymbol{\delta}^{(1)} \mathbf{x}^{\top}"#,
            #"\frac{\partial L}{\partial \mathbf{b}^{(1)}} = \boldsymbol{\delta}^{(1)}"#,
        ])
        let batch = try Self.derivation("relu-4-3-2-1-classification.nn", batch: true)
        let latex = Self.latexLines(batch)
        #expect(latex[0] == #"\mathrm{Z}^{(1)} = \mathrm{X} W^{(1)\top} + \mathbf{1} \mathbf{b}^{(1)\top}"#)
        #expect(latex[6] == #"L = \frac{1}{m} \sum \left(-\mathrm{Y} \odot \log \hat{\mathrm{Y}} - \left(1 - \mathrm{Y}\right) \odot \log \left(1 - \hat{\mathrm{Y}}\right)\right)"#)
        #expect(latex[8].hasSuffix(#" = \frac{1}{m} \left(\hat{\mathrm{Y}} - \mathrm{Y}\right)"#))
        #expect(Array(latex.suffix(6)) == [
            #"\frac{\partial L}{\partial W^{(3)}} = \Delta^{(3)\top} \mathrm{A}^{(2)}"#,
            #"\frac{\partial L}{\partial b^{(3)}} = \Delta^{(3)\top} \mathbf{1}"#,
            #"\frac{\partial L}{\partial W^{(2)}} = \Delta^{(2)\top} \mathrm{A}^{(1)}"#,
            #"\frac{\partial L}{\partial \mathbf{b}^{(2)}} = \Delta^{(2)\top} \mathbf{1}"#,
            #"\frac{\partial L}{\partial W^{(1)}} = \Delta^{(1)\top} \mathrm{X}"#,
            #"\frac{\partial L}{\partial \mathbf{b}^{(1)}} = \Delta^{(1)\top} \mathbf{1}"#,
        ])
        let rows = LayerLaTeX().lines(batch, headings: false)
        #expect(rows.contains(#"\frac{\partial L}{\partial W^{(1)}} &= \Delta^{(1)\top} \mathrm{X} && \in \mathbb{R}^{3\times 4}"#))
        #expect(rows.contains(#"\Delta^{(2)} &= \frac{\partial L}{\partial \mathrm{Z}^{(2)}} = \left(\Delta^{(3)} W^{(3)}\right) \odot \mathbf{1}[\mathrm{Z}^{(2)} > 0] && \in \mathbb{R}^{m\times 2}"#))
    }

    /// Source 004's own orientation: z = Wᵀa + b, δ₂ = (W₃δ₃) ⊙ a₂(1 − a₂), ∇W₂ = a₁δ₂ᵀ.
    @Test func sigmoid4231KeepsItsOrientation() throws {
        let single = Self.textLines(try Self.derivation("sigmoid-4-2-3-1.nn"))
        #expect(single.contains("z⁽¹⁾ = W⁽¹⁾ᵀx + b⁽¹⁾"))
        #expect(single.contains("δ⁽³⁾ = ∂L/∂z⁽³⁾ = (∂L/∂ŷ) ŷ (1 − ŷ) = ŷ − y"))
        #expect(single.contains("δ⁽²⁾ = ∂L/∂z⁽²⁾ = (W⁽³⁾δ⁽³⁾) ⊙ a⁽²⁾ ⊙ (1 − a⁽²⁾)"))
        #expect(single.contains("∂L/∂W⁽³⁾ = a⁽²⁾δ⁽³⁾"))
        #expect(single.contains("∂L/∂W⁽²⁾ = a⁽¹⁾δ⁽²⁾ᵀ"))
        #expect(single.contains("∂L/∂W⁽¹⁾ = xδ⁽¹⁾ᵀ"))
        let batch = Self.textLines(try Self.derivation("sigmoid-4-2-3-1.nn", batch: true))
        #expect(batch.contains("Z⁽¹⁾ = XW⁽¹⁾ + 1b⁽¹⁾ᵀ"))
        #expect(batch.contains("Δ⁽²⁾ = ∂L/∂Z⁽²⁾ = (Δ⁽³⁾W⁽³⁾ᵀ) ⊙ A⁽²⁾ ⊙ (1 − A⁽²⁾)"))
        #expect(batch.contains("∂L/∂W⁽²⁾ = A⁽¹⁾ᵀΔ⁽²⁾"))
        let latex = Self.latexLines(try Self.derivation("sigmoid-4-2-3-1.nn"))
        #expect(latex.contains(#"\boldsymbol{\delta}^{(2)} = \frac{\partial L}{\partial \mathbf{z}^{(2)}} = \left(W^{(3)} \delta^{(3)}\right) \odot \mathbf{a}^{(2)} \odot \left(1 - \mathbf{a}^{(2)}\right)"#))
        #expect(latex.contains(#"\frac{\partial L}{\partial W^{(2)}} = \mathbf{a}^{(1)} \boldsymbol{\delta}^{(2)\top}"#))
        let text = LayerText().render(try Self.derivation("sigmoid-4-2-3-1.nn"))
        #expect(text.contains("W⁽³⁾ = W3                                          ∈ ℝ³ˣ¹"))
        #expect(text.contains("∂L/∂W⁽³⁾ = a⁽²⁾δ⁽³⁾                                ∈ ℝ³ˣ¹"))
    }

    @Test func plugInShowsEveryEntry() throws {
        let derivation = try Self.derivation("sigmoid-4-2-3-1.nn")
        let network = derivation.chain.network
        let values = try derivation.evaluate(leaves: try Point(network: network).values.mapValues(\.scalars))
        let text = LayerText(digits: 4).render(derivation, values: values)
        // z⁽¹⁾ = W1ᵀx + b1 = [0.1·1 + 0.3·2 + 0.5·3 + 0.7·4 + 0.1, 0.2·1 + 0.4·2 + 0.6·3 + 0.8·4 + 0.1].
        #expect(text.contains("  z⁽¹⁾ = W⁽¹⁾ᵀx + b⁽¹⁾                               ∈ ℝ²\n    = [5.100, 6.100]\n"))
        let y = 1.0, a3 = 1 / (1 + exp(-(values.environment[.symbol(derivation.z(3))]?.entries[0] ?? .nan)))
        #expect(text.contains("    = " + DisplayNumber.string(a3 - y, digits: 4).replacingOccurrences(of: "-", with: "−") + "\n"))
        let latex = LayerLaTeX(digits: 4).lines(derivation, values: values)
        #expect(latex.contains(#"\mathbf{z}^{(1)} &= W^{(1)\top} \mathbf{x} + \mathbf{b}^{(1)} = \begin{bmatrix}5.100 \\ 6.100\end{bmatrix} && \in \mathbb{R}^{2}"#))
        let gradient = try #require(latex.first { $0.hasPrefix(#"\frac{\partial L}{\partial W^{(1)}}"#) })
        #expect(gradient.contains(#"\begin{bmatrix}"#) && gradient.components(separatedBy: " & ").count == 5)
    }

    @Test func scalarNeuronNotation() throws {
        let text = LayerText().render(try Self.derivation("example-3-bce.nn"))
        #expect(text.contains("x = [x1, x2]ᵀ"))
        #expect(text.contains("W⁽¹⁾ = [[w11, w12], [w21, w22]]"))
        #expect(text.contains("a⁽¹⁾ = [h1, h2]ᵀ"))
        #expect(text.contains("W⁽²⁾ = [[v1, v2]]"))
        let latex = LayerLaTeX().lines(try Self.derivation("example-3-bce.nn"))
        #expect(latex.contains(#"W^{(1)} &= \begin{bmatrix}w_{11} & w_{12} \\ w_{21} & w_{22}\end{bmatrix} && \in \mathbb{R}^{2\times 2}"#))
    }

    @Test func jsonHasLinesShapesValuesAndGradients() throws {
        let derivation = try Self.derivation("sigmoid-4-2-3-1.nn", batch: true)
        let values = try derivation.evaluate(leaves: try Point(network: derivation.chain.network).values.mapValues(\.scalars))
        let json = LayerJSON.document(derivation, values: values)
        #expect(json["form"] == "layers" && json["batch"] == true && json["m"] == 1)
        #expect(json["loss"] == "binary cross-entropy")
        guard case .array(let sections)? = json["sections"], case .array(let gradients)? = json["gradients"] else {
            Issue.record("no sections or gradients")
            return
        }
        #expect(sections.count == 5 && gradients.count == 6)
        guard case .array(let forward)? = sections[0]["lines"] else { return }
        #expect(forward[0]["text"] == "Z⁽¹⁾ = XW⁽¹⁾ + 1b⁽¹⁾ᵀ")
        #expect(forward[0]["shape"] == ["m", 2])
        guard case .array(let rows)? = forward[0]["value"], case .array(let row) = rows[0],
              case .number(let a) = row[0], case .number(let b) = row[1] else {
            Issue.record("no value for Z⁽¹⁾")
            return
        }
        #expect(rows.count == 1 && abs(a - 5.1) < 1e-12 && abs(b - 6.1) < 1e-12)
    }

    @Test(.enabled(if: Shell.which("pdflatex") != nil, "pdflatex is not installed"))
    func latexCompiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chainrule-layers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var body: [String] = []
        for (file, batch) in [("relu-4-3-2-1-classification.nn", true), ("sigmoid-4-2-3-1.nn", false), ("example-3-bce.nn", false)] {
            let derivation = try Self.derivation(file, batch: batch)
            let values = try derivation.evaluate(leaves: try Point(network: derivation.chain.network, seed: 3).values.mapValues(\.scalars),
                                                 samples: LayerNumericTests.rows(derivation.chain.network, m: batch ? 3 : 0, seed: 4).map { $0.mapValues(\.scalars) })
            body.append(LayerLaTeX().render(derivation, values: values))
        }
        let document = "\\documentclass{article}\n\\usepackage{amsmath,amssymb}\n\\begin{document}\n" + body.joined(separator: "\n") + "\n\\end{document}\n"
        try document.write(to: folder.appendingPathComponent("layers.tex"), atomically: true, encoding: .utf8)
        let result = try Shell.run(try #require(Shell.which("pdflatex")), ["-interaction=nonstopmode", "-halt-on-error", "layers.tex"], in: folder)
        #expect(result.status == 0, "\(result.out.suffix(2000))")
    }
}
