import Foundation
import Testing
@testable import ChainRule

/// The `.nn` forms that textbooks write (issue 17): every value is checked against a recomputation
/// written here, from the numbers in the source.
@Suite("Language: textbook forms")
struct LanguageFormsTests {
    /// The network of `source`, or an issue naming its diagnostics.
    static func network(_ source: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Network {
        switch Network.parse(source) {
        case .success(let network): return network
        case .failure(let diagnostics):
            Issue.record("\(diagnostics)", sourceLocation: sourceLocation)
            throw diagnostics
        }
    }

    /// Every node's value (scalars only) at the file's values.
    static func values(_ source: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [String: Double] {
        let network = try network(source, sourceLocation: sourceLocation)
        let runtime = try Runtime(network)
        let evaluation = runtime.forward(at: try Point(network: network))
        var values: [String: Double] = [:]
        for (k, node) in network.nodes.enumerated() {
            if let scalar = evaluation.value(k).scalar { values[node.name] = scalar }
        }
        return values
    }

    /// ∂(of)/∂(wrt) by the runtime, at the file's values.
    static func gradient(_ source: String, of: String, wrt: String) throws -> Double? {
        let network = try network(source)
        let runtime = try Runtime(network)
        let evaluation = runtime.forward(at: try Point(network: network))
        return runtime.backward(evaluation, of: network.index(of: of))[wrt]?.scalar
    }

    /// The error messages of a file that does not build.
    static func errors(_ source: String) -> [Diagnostic] {
        switch Network.parse(source) {
        case .success: []
        case .failure(let diagnostics): diagnostics.list.filter { $0.severity == .error }
        }
    }

    static func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-12) -> Bool {
        guard let a else { return false }
        return Swift.abs(a - b) <= tolerance * Swift.max(1, Swift.abs(b))
    }

    // MARK: Names

    @Test func aNodeMayTakeAFunctionsName() throws {
        let v = try Self.values("""
            input x = 3, f = 4
            g1 = x^2
            g = g1 + 10 / f
            exp = g x
            """)
        #expect(Self.close(v["g"], 9 + 10.0 / 4))
        #expect(Self.close(v["exp"], (9 + 10.0 / 4) * 3))
    }

    @Test func onlyCallingAShadowedFunctionIsAnError() {
        let errors = Self.errors("""
            input x = 3
            g = x^2
            y = g(x)
            """)
        #expect(errors.count == 1)
        #expect(errors.first?.location == SourceLocation(line: 3, column: 5))
        #expect(errors.first?.message.contains("'g' is a node of this file and also called as a function") == true)
    }

    @Test func eAndPiAreConstantsUnlessNamed() throws {
        let source = """
            input x = 0.7
            y = e^x + pi x + π
            """
        let v = try Self.values(source)
        #expect(Self.close(v["y"], Foundation.exp(0.7) + Double.pi * 0.7 + Double.pi))
        #expect(Self.close(try Self.gradient(source, of: "y", wrt: "x"), Foundation.exp(0.7) + Double.pi))
        let network = try Self.network(source)
        #expect(network.constants == [.e, .pi])
        #expect(network.undeclaredParameters.isEmpty)
        // Symbolically ∂y/∂x is exp(x) + π: no log(e) and no parameter e.
        let derivative = try #require(network.scalarGraph().nodes.last?.definition).derivative(withRespectTo: "x")
        #expect(!derivative.symbols.contains("e"))
        // A node named e is the node.
        let named = try Self.values("""
            input x = 0.7, e = 2
            y = e^x
            """)
        #expect(Self.close(named["y"], Foundation.pow(2, 0.7)))
        #expect(try Self.network("input x\nparam e = 3\ny = e x").constants.isEmpty)
    }

    @Test func piIsWrittenAsPiInFormulas() throws {
        let network = try Self.network("input x = 0.5\nparam w = 2\ny = w pi x^2 + π/2\nfind dy/dx")
        // show: the node's formula keeps π, not 3.141592653589793.
        let shown = NetworkSummary(network: network).text
        #expect(shown.contains("y = w π x^2 + π / 2") || shown.contains("y = w π x^2 + π/2"), "\(shown)")
        #expect(!shown.split(separator: "\n").contains { $0.contains("y =") && $0.contains("3.14") })
        // derive: the algebra folds 2·π into one number, which still prints as a multiple of π.
        let derivative = try #require(network.scalarGraph().nodes.last?.definition).derivative(withRespectTo: "x")
        #expect(TextPrinter().render(derivative) == "2π w x")
        #expect(LaTeXPrinter().render(derivative) == "2\\pi w x")
        #expect(DisplayNumber.piText(Double.pi) == "π" && DisplayNumber.piText(-Double.pi / 2) == "-π/2")
        #expect(DisplayNumber.piText(3 * Double.pi / 4) == "3π/4")
        #expect(DisplayNumber.piText(3.14159) == nil && DisplayNumber.piText(0.5) == nil && DisplayNumber.piText(0) == nil)
    }

    @Test func undeclaredParametersAreListedAndNotedOnce() throws {
        let network = try Self.network("""
            input x = 1
            param w = 0.5
            h = w x + b1
            y = h + c b1
            """)
        #expect(network.undeclaredParameters == ["b1", "c"])
        let notes = network.notes.filter { $0.severity == .note }
        #expect(notes.count == 1)
        #expect(notes.first?.message.contains("'b1', 'c'") == true)
        #expect(notes.first?.location == SourceLocation(line: 3, column: 11))
    }

    // MARK: Juxtaposition

    @Test func numbersAndCallsJuxtapose() throws {
        let v = try Self.values("""
            input x = 0.4, y = -1.5
            a = x 2
            b = sigmoid(x) 2.99^3
            c = x(y + 1)
            d = 2 x y
            """)
        #expect(Self.close(v["a"], 0.8))
        #expect(Self.close(v["b"], 1 / (1 + Foundation.exp(-0.4)) * 2.99 * 2.99 * 2.99))
        #expect(Self.close(v["c"], 0.4 * (-1.5 + 1)))
        #expect(Self.close(v["d"], 2 * 0.4 * -1.5))
    }

    @Test func numbersSideBySideAreStillErrors() {
        #expect(Parser.parse("param w = 0.5 2").diagnostics.contains { $0.severity == .error })
        #expect(Parser.parse("input x[2] = [1 2]").diagnostics.contains { $0.severity == .error })
    }

    @Test func aJuxtaposedProductAfterADivisionIsWarnedOncePerFile() throws {
        let source = """
            input a = 6, b = 2, c = 3
            p = a / b c
            q = a / b c
            r = 1/2 (a - b)^2
            """
        let warnings = Parser.parse(source).diagnostics.filter { $0.severity == .warning }
        #expect(warnings.count == 1)
        #expect(warnings.first?.location == SourceLocation(line: 2, column: 11))
        let v = try Self.values(source)
        #expect(Self.close(v["p"], 6.0 / 2 * 3), "(a / b) c")
        #expect(Self.close(v["r"], 0.5 * 16))
        #expect(try Self.network(source).notes.count == 1)
        #expect(Parser.parse("input a, b\np = 1/2 a b").diagnostics.isEmpty)
    }

    // MARK: Unicode

    @Test func unicodeAsPrinted() throws {
        let source = """
            input x₁ = 0.3, x₂ = −0.8
            param W₁[2,2] = [[0.1, −0.2], [0.3, 0.4]], V[2,2] = [[1, 2], [3, 4]], λ = 0.5
            ŷ = σ(x₁ · x₂) × 2 − λ
            a = W₁ᵀ [x₁, x₂]
            """
        _ = source
        let scalar = try Self.values("""
            input x₁ = 0.3, x₂ = −0.8
            param λ = 0.5
            ŷ = σ(x₁ · x₂) × 2 − λ
            """)
        #expect(Self.close(scalar["yhat"], 2 / (1 + Foundation.exp(0.24)) - 0.5))
        let network = try Self.network("""
            input x[2] = [0.3, −0.8]
            param W₁[2,2] = [[0.1, −0.2], [0.3, 0.4]], V[2,2] = [[1, 2], [3, 4]]
            a = W₁ᵀ x
            M = W₁ ⊙ V
            N = W₁ .* V
            """)
        let evaluation = try Runtime(network).forward(at: try Point(network: network))
        // W₁ᵀ x = [0.1·0.3 + 0.3·(−0.8), −0.2·0.3 + 0.4·(−0.8)]
        let a = try #require(evaluation.value(named: "a")).scalars
        #expect(Self.close(a[0], 0.03 - 0.24) && Self.close(a[1], -0.06 - 0.32))
        #expect(try #require(evaluation.value(named: "M")).scalars == [0.1 * 1, -0.2 * 2, 0.3 * 3, 0.4 * 4])
        #expect(try #require(evaluation.value(named: "N")).scalars == [0.1 * 1, -0.2 * 2, 0.3 * 3, 0.4 * 4])
        #expect(network.index(of: "W1") != nil)
    }

    @Test func unicodeTokensKeepTheirColumns() {
        let file = Parser.parse("ŷ = W₁ · x ⊗ 2")
        #expect(file.diagnostics.first?.location == SourceLocation(line: 1, column: 12))
    }

    // MARK: Loops

    @Test func anUnrolledRNNSharesItsWeights() throws {
        let source = """
            input x[3] = [0.5, -1, 0.25]
            param w = 0.8, u = 0.3, b = 0.1
            h[0] = 0
            for t in 1..3:
                h[t] = tanh(w h[t-1] + u x[t] + b)
            target y = 0.2
            loss L = (h[3] - y)^2
            """
        let network = try Self.network(source)
        #expect(network.nodes.filter { $0.kind == .parameter }.map(\.name) == ["w", "u", "b"])
        let v = try Self.values(source)
        let xs = [0.5, -1, 0.25]
        var h = [0.0]
        for t in 0..<3 { h.append(Foundation.tanh(0.8 * h[t] + 0.3 * xs[t] + 0.1)) }
        #expect(Self.close(v["h[3]"], h[3]))
        #expect(Self.close(v["L"], (h[3] - 0.2) * (h[3] - 0.2)))
        // ∂L/∂w by the chain rule through time, written out here.
        var dh = 2 * (h[3] - 0.2), dw = 0.0
        for t in stride(from: 3, through: 1, by: -1) {
            let local = dh * (1 - h[t] * h[t])
            dw += local * h[t - 1]
            dh = local * 0.8
        }
        #expect(Self.close(try Self.gradient(source, of: "L", wrt: "w"), dw))
    }

    @Test func loopHeadersAreChecked() {
        #expect(Parser.parse("for t in 3..1:\n  a[t] = t").diagnostics.first?.message == "the loop range 3..1 is empty")
        #expect(Parser.parse("for t in 1..3:\n").diagnostics.first?.message.contains("no body") == true)
        #expect(Parser.parse("for t 1..3:\n  a[t] = t").diagnostics.first?.location == SourceLocation(line: 1, column: 7))
        // One statement on the header line, and a body error reported once, at the body.
        let file = Parser.parse("for k in 1..2: a[k] = k\nfor t in 1..3:\n  b[t] = )")
        #expect(file.statements.count == 2)
        #expect(file.diagnostics.count == 1 && file.diagnostics.first?.location.line == 3)
    }

    // MARK: Matrices and reductions

    @Test func reductionsHaveValuesAndGradients() throws {
        let source = """
            input v[4] = [0.5, -2, 1.5, 0.25]
            param W[2,2] = [[0.3, -0.4], [1.2, 0.5]], V[2,2] = [[2, 1], [-1, 3]]
            lambda = 0.1
            n = norm(W)
            m = mean(v)
            top = max(v)
            low = min(v)
            many = max(v[1], v[3], v[4])
            fewest = min(v[1], v[3], v[4], m)
            H = W ⊙ V
            loss L = lambda norm(W)^2 + sum(H) + m top
            """
        let values = try Self.values(source)
        let w = [0.3, -0.4, 1.2, 0.5], v = [0.5, -2, 1.5, 0.25], vv = [2.0, 1, -1, 3]
        let norm = Foundation.sqrt(w.reduce(0) { $0 + $1 * $1 })
        let mean = v.reduce(0, +) / 4
        #expect(Self.close(values["n"], norm))
        #expect(Self.close(values["m"], mean))
        #expect(values["top"] == 1.5 && values["low"] == -2)
        #expect(values["many"] == 1.5 && values["fewest"] == 0.0625)
        #expect(Self.close(values["L"], 0.1 * norm * norm + zip(w, vv).reduce(0) { $0 + $1.0 * $1.1 } + mean * 1.5))
        let network = try Self.network(source)
        let runtime = try Runtime(network)
        let gradients = runtime.backward(runtime.forward(at: try Point(network: network)))
        // ∂L/∂W = 2λW + V; ∂L/∂v = top/4 everywhere plus mean at the largest entry.
        let dW = try #require(gradients["W"]?.scalars)
        for k in 0..<4 { #expect(Self.close(dW[k], 2 * 0.1 * w[k] + vv[k])) }
        let quarter: Double = 1.5 / 4
        let expected: [Double] = [quarter, quarter, quarter + mean, quarter]
        #expect(try #require(gradients["v"]?.scalars) == expected)
        let verification = try Verifier().verify(network, questions: Verifier.questions(of: network))
        #expect(verification.agrees)
    }

    @Test func aClassTargetIsOneHotAsLongAsThePrediction() throws {
        let network = try Self.network("""
            input z[4] = [0.1, 2, -1, 0.5]
            target y = class 2
            loss L = cross_entropy(softmax(z), y)
            """)
        #expect(network["y"]?.value?.doubles == [0, 1, 0, 0])
        let z = [0.1, 2, -1, 0.5]
        let loss = Foundation.log(z.reduce(0) { $0 + Foundation.exp($1) }) - 2
        let evaluation = try Runtime(network).forward(at: try Point(network: network))
        #expect(Self.close(evaluation.loss, loss))
        #expect(Self.errors("input z[2]\ntarget y = class 3\nloss L = cross_entropy(softmax(z), y)").first?.message
            == "'y' is class 3, but there are only 2 classes")
        #expect(Self.errors("input z[2]\ntarget y = class 1\nloss L = sum(z)").first?.message.contains("no cross_entropy") == true)
    }

    @Test func sampleRowsGiveClassNumbers() throws {
        let network = try Self.network("""
            input z[3]
            target y
            loss L = cross_entropy(softmax(z), y)
            sample z = [0.1, 2, -1], y = class 2
            sample z = [1, 0.5, 0.25], y = class 3
            sample z = [0, 0, 1], y = [1, 0, 0]
            """)
        let y = try #require(network.index(of: "y"))
        #expect(network.nodes[y].shape == Shape([3]))
        #expect(network.samples.map { $0[y]?.doubles ?? [] } == [[0, 1, 0], [0, 0, 1], [1, 0, 0]])
        // The batch-averaged loss: log Σ e^z − z_class per row, recomputed here.
        let rows: [([Double], Int)] = [([0.1, 2, -1], 1), ([1, 0.5, 0.25], 2), ([0, 0, 1], 0)]
        let expected = rows.reduce(0) { sum, row in
            sum + Foundation.log(row.0.reduce(0) { $0 + Foundation.exp($1) }) - row.0[row.1]
        } / 3
        let runtime = try Runtime(network)
        let batch = network.samples.map { $0.mapValues { RealTensor($0) } }
        #expect(Self.close(runtime.meanLoss(at: try Point(network: network), batch: batch), expected))
        #expect(Self.errors("input z[2]\ntarget y\nloss L = cross_entropy(softmax(z), y)\nsample z = [1, 2], y = class 3").first?.message
            == "'y' is class 3, but there are only 2 classes")
        #expect(Self.errors("input z[2]\ntarget y\nloss L = cross_entropy(softmax(z), y)\nsample z = class 1, y = class 1").first?.message
            .contains("only a target can be a class number") == true)
    }

    @Test func aTotalThatWouldReadLikeAnEdgeIsWrittenWithD() throws {
        // x is a direct input of y and also reaches y through q (and h): ∂y/∂x names two things.
        let network = try Self.network("input x = 0.5\nq = x^2\nh = 2 q\ny = h + q + q x\nfind dy/dx")
        for form in DerivativeForm.allCases {
            let shown = try network.formed(of: "y", wrt: "x", form: form)
            let text = TextPrinter().render(shown)
            let answerLine = try #require(text.split(separator: "\n").first { $0.contains("/dx") && !$0.hasPrefix(" ") })
            #expect(answerLine.hasPrefix("dy/dx = "), "\(form): \(text)")
            #expect(text.contains("∂y/∂x") && !text.contains("∂y/∂x =") && !text.contains("+ dy/dx"), "\(form): \(text)")
            let latex = LaTeXPrinter().render(shown)
            #expect(latex.contains("\\frac{\\mathrm{d} y}{\\mathrm{d} x}") && latex.contains("\\frac{\\partial y}{\\partial x}"), "\(latex)")
            let mathML = MathMLPrinter().render(shown)
            #expect(mathML.contains(#"<mi mathvariant="normal">d</mi>"#) && mathML.contains(#"<mi mathvariant="normal">∂</mi>"#))
        }
        // Where no total coincides with an edge (the quiz), totals keep ∂.
        let quiz = try #require(Package.network("quiz-problem-3.nn"))
        #expect(TextPrinter().render(try quiz.formed(of: "y", wrt: "x1", form: .factored)).hasPrefix("∂y/∂x1 = "))
        // The checker reads both notations: dy/dx or ∂y/∂x on the left, the edge as ∂y/∂x (or dy/dx) on the right.
        let checker = try AnswerChecker(network: network, of: "y", wrt: "x")
        for answer in ["dy/dx = (∂y/∂h ∂h/∂q + ∂y/∂q) ∂q/∂x + ∂y/∂x", "∂y/∂x = (∂y/∂h ∂h/∂q + ∂y/∂q) ∂q/∂x + ∂y/∂x",
                       "\\frac{\\mathrm{d}y}{\\mathrm{d}x} = \\frac{\\partial y}{\\partial x} + \\frac{\\partial y}{\\partial q}\\frac{\\partial q}{\\partial x} + \\frac{\\partial y}{\\partial h}\\frac{\\partial h}{\\partial q}\\frac{\\partial q}{\\partial x}"] {
            #expect(try checker.check(answer).correct, "\(answer)")
        }
        #expect(try !checker.check("dy/dx = ∂y/∂q ∂q/∂x + ∂y/∂x").correct, "a missing path is still wrong")
    }

    // MARK: The quiz's notation

    @Test func implicitWeightsFollowTheQuizAndOldNamesStillRead() throws {
        let network = try Self.network("""
            input x1 = 0.5, x2 = -0.3
            param w_c_x2 = 0.7, w_c_a = 0.2, b_c = 0.1
            a = sigmoid(x1)
            c = sigmoid(a, x2)
            find dc/dw_c_x2
            """)
        let names = network.nodes.filter { $0.kind == .parameter }.map(\.name)
        #expect(names.contains("v_c_x2") && names.contains("w_c_a") && !names.contains("w_c_x2"))
        #expect(network["v_c_x2"]?.value?.doubles == [0.7])
        #expect(network.questions.first?.kind == .derivative(of: "c", wrt: "v_c_x2"))
        #expect(NameAliases(network: network).canonical("w_c_x2") == "v_c_x2")
    }
}
