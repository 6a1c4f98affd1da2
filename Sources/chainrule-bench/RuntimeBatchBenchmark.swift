import ChainRule
import Foundation

/// The batched part of `chainrule-bench runtime`: forward and forward + backward of a 784-128-64-10
/// network over a batch of 64 as matrix operations (the backward pass for the parameters' gradients,
/// as numpy's script computes), next to the per-sample runtime on the same batch
/// and to numpy (Benchmarks/numpy_mlp.py, the same sigmoid MLP with MSE, `A @ W.T + b`) measured in
/// the same session.
enum RuntimeBatchBenchmark {
    static let batch = 64

    /// The network numpy's script computes: sigmoid layers, MSE loss.
    static let sigmoidMSE = RuntimeBenchmark.mlp(hidden: ["sigmoid", "sigmoid"], output: "yhat = sigmoid", loss: "mse(yhat, y)")

    static func run() {
        print("batched runtime: 784-128-64-10 at batch \(batch), one matrix product per layer (best of 20)")
        var mine = 0.0
        for (label, source) in [("sigmoid + MSE (as numpy)", sigmoidMSE), ("sigmoid, relu, softmax + CE", RuntimeBenchmark.mnistSized)] {
            guard let network = try? Network.parse(source).get(), let runtime = try? Runtime(network),
                  let point = try? Point(network: network, seed: 1) else {
                print("  \(label): the network does not build")
                continue
            }
            let rows = RuntimeBatchBenchmark.rows(network)
            var sink = 0.0
            let forward = Stopwatch.best(of: 20) { sink += runtime.forward(at: point, batch: rows).meanLoss ?? 0 }
            let both = Stopwatch.best(of: 20) {
                sink += runtime.backward(runtime.forward(at: point, batch: rows), parametersOnly: true)[1].scalars.first ?? 0
            }
            let perSample = Stopwatch.best(of: 3) {
                for row in rows { sink += runtime.backward(runtime.forward(at: point, sample: row))[0].scalars.first ?? 0 }
            }
            if mine == 0 { mine = both }
            print("  " + label.padding(toLength: 30, withPad: " ", startingAt: 0)
                  + "forward \(Stopwatch.format(forward))   forward+backward \(Stopwatch.format(both))   "
                  + "sample by sample \(Stopwatch.format(perSample))" + (sink.isNaN ? " " : ""))
        }
        guard let numpy = numpy() else {
            print("  numpy: not measured (python3 with numpy not found; pip install numpy)")
            return
        }
        print("  numpy (same session, Benchmarks/numpy_mlp.py): forward \(Stopwatch.format(numpy.forward))   "
              + "forward+backward \(Stopwatch.format(numpy.both))")
        print(String(format: "  batched forward+backward / numpy: %.2f× (target ≤ 2×)", mine / numpy.both))
    }

    /// 64 rows of uniform [0, 1] pixels and one-hot targets.
    static func rows(_ network: Network) -> [[Int: RealTensor]] {
        var generator = SeededGenerator(seed: 2)
        let x = network.index(of: "x") ?? 0, y = network.index(of: "y") ?? 0
        return (0..<batch).map { _ in
            let label = Int.random(in: 0..<10, using: &generator)
            return [x: RealTensor(vector: (0..<784).map { _ in Double.random(in: 0...1, using: &generator) }),
                    y: RealTensor(vector: (0..<10).map { $0 == label ? 1 : 0 })]
        }
    }

    /// numpy's best forward and forward + backward times, from the script's one line of output.
    static func numpy() -> (forward: Double, both: Double)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", ProblemFiles.root.appendingPathComponent("Benchmarks/numpy_mlp.py").path, String(batch), "50"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let words = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isWhitespace)
        guard process.terminationStatus == 0, words.count >= 5, let both = Double(words[2]), let forward = Double(words[4]) else {
            return nil
        }
        return (forward, both)
    }
}
