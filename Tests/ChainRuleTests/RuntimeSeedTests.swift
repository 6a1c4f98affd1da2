import Foundation
import Testing
@testable import ChainRule

/// The seeds' worked examples, recomputed here in plain Double arithmetic (not the runtime, not the
/// seeds' printed numbers, which carry slips).
@Suite("Runtime: the seeds' worked examples")
struct RuntimeSeedTests {
    static func sigmoid(_ z: Double) -> Double { 1 / (1 + exp(-z)) }

    func training(_ file: String) throws -> Training {
        let network = try #require(Package.network(file))
        let runtime = try Runtime(network)
        return runtime.train(from: try Point(network: network))
    }

    func close(_ a: Double?, _ b: Double, _ what: String = "") {
        #expect(a.map { abs($0 - b) <= 1e-9 } == true, "\(what): \(String(describing: a)) vs \(b)")
    }

    @Test func perceptron001() throws {
        let run = try training("perceptron.nn")
        let it = try #require(run.iterations.first)
        let e = it.passes[0].evaluation
        let z = 0.2 * 0.5 + 0.4 * 0.3 + 0.1
        let yhat = Self.sigmoid(z)
        let loss = 0.5 * (yhat - 1) * (yhat - 1)
        let dz = (yhat - 1) * yhat * (1 - yhat)
        close(e.value(named: "z_yhat")?.scalar, z, "z")
        close(e.value(named: "yhat")?.scalar, yhat, "yhat")
        close(it.loss, loss, "L")
        let g = try #require(it.passes[0].gradients)
        close(g["yhat"]?.scalar, yhat - 1, "dL/dyhat")
        close(g["z_yhat"]?.scalar, dz, "dL/dz")
        let n = run.network
        for (name, x, w) in [("w1", 0.5, 0.2), ("w2", 0.3, 0.4), ("b", 1.0, 0.1)] {
            let index = try #require(n.index(of: name))
            close(it.gradient(index).scalar, dz * x, "dL/d\(name)")
            close(it.updated[index]?.scalar, w - 0.01 * dz * x, "\(name) updated")
        }
        #expect(abs(z - 0.32) < 1e-12)
    }

    @Test func example3CrossEntropy002() throws {
        let run = try training("example-3-bce.nn")
        let it = try #require(run.iterations.first)
        let e = it.passes[0].evaluation, g = try #require(it.passes[0].gradients)
        let (x1, x2) = (0.5, 0.1)
        let z1 = 0.2 * x1 + 0.4 * x2 + 0.1, z2 = 0.3 * x1 + 0.7 * x2 + 0.2
        let h1 = Self.sigmoid(z1), h2 = Self.sigmoid(z2)
        let z3 = 0.6 * h1 + 0.9 * h2 + 0.3, yhat = Self.sigmoid(z3)
        let loss = -log(yhat)
        let d3 = yhat - 1
        let d1 = d3 * 0.6 * h1 * (1 - h1), d2 = d3 * 0.9 * h2 * (1 - h2)
        close(e.value(named: "z_h1")?.scalar, z1, "z1")
        close(e.value(named: "z_h2")?.scalar, z2, "z2")
        close(e.value(named: "z_yhat")?.scalar, z3, "z3")
        close(e.value(named: "yhat")?.scalar, yhat, "yhat")
        close(it.loss, loss, "L")
        close(g["z_yhat"]?.scalar, d3, "δ out")
        close(g["yhat"]?.scalar, -1 / yhat, "dL/dyhat")
        close(g["z_h1"]?.scalar, d1, "δ1")
        close(g["z_h2"]?.scalar, d2, "δ2")
        let expected: [(String, Double, Double)] = [
            ("v1", d3 * h1, 0.6), ("v2", d3 * h2, 0.9), ("c", d3, 0.3),
            ("w11", d1 * x1, 0.2), ("w12", d1 * x2, 0.4), ("b1", d1, 0.1),
            ("w21", d2 * x1, 0.3), ("w22", d2 * x2, 0.7), ("b2", d2, 0.2),
        ]
        for (name, gradient, old) in expected {
            let index = try #require(run.network.index(of: name))
            close(it.gradient(index).scalar, gradient, "dL/d\(name)")
            close(it.updated[index]?.scalar, old - 0.01 * gradient, "\(name) updated")
        }
    }

