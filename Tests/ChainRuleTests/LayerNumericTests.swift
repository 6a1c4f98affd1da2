import Foundation
import Testing
@testable import ChainRule

/// The layer-wise matrix form evaluated numerically, against the runtime's backpropagation (an
/// independent implementation) and a hand recomputation of source 004.
@Suite("Layers: numbers")
struct LayerNumericTests {
    /// Random rows of inputs (in [−2, 2]) and targets (in [0, 1], one-hot when `oneHot`).
    static func rows(_ network: Network, m: Int, seed: UInt64, oneHot: Bool = false) -> [[Int: RealTensor]] {
        var generator = SplitMix64(seed: seed)
        let leaves = network.indices(of: .input) + network.indices(of: .target)
        return (0..<m).map { _ in
            Dictionary(uniqueKeysWithValues: leaves.map { index -> (Int, RealTensor) in
                let node = network.nodes[index]
                var scalars = (0..<node.shape.count).map { _ in
                    node.kind == .target ? Double.random(in: 0...1, using: &generator) : Double.random(in: -2...2, using: &generator)
                }
                if oneHot, node.kind == .target {
                    let hot = Int.random(in: 0..<scalars.count, using: &generator)
                    scalars = scalars.indices.map { $0 == hot ? 1 : 0 }
                }
                return (index, RealTensor(shape: node.shape, scalars: scalars))
            })
        }
    }

    /// Every ∂L/∂p of the layer form matches the runtime's batch-averaged backward pass to 1e-9, and
    /// every δ⁽ˡ⁾ (Δ⁽ˡ⁾ row by row, times m) matches ∂L/∂z of the runtime.
    static func agree(_ network: Network, batch: Bool, m: Int, seed: UInt64, oneHot: Bool = false) throws {
        let runtime = try Runtime(network)
        let point = try Point(network: network, seed: seed)
        let rows = rows(network, m: m, seed: seed &+ 1000, oneHot: oneHot)
        let derivation = try LayerDerivation(network, batch: batch)
        let values = try derivation.evaluate(leaves: point.values.mapValues(\.scalars), samples: rows.map { $0.mapValues(\.scalars) })
        #expect(values.m == m)
        let expected = runtime.train(from: point, iterations: 1, rate: nil, batch: rows).iterations[0].deltas
        let parameters = network.indices(of: .parameter)
        #expect(values.gradients.map(\.node) == parameters)
        for gradient in values.gradients {
            #expect(gradient.values.count == expected[gradient.node].scalars.count)
            for (a, b) in zip(gradient.values, expected[gradient.node].scalars) {
                #expect(abs(a - b) <= 1e-9 * max(1, abs(b)), "\(gradient.parameter): \(a) vs \(b)")
            }
        }
        for (l, layer) in derivation.chain.layers.enumerated() {
            let delta = try #require(values.environment[.symbol(derivation.delta(l + 1))])
            for (i, row) in rows.enumerated() {
                let adjoints = runtime.backward(runtime.forward(at: point, sample: row))
                for (k, ref) in layer.preactivations.enumerated() {
                    let got = delta.entries[i * layer.outSize + k] * (batch ? Double(m) : 1)
                    #expect(abs(got - adjoints[ref.node].scalars[ref.offset]) <= 1e-9)
                }
            }
        }
    }

    @Test(arguments: ["relu-4-3-2-1-regression.nn", "relu-4-3-2-1-classification.nn", "sigmoid-4-2-3-1.nn",
                      "example-3-bce.nn", "perceptron.nn", "regression-1-5-1.nn"])
    func matchesRuntimeBackprop(file: String) throws {
        let network = try #require(Package.network(file))
        for seed in UInt64(1)...3 {
            try Self.agree(network, batch: false, m: 1, seed: seed)
            try Self.agree(network, batch: true, m: 1, seed: seed)
            try Self.agree(network, batch: true, m: 5, seed: seed)
        }
    }

