import Foundation
import Testing
@testable import ChainRule

/// The runtime's API and numerical stability, each value recomputed here independently.
@Suite("Runtime: stability, points, seeds, kinks")
struct RuntimeTests {
    func runtime(_ source: String) throws -> (Runtime, Point) {
        let network = try Network.parse(source).get()
        return (try Runtime(network), try Point(network: network))
    }

    func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-12) -> Bool {
        a.map { abs($0 - b) <= tolerance * max(1, abs(b)) } ?? false
    }

    @Test func saturatedActivationsStayFinite() throws {
        for x in [1000.0, -1000.0] {
            let (r, p) = try runtime("input x = \(x)\ns = sigmoid(x)\nt = tanh(x)\nloss L = s + t")
            let e = r.forward(at: p)
            #expect(e.value(named: "s")?.scalar == (x > 0 ? 1 : 0))
            #expect(e.value(named: "t")?.scalar == (x > 0 ? 1 : -1))
            #expect(e.nonFinite.isEmpty)
            #expect(r.backward(e).nonFinite.isEmpty)
        }
    }

    /// bce of a saturated sigmoid, shorthand and written out, from the logits: L = softplus(±z).
    @Test func crossEntropyOfSaturatedSigmoidIsFinite() throws {
        for (z, y) in [(1000.0, 0.0), (-1000.0, 1.0), (1000.0, 1.0), (-1000.0, 0.0), (40.0, 0.0)] {
            let expected = y == 1 ? max(-z, 0) + log1p(exp(-abs(z))) : max(z, 0) + log1p(exp(-abs(z)))
            let sigma = z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z))
            for loss in ["bce(p, y)", "-y log(p) - (1 - y) log(1 - p)"] {
                let (r, point) = try runtime("input x = 2\nparam w = \(z / 2)\np = sigmoid(w x)\ntarget y = \(y)\nloss L = \(loss)")
                let e = r.forward(at: point)
                #expect(close(e.loss, expected), "\(loss) at z = \(z), y = \(y): \(String(describing: e.loss))")
                let g = r.backward(e)
                #expect(close(g["w"]?.scalar, (sigma - y) * 2), "∂L/∂w at z = \(z), y = \(y)")
                #expect(close(g["z_p"]?.scalar, sigma - y))
            }
        }
    }

    @Test func softmaxWithLargeLogits() throws {
        let z = [1000.0, 1001, 999]
        let (r, point) = try runtime("input z[3] = [1000, 1001, 999]\np = softmax(z)\ntarget y[3] = [0, 1, 0]\nloss L = cross_entropy(p, y)")
        let e = r.forward(at: point)
        let shifted = z.map { exp($0 - 1001) }, total = shifted.reduce(0, +)
        let probabilities = shifted.map { $0 / total }
        for k in 0..<3 { #expect(close(e.value(named: "p")?.scalars[k], probabilities[k])) }
        #expect(close(e.loss, -log(probabilities[1])))
        let g = r.backward(e)
        for k in 0..<3 { #expect(close(g["z"]?.scalars[k], probabilities[k] - (k == 1 ? 1 : 0))) }
        let written = try runtime("input z[3] = [1000, 1001, 999]\np = softmax(z)\ntarget y[3] = [0, 1, 0]\nloss L = -sum(y * log(p))")
        #expect(close(written.0.forward(at: written.1).loss, -log(probabilities[1])))
    }

    @Test func probabilityAtZeroOrOneGivesZeroTerms() throws {
        let (r, point) = try runtime("input p = 1\ntarget y = 1\nloss L = bce(p, y)")
        let e = r.forward(at: point)
        #expect(e.loss == 0)
        #expect(r.backward(e)["p"]?.scalar == -1)
    }

    @Test func nonFiniteValuesAreNamed() throws {
        let (r, point) = try runtime("input x = -1\nq = log(x)\nloss L = q^2")
        let e = r.forward(at: point)
        #expect(e.nonFinite == ["q", "L"])
    }

    @Test func kinksAreFound() throws {
        let (r, point) = try runtime("input x = 0, u = 0.5\nh = relu(x) + abs(u - 0.5)\nm = max(x, u)\nloss L = h + m")
        let e = r.forward(at: point)
        let exact = r.kinks(e)
        #expect(exact.map(\.node) == ["h", "h"])
        #expect(exact.map(\.function) == [.relu, .abs])
        #expect(r.kinks(e, within: 0.5).map(\.node) == ["h", "h", "m"])
    }

    @Test func oneHotSeedsAndLocalPartials() throws {
        let (r, point) = try runtime("input x[2] = [0.5, -0.25]\nparam W[2,2] = [[1, 2], [3, 4]]\nh = tanh(W x)\nloss L = sum(h)")
        let e = r.forward(at: point)
        let z = [1 * 0.5 + 2 * -0.25, 3 * 0.5 + 4 * -0.25]
        let h: Int = try #require(r.network.index(of: "h"))
        let g = r.backward(e, of: h, component: 1)
        let d = 1 - tanh(z[1]) * tanh(z[1])
        #expect(g["W"]?.scalars.enumerated().allSatisfy { close($0.element, [0, 0, 0.5 * d, -0.25 * d][$0.offset]) } == true)
        #expect(g["x"]?.scalars.enumerated().allSatisfy { close($0.element, [3 * d, 4 * d][$0.offset]) } == true)
        let local = r.localPartials(e, of: try #require(r.network.index(of: "L")))
        #expect(local[try #require(r.network.index(of: "h"))]?.scalars == [1, 1])
    }

    @Test func pointsDrawOverrideAndReport() throws {
        let network = try Network.parse("input x\nparam w in {2, 3}\ny = w x + b\ntarget t\nloss L = mse(y, t)").get()
        let point = try Point(network: network, overrides: ["x": RealTensor(0.5)], seed: 3)
        #expect(point.drawn == ["w", "b", "t"])
        #expect(point.values[try #require(network.index(of: "x"))]?.scalar == 0.5)
        #expect([2.0, 3].contains(point.values[try #require(network.index(of: "w"))]?.scalar ?? 0))
        #expect(try Point(network: network, seed: 3) == Point(network: network, seed: 3))
        #expect(throws: RuntimeError.self) { try Point(network: network, overrides: ["y": RealTensor(1)]) }
    }

    @Test func unspecifiedActivationIsRefused() throws {
        let network = try #require(Package.network("quiz-problem-3.nn"))
        #expect(throws: RuntimeError.unspecifiedFunction(node: "a", function: "g")) { try Runtime(network) }
    }

    /// With samples, loss and gradients are averaged over the batch.
    @Test func batchesAverage() throws {
        let source = "input x\nparam w = 0.5\ntarget y\nyhat = w x\nloss L = 1/2 (yhat - y)^2\nrate 0.1\nsample x = 1, y = 2\nsample x = 3, y = -1\n"
        let network = try Network.parse(source).get()
        let run = try Runtime(network).train(from: try Point(network: network))
        let it = try #require(run.iterations.first)
        #expect(run.batchSize == 2)
        let losses = [0.5 * pow(0.5 - 2, 2), 0.5 * pow(1.5 + 1, 2)]
        let gradient = ((0.5 - 2) * 1 + (1.5 + 1) * 3) / 2
        #expect(close(it.loss, losses.reduce(0, +) / 2))
        #expect(close(it.gradient(try #require(network.index(of: "w"))).scalar, gradient))
        #expect(close(it.updated[try #require(network.index(of: "w"))]?.scalar, 0.5 - 0.1 * gradient))
    }
}
