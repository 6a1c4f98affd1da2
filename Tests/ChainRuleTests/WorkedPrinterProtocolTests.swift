import Foundation
import Testing
@testable import ChainRule

/// The worked-example printers are one protocol: the layout (parts, blocks, lines, the digits of an
/// update, the change too small for them) comes from ``WorkedExamplePrinter``; a format is its hooks.
struct WorkedPrinterProtocolTests {
    /// A test-only format: one `;`-separated row per line, ASCII operators and layer names.
    struct Rows: WorkedExamplePrinter {
        var digits: Int
        var separator: String { "\n" }
        var trailer: String { "" }
        func preamble(_ example: WorkedExample) -> [String] { [] }
        func errors(_ errors: [String]) -> [String] { errors }
        func block(_ heading: String, _ sections: [(title: String, lines: [String])]) -> String {
            sections.flatMap(\.lines).joined(separator: "\n")
        }
        func line(_ line: WorkedExample.PrintedLine) -> String {
            ([line.lhs, line.isUpdate ? "<-" : "=", String(line.symbolic)] + line.steps + (line.change.map { ["change " + $0] } ?? []))
                .joined(separator: ";")
        }
        func expr(_ e: Expr) -> String { TextPrinter(digits: digits).render(e) }
        func layer(_ e: LayerExpr) -> String { notation.render(e) }
        var notation: RenderPrinterProtocolTests.ASCIILayers { RenderPrinterProtocolTests.ASCIILayers() }
        func decimal(_ text: String) -> String { text }
        func value(_ shape: Shape, transposed: Bool, entry: (Int) -> String) -> String {
            "{" + (0..<shape.count).map(entry).joined(separator: " ") + "}" + (transposed ? "'" : "")
        }
        func column(_ items: [Expr]) -> String { "{" + items.map(expr).joined(separator: " ") + "}" }
        var operators: WorkedExample.CombinationStyle {
            WorkedExample.CombinationStyle(plus: " + ", minus: " - ", hadamard: " .* ", product: " * ", divide: " ./ ",
                                           quotient: " / ", times: " ", parenthesized: { "(" + $0 + ")" })
        }
        var descentOperator: String { " - eta " }
        func side(_ math: String) -> String { math }
    }

    static func example(_ source: String) throws -> WorkedExample {
        let network = try LanguageFormsTests.network(source)
        let runtime = try Runtime(network)
        return WorkedExample(runtime.train(from: try Point(network: network)), runtime: runtime)
    }

    @Test func aNewWorkedFormatIsOneConformer() throws {
        let network = try #require(Package.network("sigmoid-4-2-3-1.nn"))
        let runtime = try Runtime(network)
        let example = WorkedExample(runtime.train(from: try Point(network: network)), runtime: runtime)
        let lines = example.blocks.flatMap(\.sections).flatMap(\.lines)
        let rows = Rows(digits: 4).render(example).split(separator: "\n").map { $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.count == lines.count)
        #expect(rows.first?.prefix(2) == ["z(1)", "="])
        // The layer notation, the values and the operators are the conformer's.
        #expect(rows.contains { $0[0] == "W(2)" && $0[1] == "<-" && $0[3] == "W(2) - eta dL/dW(2)" && $0[4].hasPrefix("{0.1 0.2 0.3 0.4 0.5 0.6} - {0.1} {") }, "\(rows)")
        // The shared layout decides which sides are formulas: the first sides of a forward line.
        #expect(rows.first?[2] == "1")
        // The built-in formats lay out the same lines.
        let text = WorkedExampleText(digits: 4).render(example)
        #expect(text.split(separator: "\n").filter { $0.hasPrefix("    ") }.count == lines.count)
        let latex = WorkedExampleLaTeX(digits: 4).render(example)
        #expect(latex.components(separatedBy: " &= ").count + latex.components(separatedBy: " &\\leftarrow ").count - 2 == lines.count)
        let html = HTMLWorkedExample(digits: 4).render(example)
        #expect(html.components(separatedBy: "<tr><th scope=\"row\">").count - 1 == lines.count)
        // A negative number after an operator is parenthesized without stretching (no gap in Chromium).
        #expect(html.contains(#"<mo stretchy="false">(</mo><mrow><mo>−</mo><mn>0.3725</mn></mrow><mo stretchy="false">)</mo>"#))
        #expect(!html.contains("<mo>(</mo><mrow><mo>−</mo>"))
    }

    @Test func theChangeTooSmallToShowIsSaidByTheSharedLayout() throws {
        let example = try Self.example("""
            input x = 0.5
            param w = 0.3, b = -0.2
            yhat = sigmoid(w x + b)
            target y = 1
            loss L = (yhat - y)^2
            rate 1e-13
            """)
        let update = try #require(Rows(digits: 4).render(example).split(separator: "\n").first { $0.contains(";<-;") })
        // w changes by −η ∂L/∂w: recomputed here from the chain rule.
        let yhat = 1 / (1 + exp(-(0.3 * 0.5 - 0.2)))
        let change = -1e-13 * 2 * (yhat - 1) * yhat * (1 - yhat) * 0.5
        let noted = try #require(update.split(separator: ";").last.flatMap { Double($0.dropFirst("change ".count)) })
        // (to the digits shown, and to the rounding of w − η ∂L/∂w in doubles)
        #expect(abs(noted - change) <= 1e-3 * abs(change) + 2 * (0.3).ulp, "\(update)")
        // The value is shown at the usual digits, not widened in vain.
        #expect(update.contains(";0.3000;"), "\(update)")
    }
}
