import Foundation
import Testing
@testable import ChainRule

/// The command line, the HTML page and the answer key show every derivation of Problems/ alike, in
/// every form: each display's equations, stripped of its layout, are the model's (``FormedDerivation``)
/// printed in that display's format, and each shows the model's value.
@Suite("Displays: CLI, HTML page and key agree")
struct DisplaysAgreeTests {
    /// The (A, B) pairs a problem asks.
    static func questions(_ network: Network) -> [(of: String, wrt: String)] {
        network.questions.compactMap { if case .derivative(let of, let wrt) = $0.kind { (of, wrt) } else { nil } }
    }

    /// The text content of markup (tags dropped), for comparing MathML without its addressing.
    static func content(_ markup: String) -> String {
        markup.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
    }

    /// LaTeX without its line layout: alignment marks, line breaks, continuation indents and the
    /// `\bigl( … \bigr)` of a broken factor.
    static func flat(_ latex: String) -> String {
        latex.replacingOccurrences(of: "\\\\", with: "").replacingOccurrences(of: "&", with: "")
            .replacingOccurrences(of: "\\qquad \\times", with: "").replacingOccurrences(of: "\\qquad", with: "")
            .replacingOccurrences(of: "\\quad", with: "")
            .replacingOccurrences(of: "\\bigl(", with: "\\left(").replacingOccurrences(of: "\\bigr)", with: "\\right)")
            .filter { !$0.isWhitespace }
    }

    /// The model's equations as one LaTeX string: a chain `lhs = r₁ = r₂`, else `lhs = rhs` each.
    static func latex(_ shown: FormedDerivation, digits: Int?) -> String {
        let printer = LaTeXPrinter(digits: digits)
        if shown.isChain { return printer.render(shown.total) + shown.equations.map { " = " + printer.render($0.rhs) }.joined() }
        return shown.equations.map { equation in
            var left = printer, right = printer
            left.totalStyle = .left(equation)
            right.totalStyle = .right(equation)
            return left.render(equation.lhs) + " = " + right.render(equation.rhs)
        }.joined(separator: " ")
    }

    /// The rows of the key's answer block for ∂A/∂B (the paragraph labelled "Answer …" after its heading).
    static func keyAnswer(_ section: KeySection, of: String, wrt: String) -> (label: String, rows: [String])? {
        let title = DerivativeAnswer.inline(of: of, wrt: wrt)
        guard let start = section.blocks.firstIndex(of: .heading(level: 1, [.math(title)])) else { return nil }
        var i = start + 1
        while i + 1 < section.blocks.count {
            if case .heading(1, _) = section.blocks[i] { return nil }
            if case .paragraph(let inlines) = section.blocks[i], case .bold(let label)? = inlines.first, label.hasPrefix("Answer"),
               case .math(let rows) = section.blocks[i + 1] {
                return (label, rows)
            }
            i += 1
        }
        return nil
    }

