import Foundation
import Testing
@testable import ChainRule

/// The numbers and forms in answer keys, against recomputations written here.
@Suite("Key: answers")
struct KeyAnswerTests {
    static func section(_ name: String, options: KeyOptions = KeyOptions()) throws -> KeySection {
        let network = try #require(Package.network(name))
        return AnswerKey.section(network, source: Package.source(name), options: options)
    }

    /// An updated value as the key shows it: 4 significant digits, or as many more as show the change.
    static func updated(_ old: Double, _ new: Double) -> String {
        DisplayNumber.string(new, digits: DisplayNumber.digits(showingChangeFrom: old, to: new, digits: 4) ?? 8)
    }

    /// 001: one sigmoid neuron, squared error, η = 0.01.
    @Test func perceptron001() throws {
        let key = try Self.section("perceptron.nn")
        let (x1, x2, w1, w2, b, y, eta) = (0.5, 0.3, 0.2, 0.4, 0.1, 1.0, 0.01)
        let z = w1 * x1 + w2 * x2 + b, yhat = KeyRows.sigmoid(z)
        let dz = (yhat - y) * yhat * (1 - yhat)
        #expect(KeyRows.values(key, "z_{\\hat{y}}") == [KeyRows.shown(z)])
        #expect(KeyRows.values(key, "\\hat{y}") == [KeyRows.shown(yhat)])
        #expect(KeyRows.values(key, "L") == [KeyRows.shown(0.5 * (yhat - y) * (yhat - y))])
        for (name, gradient, old) in [("w_1", dz * x1, w1), ("w_2", dz * x2, w2), ("b", dz, b)] {
            let lhs = "\\frac{\\partial L}{\\partial \(name)}"
            // In the backward pass and again in the answer to the question.
            #expect(KeyRows.values(key, lhs) == [KeyRows.shown(gradient), KeyRows.shown(gradient)], "\(name)")
            #expect(KeyRows.values(key, name) == [KeyRows.shown(old - eta * gradient)], "\(name)")
        }
    }

    /// 002 Example 3: the 2-2-1 network with binary cross-entropy.
    @Test func example3002() throws {
        let key = try Self.section("example-3-bce.nn")
        let (x1, x2, y, eta) = (0.5, 0.1, 1.0, 0.01)
        let (w11, w12, b1, w21, w22, b2, v1, v2, c) = (0.2, 0.4, 0.1, 0.3, 0.7, 0.2, 0.6, 0.9, 0.3)
        let h1 = KeyRows.sigmoid(w11 * x1 + w12 * x2 + b1), h2 = KeyRows.sigmoid(w21 * x1 + w22 * x2 + b2)
        let z = v1 * h1 + v2 * h2 + c, yhat = KeyRows.sigmoid(z)
        let delta = yhat - y, d1 = delta * v1 * h1 * (1 - h1), d2 = delta * v2 * h2 * (1 - h2)
        #expect(KeyRows.values(key, "z_{h_1}") == [KeyRows.shown(w11 * x1 + w12 * x2 + b1)])
        #expect(KeyRows.values(key, "h_1") == [KeyRows.shown(h1)])
        #expect(KeyRows.values(key, "h_2") == [KeyRows.shown(h2)])
        #expect(KeyRows.values(key, "\\hat{y}") == [KeyRows.shown(yhat)])
        #expect(KeyRows.values(key, "L") == [KeyRows.shown(-log(yhat))])
        #expect(KeyRows.values(key, "\\frac{\\partial L}{\\partial z_{\\hat{y}}}").allSatisfy { $0 == KeyRows.shown(delta) })
        #expect(KeyRows.values(key, "\\frac{\\partial L}{\\partial w_{11}}") == [KeyRows.shown(d1 * x1), KeyRows.shown(d1 * x1)])
        let updates = [("w_{11}", w11, d1 * x1), ("w_{12}", w12, d1 * x2), ("b_1", b1, d1), ("w_{21}", w21, d2 * x1),
                       ("w_{22}", w22, d2 * x2), ("b_2", b2, d2), ("v_1", v1, delta * h1), ("v_2", v2, delta * h2), ("c", c, delta)]
        for (name, old, gradient) in updates {
            #expect(KeyRows.values(key, name) == [Self.updated(old, old - eta * gradient)], "\(name)")
        }
        // The question dL/dz_yhat is answered plugged in: ŷ − y.
        let plugged = KeyRows.rows(after: "Plugged in", in: key)
        #expect(plugged.first?.first?.contains("= \\hat{y} - y = ") == true)
    }

