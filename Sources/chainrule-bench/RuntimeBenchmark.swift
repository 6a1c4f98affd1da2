import ChainRule
import Foundation

/// `chainrule-bench runtime`: forward and forward+backward time per sample for the course's
/// networks (Problems/) and a 784-128-64-10 network with softmax cross-entropy at batch 64, and the
/// backward/forward time ratio (target ≤ 3); then the batched runtime against numpy
/// (``RuntimeBatchBenchmark``).
enum RuntimeBenchmark {

    static let mnistSized = mlp(hidden: ["sigmoid", "relu"], output: "p = softmax", loss: "cross_entropy(p, y)")

    /// A 784-128-64-10 network: the two hidden layers' activations, the output line's start
    /// (`p = softmax`) and the loss formula.
    static func mlp(hidden: [String], output: String, loss: String) -> String {
        """
        input x[784]
        param W1[128,784], b1[128], W2[64,128], b2[64], W3[10,64], b3[10]
        a1 = \(hidden[0])(W1 x + b1)
        a2 = \(hidden[1])(W2 a1 + b2)
        \(output)(W3 a2 + b3)
        target y[10]
        loss L = \(loss)
        """
    }

    static func run() {
        print("runtime: time per sample (best of 5), backward/forward ratio")
        for name in ProblemFiles.names {
            guard let network = ProblemFiles.network(name), let runtime = try? Runtime(network),
                  let point = try? Point(network: network) else {
                print("  \(name): not numeric (skipped)")
                continue
            }
            measure(name, runtime, point, rows: Array(repeating: [:], count: 1000))
        }
        guard let network = try? Network.parse(mnistSized).get(), let runtime = try? Runtime(network),
              let point = try? Point(network: network, seed: 1) else { return }
        var generator = SeededGenerator(seed: 2)
        let x = network.index(of: "x") ?? 0, y = network.index(of: "y") ?? 0
        let rows: [[Int: RealTensor]] = (0..<64).map { _ in
            let label = Int.random(in: 0..<10, using: &generator)
            return [x: RealTensor(vector: (0..<784).map { _ in Double.random(in: 0...1, using: &generator) }),
                    y: RealTensor(vector: (0..<10).map { $0 == label ? 1 : 0 })]
        }
        measure("784-128-64-10, batch 64", runtime, point, rows: rows)
        RuntimeBatchBenchmark.run()
    }

    static func measure(_ label: String, _ runtime: Runtime, _ point: Point, rows: [[Int: RealTensor]]) {
        var sink = 0.0
        let forward = Stopwatch.best(of: 5) {
            for row in rows { sink += runtime.forward(at: point, sample: row).loss ?? 0 }
        }
        let both = Stopwatch.best(of: 5) {
            for row in rows {
                let evaluation = runtime.forward(at: point, sample: row)
                sink += runtime.backward(evaluation)[0].scalars.first ?? 0
            }
        }
        let perForward = forward / Double(rows.count), perBoth = both / Double(rows.count)
        let ratio = (perBoth - perForward) / perForward
        print("  " + label.padding(toLength: 36, withPad: " ", startingAt: 0)
              + "forward \(Stopwatch.format(perForward))   forward+backward \(Stopwatch.format(perBoth))   "
              + String(format: "backward/forward %.2f", ratio) + (sink.isNaN ? " " : ""))
    }
}