    /// 004: W stored inputs × outputs, z = Wᵀa + b, BCE after a sigmoid, η = 0.1, two iterations.
    @Test func sigmoid4231TwoIterations004() throws {
        let run = try training("sigmoid-4-2-3-1.nn")
        #expect(run.iterations.count == 2)
        let x = [1.0, 2, 3, 4]
        var W1 = [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6], [0.7, 0.8]], b1 = [0.1, 0.1]
        var W2 = [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]], b2 = [0.1, 0.1, 0.1]
        var W3 = [[0.1], [0.2], [0.3]], b3 = [0.1]
        func layer(_ W: [[Double]], _ a: [Double], _ b: [Double]) -> [Double] {
            (0..<b.count).map { j in (0..<a.count).reduce(b[j]) { $0 + W[$1][j] * a[$1] } }
        }
        func outer(_ a: [Double], _ d: [Double]) -> [[Double]] { a.map { ai in d.map { ai * $0 } } }
        for (number, it) in run.iterations.enumerated() {
            let e = it.passes[0].evaluation
            let z1 = layer(W1, x, b1), a1 = z1.map(Self.sigmoid)
            let z2 = layer(W2, a1, b2), a2 = z2.map(Self.sigmoid)
            let z3 = layer(W3, a2, b3), a3 = z3.map(Self.sigmoid)
            let loss = -log(a3[0])
            let d3 = [a3[0] - 1]
            let d2: [Double] = (0..<3).map { (j: Int) -> Double in W3[j][0] * d3[0] * a2[j] * (1 - a2[j]) }
            var d1 = [0.0, 0.0]
            for i in 0..<2 {
                var back = 0.0
                for j in 0..<3 { back += W2[i][j] * d2[j] }
                d1[i] = back * a1[i] * (1 - a1[i])
            }
            let tag = "iteration \(number + 1)"
            for (name, expected) in [("z_a1", z1), ("a1", a1), ("z_a2", z2), ("a2", a2), ("z_a3", z3), ("a3", a3)] {
                let got = try #require(e.value(named: name))
                for k in expected.indices { close(got.scalars[k], expected[k], "\(tag) \(name)[\(k)]") }
            }
            close(it.loss, loss, "\(tag) L")
            let grads: [(String, [Double])] = [
                ("W3", outer(a2, d3).flatMap { $0 }), ("b3", d3), ("W2", outer(a1, d2).flatMap { $0 }), ("b2", d2),
                ("W1", outer(x, d1).flatMap { $0 }), ("b1", d1),
            ]
            for (name, expected) in grads {
                let index = try #require(run.network.index(of: name))
                for k in expected.indices { close(it.gradient(index).scalars[k], expected[k], "\(tag) dL/d\(name)[\(k)]") }
            }
            func update(_ W: inout [[Double]], _ G: [[Double]]) {
                for i in W.indices { for j in W[i].indices { W[i][j] -= 0.1 * G[i][j] } }
            }
            update(&W3, outer(a2, d3)); b3 = zip(b3, d3).map { $0 - 0.1 * $1 }
            update(&W2, outer(a1, d2)); b2 = zip(b2, d2).map { $0 - 0.1 * $1 }
            update(&W1, outer(x, d1)); b1 = zip(b1, d1).map { $0 - 0.1 * $1 }
            for (name, expected) in [("W3", W3.flatMap { $0 }), ("b3", b3), ("W2", W2.flatMap { $0 }), ("b2", b2),
                                     ("W1", W1.flatMap { $0 }), ("b1", b1)] {
                let index = try #require(run.network.index(of: name))
                let got = try #require(it.updated[index])
                for k in expected.indices { close(got.scalars[k], expected[k], "\(tag) \(name) updated[\(k)]") }
            }
        }
    }
}
