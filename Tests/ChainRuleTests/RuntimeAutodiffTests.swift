#if canImport(_Differentiation)
import _Differentiation
import Foundation
import Testing
@testable import ChainRule

/// The runtime's gradients against Swift's compiler-generated gradients of the same networks written
/// as Double functions.
@Suite("Runtime: gradients equal Swift's automatic differentiation")
struct RuntimeAutodiffTests {
    @differentiable(reverse)
    static func sigmoid(_ z: Double) -> Double { 1 / (1 + exp(-z)) }

    /// Example 3 (002): 2-2-1 sigmoid network with cross-entropy; p = [w11, w12, b1, w21, w22, b2, v1, v2, c].
    @differentiable(reverse)
    static func example3(_ p: [Double]) -> Double {
        let h1 = sigmoid(p[0] * 0.5 + p[1] * 0.1 + p[2])
        let h2 = sigmoid(p[3] * 0.5 + p[4] * 0.1 + p[5])
        let yhat = sigmoid(p[6] * h1 + p[7] * h2 + p[8])
        return -log(yhat)
    }

    /// tanh and a product, mse; p = [a, b, c].
    @differentiable(reverse)
    static func mixed(_ p: [Double]) -> Double {
        let h = tanh(p[0] * 0.7 - p[1])
        let q = h * p[2] + exp(-p[0] * p[0])
        let d = q - 0.25
        return 0.5 * d * d
    }

    func compare(_ source: String, _ names: [String], _ f: @differentiable(reverse) ([Double]) -> Double) throws {
        let network = try Network.parse(source).get()
        let runtime = try Runtime(network)
        let point = try Point(network: network)
        let g = runtime.backward(runtime.forward(at: point))
        let values = names.map { name in network.index(of: name).flatMap { point.values[$0]?.scalar } ?? .nan }
        let expected = gradient(at: values, of: f).base
        for (k, name) in names.enumerated() {
            let got = try #require(g[name]?.scalar)
            #expect(abs(got - expected[k]) <= 1e-12 * max(1, abs(expected[k])), "\(name): \(got) vs \(expected[k])")
        }
    }

    @Test func example3MatchesAutodiff() throws {
        try compare(Package.source("example-3-bce.nn"), ["w11", "w12", "b1", "w21", "w22", "b2", "v1", "v2", "c"],
                    Self.example3)
    }

    @Test func mixedMatchesAutodiff() throws {
        let source = "param a = 0.3, b = -0.2, c = 1.5\nh = tanh(a * 0.7 - b)\nq = h c + exp(-a^2)\nloss L = 1/2 (q - 0.25)^2"
        try compare(source, ["a", "b", "c"], Self.mixed)
    }
}
#endif
