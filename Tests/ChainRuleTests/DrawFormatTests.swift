import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import ChainRule

/// The four drawing formats: well-formed, complete, and accepted by the real tools where installed
/// (rsvg-convert renders the SVG, pdflatex compiles the TikZ, dot reads the DOT).
@Suite("Draw: SVG, TikZ, DOT and Mermaid")
struct DrawFormatTests {
    static func layout(_ name: String) throws -> GraphLayout {
        GraphLayout(network: try #require(Package.network(name)))
    }

    // MARK: SVG

    /// Elements and attributes of an XML document, collected by `XMLParser`.
    final class Collector: NSObject, XMLParserDelegate {
        var elements: [(name: String, attributes: [String: String])] = []
        var text: [String: String] = [:]
        private var current: String?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            elements.append((name, attributes))
            current = name
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let current { text[current, default: ""] += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            current = nil
        }
    }

    static func parse(_ svg: String) -> (ok: Bool, collector: Collector, error: String) {
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = Collector()
        parser.delegate = collector
        let ok = parser.parse()
        return (ok, collector, parser.parserError.map { "\($0)" } ?? "")
    }

    @Test(arguments: DrawLayoutTests.problems)
    func svgIsWellFormedWithIdsTitleAndDescription(_ name: String) throws {
        let layout = try DrawFormatTests.layout(name)
        let svg = SVGDrawing(layout: layout).text
        let (ok, doc, error) = DrawFormatTests.parse(svg)
        #expect(ok, "\(name): \(error)")
        let root = try #require(doc.elements.first)
        #expect(root.name == "svg" && root.attributes["xmlns"] == "http://www.w3.org/2000/svg" && root.attributes["version"] == "1.1")
        #expect(root.attributes["viewBox"]?.split(separator: " ").count == 4)
        #expect(doc.text["title"] == layout.graph.title)
        #expect((doc.text["desc"] ?? "").contains("Edges: "))
        #expect(doc.elements.contains { $0.name == "marker" && $0.attributes["id"] == "arrow" })
        let ids = doc.elements.compactMap { $0.attributes["id"] }
        #expect(Set(ids).count == ids.count, "\(name): ids are unique")
        let names = layout.graph.identifiers(separator: ".")
        for id in names { #expect(ids.contains("node-" + id), "\(name): node-\(id)") }
        for e in layout.graph.edges { #expect(ids.contains("edge-\(names[e.from])-\(names[e.to])"), "\(name)") }
        let circles = doc.elements.count { $0.name == "circle" }, boxes = doc.elements.count { $0.name == "rect" && ($0.attributes["id"] == nil) }
        #expect(circles + boxes >= layout.graph.nodes.count)
    }

    @Test func svgTypesetsNamesWithSubscriptsAndAccents() throws {
        let svg = SVGDrawing(layout: try DrawFormatTests.layout("example-3-bce.nn")).text
        #expect(svg.contains(#"<tspan font-style="italic">x</tspan><tspan dy="4.8" font-size="11.2">1</tspan>"#))
        #expect(svg.contains(">ŷ</tspan>"))
        #expect(svg.contains("id=\"label-x1-h1\""))
    }

    /// WCAG relative luminance of `#rrggbb`.
    static func luminance(_ hex: String) -> Double {
        let value = Int(hex.dropFirst(), radix: 16) ?? 0
        let channels = [(value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF].map { c -> Double in
            let s = Double(c) / 255
            return s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    }

    static func contrast(_ a: String, _ b: String) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    @Test func coloursMeetWCAGAA() {
        for (kind, colours) in SVGDrawing.palette {
            #expect(DrawFormatTests.contrast(SVGDrawing.ink, colours.fill) >= 4.5, "\(kind) text on fill")
            #expect(DrawFormatTests.contrast(colours.stroke, "#ffffff") >= 3, "\(kind) outline (graphics: 3:1)")
        }
        #expect(DrawFormatTests.contrast(SVGDrawing.edgeColour, "#ffffff") >= 4.5)
        #expect(DrawFormatTests.contrast(SVGDrawing.ink, "#ffffff") >= 4.5)
    }

    // rsvg-convert comes with Debian's librsvg2-bin (installed by .ci/run); without it this test is skipped.
    @Test(.enabled(if: Shell.which("rsvg-convert") != nil, "rsvg-convert is not installed"),
          arguments: ["quiz-problem-3.nn", "sigmoid-4-2-3-1.nn"])
    func svgRendersToAPicture(_ name: String) throws {
        let folder = try DrawFormatTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let svg = folder.appendingPathComponent("drawing.svg"), png = folder.appendingPathComponent("drawing.png")
        try SVGDrawing(layout: try DrawFormatTests.layout(name)).text.write(to: svg, atomically: true, encoding: .utf8)
        let result = try Shell.run(try #require(Shell.which("rsvg-convert")), [svg.path, "-o", png.path])
        #expect(result.status == 0, "\(result.err)")
        let data = try Data(contentsOf: png)
        #expect(data.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "a PNG")
        // Width and height from the IHDR chunk match the drawing; a blank picture compresses to a few
        // hundred bytes, a drawing with text and edges to many kilobytes.
        let width = data[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let layout = try DrawFormatTests.layout(name)
        #expect(abs(Double(width) - layout.width) <= 1)
        #expect(data.count > 8_000, "\(name): PNG of \(data.count) bytes looks blank")
    }

    // MARK: TikZ

    // pdflatex comes with Debian's texlive-latex-base (installed by .ci/run); without it this test is
    // skipped. The document uses `standalone` when installed (texlive-latex-extra), else `article`.
    @Test(.enabled(if: Shell.which("pdflatex") != nil, "pdflatex is not installed"))
    func tikzCompilesWithPdflatex() throws {
        let folder = try DrawFormatTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let standalone = Shell.which("kpsewhich").flatMap { try? Shell.run($0, ["standalone.cls"]) }.map { !$0.out.isEmpty } ?? false
        var document = standalone ? "\\documentclass{standalone}\n" : "\\documentclass{article}\n\\pagestyle{empty}\n"
        document += "\\usepackage{tikz}\n\\usetikzlibrary{arrows.meta}\n\\begin{document}\n"
        for name in ["quiz-problem-3.nn", "sigmoid-4-2-3-1.nn", "example-3-bce.nn"] {
            document += TikZDrawing(layout: try DrawFormatTests.layout(name)).text + (standalone ? "\n" : "\n\\newpage\n")
        }
        document += "\\end{document}\n"
        let tex = folder.appendingPathComponent("drawing.tex")
        try document.write(to: tex, atomically: true, encoding: .utf8)
        let result = try Shell.run(try #require(Shell.which("pdflatex")),
                                   ["-interaction=nonstopmode", "-halt-on-error", "drawing.tex"], in: folder)
        #expect(result.status == 0, "\(result.out.suffix(1500))")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("drawing.pdf").path))
    }

    @Test func tikzWritesNamesInMathMode() throws {
        let tikz = TikZDrawing(layout: try DrawFormatTests.layout("example-3-bce.nn")).text
        #expect(tikz.contains("\\begin{tikzpicture}") && tikz.hasSuffix("\\end{tikzpicture}\n"))
        #expect(tikz.contains("$x_1$"))
        #expect(tikz.contains("{$\\hat{y}$}"))
        #expect(tikz.contains("{$w_{11}= 0.2$}") || tikz.contains("{$w_{11} = 0.2$}"))
        #expect(!tikz.contains("\\documentclass") && !tikz.contains("\n\\usepackage"), "a picture, not a document")
    }

    // MARK: DOT and Mermaid

    @Test(arguments: DrawLayoutTests.problems)
    func dotIsAGraphvizDigraphWithRanks(_ name: String) throws {
        let layout = try DrawFormatTests.layout(name)
        let dot = DOTDrawing(layout: layout).text
        let body = dot.split(separator: "\n").filter { !$0.hasPrefix("//") }
        #expect(body.first == "digraph network {" && body.last == "}")
        #expect(dot.contains("rankdir=LR;"))
        #expect(occurrences(dot, "{ rank=same;") == layout.layers.count(where: { !$0.isEmpty }))
        #expect(occurrences(dot, "{") == occurrences(dot, "}"))
        #expect(occurrences(dot, " -> ") == layout.graph.edges.count)
        for line in body where line.contains(" -> ") {
            #expect(line.wholeMatch(of: #/\ \ "[^"]+" -> "[^"]+" \[id="edge-[^"]+"(, label=<.+>)?\];/#) != nil, "\(line)")
        }
    }

    // .ci/run installs Graphviz, so dot must accept the file (skipped only where it cannot be installed).
    @Test(.enabled(if: Shell.which("dot") != nil, "Graphviz dot is not installed"))
    func dotIsAcceptedByGraphviz() throws {
        let dot = DOTDrawing(layout: try DrawFormatTests.layout("sigmoid-4-2-3-1.nn")).text
        let result = try Shell.run(try #require(Shell.which("dot")), ["-Tsvg"], input: dot)
        #expect(result.status == 0, "\(result.err)")
    }

    @Test(arguments: DrawLayoutTests.problems)
    func mermaidIsAFlowchartWithDeclaredNodes(_ name: String) throws {
        let layout = try DrawFormatTests.layout(name)
        let lines = MermaidDrawing(layout: layout).text.split(separator: "\n").filter { !$0.hasPrefix("%%") }
        #expect(lines.first == "flowchart LR")
        var declared = Set<String>()
        var edges = 0
        for line in lines.dropFirst() {
            if let m = line.wholeMatch(of: #/\ \ (\w+)(\(\(|\[|\()"([^"]*)"(\)\)|\]|\))/#) {
                declared.insert(String(m.1))
            } else if let m = line.wholeMatch(of: #/\ \ (\w+) -->(?:\|"[^"]*"\|)? (\w+)/#) {
                #expect(declared.contains(String(m.1)) && declared.contains(String(m.2)), "\(line)")
                edges += 1
            } else {
                #expect(line.wholeMatch(of: #/\ \ (classDef \w+ [^ ]+|class [\w,]+ \w+)/#) != nil, "\(line)")
            }
        }
        #expect(declared.count == layout.graph.nodes.count && edges == layout.graph.edges.count)
        #expect(!declared.contains("end"))
    }

    @Test func mermaidUsesUnicodeSubscriptsOrSubTags() throws {
        let mermaid = MermaidDrawing(layout: try DrawFormatTests.layout("example-3-bce.nn")).text
        #expect(mermaid.contains("x1((\"x₁<br/>= 0.5\"))") || mermaid.contains("x1(\"x₁<br/>= 0.5\")"))
        #expect(mermaid.contains("x1 -->|\"w₁₁ = 0.2\"| h1"))
        let quiz = try Network.parse("input x1\nc = sigmoid(w_c_a x1)\nparam w_c_a = 1\n").get()
        #expect(MermaidDrawing(layout: GraphLayout(network: quiz)).text.contains("w<sub>c,a</sub> = 1"))
    }

    func occurrences(_ text: String, _ part: String) -> Int { text.components(separatedBy: part).count - 1 }

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chainrule-draw-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
