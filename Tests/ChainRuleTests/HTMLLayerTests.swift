import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import ChainRule

/// The layer-wise derivation on the HTML page: its section, well-formed MathML, the Hadamard
/// product and ∂L/∂W⁽ˡ⁾, ∂L/∂b⁽ˡ⁾ of every layer.
@Suite("HTML page: layer-wise derivation")
struct HTMLLayerTests {
    /// The page's layer section for one file: from its heading to the end of the problem.
    static func section(_ name: String) throws -> String {
        let network = try #require(Package.network(name))
        let page = HTMLPage(problems: [(fileName: name, network: network)], options: KeyOptions()).html
        let start = try #require(page.range(of: "<h3>Layer-wise derivation</h3>")).lowerBound
        let end = try #require(page.range(of: "</section>", range: start..<page.endIndex)).lowerBound
        return String(page[start..<end])
    }

    /// Every `<math>…</math>` element of `html`.
    static func maths(_ html: String) -> [String] {
        var result: [String] = [], rest = html[...]
        while let open = rest.range(of: "<math "), let close = rest.range(of: "</math>", range: open.upperBound..<rest.endIndex) {
            result.append(String(rest[open.lowerBound..<close.upperBound]))
            rest = rest[close.upperBound...]
        }
        return result
    }

    /// The text content of well-formed XML, `nil` when it does not parse.
    static func text(_ xml: String) -> String? {
        final class Collector: NSObject, XMLParserDelegate {
            var text = ""
            func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
        }
        let parser = XMLParser(data: Data(xml.utf8)), collector = Collector()
        parser.delegate = collector
        return parser.parse() ? collector.text : nil
    }

    @Test(arguments: ["relu-4-3-2-1-regression.nn", "sigmoid-4-2-3-1.nn"])
    func pageShowsTheLayerDerivation(name: String) throws {
        let section = try HTMLLayerTests.section(name)
        let network = try #require(Package.network(name))
        let layers = network.nodes.filter { $0.kind == .parameter && $0.name.hasPrefix("W") }.count
        #expect(layers == 3)
        for title in ["Forward pass", "Loss", "Gradients"] { #expect(section.contains("<h4>\(title)</h4>"), "\(title)") }
        let maths = HTMLLayerTests.maths(section)
        #expect(maths.count > 2 * layers)
        var texts: [String] = []
        for math in maths {
            #expect(math.hasPrefix(#"<math xmlns="http://www.w3.org/1998/Math/MathML" display="block">"#))
            let text = HTMLLayerTests.text(math)
            #expect(text != nil, "well-formed: \(math.prefix(200))")
            texts.append(text ?? "")
        }
        #expect(texts.contains { $0.contains("⊙") })
        for l in 1...layers {
            for parameter in ["W", "b"] {
                // A vector bias is a bold letter (Unicode's mathematical bold, as MathML Core shows it).
                let lhs = "∂L∂\(parameter)(\(l))=", bold = "∂L∂\(MathAlphabet.bold(parameter))(\(l))="
                #expect(texts.contains { $0.hasPrefix(lhs) || $0.hasPrefix(bold) }, "\(lhs)")
            }
        }
        #expect(section.contains("symbolic") == !network.isFullyValued)
        if network.isFullyValued { #expect(section.contains("<mtable>")) }
    }

    @Test func answersOnlyWhenAsked() throws {
        let name = "relu-4-3-2-1-regression.nn"
        let network = try #require(Package.network(name))
        var options = KeyOptions()
        options.includesAnswers = false
        let page = HTMLPage(problems: [(fileName: name, network: network)], options: options).html
        #expect(!page.contains("Layer-wise derivation</h3>"))
    }
}
