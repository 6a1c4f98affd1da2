import Foundation
import Testing
@testable import ChainRule

/// Pictures that read at a glance: no label box overlaps a node or another label (boxes computed
/// here from the layout), dense layers whose labels would collide show their weights as a matrix,
/// the SVG rasterised by rsvg-convert keeps label ink off node ink, one font family throughout.
@Suite("Draw: labels clear of nodes and of each other")
struct DrawOverlapTests {
    /// An axis-aligned rectangle.
    struct Rect: CustomStringConvertible {
        var minX, minY, maxX, maxY: Double
        init(center: GraphLayout.Point, width: Double, height: Double) {
            (minX, maxX) = (center.x - width / 2, center.x + width / 2)
            (minY, maxY) = (center.y - height / 2, center.y + height / 2)
        }
        func overlaps(_ other: Rect) -> Bool {
            min(maxX, other.maxX) > max(minX, other.minX) && min(maxY, other.maxY) > max(minY, other.minY)
        }
        var description: String { "(\(Int(minX)),\(Int(minY)))–(\(Int(maxX)),\(Int(maxY)))" }
    }

    /// Node boxes, and label boxes as the SVG draws them (edge labels' white rectangles, matrices).
    static func boxes(_ layout: GraphLayout) -> (nodes: [Rect], labels: [(String, Rect)]) {
        let small = layout.metrics.smallFontSize
        let nodes = layout.nodes.map { Rect(center: $0.center, width: $0.width, height: $0.height) }
        var labels: [(String, Rect)] = layout.edges.indices.compactMap { i in
            guard let at = layout.edges[i].label, let label = layout.graph.edges[i].label else { return nil }
            return (label.unicode, Rect(center: at, width: label.width * small + 6, height: small * 1.25))
        }
        labels += layout.matrices.map { ($0.parameter, Rect(center: $0.center, width: $0.width, height: $0.height)) }
        return (nodes, labels)
    }

