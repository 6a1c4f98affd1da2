import Testing
@testable import ChainRule

/// The four example files of the language description.
enum ParserExamples {
    static let neuronDAG = """
        # Quiz Problem 3: a neuron DAG with skip connections
        input x1, x2
        a = g(x1)
        b = g(x1)
        c = g(a, x2)
        d = g(a, b, x2)
        e = g(d)
        y = g(c, d, e)
        find dy/dx2, dy/dx1
        """
    static let sigmoid221 = """
        # A 2-2-1 sigmoid network with binary cross-entropy
        input x1 = 0.5, x2 = 0.1
        h1 = sigmoid(w11 x1 + w12 x2 + b1)
        h2 = sigmoid(w21 x1 + w22 x2 + b2)
        yhat = sigmoid(v1 h1 + v2 h2 + c)
        param w11 = 0.2, w12 = 0.4, b1 = 0.1
        param w21 = 0.3, w22 = 0.7, b2 = 0.2
        param v1 = 0.6, v2 = 0.9, c = 0.3
        target y = 1
        loss L = -y log(yhat) - (1 - y) log(1 - yhat)
        rate 0.01
        find forward, loss, backward, update
        """
    static let matrices = """
        # A 4-2-3-1 sigmoid network written with vectors and matrices
        input x[4] = [1, 2, 3, 4]
        param W1[4,2] = [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6], [0.7, 0.8]]
        param b1[2] = [0.1, 0.1]
        param W2[2,3] = [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]]
        param b2[3] = [0.1, 0.1, 0.1]
        param W3[3,1] = [[0.1], [0.2], [0.3]]
        param b3[1] = [0.1]
        a1 = sigmoid(W1^T x + b1)
        a2 = sigmoid(W2^T a1 + b2)
        a3 = sigmoid(W3^T a2 + b3)
        target y = 1
        loss L = bce(a3, y)
        rate 0.1
        iterations 2
        find forward, backward, update
        """
    static let scalar = """
        input u = 1.5, v = -0.5
        p = u * v
        q = tanh(p) + u
        r = q / (1 + v^2) - exp(-u)
        find dr/du, dr/dv
        """
    static let all = [neuronDAG, sigmoid221, matrices, scalar]
}

/// A location-free rendering of statements for comparing whole files: binary operators, negation and
/// transposes as s-expressions, calls as `f(…)`, numbers exactly (`1/10`).
private func render(_ e: SyntaxExpr) -> String {
    switch e {
    case .number(let n, _): "\(n)"
    case .name(let name, _): name
    case .index(let name, let i, _): "\(name)[\(i.map(String.init).joined(separator: ","))]"
    case .array(let items, _): "[" + items.map(render).joined(separator: ", ") + "]"
    case .negate(let x, _): "(neg \(render(x)))"
    case .binary(let op, let a, let b, _): "(\(op.rawValue) \(render(a)) \(render(b)))"
    case .transpose(let x, _): "(T \(render(x)))"
    case .call(let f, let args, _): "\(f)(" + args.map(render).joined(separator: ", ") + ")"
    }
}

private func render(_ d: Declaration) -> String {
    var text = d.name + (d.hasShape ? "[\(d.shape.map(String.init).joined(separator: ","))]" : "")
    if let value = d.value { text += " = " + render(value) }
    switch d.range {
    case .interval(let low, let high, let step): text += " in [\(low), \(high)] step \(step)"
    case .choices(let values): text += " in {" + values.map(\.description).joined(separator: ", ") + "}"
    case nil: break
    }
    return text
}

private func render(_ s: Statement) -> String {
    func list(_ ds: [Declaration]) -> String { ds.map(render).joined(separator: ", ") }
    switch s.kind {
    case .input(let ds): return "input " + list(ds)
    case .param(let ds): return "param " + list(ds)
    case .target(let ds): return "target " + list(ds)
    case .sample(let ds): return "sample " + list(ds)
    case .node(let name, let e): return "\(name) = \(render(e))"
    case .loss(let name, let e): return "loss \(name) = \(render(e))"
    case .rate(let n): return "rate \(n)"
    case .iterations(let n): return "iterations \(n)"
    case .digits(let n): return "digits \(n)"
    case .find(let qs):
        return "find " + qs.map { q in
            switch q.kind {
            case .derivative(let of, let wrt): "d(\(of))/d(\(wrt))"
            case .forward: "forward"
            case .loss: "loss"
            case .backward: "backward"
            case .update: "update"
            case .layers: "layers"
            }
        }.joined(separator: ", ")
    }
}

