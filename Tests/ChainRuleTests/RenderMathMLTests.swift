import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import ChainRule

@Suite struct RenderMathMLTests {
    typealias S = RenderSample
    let printer = MathMLPrinter()

    @Test func quizIsWellFormedWithTwoStretchyPairsAndTenFractions() throws {
        let ids = MathMLPrinter(termID: { i, _ in "t\(i)" })
        let tree = try #require(XMLNode.parse(ids.math(S.quiz)))
        #expect(tree.name == "math" && tree.attributes["display"] == "block")
        #expect(tree.attributes["xmlns"] == "http://www.w3.org/1998/Math/MathML")
        #expect(tree.all("mfrac").count == 10)
        let stretchy = tree.all("mo").filter { $0.attributes["fence"] == "true" }
        #expect(stretchy.map(\.text) == ["(", ")", "(", ")"])
        // The fractions in printed order are the partials in tree order.
        #expect(tree.all("mfrac").map(\.text) == partials(S.quiz).map { "∂\($0.of)∂\($0.wrt)" })
        // Two addressed terms, in order; each parenthesis pair wraps one factor sum of the second.
        let terms = tree.all("mrow").filter { $0.attributes["class"] == "term" }
        #expect(terms.map { $0.attributes["id"] } == ["t0", "t1"])
        #expect(terms.allSatisfy { $0.attributes["tabindex"] == "0" })
        #expect(skeleton(terms[0].text) == "ycca" + "ax1")
        #expect(skeleton(terms[1].text) == "(yd+yeed)(daax1+dbbx1)")
    }

