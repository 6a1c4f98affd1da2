import Foundation
import Testing
@testable import ChainRule

/// The batched runtime (whole batches as matrix operations) against the per-sample runtime on random
/// networks and batches, against a plain-Double MLP written here, and its matrix multiply against the
/// textbook triple loop.
@Suite("Runtime: batched forward and backward")
struct RuntimeBatchTests {
    /// Equal to 1e-9 relative (NaN equals NaN: both runtimes must agree on what is undefined).
    static func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
        (a.isNaN && b.isNaN) || a == b || abs(a - b) <= tolerance * max(1, abs(a), abs(b))
    }

    static func close(_ a: RealTensor, _ b: RealTensor) -> Bool {
        a.scalars.count == b.scalars.count && zip(a.scalars, b.scalars).allSatisfy { close($0, $1) }
    }

    /// Random rows for every input and target of `network`.
    static func rows(_ network: Network, count: Int, _ rng: inout SplitMix64) -> [[Int: RealTensor]] {
        let leaves = network.nodes.indices.filter { [.input, .target].contains(network.nodes[$0].kind) }
        return (0..<count).map { _ in
            Dictionary(uniqueKeysWithValues: leaves.map { index in
                let node = network.nodes[index], low = node.kind == .target ? 0.0 : -2.0
                return (index, RealTensor(shape: node.shape, scalars: (0..<node.shape.count).map { _ in Double.random(in: low...2, using: &rng) }))
            })
        }
    }

    @Test("equals the per-sample runtime on 120 random networks and batches: every value, δ and gradient")
    func batchedEqualsPerSample() throws {
        var generator = RuntimePropertyTests.Generator(rng: SplitMix64(seed: 16))
        var compared = 0
        for trial in 0..<120 {
            let source = trial.isMultiple(of: 2) ? generator.scalarDAG() : generator.layered()
            let network = try #require(try? Network.parse(source).get(), "\(source)")
            let runtime = try Runtime(network)
            let point = try Point(network: network, seed: UInt64(trial))
            let batch = RuntimeBatchTests.rows(network, count: Int.random(in: 1...6, using: &generator.rng), &generator.rng)
            let evaluation = runtime.forward(at: point, batch: batch)
            let gradients = runtime.backward(evaluation)
            let expected = runtime.train(from: point, iterations: 1, rate: nil, batch: batch).iterations[0]
            #expect(evaluation.count == batch.count)
            #expect(RuntimeBatchTests.close(evaluation.meanLoss ?? .nan, expected.loss ?? .nan), "\(source)")
            for (row, sample) in batch.enumerated() {
                let single = runtime.forward(at: point, sample: sample)
                let singleGradients = runtime.backward(single)
                for node in network.nodes.indices {
                    #expect(RuntimeBatchTests.close(evaluation.value(node, row: row), single.value(node)),
                            "value of \(network.nodes[node].name), row \(row)\n\(source)")
                    if evaluation.varies(node) {
                        #expect(RuntimeBatchTests.close(gradients.perSample(node, row: row), singleGradients[node]),
                                "∂L/∂\(network.nodes[node].name), row \(row)\n\(source)")
                    }
                }
            }
            let parametersOnly = runtime.backward(evaluation, parametersOnly: true)
            for node in network.nodes.indices {
                #expect(RuntimeBatchTests.close(gradients[node], expected.deltas[node]),
                        "averaged ∂L/∂\(network.nodes[node].name)\n\(source)")
                if network.nodes[node].kind == .parameter {
                    #expect(RuntimeBatchTests.close(parametersOnly[node], expected.deltas[node]),
                            "parameters-only ∂L/∂\(network.nodes[node].name)\n\(source)")
                }
                compared += 1
            }
        }
        #expect(compared > 500)
    }

    @Test("equals a plain-Double MLP (sigmoid layers, MSE averaged over the batch) on random sizes and batches")
    func batchedEqualsReferenceMLP() throws {
        var rng = SplitMix64(seed: 64)
        for _ in 0..<12 {
            let sizes = (0..<Int.random(in: 2...4, using: &rng)).map { _ in Int.random(in: 1...40, using: &rng) }
            let m = Int.random(in: 1...20, using: &rng)
            var lines = ["input x[\(sizes[0])]"]
            for l in 1..<sizes.count {
                lines.append("param W\(l)[\(sizes[l]),\(sizes[l - 1])], b\(l)[\(sizes[l])]")
                lines.append("a\(l) = sigmoid(W\(l) \(l == 1 ? "x" : "a\(l - 1)") + b\(l))")
            }
            lines += ["target y[\(sizes.last ?? 1)]", "loss L = mse(a\(sizes.count - 1), y)"]
            let network = try #require(try? Network.parse(lines.joined(separator: "\n")).get())
            let runtime = try Runtime(network)
            let point = try Point(network: network, seed: 3)
            let batch = RuntimeBatchTests.rows(network, count: m, &rng)
            let gradients = runtime.backward(runtime.forward(at: point, batch: batch))
            let reference = ReferenceMLP(network: network, point: point)
            let (weights, biases) = reference.gradients(batch: batch, network: network)
            for l in 1..<sizes.count {
                let w = try #require(network.index(of: "W\(l)")), b = try #require(network.index(of: "b\(l)"))
                #expect(zip(gradients[w].scalars, weights[l - 1]).allSatisfy { RuntimeBatchTests.close($0, $1) }, "W\(l), sizes \(sizes), m \(m)")
                #expect(zip(gradients[b].scalars, biases[l - 1]).allSatisfy { RuntimeBatchTests.close($0, $1) }, "b\(l), sizes \(sizes), m \(m)")
            }
        }
    }

    @Test("the matrix multiply equals the triple loop: random shapes, transposed operands, accumulation")
    func matmulEqualsTripleLoop() {
        var rng = SplitMix64(seed: 7)
        for trial in 0..<40 {
            let big = trial.isMultiple(of: 4)
            let m = Int.random(in: 1...(big ? 150 : 20), using: &rng), n = Int.random(in: 1...(big ? 300 : 20), using: &rng)
            let k = Int.random(in: 1...(big ? 300 : 20), using: &rng)
            let a = (0..<m * k).map { _ in Double.random(in: -1...1, using: &rng) }
            let b = (0..<k * n).map { _ in Double.random(in: -1...1, using: &rng) }
            let start = (0..<m * n).map { _ in Double.random(in: -1...1, using: &rng) }
            let transposeA = Bool.random(using: &rng), transposeB = Bool.random(using: &rng), accumulate = Bool.random(using: &rng)
            // Stored as given: A is m × k (or its transpose k × m), B is k × n (or n × k).
            func entryA(_ i: Int, _ p: Int) -> Double { transposeA ? a[p * m + i] : a[i * k + p] }
            func entryB(_ p: Int, _ j: Int) -> Double { transposeB ? b[j * k + p] : b[p * n + j] }
            var c = start
            a.withUnsafeBufferPointer { ap in
                b.withUnsafeBufferPointer { bp in
                    c.withUnsafeMutableBufferPointer { cp in
                        let left: Matmul.Operand = transposeA ? .transposed(ap.baseAddress!, columns: m) : .plain(ap.baseAddress!, columns: k)
                        let right: Matmul.Operand = transposeB ? .transposed(bp.baseAddress!, columns: k) : .plain(bp.baseAddress!, columns: n)
                        Matmul.multiply(m: m, n: n, k: k, left, right, into: cp.baseAddress!, ldc: n, accumulate: accumulate)
                    }
                }
            }
            var worst = 0.0
            for i in 0..<m {
                for j in 0..<n {
                    var total = accumulate ? start[i * n + j] : 0
                    for p in 0..<k { total += entryA(i, p) * entryB(p, j) }
                    worst = max(worst, abs(total - c[i * n + j]))
                }
            }
            #expect(worst <= 1e-12 * Double(k), "m \(m) n \(n) k \(k) transposed \(transposeA) \(transposeB)")
        }
    }
}

