import Testing
@testable import ChainRule

/// The chain-rule forms on Quiz Problem 3 and small cases.
@Suite struct DeriveFormTests {
    static let quiz = Package.network("quiz-problem-3.nn")?.scalarGraph()

    func derivation(_ of: String, _ wrt: String) throws -> Derivation {
        let graph = try #require(Self.quiz)
        return try Derivation(graph: graph, of: of, wrt: wrt)
    }

    /// ∂q/∂u as the test writes it.
    func p(_ q: String, _ u: String) -> Expr { .partial(of: q, wrt: u) }

    @Test func quizFactoredDx1() throws {
        let form = try derivation("y", "x1").factored()
        let d = Expr.sum([p("y", "d"), .product([p("y", "e"), p("e", "d")])])
        let expected = Expr.sum([
            .product([p("y", "c"), p("c", "a"), p("a", "x1")]),
            .product([d, .sum([.product([p("d", "a"), p("a", "x1")]), .product([p("d", "b"), p("b", "x1")])])]),
        ])
        #expect(form == expected)
        #expect(form.partialCount == 10)
        #expect(LaTeXPrinter().render(form) == #"\frac{\partial y}{\partial c} \frac{\partial c}{\partial a} \frac{\partial a}{\partial x_1} + \left(\frac{\partial y}{\partial d} + \frac{\partial y}{\partial e} \frac{\partial e}{\partial d}\right) \left(\frac{\partial d}{\partial a} \frac{\partial a}{\partial x_1} + \frac{\partial d}{\partial b} \frac{\partial b}{\partial x_1}\right)"#)
        #expect(TextPrinter().render(form) == "∂y/∂c ∂c/∂a ∂a/∂x1 + (∂y/∂d + ∂y/∂e ∂e/∂d)(∂d/∂a ∂a/∂x1 + ∂d/∂b ∂b/∂x1)")
    }

    @Test func quizFactoredDx2() throws {
        let form = try derivation("y", "x2").factored()
        let d = Expr.sum([p("y", "d"), .product([p("y", "e"), p("e", "d")])])
        #expect(form == .sum([.product([p("y", "c"), p("c", "x2")]), .product([d, p("d", "x2")])]))
        #expect(form.partialCount == 6)
        #expect(TextPrinter().render(form) == "∂y/∂c ∂c/∂x2 + (∂y/∂d + ∂y/∂e ∂e/∂d) ∂d/∂x2")
    }

    @Test func quizExpandedFivePaths() throws {
        let derivation = try derivation("y", "x1")
        #expect(derivation.pathCount == 5)
        let form = try derivation.expanded()
        let paths: [[Expr]] = [
            [p("y", "c"), p("c", "a"), p("a", "x1")],
            [p("y", "d"), p("d", "a"), p("a", "x1")],
            [p("y", "d"), p("d", "b"), p("b", "x1")],
            [p("y", "e"), p("e", "d"), p("d", "a"), p("a", "x1")],
            [p("y", "e"), p("e", "d"), p("d", "b"), p("b", "x1")],
        ]
        #expect(form == .sum(paths.map(Expr.product)))
        #expect(form.partialCount == 17)
    }

    @Test func quizSteps() throws {
        let lines = try derivation("y", "x1").steps()
        let t = { (q: String) in Expr.total(of: q, wrt: "x1") }
        #expect(lines.first == .sum([.product([p("y", "c"), t("c")]), .product([p("y", "d"), t("d")]), .product([p("y", "e"), t("e")])]))
        #expect(lines.count > 2)
        #expect(lines[1] == .sum([.product([p("y", "c"), t("c")]), .product([p("y", "d"), t("d")]), .product([p("y", "e"), p("e", "d"), t("d")])]))
        let x1Factored = try derivation("y", "x1").factored()
        #expect(lines.last == x1Factored)
        let x2 = try derivation("y", "x2").steps()
        #expect(x2.first == .sum([.product([p("y", "c"), p("c", "x2")]), .product([p("y", "d"), p("d", "x2")]), .product([p("y", "e"), t("e").replacingWrt("x2")])]))
        let x2Factored = try derivation("y", "x2").factored()
        #expect(x2.last == x2Factored)
    }

