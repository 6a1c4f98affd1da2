import Foundation
import Testing
@testable import ChainRule

/// Networks transcribed from public course notes and textbooks, each written as its source writes it
/// (source named in a comment). Every one builds, `verify` agrees three ways on it, and the values the
/// source computes are recomputed here independently.
@Suite("Language: networks as textbooks write them")
struct TextbookNetworksTests {
    struct Example: CustomStringConvertible, Sendable {
        var name: String
        var source: String
        var description: String { name }
    }

    static let examples: [Example] = [
        // CS231n "Backpropagation, Intuitions": f(x, y, z) = (x + y) z, with x = −2, y = 5, z = −4.
        Example(name: "cs231n-circuit", source: """
            input x = -2, y = 5, z = -4
            q = x + y
            f = q z
            find df/dx, df/dy, df/dz
            """),
        // CS231n "Backpropagation, Intuitions", the sigmoid-gate example:
        // f(w, x) = 1 / (1 + e^{−(w0 x0 + w1 x1 + w2)}), w = [2, −3, −3], x = [−1, −2].
        Example(name: "cs231n-sigmoid-gate", source: """
            input x0 = -1, x1 = -2
            param w0 = 2, w1 = -3, w2 = -3
            f = 1 / (1 + e^(−(w0 x0 + w1 x1 + w2)))
            find df/dw0, df/dx0, df/dw1, df/dx1, df/dw2
            """),
        // micrograd's README (Karpathy): the expression whose g is 24.7041; each `+=` a new name, the
        // output named g as the README names it (shadowing the activation g) and a node named e.
        Example(name: "micrograd-readme", source: """
            input a = -4.0, b = 2.0
            c = a + b
            d = a b + b^3
            c1 = c + c + 1
            c2 = c1 + 1 + c1 + (-a)
            d1 = d + d 2 + relu(b + a)
            d2 = d1 + 3 d1 + relu(b - a)
            e = c2 - d2
            f = e^2
            g1 = f / 2.0
            g = g1 + 10.0 / f
            find dg/da, dg/db
            """),
        // Colah, "Calculus on Computational Graphs: Backpropagation": e = (a + b)(b + 1) at a = 2, b = 1.
        Example(name: "colah-graph", source: """
            input a = 2, b = 1
            c = a + b
            d = b + 1
            e = c d
            find de/da, de/db
            """),
        // CS231n "Linear classification": the multiclass SVM loss for the cat image, scores
        // [3.2, 5.1, −1.7] with the correct class first, Δ = 1.
        Example(name: "cs231n-svm", source: """
            input s[3] = [3.2, 5.1, −1.7]
            target y = class 1
            loss L = hinge(s, y)
            find dL/ds[1], dL/ds[2], dL/ds[3]
            """),
        // CS231n "Linear classification" / "Softmax classifier": f = W x + b, L = −log(e^{f_y} / Σ_j e^{f_j}).
        Example(name: "cs231n-softmax", source: """
            input x[4] = [56, 231, 24, 2]
            param W[3,4] = [[0.2, −0.5, 0.1, 2.0], [1.5, 1.3, 2.1, 0.0], [0, 0.25, 0.2, −0.3]]
            param b[3] = [1.1, 3.2, −1.2]
            target y = class 3
            f = W x + b
            loss L = cross_entropy(softmax(f), y)
            find dL/db[1], dL/db[3]
            """),
        // CS231n "Neural Networks Case Study": a 2-layer ReLU network with softmax and L2
        // regularisation, data loss + ½ λ Σ W², here with λ = reg = 0.1 as a named constant.
        Example(name: "cs231n-regularised", source: """
            input X[2] = [0.5, −1.2]
            param W[3,2] = [[0.1, −0.2], [0.4, 0.3], [−0.5, 0.2]], b[3] = [0.01, 0, −0.02]
            param W2[2,3] = [[0.3, −0.1, 0.2], [−0.4, 0.5, 0.1]], b2[2] = [0, 0.05]
            target y = class 2
            reg = 0.1
            hidden = relu(W X + b)
            scores = W2 hidden + b2
            loss L = cross_entropy(softmax(scores), y) + 1/2 reg (norm(W)^2 + norm(W2)^2)
            find dL/dW[1,1], dL/dW2[2,3]
            """),
        // Goodfellow, Bengio, Courville, "Deep Learning", §10.2: an RNN h^(t) = tanh(b + W h^(t−1) + U x^(t))
        // unrolled over three steps with shared parameters, output o = c + V h^(3) and squared error.
        Example(name: "dlbook-rnn", source: """
            input x[3] = [1, −0.5, 0.25]
            param W = 0.6, U = −0.4, V = 1.5, b = 0.1, c = 0.2
            h[0] = 0
            for t in 1..3:
                h[t] = tanh(b + W h[t-1] + U x[t])
            o = c + V h[3]
            target y = 0.3
            loss L = 1/2 (o − y)^2
            find dL/dW, dL/dU, dL/db
            """),
        // The quiz (seed 002, "Quiz, Problem 3"): every neuron computes g(b + Σ v_l x_l + Σ w_u u).
        Example(name: "quiz-problem-3", source: ParserExamples.neuronDAG),
        // Nielsen, "Neural Networks and Deep Learning", ch. 2: a = σ(w a′ + b) layer by layer, cost
        // C = ½ ‖y − a^L‖², here a 2-2-1 network written with W₁, ⊙-free matrix products and σ.
        Example(name: "nielsen-two-layer", source: """
            input x[2] = [0.05, 0.10]
            param W₁[2,2] = [[0.15, 0.20], [0.25, 0.30]], b₁[2] = [0.35, 0.35]
            param W₂[1,2] = [[0.40, 0.45]], b₂[1] = [0.60]
            a₁ = σ(W₁ x + b₁)
            a₂ = σ(W₂ a₁ + b₂)
            target y[1] = [0.01]
            loss C = 1/2 norm(y − a₂)^2
            find dC/dW1[1,1], dC/dW2[1,2]
            """),
    ]