    @Test(arguments: Package.problems.map(\.lastPathComponent))
    func everyFormAgrees(_ name: String) throws {
        let network = try #require(Package.network(name))
        let digits = network.digits
        guard !Self.questions(network).isEmpty else { return }  // nothing of this kind asked (4-2-3-1)
        for form in DerivativeForm.allCases {
            let section = AnswerKey.section(network, options: KeyOptions(form: form, plugsInUnspecified: true))
            let page = HTMLPage(problems: [(name, network)], forms: [form], title: "t").html
            // The command line prints the model of every question, one after the other.
            let cli = try Package.run(["derive", "Problems/" + name, "--form", form.rawValue])
            var printed: [String] = []
            for (of, wrt) in Self.questions(network) {
                let shown = try network.formed(of: of, wrt: wrt, form: form)
                let label = "\(name) \(form) ∂\(of)/∂\(wrt)"

                printed.append(TextPrinter(digits: digits).render(shown) + (shown.zeroReason.map { "    (" + $0 + ")" } ?? ""))

                // The page shows each equation of the model, in order, as MathML.
                let mathml = MathMLPrinter(digits: digits ?? 4)
                var expected: [String] = []
                if shown.zeroReason == nil {
                    for (k, equation) in shown.equations.enumerated() {
                        var left = mathml, right = mathml
                        left.totalStyle = .left(equation)
                        right.totalStyle = .right(equation)
                        let lhs = shown.isChain && k > 0 ? "" : Self.content(left.render(equation.lhs))
                        expected.append(lhs + "=" + Self.content(right.render(equation.rhs)))
                    }
                }
                var rest = Substring(Self.content(page))
                for line in expected {
                    guard let found = rest.range(of: line) else { Issue.record("\(label): the page lacks \(line)"); break }
                    rest = rest[found.upperBound...]
                }

                // The key's answer is the model in LaTeX (a chain ending in the answer stands for it).
                guard shown.zeroReason == nil else { continue }
                let degenerate = shown.equations.count == 1 && shown.equations[0].rhs == .partial(of: of, wrt: wrt)
                let answer = Self.keyAnswer(section, of: of, wrt: wrt)
                if degenerate {
                    #expect(answer == nil, "\(label): ∂A/∂B = ∂A/∂B written out")
                    continue
                }
                let key = try #require(answer, "\(label)")
                let written = Self.flat(key.rows.joined(separator: " \\\\\n"))
                let model = Self.flat(Self.latex(shown, digits: digits ?? 4))
                if key.label.hasSuffix("step by step.") && form != .steps {
                    // The step-by-step chain ends in the form's one equation.
                    let rhs = Self.flat(LaTeXPrinter(digits: digits ?? 4).render(shown.equations[0].rhs))
                    #expect(written.hasSuffix("=" + rhs), "\(label)\n\(written)\n\(rhs)")
                } else {
                    #expect(written == model, "\(label)\n\(written)\n\(model)")
                }
            }
            #expect(cli.status == 0, "\(name) \(form): \(cli.err)")
            #expect(cli.out.trimmingCharacters(in: .newlines) == printed.joined(separator: "\n"), "\(name) \(form)")
        }
    }

    /// The value at the file's point is the same on the command line (JSON), on the page and in the key.
    @Test func valuesAgree() throws {
        for name in ["example-3-bce.nn", "perceptron.nn"] {
            let network = try #require(Package.network(name))
            let page = Self.content(HTMLPage(problems: [(name, network)], forms: [.factored], title: "t").html)
            let section = AnswerKey.section(network)
            let plugged = KeyRows.rows(after: "Plugged in", in: section).compactMap(\.last)
            for (of, wrt) in Self.questions(network) {
                let shown = try network.formed(of: of, wrt: wrt, form: .factored)
                let value = try #require(shown.value)
                let cli = try Package.run(["derive", "Problems/" + name, "--of", of, "--wrt", wrt, "--format", "json"])
                // Read with Double(_:) (Foundation's JSON reader on Linux is not exact to the last digit).
                let text = cli.out.split(separator: "\n").first { $0.contains("\"value\": ") }?.split(separator: " ").last
                #expect(text.flatMap { Double(String($0)) } == value, "\(name) ∂\(of)/∂\(wrt)")
                let mathml = Self.content(MathMLPrinter(digits: 4).render(.number(.real(value))))
                #expect(page.contains("At the file's values: " + Self.content(MathMLPrinter().render(shown.total)) + "=" + mathml), "\(name) ∂\(of)/∂\(wrt)")
                let latex = LaTeXPrinter(digits: 4).number(.real(value))
                #expect(plugged.contains { $0.hasPrefix(LaTeXPrinter().render(shown.total) + " &") && $0.hasSuffix("= " + latex) }, "\(name) ∂\(of)/∂\(wrt)")
            }
        }
    }
}