    /// The four lines of the quiz solution's 3b, as the course writes them.
    @Test func quizStepsAreTheSolutionsLines() throws {
        let lines = try derivation("y", "x1").steps().map { TextPrinter().render($0) }
        #expect(lines == [
            "∂y/∂c ∂c/∂x1 + ∂y/∂d ∂d/∂x1 + ∂y/∂e ∂e/∂x1",
            "∂y/∂c ∂c/∂x1 + ∂y/∂d ∂d/∂x1 + ∂y/∂e ∂e/∂d ∂d/∂x1",
            "∂y/∂c ∂c/∂a ∂a/∂x1 + (∂y/∂d + ∂y/∂e ∂e/∂d) ∂d/∂x1",
            "∂y/∂c ∂c/∂a ∂a/∂x1 + (∂y/∂d + ∂y/∂e ∂e/∂d)(∂d/∂a ∂a/∂x1 + ∂d/∂b ∂b/∂x1)",
        ])
        let x2 = try derivation("y", "x2").steps().map { TextPrinter().render($0) }
        #expect(x2.prefix(2) == [
            "∂y/∂c ∂c/∂x2 + ∂y/∂d ∂d/∂x2 + ∂y/∂e ∂e/∂x2",
            "∂y/∂c ∂c/∂x2 + ∂y/∂d ∂d/∂x2 + ∂y/∂e ∂e/∂d ∂d/∂x2",
        ], "3a's two lines, then the grouped (factored) form")
    }

    @Test func quizAdjoint() throws {
        let adjoint = try derivation("y", "x1").adjoint()
        #expect(adjoint.definitions.map(\.node) == ["e", "d", "c", "b", "a"])
        #expect(adjoint.definitions[1].value == .sum([p("y", "d"), .product([.total(of: "y", wrt: "e"), p("e", "d")])]))
        #expect(adjoint.results[0].value == .sum([.product([.total(of: "y", wrt: "a"), p("a", "x1")]), .product([.total(of: "y", wrt: "b"), p("b", "x1")])]))
        let expanded = try derivation("y", "x1").expanded()
        #expect(adjoint.substituted()[0].monomialMultiset() == expanded.monomialMultiset())
    }

    @Test func identityAndZero() throws {
        let same = try derivation("y", "y")
        let sameExpanded = try same.expanded()
        #expect(same.factored() == .one && sameExpanded == .one && same.steps() == [.one])
        let none = try derivation("a", "x2")
        #expect(none.factored() == .zero && none.zeroReason != nil && none.pathCount == 0)
        let backward = try derivation("x1", "y"), edge = try derivation("a", "x1")
        #expect(backward.factored() == .zero)
        #expect(edge.factored() == p("a", "x1"))
    }

    @Test func tooManyPathsIsRefusedWithTheCount() throws {
        // A chain of 15 diamonds has 2^15 paths.
        var nodes = [ScalarGraph.Node(name: "n0", kind: .input)]
        for k in 1...15 {
            let previous = nodes.count - 1
            nodes.append(ScalarGraph.Node(name: "l\(k)", kind: .computed, inputs: [previous]))
            nodes.append(ScalarGraph.Node(name: "r\(k)", kind: .computed, inputs: [previous]))
            nodes.append(ScalarGraph.Node(name: "n\(k)", kind: .computed, inputs: [nodes.count - 2, nodes.count - 1]))
        }
        let derivation = try Derivation(graph: ScalarGraph(nodes: nodes), of: "n15", wrt: "n0")
        #expect(derivation.pathCount == 1 << 15)
        #expect(throws: DerivationError.tooManyPaths(count: 1 << 15, limit: 10_000)) { try derivation.expanded() }
        let factored = derivation.factored()
        #expect(factored.partialCount <= 4 * 15)
    }
}

extension Expr {
    /// A total with its `wrt` replaced (test helper).
    fileprivate func replacingWrt(_ wrt: String) -> Expr {
        if case .total(let of, _) = self { return .total(of: of, wrt: wrt) }
        return self
    }
}
