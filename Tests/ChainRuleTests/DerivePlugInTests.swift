import Foundation
import Testing
@testable import ChainRule

/// Local partials plugged in: the seed's regression gradients, BCE after a sigmoid, softmax with
/// cross-entropy, and values checked against finite differences.
@Suite struct DerivePlugInTests {
    let yMinusY = Expr.sum([.symbol("yhat"), .product([.integer(-1), .symbol("y")])])
    func sigmoidPrime(_ h: String) -> [Expr] { [.symbol(h), .sum([.one, .product([.integer(-1), .symbol(h)])])] }

    func plugged(_ file: String, _ of: String, _ wrt: String) throws -> Expr {
        let network = try #require(Package.network(file))
        let derivation = try network.derivation(of: of, wrt: wrt)
        return LocalPartials(graph: derivation.graph, unitSums: network.unitSums).plugging(into: derivation.factored())
    }

    @Test func regressionGradientsInTheSeedsFinalForms() throws {
        let file = "regression-1-5-1.nn"
        for i in 1...5 {
            let v = try plugged(file, "E", "v\(i)"), w = try plugged(file, "E", "w\(i)"), b = try plugged(file, "E", "b\(i)")
            #expect(v == .product([yMinusY, .symbol("h\(i)")]))
            #expect(w == .product([yMinusY, .symbol("v\(i)")] + sigmoidPrime("h\(i)") + [.symbol("x")]))
            #expect(b == .product([yMinusY, .symbol("v\(i)")] + sigmoidPrime("h\(i)")))
            #expect(TextPrinter().render(w) == "(ŷ − y) v\(i) h\(i) (1 − h\(i)) x")
        }
        #expect(try plugged(file, "E", "c") == yMinusY)
        #expect(try plugged(file, "E", "yhat") == yMinusY)
        #expect(LaTeXPrinter().render(try plugged(file, "E", "b1")) == #"\left(\hat{y} - y\right) v_1 h_1 \left(1 - h_1\right)"#)
    }

    @Test func binaryCrossEntropyAfterSigmoid() throws {
        #expect(try plugged("example-3-bce.nn", "L", "z_yhat") == yMinusY)
        let w11 = try plugged("example-3-bce.nn", "L", "w11")
        #expect(w11 == .product([yMinusY, .symbol("v1")] + sigmoidPrime("h1") + [.symbol("x1")]))
    }

    @Test func softmaxWithCrossEntropy() throws {
        let source = """
            input h[2]
            param W[3,2], b[3]
            p = softmax(W h + b)
            target t[3]
            loss L = cross_entropy(p, t)
            """
        let network = try Network.parse(source).get()
        #expect(network.unitSums == [["t[1]", "t[2]", "t[3]"]])
        for k in 1...3 {
            let derivation = try network.derivation(of: "L", wrt: "z_p[\(k)]")
            let value = LocalPartials(graph: derivation.graph, unitSums: network.unitSums).plugging(into: derivation.factored())
            #expect(value == .sum([.symbol("p[\(k)]"), .product([.integer(-1), .symbol("t[\(k)]")])]))
        }
    }

    @Test func activationDerivativesInTheNodesOwnNames() throws {
        let network = try Network.parse("""
            input x
            a = tanh(w x + b)
            r = relu(a)
            q = g(a, r)
            """).get()
        let partials = LocalPartials(graph: network.scalarGraph())
        #expect(partials.value(of: "a", wrt: "w") == .product([.sum([.one, .product([.integer(-1), .power(.symbol("a"), .integer(2))])]), .symbol("x")]))
        #expect(partials.value(of: "a", wrt: "b") == .sum([.one, .product([.integer(-1), .power(.symbol("a"), .integer(2))])]))
        #expect(partials.value(of: "r", wrt: "a") == .apply(.step, [.symbol("a")]))
        #expect(partials.value(of: "q", wrt: "r") == .product([.apply(.derivative("g", order: 1), [.symbol("z_q")]), .symbol("w_q_r")]))
    }

    /// Plugged-in values agree with central finite differences of the loss, computed here from the
    /// scalar definitions.
    @Test func valuesMatchFiniteDifferences() throws {
        var network = try #require(Package.network("regression-1-5-1.nn"))
        var rng = SplitMix64(seed: 5)
        for i in network.nodes.indices where network.nodes[i].kind.isLeaf {
            network.nodes[i].value = Tensor(.real(Double.random(in: -1...1, using: &rng)))
        }
        let graph = network.scalarGraph()
        let partials = LocalPartials(graph: graph)
        func loss(_ name: String, _ shift: Double) -> Double {
            var g = graph
            if let i = g.index(of: name) { g.nodes[i].value = .real((g.nodes[i].value?.doubleValue ?? 0) + shift) }
            return NodeValues(graph: g)?.values["E"] ?? .nan
        }
        let values = try #require(NodeValues(graph: graph))
        for name in ["w1", "b3", "v2", "c", "x"] {
            let derivation = try Derivation(graph: graph, of: "E", wrt: name)
            let h = 1e-6, numeric = (loss(name, h) - loss(name, -h)) / (2 * h)
            let symbolic = try #require(values.value(of: derivation.factored(), partials: partials))
            let adjoint = try #require(values.value(of: derivation.adjoint(), partials: partials))
            let plugged = try partials.plugging(into: derivation.factored()).evaluate(at: values.values).get()
            #expect(abs(symbolic - numeric) < 1e-6 && abs(adjoint - numeric) < 1e-6 && abs(plugged - numeric) < 1e-6)
        }
    }
}