    @Test func thereAreAtLeastEight() {
        #expect(Self.examples.count >= 8)
    }

    @Test(arguments: examples)
    func verifyAgreesThreeWays(_ example: Example) throws {
        let network = try LanguageFormsTests.network(example.source)
        #expect(network.undeclaredParameters.isEmpty, "\(example): \(network.undeclaredParameters)")
        let verification = try Verifier().verify(network, questions: Verifier.questions(of: network))
        #expect(verification.agrees, "\(example)")
        #expect(!verification.rows.isEmpty)
    }

    @Test func circuitValues() throws {
        let source = Self.examples[0].source
        let (x, y, z) = (-2.0, 5.0, -4.0)
        #expect(try LanguageFormsTests.values(source)["f"] == (x + y) * z)
        #expect(try LanguageFormsTests.gradient(source, of: "f", wrt: "x") == z)
        #expect(try LanguageFormsTests.gradient(source, of: "f", wrt: "z") == x + y)
    }

    @Test func sigmoidGateValues() throws {
        let source = Self.examples[1].source
        let dot = 2.0 * -1 + -3.0 * -2 + -3
        let f = 1 / (1 + Foundation.exp(-dot))
        #expect(LanguageFormsTests.close(try LanguageFormsTests.values(source)["f"], f))
        // ∂f/∂x0 = w0 (1 − f) f, ∂f/∂w0 = x0 (1 − f) f.
        #expect(LanguageFormsTests.close(try LanguageFormsTests.gradient(source, of: "f", wrt: "x0"), 2 * (1 - f) * f))
        #expect(LanguageFormsTests.close(try LanguageFormsTests.gradient(source, of: "f", wrt: "w0"), -1 * (1 - f) * f))
    }