    @Test(arguments: DrawLayoutTests.problems)
    func noLabelOverlapsANodeOrAnotherLabel(_ name: String) throws {
        let layout = GraphLayout(network: try #require(Package.network(name)))
        let (nodes, labels) = Self.boxes(layout)
        for (k, (text, box)) in labels.enumerated() {
            for (i, node) in nodes.enumerated() {
                #expect(!box.overlaps(node), "\(name): label \(text) \(box) overlaps node \(layout.graph.nodes[i].name) \(node)")
            }
            for (other, otherBox) in labels.dropFirst(k + 1) {
                #expect(!box.overlaps(otherBox), "\(name): label \(text) \(box) overlaps label \(other) \(otherBox)")
            }
            #expect(box.minX >= 0 && box.minY >= 0 && box.maxX <= layout.width && box.maxY <= layout.height, "\(name): \(text) inside")
        }
    }

    /// 004's 4-2-3-1: the crossing edges of W1 (4 × 2) and W2 (2 × 3) would bury their labels, so both
    /// are shown as matrices (entries as in the file); W3's three edges keep their labels.
    @Test func denseLayersOf4231AreMatrices() throws {
        let network = try #require(Package.network("sigmoid-4-2-3-1.nn"))
        let layout = GraphLayout(network: network)
        #expect(layout.matrices.map(\.parameter) == ["W1", "W2"])
        for matrix in layout.matrices {
            let value = try #require(network[matrix.parameter]?.value)
            let rows = value.shape.rows(value.entries.map { DisplayNumber.string($0) })
            #expect(matrix.rows == rows, "\(matrix.parameter)")
        }
        let weights = layout.graph.edges.compactMap(\.weight)
        #expect(weights == ["W3[1,1]", "W3[2,1]", "W3[3,1]"])
        let svg = SVGDrawing(layout: layout).text
        #expect(svg.contains(#"<g id="matrix-W1" class="matrix">"#) && svg.contains(#"<g id="matrix-W2" class="matrix">"#))
        #expect(TikZDrawing(layout: layout).text.contains("\\left[\\begin{array}{cc}0.1 & 0.2 \\\\ 0.3 & 0.4"))
        // A layer whose labels fit keeps them: example 3 has no matrix (its weights are scalars anyway).
        #expect(GraphLayout(network: try #require(Package.network("example-3-bce.nn"))).matrices.isEmpty)
    }

    /// Every text of the drawing (and of the page's picture) in one font family, set once.
    @Test func oneFontFamily() throws {
        for name in ["sigmoid-4-2-3-1.nn", "example-3-bce.nn"] {
            let network = try #require(Package.network(name))
            let svg = SVGDrawing(layout: GraphLayout(network: network)).text
            #expect(svg.components(separatedBy: "font-family=").count == 2, "\(name)")
            #expect(svg.contains("<svg ") && svg.components(separatedBy: "\n")[1].contains("font-family=\"\(SVGDrawing.fontFamily)\""))
            let page = try HTMLPageTests.page([name])
            let picture = page.components(separatedBy: "<svg ")[1].components(separatedBy: "</svg>")[0]
            #expect(picture.components(separatedBy: "font-family=").count == 2, "\(name) on the page")
        }
    }

    /// A greyscale raster (PGM) of a PDF page.
    struct Raster {
        var width: Int, height: Int, pixels: [UInt8]
        init(pgm data: Data) throws {
            var fields: [String] = [], index = data.startIndex, current = ""
            while fields.count < 4, index < data.endIndex {
                let byte = data[index]
                index += 1
                if byte == 0x0A || byte == 0x20 {
                    if !current.isEmpty { fields.append(current) }
                    current = ""
                } else {
                    current.append(Character(UnicodeScalar(byte)))
                }
            }
            #expect(fields.first == "P5")
            width = Int(fields[1]) ?? 0
            height = Int(fields[2]) ?? 0
            pixels = Array(data[index...])
            #expect(pixels.count == width * height)
        }
    }

    /// Renders the drawing with a style sheet that hides some of its groups, at 144 dpi (2 px a unit).
    static func raster(_ svg: URL, hiding groups: [String], in folder: URL) throws -> Raster {
        let css = folder.appendingPathComponent("hide-\(groups.joined()).css")
        try (groups.map { "#" + $0 }.joined(separator: ",") + "{display:none}\n").write(to: css, atomically: true, encoding: .utf8)
        let pdf = folder.appendingPathComponent("hide-\(groups.joined()).pdf")
        let rendered = try Shell.run(try #require(Shell.which("rsvg-convert")), ["-s", css.path, "-f", "pdf", svg.path, "-o", pdf.path])
        #expect(rendered.status == 0, "\(rendered.err)")
        let stem = folder.appendingPathComponent("page-\(groups.joined())")
        let converted = try Shell.run(try #require(Shell.which("pdftoppm")), ["-r", "144", "-gray", "-singlefile", pdf.path, stem.path])
        #expect(converted.status == 0, "\(converted.err)")
        return try Raster(pgm: try Data(contentsOf: stem.appendingPathExtension("pgm")))
    }

    // rsvg-convert (librsvg2-bin) and pdftoppm (poppler-utils) are installed by .ci/run.
    @Test(.enabled(if: Shell.which("rsvg-convert") != nil && Shell.which("pdftoppm") != nil, "rsvg-convert or pdftoppm is missing"),
          arguments: ["sigmoid-4-2-3-1.nn", "example-3-bce.nn", "regression-1-5-1.nn"])
    func renderedLabelInkStaysOffNodes(_ name: String) throws {
        let folder = try DrawFormatTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let svg = folder.appendingPathComponent("drawing.svg")
        try SVGDrawing(layout: GraphLayout(network: try #require(Package.network(name)))).text.write(to: svg, atomically: true, encoding: .utf8)
        let nodes = try Self.raster(svg, hiding: ["edges", "weights", "matrices"], in: folder)
        let labels = try Self.raster(svg, hiding: ["edges", "nodes"], in: folder)
        #expect(nodes.width == labels.width && nodes.height == labels.height)
        let nodeInk = nodes.pixels.count { $0 < 250 }, labelInk = labels.pixels.count { $0 < 160 }
        #expect(nodeInk > 2000 && labelInk > 200, "\(name): something was drawn (\(nodeInk), \(labelInk))")
        // Every dark pixel of a label is at least 2 px (1 unit) from any pixel of a node.
        var touching = 0
        let w = labels.width, h = labels.height
        for (i, value) in labels.pixels.enumerated() where value < 160 {
            let (x, y) = (i % w, i / w)
            var hit = false
            for dy in -2...2 where !hit {
                for dx in -2...2 where 0..<w ~= x + dx && 0..<h ~= y + dy && nodes.pixels[(y + dy) * w + x + dx] < 250 {
                    hit = true
                    break
                }
            }
            if hit { touching += 1 }
        }
        #expect(touching == 0, "\(name): \(touching) label pixels touch a node")
    }
}
