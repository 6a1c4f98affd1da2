import Testing
@testable import ChainRule

/// The quiz solution (Problem 3a, 3b) and the written forms of derivatives, names and functions.
@Suite struct AnswerParserTests {
    /// The names of the quiz network (Problems/quiz-problem-3.nn).
    static let quiz = AnswerParser(knownNames: ["x1", "x2", "a", "b", "c", "d", "e", "y"])

    /// The quiz solution's 3a, as printed in 002_08c6808952ef6796.txt ("Quiz - Solution", Problem 3).
    static let solution3a = #"""
        $$\begin{aligned} \frac{\partial y}{\partial x_2} &= \frac{\partial y}{\partial c} \frac{\partial c}{\partial x_2} + \frac{\partial y}{\partial d} \frac{\partial d}{\partial x_2} + \frac{\partial y}{\partial e} \frac{\partial e}{\partial x_2} \\ &= \frac{\partial y}{\partial c} \frac{\partial c}{\partial x_2} + \frac{\partial y}{\partial d} \frac{\partial d}{\partial x_2} + \frac{\partial y}{\partial e} \frac{\partial e}{\partial d} \frac{\partial d}{\partial x_2} \end{aligned}$$
        """#

    /// The quiz solution's 3b, as printed.
    static let solution3b = #"""
        $$\begin{aligned} \frac{\partial y}{\partial x_1} &= \frac{\partial y}{\partial c} \frac{\partial c}{\partial x_1} + \frac{\partial y}{\partial d} \frac{\partial d}{\partial x_1} + \frac{\partial y}{\partial e} \frac{\partial e}{\partial x_1} \\ &= \frac{\partial y}{\partial c} \frac{\partial c}{\partial x_1} + \frac{\partial y}{\partial d} \frac{\partial d}{\partial x_1} + \frac{\partial y}{\partial e} \frac{\partial e}{\partial d} \frac{\partial d}{\partial x_1} \\ &= \frac{\partial y}{\partial c} \frac{\partial c}{\partial a} \frac{\partial a}{\partial x_1} + \left(\frac{\partial y}{\partial d} + \frac{\partial y}{\partial e} \frac{\partial e}{\partial d} \right) \frac{\partial d}{\partial x_1} \\ &= \frac{\partial y}{\partial c} \frac{\partial c}{\partial a} \frac{\partial a}{\partial x_1} + \left(\frac{\partial y}{\partial d} + \frac{\partial y}{\partial e} \frac{\partial e}{\partial d} \right) \left(\frac{\partial d}{\partial a} \frac{\partial a}{\partial x_1} + \frac{\partial d}{\partial b} \frac{\partial b}{\partial x_1} \right) \end{aligned}$$
        """#

    private func p(_ of: String, _ wrt: String) -> Expr { .partial(of: of, wrt: wrt) }

    private func parse(_ text: String, _ parser: AnswerParser = quiz) -> Answer? {
        do {
            return try parser.parse(text)
        } catch {
            Issue.record("\(text): \(error)")
            return nil
        }
    }

    /// The single right-hand side of an answer without '='.
    private func expr(_ text: String, _ parser: AnswerParser = quiz) -> Expr? {
        guard let answer = parse(text, parser) else { return nil }
        #expect(answer.lhs == nil, "\(text)")
        #expect(answer.rhs.count == 1, "\(text)")
        return answer.rhs.first?.expr
    }

    // MARK: The quiz solution

    @Test func solution3aReadsAsTwoSteps() throws {
        let answer = try #require(parse(Self.solution3a))
        #expect(answer.lhs?.expr == p("y", "x2"))
        let paths = [[p("y", "c"), p("c", "x2")], [p("y", "d"), p("d", "x2")], [p("y", "e"), p("e", "x2")]]
        let expected: [Expr] = [
            .sum(paths.map(Expr.product)),
            .sum([.product(paths[0]), .product(paths[1]), .product([p("y", "e"), p("e", "d"), p("d", "x2")])]),
        ]
        #expect(answer.rhs.map(\.expr) == expected)
        #expect(answer.unknownNames.isEmpty)
    }

    @Test func solution3bReadsAsFourSteps() throws {
        let answer = try #require(parse(Self.solution3b))
        #expect(answer.lhs?.expr == p("y", "x1"))
        let viaC: Expr = .product([p("y", "c"), p("c", "x1")])
        let viaD: Expr = .product([p("y", "d"), p("d", "x1")])
        let throughA: Expr = .product([p("y", "c"), p("c", "a"), p("a", "x1")])
        let totalD: Expr = .sum([p("y", "d"), .product([p("y", "e"), p("e", "d")])])
        let expected: [Expr] = [
            .sum([viaC, viaD, .product([p("y", "e"), p("e", "x1")])]),
            .sum([viaC, viaD, .product([p("y", "e"), p("e", "d"), p("d", "x1")])]),
            .sum([throughA, .product([totalD, p("d", "x1")])]),
            .sum([throughA, .product([totalD, .sum([.product([p("d", "a"), p("a", "x1")]),
                                                    .product([p("d", "b"), p("b", "x1")])])])]),
        ]
        #expect(answer.rhs.map(\.expr) == expected)
        #expect(answer.unknownNames.isEmpty)
    }

    @Test func everyStepKnowsWhereItStarts() throws {
        let answer = try #require(parse(Self.solution3b))
        let lines = Self.solution3b.split(separator: "\n", omittingEmptySubsequences: false)
        for side in [answer.lhs].compactMap({ $0 }) + answer.rhs {
            let line = Array(lines[side.location.line - 1])
            // Every side of the solution starts with \frac or \left.
            #expect(line[(side.location.column - 1)...].starts(with: #"\frac"#) || line[(side.location.column - 1)...].starts(with: #"\left"#))
        }
        let columns = answer.rhs.map(\.location.column)
        #expect(columns == columns.sorted() && Set(columns).count == 4)
    }

    @Test func theSolutionsLinesReadOneByOne() throws {
        // Each `&= …` line of 3b on its own, as a student would submit one step.
        let body = Self.solution3b.replacingOccurrences(of: #"$$\begin{aligned}"#, with: "")
            .replacingOccurrences(of: #"\end{aligned}$$"#, with: "")
        let steps = body.components(separatedBy: #"\\"#)
        #expect(steps.count == 4)
        let whole = try #require(parse(Self.solution3b))
        for (k, step) in steps.enumerated() {
            let answer = try #require(parse(step))
            #expect(answer.rhs.last?.expr == whole.rhs[k].expr)
            #expect((answer.lhs == nil) == (k > 0))
        }
    }

    @Test func theSolutionSpreadOverLinesKeepsLineNumbers() throws {
        let text = #"""
            \begin{align*}
              \frac{\partial y}{\partial x_2}
                &= \frac{\partial y}{\partial c} \frac{\partial c}{\partial x_2} \\
                &= \frac{\partial y}{\partial c} \frac{\partial c}{\partial x_2}
            \end{align*}
            """#
        let answer = try #require(parse(text))
        #expect(answer.lhs?.location == SourceLocation(line: 2, column: 3))
        #expect(answer.rhs.map(\.location) == [SourceLocation(line: 3, column: 8), SourceLocation(line: 4, column: 8)])
    }

    // MARK: Written forms

    /// Checks every input of a table against its expected tree.
    private func expectAll(_ cases: [(String, Expr)], _ parser: AnswerParser = quiz,
                           sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for (input, expected) in cases {
            #expect(expr(input, parser) == expected, "\(input)", sourceLocation: sourceLocation)
        }
    }

    @Test func derivativesInEveryNotation() {
        let yc = p("y", "c"), yx1 = p("y", "x1")
        expectAll([
            (#"\frac{\partial y}{\partial c}"#, yc), (#"\dfrac{\partial y}{\partial c}"#, yc),
            (#"\tfrac{\partial y}{\partial c}"#, yc), (#"\partial y/\partial c"#, yc),
            (#"\partial y / \partial c"#, yc), ("∂y/∂c", yc), ("∂ y / ∂ c", yc), ("dy/dc", yc),
            (#"\frac{dy}{dc}"#, yc), (#"\frac{d y}{d c}"#, yc), (#"\frac{\mathrm{d}y}{\mathrm{d}c}"#, yc),
            (#"$\frac{\partial y}{\partial c}$"#, yc), ("$$∂y/∂c$$", yc), (#"\[ \frac{\partial y}{\partial c} \]"#, yc),
            (#"\( \partial y/\partial c \)"#, yc), (#"\frac{\partial y}{\partial x_{1}}"#, yx1),
            (#"\frac{\partial y}{\partial x_1}"#, yx1), ("∂y/∂x₁", yx1), ("dy/dx1", yx1), ("dy/dx_1", yx1),
            (#"\frac{\partial y}{\partial x1}"#, yx1), ("dd/dx1", p("d", "x1")), ("de/dd", p("e", "d")),
        ])
    }

    @Test func productsSumsDifferencesAndQuotients() {
        let chain: Expr = .product([p("y", "c"), p("c", "x1")])
        expectAll([
            ("∂y/∂c · ∂c/∂x1", chain), ("∂y/∂c * ∂c/∂x1", chain), ("∂y/∂c × ∂c/∂x1", chain),
            ("∂y/∂c ∂c/∂x1", chain), ("∂y/∂c⋅∂c/∂x1", chain),
            (#"\frac{\partial y}{\partial c} \cdot \frac{\partial c}{\partial x_1}"#, chain),
            (#"\frac{\partial y}{\partial c} \times \frac{\partial c}{\partial x_1}"#, chain),
            (#"\frac{\partial y}{\partial c}\,\frac{\partial c}{\partial x_1}"#, chain),
            (#"\frac{\partial y}{\partial c} \; \frac{\partial c}{\partial x_1}"#, chain),
            (#"\frac{\partial y}{\partial c} \quad \frac{\partial c}{\partial x_1}"#, chain),
            ("a + b − c", .sum([.symbol("a"), .symbol("b"), .product([-1, .symbol("c")])])),
            ("a - b", .sum([.symbol("a"), .product([-1, .symbol("b")])])),
            ("1 - a b", .sum([1, .product([-1, .symbol("a"), .symbol("b")])])),
            ("-a", .product([-1, .symbol("a")])),
            ("a - 0.5", .sum([.symbol("a"), .number(.exact(Rational(-1, 2)!))])),
            ("a / b", .product([.symbol("a"), .power(.symbol("b"), -1)])),
            (#"\frac{a}{b}"#, .product([.symbol("a"), .power(.symbol("b"), -1)])),
            ("a/b/c", .product([.symbol("a"), .power(.symbol("b"), -1), .power(.symbol("c"), -1)])),
            ("2a", .product([2, .symbol("a")])),
        ])
    }

    @Test func powersNumbersAndBrackets() {
        let grouped: Expr = .product([.sum([.symbol("a"), .symbol("b")]), .symbol("c")])
        expectAll([
            ("a^2", .power(.symbol("a"), 2)), ("a^{2}", .power(.symbol("a"), 2)), ("a²", .power(.symbol("a"), 2)),
            ("(a + b)^{-1}", .power(.sum([.symbol("a"), .symbol("b")]), -1)),
            ("a⁻¹", .power(.symbol("a"), -1)), ("a^b^c", .power(.symbol("a"), .power(.symbol("b"), .symbol("c")))),
            ("-a^2", .product([-1, .power(.symbol("a"), 2)])),
            (#"\sqrt{a}"#, .power(.symbol("a"), .fraction(1, 2))),
            ("0.5866", .fraction(5866, 10_000)), ("1.5e-3", .fraction(3, 2000)), ("-0.4134", .fraction(-4134, 10_000)),
            ("(a + b) c", grouped), ("[a + b] c", grouped), ("{a + b} c", grouped),
            (#"\left( a + b \right) c"#, grouped), (#"\left[ a + b \right] c"#, grouped),
            (#"\bigl( a + b \bigr) c"#, grouped), (#"\Big( a + b \Big) c"#, grouped),
            (#"\left\{ a + b \right\} c"#, grouped), (#"\left. a + b \right. c"#, .sum([.symbol("a"), .product([.symbol("b"), .symbol("c")])])),
            ("((a))", .symbol("a")),
        ])
    }

    @Test func functions() {
        let z = AnswerParser(knownNames: ["z", "a", "yhat"])
        let zs: Expr = .symbol("z")
        let cases: [(Function, [String])] = [
            (.sigmoid, ["σ(z)", #"\sigma(z)"#, #"\sigma\left(z\right)"#, "sigmoid(z)", #"\sigma (z)"#]),
            (.derivative("sigmoid", order: 1), [#"\sigma'(z)"#, "σ'(z)", "σ′(z)", #"\sigma^{\prime}(z)"#, #"\sigma^\prime(z)"#]),
            (.tanh, ["tanh(z)", #"\tanh(z)"#, #"\tanh z"#]),
            (.relu, ["ReLU(z)", "relu(z)", #"\mathrm{ReLU}(z)"#, #"\operatorname{ReLU}(z)"#, #"\text{ReLU}(z)"#]),
            (.derivative("relu", order: 1), ["ReLU'(z)"]),
            (.unspecified("g"), ["g(z)", #"g\left(z\right)"#]),
            (.derivative("g", order: 1), ["g'(z)", "g′(z)", #"g^{\prime}(z)"#]),
            (.derivative("g", order: 2), ["g''(z)", "g″(z)", #"g^{\prime\prime}(z)"#]),
            (.exp, ["exp(z)", #"\exp(z)"#, "e^{z}", "e^z", #"\mathrm{e}^{z}"#]),
            (.log, ["log(z)", #"\log(z)"#, #"\ln z"#, "ln(z)", #"\log z"#]),
            (.step, ["1[z > 0]", #"\mathbb{1}[z>0]"#, #"\mathbf{1}\{z > 0\}"#, "𝟙[z > 0]", #"1\{z>0\}"#,
                     #"\mathbb{1}_{z > 0}"#, "1[z ≥ 0]", "1[0 < z]", #"\mathbb{1}\left[z > 0\right]"#]),
        ]
        for (function, inputs) in cases {
            expectAll(inputs.map { ($0, .apply(function, [zs])) }, z)
        }
        expectAll([
            ("max(0, z)", .apply(.max, [0, zs])),
            ("e^{-z}", .apply(.exp, [.product([-1, zs])])),
            (#"\frac{1}{1 + e^{-z}}"#, .product([1, .power(.sum([1, .apply(.exp, [.product([-1, zs])])]), -1)])),
            (#"\log \hat{y} + \log(1 - \hat y)"#, .sum([.apply(.log, [.symbol("yhat")]),
                                                         .apply(.log, [.sum([1, .product([-1, .symbol("yhat")])])])])),
            (#"\sigma(z)(1 - \sigma(z))"#, .product([.apply(.sigmoid, [zs]), .sum([1, .product([-1, .apply(.sigmoid, [zs])])])])),
            ("1[a + z]", .product([1, .sum([.symbol("a"), zs])])),
            ("g", .symbol("g")),
        ], z)
    }

    @Test func aKnownNameIsNeverAFunction() {
        // The quiz has a node named e: e^{x1} is a power, and a node g would make g(a) a product.
        expectAll([("e^{x1}", .power(.symbol("e"), .symbol("x1")))])
        let withG = AnswerParser(knownNames: ["g", "a"])
        expectAll([("g(a)", .product([.symbol("g"), .symbol("a")]))], withG)
    }

    @Test func namesInEveryNotation() {
        let names = AnswerParser(knownNames: ["y", "yhat", "h1", "w_c_a", "z_h1", "a1[2]", "delta_q", "eta", "x1", "x2",
                                              "W2[1,3]", "w11"])
        let yhat: Expr = .symbol("yhat")
        let h1: Expr = .symbol("h1")
        var cases: [(String, Expr)] = [#"\hat{y}"#, #"\hat y"#, "ŷ", "yhat", "y\u{302}", "y_hat", #"\widehat{y}"#].map { ($0, yhat) }
        cases += ["w_{c,a}", "w_c_a", "w_{ca}", "wca", #"w_{c, a}"#].map { ($0, .symbol("w_c_a")) }
        cases += ["z_{h_1}", "z_{h1}", "z_h1", "z_{h_{1}}"].map { ($0, .symbol("z_h1")) }
        cases += ["a_1[2]", "a1[2]", "a_{1}[2]"].map { ($0, .symbol("a1[2]")) }
        cases += [#"\delta_q"#, "δ_q", #"\delta_{q}"#].map { ($0, .symbol("delta_q")) }
        cases += [#"\eta"#, "η", "eta"].map { ($0, .symbol("eta")) }
        cases += ["W_2[1,3]", "W2[1][3]", "W_{2}[1, 3]"].map { ($0, .symbol("W2[1,3]")) }
        cases += [("w_{11}", .symbol("w11")), ("w_11", .symbol("w11"))]
        cases += [
            (#"\hat{y}(1 - \hat{y})"#, .product([yhat, .sum([1, .product([-1, yhat])])])),
            ("h_1(1 - h_1)", .product([h1, .sum([1, .product([-1, h1])])])),
            ("x1x2", .product([.symbol("x1"), .symbol("x2")])),
            ("ŷ·(1 − ŷ)", .product([yhat, .sum([1, .product([-1, yhat])])])),
        ]
        expectAll(cases, names)
    }

    @Test func theQuizNetworkHasTheSolutionsNames() throws {
        let names = try #require(Package.network("quiz-problem-3.nn")).nodes.map(\.name)
        let answer = try AnswerParser(knownNames: names).parse(Self.solution3b)
        #expect(answer.unknownNames.isEmpty)
        #expect(answer.rhs.map(\.expr) == (try Self.quiz.parse(Self.solution3b)).rhs.map(\.expr))
    }

    @Test func namesResolveAgainstTheQuiz() throws {
        for written in ["x_1", "x_{1}", "x1", "x₁", #"x_{ 1 }"#] {
            #expect(expr(written) == .symbol("x1"), "\(written)")
            #expect(Self.quiz.resolve(written) == "x1", "\(written)")
        }
        #expect(expr("∂y/∂x_{2}") == p("y", "x2"))
        let answer = try #require(parse("∂y/∂x_3 + q ∂q/∂a"))
        #expect(answer.rhs.first?.expr == .sum([p("y", "x_3"), .product([.symbol("q"), p("q", "a")])]))
        #expect(answer.unknownNames == [Answer.UnknownName("x_3", at: SourceLocation(line: 1, column: 5), closest: ["x1", "x2"]),
                                        Answer.UnknownName("q", at: SourceLocation(line: 1, column: 11), closest: ["a", "b", "c"]),
                                        Answer.UnknownName("q", at: SourceLocation(line: 1, column: 14), closest: ["a", "b", "c"])])
        #expect(Self.quiz.resolve("x_3") == nil)
    }

    @Test func equalityChains() throws {
        let answer = try #require(parse("∂y/∂d = a ≈ b = c"))
        #expect(answer.lhs == Answer.Side(p("y", "d"), at: SourceLocation(line: 1, column: 1)))
        #expect(answer.rhs == [Answer.Side(.symbol("a"), at: SourceLocation(line: 1, column: 9)),
                               Answer.Side(.symbol("b"), at: SourceLocation(line: 1, column: 13)),
                               Answer.Side(.symbol("c"), at: SourceLocation(line: 1, column: 17))])
        let continued = try #require(parse("&= a + b"))
        #expect(continued.lhs == nil)
        #expect(continued.rhs.map(\.expr) == [.sum([.symbol("a"), .symbol("b")])])
        let shifted = try Self.quiz.parse("a\n= b", firstLine: 10)
        #expect(shifted.rhs.first?.location == SourceLocation(line: 11, column: 3))
    }

    @Test func splitAtDashLines() {
        let text = "\n∂y/∂x1 = a\n---\n\n  b + c\nd\n-----\n\n---\ne\n"
        let parts = AnswerParser.split(text)
        #expect(parts.map(\.text) == ["∂y/∂x1 = a", "  b + c\nd", "e"])
        #expect(parts.map(\.line) == [2, 5, 10])
        #expect(AnswerParser.split("").isEmpty)
        // Diagnostics of a part point into the whole text.
        let second = AnswerParser.split("a\n---\nb +\n")[1]
        #expect(second.line == 3)
        #expect(throws: Diagnostic(at: SourceLocation(line: 3, column: 4), "expected an expression after '+'")) {
            try Self.quiz.parse(second.text, firstLine: second.line)
        }
    }
}