    @Test func parenthesesExactlyWhereLaTeXPutsThem() throws {
        let a = S.s("a"), b = S.s("b"), c = S.s("c"), x = S.s("x")
        let corpus: [Expr] = [
            S.quiz, .product([.sum([a, b]), c]), .product([a, S.pow(.sum([b, c]), 2)]), .negation(.sum([a, b])),
            .difference(a, .product([b, c])), .quotient(a, .sum([b, c])), S.pow(x, -1), .difference(a, .sum([b, c])),
            .sum([a, .sum([b, c])]), .sum([a, .product([S.n(-2), b])]), .sum([x, .product([S.n(-1)])]),
            .sum([.negation(a), b]), .product([a, S.n(-2)]), .product([S.n(2), S.n(3)]), .product([x, S.n(2)]),
            S.pow(S.n(-2), 2), S.pow(S.pow(x, 2), 3), .power(x, .sum([a, b])), .product([.integer(-1), a, S.pow(b, -1)]),
            .product([S.pow(x, -1)]), .product([a, S.pow(b, -1), S.pow(c, -1)]), .quotient(.sum([a, b]), c),
            .product([S.n(2), .sum([a, b]), S.pow(c, -2)]), S.pow(S.d("y", "c"), 2), S.pow(S.s("a1[2]"), 2),
            .product([.apply(.identity, [.sum([a, b])]), c]), .product([.sum([a, .negation(b)]), .negation(.sum([c, x]))]),
            .difference(.product([.sum([a, b]), c]), .quotient(.sum([a, b]), .sum([c, x]))), S.pow(S.q(1, 3), 2),
            .product([]), .sum([]), .sum([x, S.q(-1, 3)]),
        ]
        let latex = LaTeXPrinter()
        for expr in corpus {
            let tree = try #require(XMLNode.parse(printer.render(expr)))
            let flatLaTeX = latex.render(expr).replacingOccurrences(of: #"\\[a-zA-Z]+"#, with: "", options: .regularExpression)
                .filter { !"{} ^_".contains($0) }
            #expect(skeleton(tree.text) == flatLaTeX, "\(latex.render(expr))")
            let pairs = tree.all("mo").filter { $0.attributes["fence"] == "true" }.count / 2
            #expect(pairs == latex.render(expr).components(separatedBy: #"\left("#).count - 1)
        }
    }

    @Test func names() {
        #expect(printer.symbol("x1") == "<msub><mi>x</mi><mn>1</mn></msub>")
        #expect(printer.symbol("yhat") == #"<mover accent="true"><mi>y</mi><mo>^</mo></mover>"#)
        #expect(printer.symbol("w_c_a") == "<msub><mi>w</mi><mrow><mi>c</mi><mo>,</mo><mi>a</mi></mrow></msub>")
        #expect(printer.symbol("z_h1") == "<msub><mi>z</mi><msub><mi>h</mi><mn>1</mn></msub></msub>")
        #expect(printer.symbol("alpha") == "<mi>α</mi>")
        #expect(printer.symbol("Delta") == #"<mi mathvariant="normal">Δ</mi>"#)
        #expect(printer.symbol("loss") == "<mi>loss</mi>")
        #expect(printer.symbol("a1[2]") == #"<mrow><msub><mi>a</mi><mn>1</mn></msub><mo stretchy="false">[</mo><mn>2</mn><mo stretchy="false">]</mo></mrow>"#)
        #expect(printer.render(S.pow(S.s("x1"), 2)) == "<msup><msub><mi>x</mi><mn>1</mn></msub><mn>2</mn></msup>")
    }

    @Test func numbersAndJuxtaposition() {
        let x = S.s("x")
        #expect(printer.render(S.q(1, 5)) == "<mn>0.2</mn>")
        #expect(printer.render(S.n(-3)) == "<mrow><mo>−</mo><mn>3</mn></mrow>")
        #expect(printer.render(S.q(-1, 3)) == "<mrow><mo>−</mo><mfrac><mn>1</mn><mn>3</mn></mfrac></mrow>")
        #expect(MathMLPrinter(digits: 4).render(.number(.real(1.0 / 3))) == "<mn>0.3333</mn>")
        #expect(printer.render(.number(.real(.infinity))) == "<mi>∞</mi>")
        #expect(printer.render(.number(.real(1.5e-30)))
                == "<mrow><mn>1.5</mn><mo>×</mo><msup><mn>10</mn><mrow><mo>−</mo><mn>30</mn></mrow></msup></mrow>")
        #expect(printer.render(.product([S.n(2), S.n(3)])) == "<mrow><mn>2</mn><mo>⋅</mo><mn>3</mn></mrow>")
        #expect(printer.render(.product([S.n(2), x])) == "<mrow><mn>2</mn><mo>&#x2062;</mo><mi>x</mi></mrow>")
        #expect(printer.render(.product([x, S.pow(S.n(2), 3)])).contains("<mo>⋅</mo><msup><mn>2</mn>"))
        #expect(printer.render(.product([x, S.q(1, 3)])).contains("<mo>&#x2062;</mo><mfrac>"))
        #expect(printer.render(.difference(x, S.s("y"))) == "<mrow><mi>x</mi><mo>−</mo><mi>y</mi></mrow>")
        #expect(printer.render(.quotient(S.s("a"), .sum([S.s("b"), S.s("c")])))
                == "<mfrac><mi>a</mi><mrow><mi>b</mi><mo>+</mo><mi>c</mi></mrow></mfrac>")
    }

    @Test func functions() throws {
        let z = S.s("z")
        let call = { (head: String) in head + #"<mo>&#x2061;</mo><mo stretchy="false">(</mo><mi>z</mi><mo stretchy="false">)</mo>"# }
        #expect(printer.render(.apply(.sigmoid, [z])) == "<mrow>" + call("<mi>σ</mi>") + "</mrow>")
        #expect(printer.render(.apply(.tanh, [z])) == "<mrow>" + call("<mi>tanh</mi>") + "</mrow>")
        #expect(printer.render(.apply(.relu, [z])) == "<mrow>" + call("<mi>ReLU</mi>") + "</mrow>")
        #expect(printer.render(.apply(.log, [z])) == "<mrow>" + call("<mi>log</mi>") + "</mrow>")
        #expect(printer.render(.apply(.derivative("g", order: 1), [z])) == "<mrow>" + call("<msup><mi>g</mi><mo>′</mo></msup>") + "</mrow>")
        #expect(printer.render(.apply(.derivative("g", order: 2), [z])).contains("<mo>″</mo>"))
        #expect(printer.render(.apply(.exp, [.negation(z)])) == "<msup><mi>e</mi><mrow><mo>−</mo><mi>z</mi></mrow></msup>")
        #expect(printer.render(.apply(.step, [z]))
                == #"<mrow><mi>𝟙</mi><mo stretchy="false">[</mo><mi>z</mi><mo>&gt;</mo><mn>0</mn><mo stretchy="false">]</mo></mrow>"#)
        #expect(printer.render(.apply(.identity, [z])) == "<mi>z</mi>")
        #expect(printer.render(.apply(.max, [S.n(0), z])).contains("<mi>max</mi><mo>&#x2061;</mo><mo stretchy=\"false\">(</mo><mrow><mn>0</mn><mo>,</mo><mi>z</mi></mrow>"))
        #expect(printer.render(S.pow(.apply(.exp, [z]), 2)).hasPrefix(#"<msup><mrow><mo fence="true" stretchy="false">(</mo><msup><mi>e</mi>"#))
        for f: Function in [.sigmoid, .tanh, .relu, .identity, .step, .exp, .log, .abs, .unspecified("g"), .derivative("g", order: 5)] {
            #expect(XMLNode.parse(printer.render(.apply(f, [.sum([z, S.n(1)])]))) != nil)
        }
        #expect(XMLNode.parse(printer.render(.apply(.min, [z, S.s("y")]))) != nil)
    }

    @Test func totals() {
        let expr = Expr.product([S.t("y", "d"), S.d("d", "x1")])
        let adjoint = MathMLPrinter(totalStyle: .delta)
        #expect(adjoint.render(expr).hasPrefix("<mrow><msub><mi>δ</mi><mi>d</mi></msub><mo>&#x2062;</mo><mfrac>"))
        #expect(adjoint.render(S.pow(S.t("L", "q"), 2)) == "<msup><msub><mi>δ</mi><mi>q</mi></msub><mn>2</mn></msup>")
        #expect(printer.render(S.t("y", "d")) == printer.render(S.d("y", "d")))
    }

    @Test func escapingAndWrappers() throws {
        let odd = printer.render(.sum([S.s("a<b&c"), S.s(">")]))
        #expect(odd.contains("<mi>a&lt;b&amp;c</mi>") && odd.contains(#"<mi mathvariant="normal">&gt;</mi>"#))
        let names = try #require(XMLNode.parse(odd))
        #expect(names.all("mi").map(\.text) == ["a<b&c", ">"])
        let ids = MathMLPrinter(termID: { i, term in i == 0 ? #"a"<&>"# : (term == .negation(S.s("b")) ? "neg" : nil) })
        let rhs = Expr.sum([S.s("a"), .negation(S.s("b")), S.s("c")])
        let equation = ids.equation(S.t("y", "x1"), rhs, display: false)
        #expect(equation.hasPrefix(#"<math xmlns="http://www.w3.org/1998/Math/MathML" display="inline"><mrow><mfrac>"#))
        let tree = try #require(XMLNode.parse(equation))
        let terms = tree.all("mrow").filter { $0.attributes["class"] == "term" }
        #expect(terms.map { $0.attributes["id"] } == [#"a"<&>"#, "neg"])
        #expect(terms.map(\.text) == ["a", "b"])
        #expect(skeleton(tree.text) == "yx1=a-b+c")
        let single = ids.math(.product([S.s("a"), S.s("b")]))
        #expect(single.contains(#"<mrow id="a&quot;&lt;&amp;&gt;" tabindex="0" class="term"><mi>a</mi><mo>&#x2062;</mo><mi>b</mi></mrow>"#))
        #expect(printer.math(S.s("x")) == #"<math xmlns="http://www.w3.org/1998/Math/MathML" display="block"><mi>x</mi></math>"#)
    }

    // MARK: Independent helpers

    /// The partials of a tree in left-to-right order.
    private func partials(_ expr: Expr) -> [(of: String, wrt: String)] {
        switch expr {
        case .partial(let of, let wrt), .total(let of, let wrt): [(of, wrt)]
        case .sum(let items), .product(let items), .apply(_, let items): items.flatMap(partials)
        case .power(let base, let exponent): partials(base) + partials(exponent)
        case .number, .symbol: []
        }
    }

    /// Printed text with ∂, invisible operators, spaces and `⋅` dropped and `−` as `-`.
    private func skeleton(_ text: String) -> String {
        String(text.filter { !"∂\u{2061}\u{2062}⋅ ".contains($0) }.map { $0 == "−" ? "-" : $0 })
    }
}

/// A parsed XML element, enough to check structure in tests.
private struct XMLNode {
    var name: String
    var attributes: [String: String]
    var children: [XMLNode] = []
    var ownText = ""

    /// All text inside, in document order.
    var text: String { ownText + children.map(\.text).joined() }

    /// This element and its descendants named `name`, in document order.
    func all(_ name: String) -> [XMLNode] {
        (self.name == name ? [self] : []) + children.flatMap { $0.all(name) }
    }

    /// The root element of a well-formed document, or `nil`. Text is kept in order by treating each
    /// run of character data as a leaf child.
    static func parse(_ markup: String) -> XMLNode? {
        let builder = Builder()
        let parser = XMLParser(data: Data(markup.utf8))
        parser.delegate = builder
        return parser.parse() ? builder.stack.first?.children.first : nil
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var stack = [XMLNode(name: "", attributes: [:])]

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String]) {
            stack.append(XMLNode(name: name, attributes: attributes))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack[stack.count - 1].children.append(XMLNode(name: "#text", attributes: [:], ownText: string))
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            let done = stack.removeLast()
            stack[stack.count - 1].children.append(done)
        }
    }
}
