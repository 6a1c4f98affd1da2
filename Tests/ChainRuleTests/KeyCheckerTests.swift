import Foundation
import Testing
@testable import ChainRule

/// The generated LaTeX keys read back through `chainrule check`'s parser and checker: every
/// derivative answer in them (the step-by-step chain, the answer in each form, the plugged-in form)
/// is judged correct.
@Suite("Key: answers pass the checker")
struct KeyCheckerTests {
    /// The displays of the LaTeX document under `label` within the subsection of ∂A/∂B.
    static func displays(_ latex: String, of: String, wrt: String, after label: String) -> [String] {
        let heading = "\\subsection{\\texorpdfstring{$" + DerivativeAnswer.inline(of: of, wrt: wrt) + "$}"
        guard let start = latex.range(of: heading) else { return [] }
        let rest = latex[start.upperBound...]
        let part = rest[..<(rest.range(of: "\\subsection{")?.lowerBound ?? rest.endIndex)]
        return part.components(separatedBy: "\\textbf{" + label).dropFirst().compactMap { chunk in
            guard let open = chunk.range(of: "\\begin{align*}\n"), let close = chunk.range(of: "\n\\end{align*}") else { return nil }
            return String(chunk[open.upperBound..<close.lowerBound])
        }
    }

    static func questions(_ network: Network) -> [(of: String, wrt: String)] {
        network.questions.compactMap { if case .derivative(let of, let wrt) = $0.kind { (of, wrt) } else { nil } }
    }

    @Test(arguments: ["quiz-problem-3.nn", "example-3-bce.nn", "perceptron.nn", "regression-1-5-1.nn",
                      "relu-4-3-2-1-regression.nn", "relu-4-3-2-1-classification.nn"])
    func everyAnswerChecksOut(_ name: String) throws {
        let network = try #require(Package.network(name))
        for form in [DerivativeForm.factored, .expanded] {
            let latex = KeyLaTeX.document(KeyDocument(kind: .key, title: "t", sections: [
                AnswerKey.section(network, options: KeyOptions(form: form, plugsInUnspecified: true))]))
            for (of, wrt) in Self.questions(network) {
                var checker = try AnswerChecker(network: network, of: of, wrt: wrt)
                let answers = Self.displays(latex, of: of, wrt: wrt, after: "Answer")
                let steps = Self.displays(latex, of: of, wrt: wrt, after: "The chain rule, step by step")
                // A single edge from B to A is answered by its value only (no ∂E/∂ŷ = ∂E/∂ŷ).
                let degenerate = try network.derivation(of: of, wrt: wrt).factored() == .partial(of: of, wrt: wrt)
                #expect(answers.count == (degenerate ? 0 : 1), "\(name) \(of)/\(wrt)")
                for text in answers + steps {
                    let result = try checker.check(text)
                    #expect(result.correct, "\(name) \(form) \(of)/\(wrt): \(result.findings) \(result.missing) \(result.extra)\n\(text)")
                }
                checker.plugIn = true
                for text in Self.displays(latex, of: of, wrt: wrt, after: "Plugged in") {
                    // The symbolic side only: the numbers after it hold at the file's values, not at random points.
                    let sides = LayerAnswer.topLevelSides(text.replacingOccurrences(of: " \\\\\n&", with: " "))
                    let symbolic = sides[0]   // `lhs &= plugged`; the numbers follow as later sides
                    let result = try checker.check(symbolic)
                    #expect(result.correct, "\(name) plugged \(of)/\(wrt): \(result.findings)\n\(symbolic)")
                }
            }
        }
    }
}
