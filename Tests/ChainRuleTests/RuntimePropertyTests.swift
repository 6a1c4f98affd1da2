import Foundation
import Testing
@testable import ChainRule

/// Backpropagation against central finite differences on seeded random networks (scalar DAGs and
/// layered vector networks, every activation and loss), at seeded random points.
@Suite("Runtime: backprop equals finite differences on random networks")
struct RuntimePropertyTests {
    /// Random `.nn` sources.
    struct Generator {
        var rng: SplitMix64
        var parameterCount = 0

        mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &rng)] }
        mutating func fresh(_ prefix: String) -> String { parameterCount += 1; return "\(prefix)\(parameterCount)" }

        /// A DAG of scalar nodes over inputs x1…xk, every template of the language, and a loss.
        mutating func scalarDAG() -> String {
            let inputs = (1...Int.random(in: 1...3, using: &rng)).map { "x\($0)" }
            var names = inputs, lines = ["input " + inputs.joined(separator: ", "), "target y"]
            var computed: [String] = []
            for k in 1...Int.random(in: 2...6, using: &rng) {
                let a = pick(names), b = pick(names)
                let w = fresh("w"), c = fresh("c")
                var templates = [
                    "\(w) \(a) + \(b)", "\(a) * \(b)", "tanh(\(a)) + \(b)", "sigmoid(\(w) \(a) + \(c) \(b) + 1)",
                    "relu(\(a) - \(b))", "\(a) / (1 + \(b)^2)", "exp(-\(a)^2)", "log(1 + \(a)^2) * \(b)",
                    "abs(\(a)) + \(b)", "max(\(a), \(b))", "min(\(a), \(w) \(b))", "step(\(a)) * \(b) + \(a)",
                    "identity(\(a) + \(c))", "\(a)^3 - \(b)", "-\(a) + \(w)",
                ]
                if a != b { templates.append("\(pick(["sigmoid", "tanh", "relu", "identity"]))(\(a), \(b))") }
                let name = "n\(k)"
                lines.append("\(name) = \(pick(templates))")
                names.append(name)
                computed.append(name)
            }
            let out = computed.last ?? "x1"
            switch Int.random(in: 0..<5, using: &rng) {
            case 0: lines.append("loss L = 1/2 (\(out) - y)^2")
            case 1: lines.append("loss L = mse(\(out), y)")
            case 2: lines.append("loss L = bce(sigmoid(\(out)), y)")
            case 3: lines += ["p = sigmoid(\(out))", "loss L = bce(p, y)"]
            default: lines += ["p = sigmoid(\(out))", "loss L = -y log(p) - (1 - y) log(1 - p)"]
            }
            return lines.joined(separator: "\n")
        }

        /// A layered network with vectors and matrices (W a + b, or Wᵀ a + b), random activations and
        /// one of the losses.
        mutating func layered() -> String {
            let sizes = (0..<Int.random(in: 2...4, using: &rng)).map { _ in Int.random(in: 1...4, using: &rng) }
            var lines = ["input x[\(sizes[0])]"], previous = "x"
            for layer in 1..<sizes.count - 0 where layer < sizes.count {
                let (n, m) = (sizes[layer - 1], sizes[layer])
                let transposed = Bool.random(using: &rng)
                lines.append("param W\(layer)[\(transposed ? "\(n),\(m)" : "\(m),\(n)")], b\(layer)[\(m)]")
                let product = transposed ? "W\(layer)^T \(previous)" : "W\(layer) \(previous)"
                let last = layer == sizes.count - 1
                let activation = last ? "" : pick(["sigmoid", "tanh", "relu", "identity", "step"])
                let name = last ? "out" : "a\(layer)"
                lines.append(last ? "z = \(product) + b\(layer)" : "\(name) = \(activation)(\(product) + b\(layer))")
                previous = name
            }
            let k = sizes.last ?? 1
            lines.append("target y[\(k)]")
            switch Int.random(in: 0..<6, using: &rng) {
            case 0: lines += ["p = softmax(z)", "loss L = cross_entropy(p, y)"]
            case 1: lines += ["p = softmax(z)", "loss L = -sum(y * log(p))"]
            case 2: lines += ["p = sigmoid(z)", "loss L = bce(p, y)"]
            case 3: lines += ["p = sigmoid(z)", "loss L = sum(-y * log(p) - (1 - y) * log(1 - p))"]
            case 4: lines += ["p = tanh(z)", "loss L = mse(p, y)"]
            default: lines += ["loss L = 1/2 sum((z - y)^2)"]
            }
            return lines.joined(separator: "\n")
        }
    }

    /// Whether backprop and the finite difference agree to ~1e-6 relative.
    static func agree(_ backprop: Double, _ numeric: Double) -> Bool {
        abs(backprop - numeric) <= 1e-6 * max(1, abs(backprop), abs(numeric))
    }

    /// Checks ∂L/∂(every leaf component) and ∂(a random node component)/∂(every leaf component).
    static func check(_ source: String, seed: UInt64, rng: inout SplitMix64) throws -> Bool {
        let network = try Network.parse(source).get()
        let runtime = try Runtime(network)
        let point = try Point(network: network, seed: seed)
        let evaluation = runtime.forward(at: point)
        guard runtime.kinks(evaluation, within: 1e-3).isEmpty, evaluation.nonFinite.isEmpty else { return false }
        let loss = runtime.backward(evaluation)
        let computed = network.nodes.indices.filter { !network.nodes[$0].kind.isLeaf }
        let node = computed[Int.random(in: 0..<computed.count, using: &rng)]
        let component = Int.random(in: 0..<network.nodes[node].shape.count, using: &rng)
        let other = runtime.backward(evaluation, of: node, component: component)
        for (leaf, value) in point.values.sorted(by: { $0.key < $1.key }) {
            for offset in value.scalars.indices {
                let fd = FiniteDifference.derivative(runtime, at: point, wrt: leaf, offset: offset)
                let bp = loss[leaf].scalars[offset]
                #expect(agree(bp, fd), "∂L/∂\(network.nodes[leaf].componentNames[offset]): backprop \(bp), fd \(fd)\n\(source)")
                let fdNode = FiniteDifference.derivative(runtime, at: point, of: node, component: component, wrt: leaf, offset: offset)
                let bpNode = other[leaf].scalars[offset]
                #expect(agree(bpNode, fdNode), "∂\(network.nodes[node].componentNames[component])/∂\(network.nodes[leaf].componentNames[offset]): backprop \(bpNode), fd \(fdNode)\n\(source)")
            }
        }
        return true
    }

    /// Checks `count` networks made by `make` (out of at most 2,000 tries: some draws are skipped).
    static func checkRandom(count: Int, seed: UInt64, _ make: (inout Generator) -> String) throws {
        var generator = Generator(rng: SplitMix64(seed: seed))
        var checked = 0, attempts = 0
        while checked < count && attempts < 2000 {
            attempts += 1
            if try check(make(&generator), seed: UInt64(attempts), rng: &generator.rng) { checked += 1 }
        }
        #expect(checked == count)
    }

    @Test func randomScalarDAGs() throws {
        try Self.checkRandom(count: 600, seed: 2024) { $0.scalarDAG() }
    }

    @Test func randomLayeredNetworks() throws {
        try Self.checkRandom(count: 500, seed: 7) { $0.layered() }
    }
}
