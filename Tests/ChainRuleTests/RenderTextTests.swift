import Testing
@testable import ChainRule

@Suite struct RenderTextTests {
    typealias S = RenderSample
    let printer = TextPrinter()

    @Test func quizProblem3PrintsOnOneLine() {
        #expect(printer.render(S.quiz) == "∂y/∂c ∂c/∂a ∂a/∂x1 + (∂y/∂d + ∂y/∂e ∂e/∂d)(∂d/∂a ∂a/∂x1 + ∂d/∂b ∂b/∂x1)")
    }

    @Test(arguments: [
        (Expr.product([.sum([S.s("a"), S.s("b")]), S.s("c")]), "(a + b) c"),
        (.product([S.s("a"), S.pow(.sum([S.s("b"), S.s("c")]), 2)]), "a (b + c)²"),
        (.negation(.sum([S.s("a"), S.s("b")])), "−(a + b)"),
        (.difference(S.s("a"), .product([S.s("b"), S.s("c")])), "a − b c"),
        (.quotient(S.s("a"), .sum([S.s("b"), S.s("c")])), "a/(b + c)"),
        (S.pow(S.s("x"), -1), "x⁻¹"),
        (S.pow(S.s("x"), 12), "x¹²"),
        (.power(S.s("x"), .number(.exact(Rational(1, 2)!))), "x^0.5"),
        (.power(S.s("x"), .number(.exact(Rational(1, 3)!))), "x^(1/3)"),
        (.power(S.s("x"), .sum([S.s("a"), S.s("b")])), "x^(a + b)"),
        (.difference(S.s("a"), .sum([S.s("b"), S.s("c")])), "a − (b + c)"),
        (.product([S.s("a"), S.n(-2)]), "a (−2)"),
        (.product([S.n(2), S.n(3)]), "2·3"),
        (.product([S.n(2), S.s("x")]), "2 x"),
        (.product([.integer(-1), S.s("a"), S.pow(S.s("b"), -1)]), "−a/b"),
        (.product([S.pow(S.s("x"), -1)]), "1/x"),
        (.product([S.s("a"), S.pow(S.s("b"), -1), S.pow(S.s("c"), -1)]), "a/(b c)"),
        (.quotient(.sum([S.s("a"), S.s("b")]), S.s("c")), "(a + b)/c"),
        (.quotient(S.d("y", "c"), S.s("x")), "(∂y/∂c)/x"),
        (.quotient(S.s("x"), S.d("y", "c")), "x/(∂y/∂c)"),
        (.product([S.n(2), S.s("x"), S.pow(S.s("y"), -1)]), "2 x/y"),
        (S.pow(S.d("y", "c"), 2), "(∂y/∂c)²"),
        (.product([.sum([S.s("yhat"), .negation(S.s("y"))]), S.s("h_i")]), "(ŷ − y) h_i"),
    ])
    func parenthesesOnlyWhereNeeded(expr: Expr, expected: String) {
        #expect(printer.render(expr) == expected)
    }

    @Test func functionsAndNames() {
        let z = S.s("z")
        #expect(printer.render(.apply(.sigmoid, [z])) == "σ(z)")
        #expect(printer.render(.apply(.tanh, [z])) == "tanh(z)")
        #expect(printer.render(.apply(.relu, [z])) == "ReLU(z)")
        #expect(printer.render(.apply(.derivative("g", order: 1), [z])) == "g′(z)")
        #expect(printer.render(.apply(.derivative("g", order: 2), [z])) == "g″(z)")
        #expect(printer.render(.apply(.exp, [z])) == "exp(z)")
        #expect(printer.render(.apply(.log, [z])) == "log(z)")
        #expect(printer.render(.apply(.abs, [z])) == "|z|")
        #expect(printer.render(.apply(.max, [S.n(0), z])) == "max(0, z)")
        #expect(printer.render(.apply(.step, [z])) == "1[z > 0]")
        #expect(printer.render(.product([.integer(-1), S.s("eta"), S.d("L", "w_c_a")])) == "−η ∂L/∂w_c_a")
        #expect(printer.render(.sum([S.s("x"), .number(.real(-0.25))])) == "x − 0.25")
        #expect(printer.render(.number(.exact(Rational(-1, 3)!))) == "−1/3")
    }

    @Test func adjointsAndEquations() {
        let adjoint = TextPrinter(totalStyle: .delta)
        #expect(adjoint.render(.product([S.t("y", "d"), S.d("d", "x1")])) == "δ_d ∂d/∂x1")
        #expect(printer.render(S.t("y", "d")) == "∂y/∂d")
        let rhs = Expr.sum([S.s("a"), .negation(S.s("b")), S.s("c"), S.s("x")])
        #expect(printer.equation(S.s("y"), rhs) == "y = a − b + c + x")
        #expect(printer.equation(S.s("y"), rhs, multiline: true, termsPerLine: 3) == "y = a − b + c\n  + x")
    }
}
