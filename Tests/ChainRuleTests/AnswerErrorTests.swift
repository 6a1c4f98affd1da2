import Testing
@testable import ChainRule

/// Unreadable answers: each gives one diagnostic, at the right line and column, saying what was expected.
@Suite struct AnswerErrorTests {
    private static let parser = AnswerParser(knownNames: ["x1", "x2", "a", "b", "c", "d", "e", "y", "z"])

    /// `(input, line, column, message)`.
    static let cases: [(String, Int, Int, String)] = [
        (#"y = \frac{a"#, 1, 12, #"expected '}' to close '\frac{' at 1:5"#),
        (#"\foo + a"#, 1, 1, #"unknown command '\foo'"#),
        ("a +", 1, 4, "expected an expression after '+'"),
        ("a + )", 1, 5, "expected an expression after '+', found ')'"),
        ("(a + b", 1, 7, "expected ')' to close '(' at 1:1"),
        (#"\left( a + b \right]"#, 1, 20, "expected ')' to close '(' at 1:6, found ']'"),
        ("∂y", 1, 3, "expected '/' after '∂y': a derivative reads ∂y/∂x"),
        ("∂y/c", 1, 4, "expected '∂' after '∂y/': a derivative reads ∂y/∂x, found 'c'"),
        (#"\frac{\partial y}{c}"#, 1, 19, "expected '∂' and a name in the denominator of the derivative ∂y/∂…, found 'c'"),
        (#"\frac{\partial y}{\partial"#, 1, 27, #"expected a name after '\partial'"#),
        (#"\frac{\partial y + a}{\partial c}"#, 1, 18, "expected '}' after '∂y': the numerator of a derivative is ∂ and a name, found '+'"),
        (#"\frac{a}"#, 1, 9, #"expected '{' and the denominator of '\frac'"#),
        (#"\frac a"#, 1, 7, #"expected '{' after '\frac', found 'a'"#),
        ("a = ", 1, 4, "expected an expression after '='"),
        ("", 1, 1, "the answer is empty: expected an expression"),
        ("  \n ", 1, 1, "the answer is empty: expected an expression"),
        (#"\mathbb{1}[z]"#, 1, 13, #"expected '> 0' in the indicator '\mathbb{1}'[z > 0], found ']'"#),
        ("1[z > 1]", 1, 7, "expected 0 after '>': an indicator reads 1[z > 0], found '1'"),
        ("a @ b", 1, 3, "unexpected character '@'"),
        ("g'", 1, 3, "expected '(' and an argument after 'g''"),
        ("max(a)", 1, 1, "'max' takes 2 arguments, found 1"),
        ("σ(a, b)", 1, 1, "'σ' takes 1 argument, found 2"),
        ("x_", 1, 3, "expected a subscript after '_'"),
        ("x_{1", 1, 5, "expected '}' to close '_{' at 1:2"),
        ("x_{1 + 2}", 1, 6, "unexpected '+' in the subscript of 'x_{1}'"),
        ("a +\n  * b", 2, 3, "expected an expression after '+', found '*'"),
        (#"\begin{pmatrix} a \end{pmatrix}"#, 1, 1, "unsupported environment 'pmatrix'"),
        ("a)", 1, 2, "unexpected ')' with no bracket to close"),
        ("a > 0", 1, 3, "unexpected '>': a comparison belongs inside an indicator such as 1[z > 0]"),
        ("a, b", 1, 2, "expected an operator, '=' or the end of the answer, found ','"),
        ("ŷ + ∂y/∂", 1, 9, "expected a name after '∂'"),
        (#"\hat{+}"#, 1, 6, #"expected a name after '{', found '+'"#),
        ("a^", 1, 3, "expected an expression after '^'"),
        (#"a \\ \\ +"#, 1, 10, "expected an expression after '+'"),
        ("a \\", 1, 3, "a lone '\\' at the end of the answer"),
        (String(repeating: "(", count: 80) + "a" + String(repeating: ")", count: 80), 1, 65,
         "the answer nests too deeply: at most 64 levels of brackets, fractions and powers"),
        ("1e999", 1, 1, "the number '1e999' is too large"),
    ]

    @Test func eachErrorPointsAtItsPlace() {
        for (input, line, column, message) in Self.cases {
            let expected = Diagnostic(at: SourceLocation(line: line, column: column), message)
            #expect(throws: expected, "\(input)") { try Self.parser.parse(input) }
        }
    }

    @Test func diagnosticsFormatWithACaret() {
        do {
            _ = try Self.parser.parse("a + (b")
            Issue.record("expected an error")
        } catch {
            #expect(error.formatted(file: "answer", source: "a + (b")
                == "answer:1:7: error: expected ')' to close '(' at 1:5\na + (b\n      ^")
        }
    }
}