/// Parses `source`, expecting no diagnostics, and returns the rendered statements.
private func statements(_ source: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [String] {
    let file = Parser.parse(source)
    #expect(file.diagnostics.filter { $0.severity != .warning } == [], sourceLocation: sourceLocation)
    return file.statements.map(render)
}

/// The single diagnostic `source` produces.
private func diagnostic(_ source: String) -> Diagnostic? {
    let file = Parser.parse(source)
    #expect(file.diagnostics.count == 1, "\(file.diagnostics)")
    return file.diagnostics.first
}

private func at(_ line: Int, _ column: Int) -> ChainRule.SourceLocation { .init(line: line, column: column) }

@Suite struct ParserTests {
    @Test func neuronDAG() {
        let file = Parser.parse(ParserExamples.neuronDAG)
        #expect(file.title == "Quiz Problem 3: a neuron DAG with skip connections")
        #expect(statements(ParserExamples.neuronDAG) == [
            "input x1, x2",
            "a = g(x1)",
            "b = g(x1)",
            "c = g(a, x2)",
            "d = g(a, b, x2)",
            "e = g(d)",
            "y = g(c, d, e)",
            "find d(y)/d(x2), d(y)/d(x1)",
        ])
        let d = file.statements[4]
        #expect(d == Statement(.node(name: "d", .call("g", [.name("a", at(6, 7)), .name("b", at(6, 10)),
                                                          .name("x2", at(6, 13))], at(6, 5))), at: at(6, 1)))
        #expect(file.statements.last?.kind == .find([Question(.derivative(of: "y", wrt: "x2"), at: at(9, 6)),
                                                      Question(.derivative(of: "y", wrt: "x1"), at: at(9, 14))]))
    }

    @Test func sigmoidNetwork() {
        #expect(statements(ParserExamples.sigmoid221) == [
            "input x1 = 1/2, x2 = 1/10",
            "h1 = sigmoid((+ (+ (* w11 x1) (* w12 x2)) b1))",
            "h2 = sigmoid((+ (+ (* w21 x1) (* w22 x2)) b2))",
            "yhat = sigmoid((+ (+ (* v1 h1) (* v2 h2)) c))",
            "param w11 = 1/5, w12 = 2/5, b1 = 1/10",
            "param w21 = 3/10, w22 = 7/10, b2 = 1/5",
            "param v1 = 3/5, v2 = 9/10, c = 3/10",
            "target y = 1",
            "loss L = (- (* (neg y) log(yhat)) (* (- 1 y) log((- 1 yhat))))",
            "rate 1/100",
            "find forward, loss, backward, update",
        ])
        let file = Parser.parse(ParserExamples.sigmoid221)
        guard case .node(_, .call(_, let args, _)) = file.statements[1].kind else {
            Issue.record("h1 is not a call")
            return
        }
        // `w11 x1` is a product that starts where `w11` does.
        #expect(args == [.binary(.add, .binary(.add, .binary(.multiply, .name("w11", at(3, 14)), .name("x1", at(3, 18)), at(3, 14)),
                                              .binary(.multiply, .name("w12", at(3, 23)), .name("x2", at(3, 27)), at(3, 23)), at(3, 14)),
                                 .name("b1", at(3, 32)), at(3, 14))])
        #expect(file.statements[0].kind == .input([
            Declaration(name: "x1", value: .number(.exact(Rational(1, 2)!), at(2, 12)), location: at(2, 7)),
            Declaration(name: "x2", value: .number(.exact(Rational(1, 10)!), at(2, 22)), location: at(2, 17)),
        ]))
    }

    @Test func matrixNetwork() {
        let file = Parser.parse(ParserExamples.matrices)
        #expect(statements(ParserExamples.matrices) == [
            "input x[4] = [1, 2, 3, 4]",
            "param W1[4,2] = [[1/10, 1/5], [3/10, 2/5], [1/2, 3/5], [7/10, 4/5]]",
            "param b1[2] = [1/10, 1/10]",
            "param W2[2,3] = [[1/10, 1/5, 3/10], [2/5, 1/2, 3/5]]",
            "param b2[3] = [1/10, 1/10, 1/10]",
            "param W3[3,1] = [[1/10], [1/5], [3/10]]",
            "param b3[1] = [1/10]",
            "a1 = sigmoid((+ (* (T W1) x) b1))",
            "a2 = sigmoid((+ (* (T W2) a1) b2))",
            "a3 = sigmoid((+ (* (T W3) a2) b3))",
            "target y = 1",
            "loss L = bce(a3, y)",
            "rate 1/10",
            "iterations 2",
            "find forward, backward, update",
        ])
        guard case .param(let declarations) = file.statements[1].kind, let w1 = declarations.first else {
            Issue.record("no W1")
            return
        }
        #expect(w1.shape == [4, 2] && w1.hasShape && w1.location == at(3, 7))
        #expect(file.statements[7].kind == .node(name: "a1", .call("sigmoid", [
            .binary(.add, .binary(.multiply, .transpose(.name("W1", at(9, 14)), at(9, 14)), .name("x", at(9, 19)), at(9, 14)),
                    .name("b1", at(9, 23)), at(9, 14)),
        ], at(9, 6))))
    }

    @Test func scalarExpressions() {
        #expect(statements(ParserExamples.scalar) == [
            "input u = 3/2, v = (neg 1/2)",
            "p = (* u v)",
            "q = (+ tanh(p) u)",
            "r = (- (/ q (+ 1 (^ v 2))) exp((neg u)))",
            "find d(r)/d(u), d(r)/d(v)",
        ])
        #expect(Parser.parse(ParserExamples.scalar).title == nil)
    }

    @Test func precedenceAndAdjacency() {
        #expect(statements("""
            a = h (1 - h)
            b = h(1 - h)
            c = a^b^c
            d = -x^2
            e = 2^-x
            f = x^T
            g = x^T2 y
            h = a / b c
            i = x[2] + W[1,2] - x [2]
            j = (a + b) (c - d)
            """) == [
            "a = (* h (- 1 h))",
            "b = h((- 1 h))",
            "c = (^ a (^ b c))",
            "d = (neg (^ x 2))",
            "e = (^ 2 (neg x))",
            "f = (T x)",
            "g = (* (^ x T2) y)",
            "h = (* (/ a b) c)",
            "i = (- (+ x[2] W[1,2]) (* x [2]))",
            "j = (* (+ a b) (- c d))",
        ])
    }

    @Test func numbersStayExact() {
        let file = Parser.parse("input a = 3, b = 0.5, c = .5, d = 1e-3, e = 2.5E+2, f = 123456789012345678901234, g = 3.")
        guard case .input(let ds) = file.statements.first?.kind else {
            Issue.record("\(file.diagnostics)")
            return
        }
        let values = ds.compactMap { d -> Number? in
            if case .number(let n, _) = d.value { return n }
            return nil
        }
        #expect(values == [Number(3), .exact(Rational(1, 2)!), .exact(Rational(1, 2)!), .exact(Rational(1, 1000)!),
                           Number(250), .real(123456789012345678901234.0), Number(3)])
    }

    @Test func declarationsVariantsAndFindItems() {
        #expect(statements("sample x1 = 0.5, y = 1\ndigits 4\nrate 1/8\ndigits 0") == [
            "sample x1 = 1/2, y = 1", "digits 4", "rate 1/8", "digits 0",
        ])
        let file = Parser.parse("""
            param w in [-1, 1] step 0.1, v in {0.5, 1, 2}, z[2]
            find dd/dx1, ∂y/∂x2, da1[2]/dz_h1, dW[1,2]/dx, layers, dη/dx
            """)
        #expect(file.statements.map(render) == [
            "param w in [-1, 1] step 1/10, v in {1/2, 1, 2}, z[2]",
            "find d(d)/d(x1), d(y)/d(x2), d(a1[2])/d(z_h1), d(W[1,2])/d(x), layers, d(eta)/d(x)",
        ])
    }

    @Test func statementsContinueWhileABracketIsOpen() {
        let file = Parser.parse("""
            param W[2,2] = [[1, 2],
                            [3, 4]]
            a = sigmoid(
                W x)
            """)
        #expect(file.diagnostics == [])
        #expect(file.statements.map(render) == ["param W[2,2] = [[1, 2], [3, 4]]", "a = sigmoid((* W x))"])
        #expect(file.statements.map(\.location) == [at(1, 1), at(3, 1)])
    }

    // MARK: Diagnostics

    @Test(arguments: [
        ("a = b +", 1, 8, "expected an expression after '+'"),
        ("a = b + )", 1, 9, "expected an expression after '+', found ')'"),
        ("a = g(x", 1, 6, "unclosed '(' opened here"),
        ("a = b)", 1, 6, "unexpected ')'"),
        ("input x = 0.2.3", 1, 11, "bad number '0.2.3'"),
        ("a = 2x", 1, 5, "bad number '2x': write '2 x' for a product"),
        ("input x\n\nh1", 3, 3, "expected '=' after node name 'h1'"),
        ("h1 sigmoid(x)", 1, 4, "expected '=' after node name 'h1', found 'sigmoid'"),
        ("rate = 3", 1, 1, "'rate' is a keyword and cannot name a node"),
        ("input x\nfind dy/dx, foo", 2, 13,
         "unknown find item 'foo': expected dA/dB, forward, loss, backward, update or layers"),
        ("find d/dx", 1, 6, "unknown find item 'd/dx': expected dA/dB, forward, loss, backward, update or layers"),
        ("iterations 0", 1, 12, "iterations must be a whole number of at least 1"),
        ("iterations 2.5", 1, 12, "iterations must be a whole number of at least 1"),
        ("iterations", 1, 11, "iterations must be a whole number of at least 1"),
        ("digits 16", 1, 8, "digits must be a whole number from 0 to 15"),
        ("a = f(x]", 1, 8, "expected ')' to close the '(' at 1:6, found ']'"),
        ("a = x @ y", 1, 7, "unexpected character '@'"),
        ("a = x\0", 1, 6, "unexpected character U+0000"),
        ("a = b + ✓", 1, 9, "unexpected character '✓'"),
        ("param w in [-1, 1]", 1, 19, "expected 'step' after the interval of 'w', found the end of the line"),
        ("input rate", 1, 7, "'rate' is a keyword and cannot name an input"),
        ("a = 1 + loss", 1, 9, "'loss' is a keyword and cannot be used in an expression"),
        ("a = x[1.5]", 1, 7, "expected a whole-number index of at least 1 in 'x[…]', found '1.5'"),
        ("param w = 2 a", 1, 13, "the value of 'w' must be numbers, found the name 'a'"),
        ("rate 0", 1, 6, "the rate must be greater than 0, found 0"),
        ("find", 1, 5, "expected what to find after 'find': dA/dB, forward, loss, backward, update or layers"),
        ("a = 1\r\nb = c *\r\n", 2, 8, "expected an expression after '*'"),
        ("a = b, c", 1, 6, "unexpected ',': expected the end of the statement"),
        ("a = 1e999", 1, 5, "number '1e999' is too large"),
        ("input x1 x2", 1, 10, "expected ',' before 'x2'"),
        ("param w[2] = [1 2]", 1, 17, "expected ']' to close the '[' at 1:14, found '2'"),
        ("a = 1e+", 1, 5, "bad number '1e'"),
        ("3 = a", 1, 1, "expected a statement (a keyword or 'NAME = EXPR'), found '3'"),
    ] as [(String, Int, Int, String)])
    func reportsError(source: String, line: Int, column: Int, message: String) {
        let d = diagnostic(source)
        #expect(d?.location == at(line, column))
        #expect(d?.message == message)
        #expect(d?.severity == .error)
    }

    @Test func emptyFiles() {
        for source in ["", "# only a comment\n\n   # another\n", "\n\n\t\n"] {
            let file = Parser.parse(source)
            #expect(file.statements == [])
            #expect(file.diagnostics == [Diagnostic(at: at(1, 1), "the file is empty: expected at least one statement")])
        }
        #expect(Parser.parse("#\n#   Title here  \n").title == "Title here")
    }

    @Test func recoversAtTheNextLine() {
        let file = Parser.parse("""
            input x = 1
            a = x +
            b = sigmoid(x
            c = x
            param W[2] = [1,
            d = )
            find dc/dx
            """)
        #expect(file.statements.map(render) == ["input x = 1", "c = x", "find d(c)/d(x)"])
        #expect(file.diagnostics.map(\.location) == [at(2, 8), at(3, 12), at(5, 14), at(6, 5)])
        #expect(file.diagnostics.map(\.message) == [
            "expected an expression after '+'", "unclosed '(' opened here", "unclosed '[' opened here",
            "expected an expression after '=', found ')'",
        ])
    }

    @Test func capsNestingAndSize() {
        let nested = "a = " + String(repeating: "(", count: 100) + "x" + String(repeating: ")", count: 100)
        #expect(diagnostic(nested)?.location == at(1, 5 + LineParser.maxDepth))
        let fine = "a = " + String(repeating: "(", count: 60) + "x" + String(repeating: ")", count: 60)
        #expect(Parser.parse(fine).diagnostics == [])
        let long = "a = x" + String(repeating: " + x", count: 20_000)
        #expect(diagnostic(long)?.message.hasPrefix("the expression is too large") == true)
        let minuses = "a = " + String(repeating: "-", count: 50_000) + "x"
        #expect(diagnostic(minuses)?.message.hasPrefix("the expression is too large") == true)
        let wide = "param w[1,20000] = [[" + Array(repeating: "0.5", count: 20_000).joined(separator: ", ") + "]]"
        #expect(Parser.parse(wide).diagnostics == [])
        let opens = String(repeating: "(", count: 100_000) + "\n" + String(repeating: "\n", count: 10_000)
        #expect(diagnostic(opens)?.location == at(1, 1))
    }
}
