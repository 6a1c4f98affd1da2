import Testing
@testable import ChainRule

@Suite struct RenderLaTeXTests {
    typealias S = RenderSample
    let printer = LaTeXPrinter()
    let a = S.s("a"), b = S.s("b"), c = S.s("c"), x = S.s("x")

    @Test func quizProblem3PrintsAsTheCourseWritesIt() {
        #expect(printer.render(S.quiz) == #"\frac{\partial y}{\partial c} \frac{\partial c}{\partial a} \frac{\partial a}{\partial x_1} + \left(\frac{\partial y}{\partial d} + \frac{\partial y}{\partial e} \frac{\partial e}{\partial d}\right) \left(\frac{\partial d}{\partial a} \frac{\partial a}{\partial x_1} + \frac{\partial d}{\partial b} \frac{\partial b}{\partial x_1}\right)"#)
    }

    @Test(arguments: [
        (Expr.product([.sum([S.s("a"), S.s("b")]), S.s("c")]), #"\left(a + b\right) c"#),
        (.product([S.s("a"), S.pow(.sum([S.s("b"), S.s("c")]), 2)]), #"a \left(b + c\right)^{2}"#),
        (.negation(.sum([S.s("a"), S.s("b")])), #"-\left(a + b\right)"#),
        (.difference(S.s("a"), .product([S.s("b"), S.s("c")])), "a - b c"),
        (.sum([S.s("a"), .product([.integer(-1), S.s("b"), S.s("c")])]), "a - b c"),
        (.quotient(S.s("a"), .sum([S.s("b"), S.s("c")])), #"\frac{a}{b + c}"#),
        (S.pow(S.s("x"), -1), "x^{-1}"),
        (.difference(S.s("a"), .sum([S.s("b"), S.s("c")])), #"a - \left(b + c\right)"#),
        (.sum([S.s("a"), .sum([S.s("b"), S.s("c")])]), "a + b + c"),
        (.sum([S.s("a"), .product([S.n(-2), S.s("b")])]), "a - 2 b"),
        (.sum([S.s("x"), S.n(-1)]), "x - 1"),
        (.sum([S.s("x"), .product([S.n(-1)])]), "x - 1"),
        (.sum([S.s("x"), .apply(.identity, [.negation(S.s("y"))])]), "x - y"),
        (.sum([.negation(S.s("a")), S.s("b")]), "-a + b"),
        (.product([S.s("a"), S.n(-2)]), #"a \left(-2\right)"#),
        (.product([S.n(2), S.n(3)]), #"2 \cdot 3"#),
        (.product([S.n(2), S.s("x")]), "2 x"),
        (.product([S.s("x"), S.n(2)]), #"x \cdot 2"#),
        (S.pow(S.n(-2), 2), #"\left(-2\right)^{2}"#),
        (S.pow(S.pow(S.s("x"), 2), 3), #"\left(x^{2}\right)^{3}"#),
        (.power(S.s("x"), .sum([S.s("a"), S.s("b")])), "x^{a + b}"),
        (.product([.integer(-1), S.s("a"), S.pow(S.s("b"), -1)]), #"-\frac{a}{b}"#),
        (.product([S.pow(S.s("x"), -1)]), #"\frac{1}{x}"#),
        (.product([S.s("a"), S.pow(S.s("b"), -1), S.pow(S.s("c"), -1)]), #"\frac{a}{b c}"#),
        (.product([S.n(2), .sum([S.s("a"), S.s("b")]), S.pow(S.s("c"), -2)]), #"\frac{2 \left(a + b\right)}{c^{2}}"#),
        (.quotient(.sum([S.s("a"), S.s("b")]), S.s("c")), #"\frac{a + b}{c}"#),
        (S.pow(S.d("y", "c"), 2), #"\left(\frac{\partial y}{\partial c}\right)^{2}"#),
        (S.pow(S.s("a1[2]"), 2), #"\left(a_1[2]\right)^{2}"#),
        (.product([.apply(.identity, [.sum([S.s("a"), S.s("b")])]), S.s("c")]), #"\left(a + b\right) c"#),
        (.product([]), "1"),
        (.sum([]), "0"),
    ])
    func parenthesesOnlyWhereNeeded(expr: Expr, expected: String) {
        #expect(printer.render(expr) == expected)
    }

    @Test func functions() {
        let z = S.s("z")
        #expect(printer.render(.apply(.sigmoid, [z])) == #"\sigma(z)"#)
        #expect(printer.render(.apply(.tanh, [z])) == #"\tanh(z)"#)
        #expect(printer.render(.apply(.relu, [S.s("z_h1")])) == #"\operatorname{ReLU}(z_{h_1})"#)
        #expect(printer.render(.apply(.unspecified("g"), [z])) == "g(z)")
        #expect(printer.render(.apply(.derivative("g", order: 1), [z])) == "g'(z)")
        #expect(printer.render(.apply(.derivative("g", order: 2), [z])) == "g''(z)")
        #expect(printer.render(.apply(.exp, [.negation(z)])) == "e^{-z}")
        #expect(printer.render(S.pow(.apply(.exp, [z]), 2)) == #"\left(e^{z}\right)^{2}"#)
        #expect(printer.render(.apply(.log, [S.s("yhat")])) == #"\log(\hat{y})"#)
        #expect(printer.render(.apply(.abs, [z])) == #"\lvert z \rvert"#)
        #expect(printer.render(.apply(.max, [S.n(0), z])) == #"\max(0, z)"#)
        #expect(printer.render(.apply(.step, [z])) == #"\mathbf{1}[z > 0]"#)
        #expect(printer.render(.apply(.identity, [z])) == "z")
        #expect(printer.render(.product([S.s("w"), .apply(.sigmoid, [z])])) == #"w \sigma(z)"#)
    }

    @Test func numbers() {
        #expect(printer.render(S.q(1, 5)) == "0.2")
        #expect(printer.render(S.q(1, 3)) == #"\frac{1}{3}"#)
        #expect(printer.render(.sum([x, S.q(-1, 3)])) == #"x - \frac{1}{3}"#)
        #expect(printer.render(.product([S.q(1, 3), x])) == #"\frac{1}{3} x"#)
        #expect(printer.render(S.pow(S.q(1, 3), 2)) == #"\left(\frac{1}{3}\right)^{2}"#)
        #expect(printer.render(.number(.real(1.0 / 3))) == "\(1.0 / 3)")
        #expect(LaTeXPrinter(digits: 4).render(.number(.real(1.0 / 3))) == "0.3333")
        #expect(LaTeXPrinter(digits: 4).render(.number(.exact(Rational(decimal: "0.24")!))) == "0.24")
        #expect(printer.render(.number(.real(.infinity))) == #"\infty"#)
        #expect(printer.render(.number(.real(1.5e-30))) == #"1.5 \times 10^{-30}"#)
    }

    @Test func totalsAsFractionsOrAdjoints() {
        let expr = Expr.product([S.t("y", "d"), S.d("d", "x1")])
        #expect(printer.render(expr) == #"\frac{\partial y}{\partial d} \frac{\partial d}{\partial x_1}"#)
        let adjoint = LaTeXPrinter(totalStyle: .delta)
        #expect(adjoint.render(expr) == #"\delta_d \frac{\partial d}{\partial x_1}"#)
        #expect(adjoint.render(S.t("L", "x1")) == #"\delta_{x_1}"#)
        #expect(adjoint.render(S.pow(S.t("L", "q"), 2)) == #"\delta_q^{2}"#)
    }

    @Test func equations() {
        let lhs = S.t("y", "x1")
        #expect(printer.equation(lhs, .sum([a, b])) == #"\frac{\partial y}{\partial x_1} = a + b"#)
        let rhs = Expr.sum([a, .negation(b), c, x, .negation(S.s("w"))])
        let expected = "\\begin{aligned}\n\\frac{\\partial y}{\\partial x_1} &= a - b \\\\\n&\\quad + c + x \\\\\n&\\quad - w\n\\end{aligned}"
        #expect(printer.equation(lhs, rhs, multiline: true, termsPerLine: 2) == expected)
        #expect(printer.equation(x, a, multiline: true) == "\\begin{aligned}\nx &= a\n\\end{aligned}")
    }
}