    @Test func softmaxCrossEntropyAndTanh() throws {
        let network = try Network.parse("""
            input x[3]
            param W1[4,3], b1[4], W2[2,4], b2[2]
            a1 = tanh(W1 x + b1)
            p = softmax(W2 a1 + b2)
            target t[2]
            loss L = cross_entropy(p, t)
            """).get()
        for seed in UInt64(1)...3 {
            try Self.agree(network, batch: false, m: 1, seed: seed, oneHot: true)
            try Self.agree(network, batch: true, m: 5, seed: seed, oneHot: true)
        }
        let derivation = try LayerDerivation(network)
        let point = try Point(network: network, seed: 1)
        #expect(throws: LayerError.self) { try derivation.evaluate(leaves: point.values.mapValues(\.scalars)) }
    }

    /// Every printed form of every line has the value of the line: the simplifications are true.
    @Test(arguments: ["relu-4-3-2-1-classification.nn", "sigmoid-4-2-3-1.nn", "perceptron.nn", "regression-1-5-1.nn"])
    func everyFormHasTheLineValue(file: String) throws {
        let network = try #require(Package.network(file))
        for batch in [false, true] {
            let derivation = try LayerDerivation(network, batch: batch)
            let point = try Point(network: network, seed: 7)
            let rows = Self.rows(network, m: batch ? 4 : 1, seed: 8).map { $0.mapValues(\.scalars) }
            let values = try derivation.evaluate(leaves: point.values.mapValues(\.scalars), samples: rows)
            for (line, value) in zip(derivation.lines, values.lines) {
                for form in line.forms {
                    let other = try form.evaluate(values.environment, m: values.m)
                    #expect(other.rows == value.rows && other.cols == value.cols)
                    for (a, b) in zip(other.entries, value.entries) { #expect(abs(a - b) <= 1e-12 * max(1, abs(b))) }
                }
            }
        }
    }

    /// Source 004 (Wᵀx orientation, sigmoid, cross-entropy) recomputed by hand from the file's values.
    @Test func sigmoid4231MatchesAHandRecomputation() throws {
        let network = try #require(Package.network("sigmoid-4-2-3-1.nn"))
        let derivation = try LayerDerivation(network)
        let values = try derivation.evaluate(leaves: try Point(network: network).values.mapValues(\.scalars))
        let s = { (z: Double) in 1 / (1 + exp(-z)) }
        let x = [1.0, 2, 3, 4], W1 = [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6], [0.7, 0.8]]
        let W2 = [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]], W3 = [0.1, 0.2, 0.3]
        let a1 = (0..<2).map { j in s((0..<4).reduce(0.1) { $0 + W1[$1][j] * x[$1] }) }
        let a2 = (0..<3).map { j in s((0..<2).reduce(0.1) { $0 + W2[$1][j] * a1[$1] }) }
        let a3 = s((0..<3).reduce(0.1) { $0 + W3[$1] * a2[$1] })
        let d3 = a3 - 1
        let d2 = (0..<3).map { W3[$0] * d3 * a2[$0] * (1 - a2[$0]) }
        let d1: [Double] = (0..<2).map { i in
            let carried: Double = (0..<3).reduce(0.0) { $0 + W2[i][$1] * d2[$1] }
            return carried * a1[i] * (1 - a1[i])
        }
        let expected: [String: [Double]] = [
            "W3": a2.map { $0 * d3 }, "b3": [d3],
            "W2": a1.flatMap { a in d2.map { a * $0 } }, "b2": d2,
            "W1": x.flatMap { v in d1.map { v * $0 } }, "b1": d1,
        ]
        #expect(Set(values.gradients.map(\.parameter)) == Set(expected.keys))
        for gradient in values.gradients {
            let want = try #require(expected[gradient.parameter])
            #expect(zip(gradient.values, want).allSatisfy { abs($0 - $1) < 1e-15 }, "\(gradient.parameter)")
        }
        #expect(abs((values.environment[.symbol(derivation.delta(3))]?.entries[0] ?? .nan) - d3) < 1e-15)
    }
}