    @Test func microgradValues() throws {
        let source = Self.examples[2].source
        // The README's program, forward and backward, by hand.
        func g(_ a: Double, _ b: Double) -> Double {
            var c = a + b
            var d = a * b + b * b * b
            c = c + c + 1
            c = c + 1 + c + (-a)
            d = d + d * 2 + Swift.max(0, b + a)
            d = d + 3 * d + Swift.max(0, b - a)
            let e = c - d, f = e * e
            return f / 2 + 10 / f
        }
        #expect(LanguageFormsTests.close(try LanguageFormsTests.values(source)["g"], g(-4, 2)))
        let h = 1e-6
        let da = (g(-4 + h, 2) - g(-4 - h, 2)) / (2 * h), db = (g(-4, 2 + h) - g(-4, 2 - h)) / (2 * h)
        #expect(LanguageFormsTests.close(try LanguageFormsTests.gradient(source, of: "g", wrt: "a"), da, 1e-7))
        #expect(LanguageFormsTests.close(try LanguageFormsTests.gradient(source, of: "g", wrt: "b"), db, 1e-7))
    }

    @Test func svmValues() throws {
        let source = Self.examples[4].source
        let s = [3.2, 5.1, -1.7]
        let loss = Swift.max(0, s[1] - s[0] + 1) + Swift.max(0, s[2] - s[0] + 1)
        #expect(LanguageFormsTests.close(try LanguageFormsTests.values(source)["L"], loss))
        let network = try LanguageFormsTests.network(source)
        let runtime = try Runtime(network)
        let gradient = runtime.backward(runtime.forward(at: try Point(network: network)))["s"]?.scalars
        // One margin violated (class 2): −1 on the correct score, +1 on class 2.
        #expect(gradient == [-1, 1, 0])
    }

    @Test func softmaxValuesWithAClassTarget() throws {
        let source = Self.examples[5].source
        let x = [56.0, 231, 24, 2]
        let W = [[0.2, -0.5, 0.1, 2.0], [1.5, 1.3, 2.1, 0.0], [0, 0.25, 0.2, -0.3]], b = [1.1, 3.2, -1.2]
        let f = (0..<3).map { i in zip(W[i], x).reduce(b[i]) { $0 + $1.0 * $1.1 } }
        let top = f.max() ?? 0
        let total = f.reduce(0) { $0 + Foundation.exp($1 - top) }
        let loss = -(f[2] - top - Foundation.log(total))
        #expect(LanguageFormsTests.close(try LanguageFormsTests.values(source)["L"], loss, 1e-9))
        let network = try LanguageFormsTests.network(source)
        #expect(network["y"]?.value?.doubles == [0, 0, 1])
    }

    @Test func regularisedValues() throws {
        let source = Self.examples[6].source
        let X = [0.5, -1.2]
        let W = [[0.1, -0.2], [0.4, 0.3], [-0.5, 0.2]], b = [0.01, 0, -0.02]
        let W2 = [[0.3, -0.1, 0.2], [-0.4, 0.5, 0.1]], b2 = [0, 0.05]
        let hidden = (0..<3).map { i in Swift.max(0, zip(W[i], X).reduce(b[i]) { $0 + $1.0 * $1.1 }) }
        let scores = (0..<2).map { i in zip(W2[i], hidden).reduce(b2[i]) { $0 + $1.0 * $1.1 } }
        let logSum = Foundation.log(scores.reduce(0) { $0 + Foundation.exp($1) })
        let squares = (W + W2).joined().reduce(0) { $0 + $1 * $1 }
        let loss = -(scores[1] - logSum) + 0.5 * 0.1 * squares
        #expect(LanguageFormsTests.close(try LanguageFormsTests.values(source)["L"], loss, 1e-12))
    }

    @Test func nielsenValues() throws {
        let source = Self.examples[9].source
        func sigma(_ z: Double) -> Double { 1 / (1 + Foundation.exp(-z)) }
        let h = [sigma(0.15 * 0.05 + 0.20 * 0.10 + 0.35), sigma(0.25 * 0.05 + 0.30 * 0.10 + 0.35)]
        let out = sigma(0.40 * h[0] + 0.45 * h[1] + 0.60)
        #expect(LanguageFormsTests.close(try LanguageFormsTests.values(source)["C"], 0.5 * (0.01 - out) * (0.01 - out)))
    }
}