/// A sigmoid MLP with MSE loss written with plain loops over `Double` arrays, sharing no code with
/// the runtime: the oracle for the batched backward pass.
struct ReferenceMLP {
    var weights: [[Double]] = []
    var biases: [[Double]] = []
    var sizes: [Int] = []

    init(network: Network, point: Point) {
        var l = 1
        while let w = network.index(of: "W\(l)"), let b = network.index(of: "b\(l)") {
            weights.append(point.values[w]?.scalars ?? [])
            biases.append(point.values[b]?.scalars ?? [])
            if l == 1 { sizes.append(network.nodes[w].shape.dimensions[1]) }
            sizes.append(network.nodes[w].shape.dimensions[0])
            l += 1
        }
    }

    /// ∂(mean over the batch of ½ Σ (a − y)²)/∂W and ∂b per layer, W row-major.
    func gradients(batch: [[Int: RealTensor]], network: Network) -> ([[Double]], [[Double]]) {
        var dW = weights.map { [Double](repeating: 0, count: $0.count) }
        var dB = biases.map { [Double](repeating: 0, count: $0.count) }
        let x = network.index(of: "x") ?? 0, y = network.index(of: "y") ?? 0
        let scale = 1 / Double(batch.count)
        for row in batch {
            var activations = [row[x]?.scalars ?? []]
            for l in weights.indices {
                let (n, k) = (sizes[l + 1], sizes[l])
                activations.append((0..<n).map { i in
                    var z = biases[l][i]
                    for j in 0..<k { z += weights[l][i * k + j] * activations[l][j] }
                    return 1 / (1 + exp(-z))
                })
            }
            let target = row[y]?.scalars ?? []
            var delta = activations.last.map { out in out.indices.map { (out[$0] - target[$0]) * out[$0] * (1 - out[$0]) } } ?? []
            for l in weights.indices.reversed() {
                let (n, k) = (sizes[l + 1], sizes[l])
                for i in 0..<n {
                    dB[l][i] += scale * delta[i]
                    for j in 0..<k { dW[l][i * k + j] += scale * delta[i] * activations[l][j] }
                }
                delta = (0..<k).map { j in
                    var total = 0.0
                    for i in 0..<n { total += weights[l][i * k + j] * delta[i] }
                    return total * activations[l][j] * (1 - activations[l][j])
                }
            }
        }
        return (dW, dB)
    }
}
