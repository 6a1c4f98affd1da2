import Foundation
import Testing
@testable import ChainRule

/// The HTML page: self-contained, linked (each term's highlighted paths are exactly the paths of
/// its product), accessible, and readable without scripts. The browser tests are in HTMLBrowserTests.
@Suite("HTML page: structure and links")
struct HTMLPageTests {
    /// The page for the named problems (every problem of Problems/ by default).
    static func page(_ names: [String]? = nil, options: KeyOptions = KeyOptions()) throws -> String {
        let files = names ?? Package.problems.map(\.lastPathComponent)
        let problems = try files.map { name in (fileName: name, network: try #require(Package.network(name))) }
        return HTMLPage(problems: problems, options: options).html
    }

    /// The linking data: term id → paths, node id → row id.
    static func links(_ page: String) throws -> (terms: [String: [[String]]], nodes: [String: String]) {
        let open = #"<script type="application/json" id="chainrule-links">"#
        let start = try #require(page.range(of: open)).upperBound
        let end = try #require(page.range(of: "</script>", range: start..<page.endIndex)).lowerBound
        let json = try #require(try JSONSerialization.jsonObject(with: Data(page[start..<end].utf8)) as? [String: Any])
        return (try #require(json["terms"] as? [String: [[String]]]), try #require(json["nodes"] as? [String: String]))
    }

    /// Every path from `from` to `to` along the scalar graph's edges, as node-name lists, found by the
    /// test's own depth-first search.
    static func allPaths(_ graph: ScalarGraph, from: String, to: String) -> Set<[String]> {
        var result = Set<[String]>()
        func walk(_ name: String, _ path: [String]) {
            if name == to { result.insert(path); return }
            for node in graph.nodes where node.inputs.contains(where: { graph.nodes[$0].name == name }) {
                walk(node.name, path + [node.name])
            }
        }
        walk(from, [from])
        return result
    }

    /// A linked path as node names (ids `quiz-problem-3-node-a` → `a`), after checking that each edge
    /// id joins the nodes on either side of it.
    static func names(_ path: [String], prefix: String) -> [String] {
        var nodes: [String] = []
        for (i, id) in path.enumerated() {
            if id.hasPrefix(prefix + "node-") {
                nodes.append(String(id.dropFirst(prefix.count + 5)))
            } else if id.hasPrefix(prefix + "edge-") {
                let before = path[i - 1].dropFirst(prefix.count + 5), after = path[i + 1].dropFirst(prefix.count + 5)
                #expect(id == prefix + "edge-" + before + "-" + after, "\(id) between \(before) and \(after)")
            }
        }
        return nodes
    }

    /// The path of one product of local partials ∂q/∂u, read from the product itself.
    static func productPath(_ term: Expr) -> [String] {
        let factors: [Expr]
        if case .product(let items) = term { factors = items } else { factors = [term] }
        let edges = factors.compactMap { f -> (String, String)? in
            if case .partial(let q, let u) = f { return (u, q) } else { return nil }
        }
        return edges.reversed().map(\.0) + [edges.first?.1].compactMap { $0 }
    }

    @Test func quizExpandedTermsLightUpTheirOwnPath() throws {
        let page = try HTMLPageTests.page(["quiz-problem-3.nn"])
        let terms = try HTMLPageTests.links(page).terms
        let network = try #require(Package.network("quiz-problem-3.nn"))
        let graph = network.scalarGraph()
        let all = HTMLPageTests.allPaths(graph, from: "x1", to: "y")
        #expect(all.count == 5)
        guard case .sum(let products) = try network.derivation(of: "y", wrt: "x1").expanded() else {
            Issue.record("the expanded ∂y/∂x1 is a sum"); return
        }
        var seen = Set<[String]>()
        for (i, product) in products.enumerated() {
            let paths = try #require(terms["quiz-problem-3-d2-expanded-t\(i)"], "term \(i) is linked")
            #expect(paths.count == 1)
            let path = HTMLPageTests.names(paths[0], prefix: "quiz-problem-3-")
            #expect(path == HTMLPageTests.productPath(product), "term \(i)")
            seen.insert(path)
        }
        #expect(seen == all, "the five terms are the five paths from x1 to y")
    }

    @Test func quizFactoredProductOfSumsLightsUpTheFourPathsThroughD() throws {
        let terms = try HTMLPageTests.links(try HTMLPageTests.page(["quiz-problem-3.nn"])).terms
        let graph = try #require(Package.network("quiz-problem-3.nn")).scalarGraph()
        let all = HTMLPageTests.allPaths(graph, from: "x1", to: "y")
        let throughD = all.filter { $0.contains("d") }
        #expect(throughD.count == 4)
        // ∂y/∂c ∂c/∂a ∂a/∂x1 + (∂y/∂d + ∂y/∂e ∂e/∂d)(∂d/∂a ∂a/∂x1 + ∂d/∂b ∂b/∂x1)
        let first = try #require(terms["quiz-problem-3-d2-factored-t0"]).map { HTMLPageTests.names($0, prefix: "quiz-problem-3-") }
        let second = try #require(terms["quiz-problem-3-d2-factored-t1"]).map { HTMLPageTests.names($0, prefix: "quiz-problem-3-") }
        #expect(first == [["x1", "a", "c", "y"]])
        #expect(second.count == 4 && Set(second) == throughD)
        #expect(terms["quiz-problem-3-d2-factored-t2"] == nil)
        // In the adjoint form, δ_d ∂d/∂x2 stands for every path from x2 to y through d.
        let adjoint = try #require(terms["quiz-problem-3-d1-adjoint-l3-t1"]).map { HTMLPageTests.names($0, prefix: "quiz-problem-3-") }
        #expect(Set(adjoint) == HTMLPageTests.allPaths(graph, from: "x2", to: "y").filter { $0.contains("d") })
    }

    @Test func everyLinkedIdIsOnThePage() throws {
        let page = try HTMLPageTests.page()
        let (terms, nodes) = try HTMLPageTests.links(page)
        #expect(terms.count > 50)
        // Each element's id with the text just before it (`<mrow`, `<g`, …) and the attributes after it.
        var elements: [String: (tag: String, rest: Substring)] = [:]
        let pieces = page.components(separatedBy: " id=\"")
        for (before, piece) in zip(pieces, pieces.dropFirst()) {
            let id = String(piece.prefix { $0 != "\"" })
            #expect(elements[id] == nil, "\(id) is unique on the page")
            let tag = before.lastIndex(of: "<").map { String(before[before.index(after: $0)...]) } ?? ""
            elements[id] = (tag, piece.dropFirst(id.count + 1).prefix(40))
        }
        for (id, paths) in terms {
            #expect(elements[id]?.tag == "mrow" && elements[id]?.rest.hasPrefix(#" tabindex="0" class="term">"#) == true,
                    "\(id) is a focusable term")
            for element in Set(paths.joined()) { #expect(elements[element] != nil, "\(element) of \(id)") }
        }
        for (node, row) in nodes {
            #expect(elements[node]?.tag == "g" && elements[node]?.rest.hasPrefix(#" tabindex="0" aria-label=""#) == true,
                    "\(node) is focusable and named")
            #expect(elements[row]?.tag == "tr")
        }
    }

    @Test func pageIsSelfContainedSmallAndListsItsProblems() throws {
        let page = try HTMLPageTests.page()
        let bytes = page.utf8.count
        print("HTML page for all of Problems/: \(bytes) bytes")
        #expect(bytes < 1_000_000)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        for problem in Package.problems {
            let id = problem.deletingPathExtension().lastPathComponent
            #expect(page.contains("<li><a href=\"#\(id)\">"), "contents lists \(id)")
            #expect(page.contains("<section class=\"problem\" id=\"\(id)\""))
        }
        #expect(page.components(separatedBy: "<svg ").count - 1 == Package.problems.count)
        #expect(page.components(separatedBy: "<title id=").count - 1 == Package.problems.count, "each picture has a title")
        #expect(page.components(separatedBy: "<desc id=").count - 1 == Package.problems.count, "and a description")
        // Nothing to fetch: no sources, no remote addresses besides XML namespaces, no fragment-less url().
        let stripped = page.replacingOccurrences(of: "http://www.w3.org/", with: "")
        for forbidden in ["src=", "http://", "https://", "@import", "<link", "url(\""] {
            #expect(!stripped.contains(forbidden), "\(forbidden)")
        }
        #expect(!page.contains("$$") && !page.contains("\\frac"), "no TeX for MathJax to typeset")
    }

    @Test func coloursMeetWCAGAA() {
        for (text, background) in HTMLAssets.textPairs {
            #expect(DrawFormatTests.contrast(text, background) >= 4.5, "\(text) on \(background)")
        }
        for (graphic, background) in HTMLAssets.graphicPairs {
            #expect(DrawFormatTests.contrast(graphic, background) >= 3, "\(graphic) on \(background)")
        }
        // Every colour of the style sheet is one of those tested.
        let tested = Set(HTMLAssets.textPairs.flatMap { [$0.text, $0.background] } + HTMLAssets.graphicPairs.map(\.graphic))
        let used = HTMLAssets.style.components(separatedBy: "#").dropFirst().map { "#" + $0.prefix(6) }
        #expect(!used.isEmpty)
        for colour in used { #expect(tested.contains(colour), "\(colour) is tested") }
    }

    @Test func perceptronShowsValuesAndGradientsComputedHere() throws {
        let page = try HTMLPageTests.page(["perceptron.nn"])
        // An independent forward and backward pass: z = w1 x1 + w2 x2 + b, ŷ = σ(z), L = ½(ŷ − y)².
        let z = 0.2 * 0.5 + 0.4 * 0.3 + 0.1, yhat = 1 / (1 + exp(-z))
        let dz = (yhat - 1) * yhat * (1 - yhat)
        let show = { (v: Double) in String(format: "%#.4g", v).replacingOccurrences(of: "-", with: "−") }
        #expect(page.contains("=\u{00A0}" + show(yhat) + "</text>"), "ŷ's value on its node (SVG keeps no-break spaces)")
        #expect(page.contains("grad " + show(dz * 0.5) + "</text>"), "∂L/∂w1 under w1")
        #expect(page.contains("grad " + show(dz * 0.3) + "</text>"), "∂L/∂w2 under w2")
        // The node table, readable without scripts: ŷ's δ and its local derivative ∂ŷ/∂x1 = ŷ(1 − ŷ) w1.
        #expect(page.contains("<mn>" + String(format: "%#.4g", dz / (yhat * (1 - yhat)) * 1).replacingOccurrences(of: "-", with: "") + "</mn>"))
        #expect(page.contains("<mn>" + String(format: "%#.4g", yhat * (1 - yhat) * 0.2) + "</mn>"))
        #expect(page.contains("<h3>Worked example</h3>") && page.contains("<caption>Backward pass</caption>"))
        #expect(page.contains(#"<p class="info" aria-live="polite" hidden></p>"#), "the pointer box waits for the script")
    }

    @Test func markerIsOnTheFirstLine() throws {
        let network = try #require(Package.network("perceptron.nn"))
        let page = HTMLPage(problems: [("perceptron.nn", network)], marker: "Answer key written by chainrule key").html
        #expect(page.hasPrefix("<!DOCTYPE html><!-- Answer key written by chainrule key -->\n"))
    }

    @Test func questionSheetLeavesAnswersOut() throws {
        let page = try HTMLPageTests.page(["perceptron.nn", "quiz-problem-3.nn"], options: KeyOptions(includesAnswers: false))
        #expect(page.contains("<h3>Questions</h3>"))
        #expect(!page.contains("<h3>Derivatives</h3>") && !page.contains("Worked example") && !page.contains("class=\"term\""))
        #expect(!page.contains("grad "), "no gradients in the picture")
    }

    @Test func deriveWritesAPage() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chainrule-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("quiz.html")
        let result = try Package.run(["derive", "Problems/quiz-problem-3.nn", "--of", "y", "--wrt", "x1", "--form", "factored",
                                      "--format", "html", "-o", out.path])
        #expect(result.status == 0, "\(result.err)")
        let page = try String(contentsOf: out, encoding: .utf8)
        #expect(page.contains("quiz-problem-3-d1-factored-t1") && !page.contains("-expanded-"))
        #expect(try HTMLPageTests.links(page).terms["quiz-problem-3-d1-factored-t1"]?.count == 4)
        let bad = try Package.run(["derive", "Problems/quiz-problem-3.nn", "--wrt", "nothing", "--format", "html"])
        #expect(bad.status == 2)
    }
}