    /// 004: the 4-2-3-1 network in matrix form, two iterations (W stored in × out, z = Wᵀa + b); the
    /// file asks forward, backward and update (not the loss).
    @Test func sigmoid4231Iterations004() throws {
        let key = try Self.section("sigmoid-4-2-3-1.nn")
        let x = [1.0, 2, 3, 4], y = 1.0, eta = 0.1
        var w1 = [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6], [0.7, 0.8]], b1 = [0.1, 0.1]
        var w2 = [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]], b2 = [0.1, 0.1, 0.1]
        var w3 = [0.1, 0.2, 0.3], b3 = 0.1
        var expected: [String: [String]] = [:]
        func record(_ lhs: String, _ value: String) { expected[lhs, default: []].append(value) }
        var firstDelta3: Double?
        for _ in 0..<2 {
            var a1 = [0.0, 0], a2 = [0.0, 0, 0], z3 = b3
            for j in 0..<2 {
                var z = b1[j]
                for i in 0..<4 { z += w1[i][j] * x[i] }
                a1[j] = KeyRows.sigmoid(z)
            }
            for k in 0..<3 {
                var z = b2[k]
                for j in 0..<2 { z += w2[j][k] * a1[j] }
                a2[k] = KeyRows.sigmoid(z)
                z3 += w3[k] * a2[k]
            }
            let a3 = KeyRows.sigmoid(z3)
            record("\\mathbf{a}^{(1)}", KeyRows.column(a1))
            record("\\mathbf{a}^{(2)}", KeyRows.column(a2))
            record("\\hat{y}", KeyRows.shown(a3))
            let d3 = a3 - y
            firstDelta3 = firstDelta3 ?? d3
            var d2 = [0.0, 0, 0], d1 = [0.0, 0]
            for k in 0..<3 { d2[k] = w3[k] * d3 * a2[k] * (1 - a2[k]) }
            for j in 0..<2 {
                var back = 0.0
                for k in 0..<3 { back += w2[j][k] * d2[k] }
                d1[j] = back * a1[j] * (1 - a1[j])
            }
            record("\\boldsymbol{\\delta}^{(2)}", KeyRows.column(d2))
            record("\\frac{\\partial L}{\\partial W^{(2)}}", KeyRows.matrix((0..<2).map { j in (0..<3).map { k in a1[j] * d2[k] } }))
            let (w1Old, w3Old, b3Old) = (w1, w3, b3)
            for i in 0..<4 { for j in 0..<2 { w1[i][j] -= eta * x[i] * d1[j] } }
            for j in 0..<2 { b1[j] -= eta * d1[j]; for k in 0..<3 { w2[j][k] -= eta * a1[j] * d2[k] } }
            for k in 0..<3 { b2[k] -= eta * d2[k]; w3[k] -= eta * a2[k] * d3 }
            b3 -= eta * d3
            // An updated matrix shows as many digits as its smallest visible change needs.
            func updated(_ old: [[Double]], _ new: [[Double]]) -> String {
                let digits = zip(old.joined(), new.joined()).map { DisplayNumber.digits(showingChangeFrom: $0, to: $1, digits: 4) ?? 8 }.max() ?? 4
                return "\\begin{bmatrix}" + new.map { $0.map { LaTeXPrinter(digits: digits).number(.real($0)) }.joined(separator: " & ") }
                    .joined(separator: " \\\\ ") + "\\end{bmatrix}"
            }
            record("W^{(3)}", updated(w3Old.map { [$0] }, w3.map { [$0] }))
            record("W^{(1)}", updated(w1Old, w1))
            record("b^{(3)}", Self.updated(b3Old, b3))
        }
        // Vectors and matrices as the course writes them: z, a, δ columns, ∂L/∂W and the updated W matrices.
        for (lhs, values) in expected {
            #expect(KeyRows.finals(key, lhs) == values, "\(lhs)")
        }
        // `find layers`: the layer-wise derivation is embedded, with its numbers at the given values.
        let layerRow = "\\frac{\\partial L}{\\partial b^{(3)}} &= \\delta^{(3)} = " + KeyRows.shown(try #require(firstDelta3)) + " && \\in \\mathbb{R}"
        #expect(key.blocks.contains { if case .math(let rows) = $0 { rows.contains(layerRow) } else { false } }, "\(layerRow)")
    }

    /// Quiz Problem 3: the answers are the factored forms of the course's solution.
    @Test func quizProblem3Factored() throws {
        let key = try Self.section("quiz-problem-3.nn")
        func p(_ q: String, _ u: String) -> Expr { .partial(of: q, wrt: u) }
        let shared = Expr.sum([p("y", "d"), .product([p("y", "e"), p("e", "d")])])
        let dx2 = Expr.sum([.product([p("y", "c"), p("c", "x2")]), .product([shared, p("d", "x2")])])
        let dx1 = Expr.sum([.product([p("y", "c"), p("c", "a"), p("a", "x1")]),
                            .product([shared, .sum([.product([p("d", "a"), p("a", "x1")]), .product([p("d", "b"), p("b", "x1")])])])])
        let printer = LaTeXPrinter()
        // The step-by-step derivation ends in the factored form, so it is the answer, written once.
        let answers = KeyRows.rows(after: "Answer (factored), step by step", in: key)
        #expect(answers.count == 2)
        #expect(answers.first?.first?.hasPrefix("\\frac{\\partial y}{\\partial x_2} &= ") == true)
        #expect(answers.first?.first?.hasSuffix("&= " + printer.render(dx2)) == true)
        #expect(answers.last?.first?.hasSuffix("&= " + printer.render(dx1)) == true)
        #expect(KeyRows.rows(after: "The chain rule, step by step", in: key).isEmpty)
        // Nothing is plugged in (the quiz says not to).
        #expect(KeyRows.rows(after: "Plugged in", in: key).isEmpty)
        let plugged = try Self.section("quiz-problem-3.nn", options: KeyOptions(plugsInUnspecified: true))
        #expect(KeyRows.rows(after: "Plugged in", in: plugged).count == 2)
    }

    /// Every derivative answer's number is the runtime's backward-pass value.
    @Test(arguments: ["example-3-bce.nn", "perceptron.nn"])
    func derivativeValuesMatchTheRuntime(_ name: String) throws {
        let network = try #require(Package.network(name))
        let runtime = try Runtime(network)
        let evaluation = runtime.forward(at: try Point(network: network))
        let gradients = runtime.backward(evaluation)
        let key = try Self.section(name)
        let plugged = KeyRows.rows(after: "Plugged in", in: key).compactMap(\.first)
        var checked = 0
        for question in network.questions {
            guard case .derivative(let of, let wrt) = question.kind, of == network.nodes[network.loss ?? 0].name else { continue }
            let expected = KeyRows.shown(try #require(gradients[wrt]?.scalar))
            #expect(plugged.contains { $0.hasPrefix(LaTeXPrinter().total(of: of, wrt: wrt) + " &") && $0.hasSuffix("= " + expected) }, "\(of)/\(wrt)")
            checked += 1
        }
        #expect(checked >= 2)
    }

    /// Question sheets state the problem and leave the answers out.
    @Test func questionSheetHasNoAnswers() throws {
        let sheet = try Self.section("example-3-bce.nn", options: KeyOptions(includesAnswers: false))
        let headings = sheet.blocks.compactMap { block -> String? in
            guard case .heading(1, let inlines) = block, case .text(let text)? = inlines.first else { return nil }
            return text
        }
        #expect(headings == ["The network", "Given", "Asked"])
        #expect(KeyRows.values(sheet, "h_1").isEmpty)
    }

    /// Forms other than factored, and symbolic files.
    @Test func formsAndSymbolicValues() throws {
        let adjoint = try Self.section("example-3-bce.nn", options: KeyOptions(form: .adjoint))
        #expect(KeyRows.rows(after: "Answer (backprop", in: adjoint).count == 2)
        let expanded = try Self.section("quiz-problem-3.nn", options: KeyOptions(form: .expanded))
        #expect(KeyRows.rows(after: "Answer (expanded", in: expanded).count == 2)
        let symbolic = try Self.section("regression-1-5-1.nn")
        #expect(KeyRows.rows(after: "Plugged in.", in: symbolic).count == 6)
        let network = try Network.parse("input x\nh = sigmoid(w x + b)\ntarget y\nloss L = 1/2 (h - y)^2\nfind forward, backward\n").get()
        let section = AnswerKey.section(network)
        let text = KeyLaTeX.document(KeyDocument(kind: .key, title: "t", sections: [section]))
        #expect(text.contains("The values are symbolic"))
        #expect(text.contains("\\frac{\\partial L}{\\partial w} &= \\left(h - y\\right) h \\left(1 - h\\right) x"))
    }
}
