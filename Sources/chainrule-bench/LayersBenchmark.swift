import ChainRule
import Foundation

/// `chainrule-bench layers`: the layer-wise matrix derivation of a 784-128-64-10 network with softmax
/// cross-entropy at batch 64: recognising the layers and deriving the lines, evaluating every line,
/// printing it, against the runtime's per-sample backward pass over the same batch (and their
/// largest gradient difference).
enum LayersBenchmark {
    static let m = 64

    static func run() {
        print("layers: 784-128-64-10 (sigmoid, relu, softmax + cross-entropy), batch of \(m), best of 5")
        guard let network = try? Network.parse(RuntimeBenchmark.mnistSized).get(), let runtime = try? Runtime(network),
              let point = try? Point(network: network, seed: 1) else {
            print("  the network does not build")
            return
        }
        var generator = SeededGenerator(seed: 2)
        let x = network.index(of: "x") ?? 0, y = network.index(of: "y") ?? 0
        let rows: [[Int: RealTensor]] = (0..<m).map { _ in
            let label = Int.random(in: 0..<10, using: &generator)
            return [x: RealTensor(vector: (0..<784).map { _ in Double.random(in: 0...1, using: &generator) }),
                    y: RealTensor(vector: (0..<10).map { $0 == label ? 1 : 0 })]
        }
        let leaves = point.values.mapValues(\.scalars), samples = rows.map { $0.mapValues(\.scalars) }
        var derivation: LayerDerivation?
        let derive = Stopwatch.best(of: 5) { derivation = try? LayerDerivation(network, batch: true) }
        guard let derivation else {
            print("  not a layer chain")
            return
        }
        var values: LayerValues?
        let evaluate = Stopwatch.best(of: 5) { values = try? derivation.evaluate(leaves: leaves, samples: samples) }
        var characters = 0
        let print_ = Stopwatch.best(of: 5) { characters = LayerLaTeX().render(derivation).count + LayerText().render(derivation).count }
        var expected: [RealTensor] = []
        let backprop = Stopwatch.best(of: 5) { expected = runtime.train(from: point, iterations: 1, rate: nil, batch: rows).iterations[0].deltas }
        let difference = (values?.gradients ?? []).reduce(0.0) { worst, gradient in
            zip(gradient.values, expected[gradient.node].scalars).reduce(worst) { max($0, abs($1.0 - $1.1)) }
        }
        print("  recognise + derive   \(Stopwatch.format(derive))   (\(derivation.lines.count) lines)")
        print("  evaluate every line  \(Stopwatch.format(evaluate))")
        print("  derive + evaluate    \(Stopwatch.format(derive + evaluate))")
        print("  LaTeX + text         \(Stopwatch.format(print_))   (\(characters) characters, symbolic)")
        print("  runtime backprop     \(Stopwatch.format(backprop))   (\(m) samples one by one, batch-averaged)")
        print("  largest |∂L/∂p difference| against the runtime: \(String(format: "%.2e", difference))")
    }
}
