import ChainRule
import Foundation

/// `chainrule-bench runtime-scale`: the runtime on large graphs. Chains of 10³–10⁵ sigmoid nodes
/// (forward + backward, and the worked example streamed as `run` writes it), and streamed `run`
/// passes of a 784-128-64-10 network; each line gives time, peak memory (the process's maximum
/// resident set so far) and output size.
enum RuntimeScaleBenchmark {
    /// A chain `h1 = sigmoid(w x)`, `hₖ = sigmoid(hₖ₋₁)`, loss ½(h_n − y)².
    static func chain(_ length: Int) -> String {
        var lines = ["input x = 0.5", "param w = 0.9", "target y = 1", "h1 = sigmoid(w * x)"]
        for k in 2...max(2, length) { lines.append("h\(k) = sigmoid(h\(k - 1))") }
        lines.append("loss L = mse(h\(max(2, length)), y)")
        return lines.joined(separator: "\n")
    }

    static func run() {
        print("runtime at scale: time, peak memory (maximum resident set so far), output size")
        for length in [1_000, 10_000, 100_000] {
            guard let network = try? Network.parse(chain(length)).get(), let runtime = try? Runtime(network),
                  let point = try? Point(network: network) else {
                print("  chain of \(length): does not build")
                continue
            }
            var sink = 0.0
            let passes = Stopwatch.best(of: 3) { sink += runtime.backward(runtime.forward(at: point))[1].scalars[0] }
            var bytes = 0
            let worked = Stopwatch.best(of: 1) { bytes = streamed(runtime, point, format: .text) }
            line("chain of \(length) nodes", "forward+backward \(Stopwatch.format(passes)), run (text) \(Stopwatch.format(worked))",
                 bytes: bytes, sink)
        }
        guard let network = try? Network.parse(RuntimeBatchBenchmark.sigmoidMSE + "\nrate 0.1").get(),
              let runtime = try? Runtime(network), let point = try? Point(network: network, seed: 1) else { return }
        for (iterations, format) in [(1, WorkedExampleStream.Format.json), (1, .text), (5, .text)] {
            var bytes = 0
            let time = Stopwatch.best(of: 1) { bytes = streamed(runtime, point, format: format, iterations: iterations) }
            line("784-128-64-10 run, \(iterations) iteration\(iterations == 1 ? "" : "s") (\(format))",
                 "\(Stopwatch.format(time)) (\(Stopwatch.format(time / Double(iterations))) per iteration)", bytes: bytes, 0)
        }
    }

    /// Streams a run's worked example as `chainrule run` does, counting the bytes instead of writing them.
    static func streamed(_ runtime: Runtime, _ point: Point, format: WorkedExampleStream.Format, iterations: Int? = nil) -> Int {
        var stream = WorkedExampleStream(format: format, digits: 4, runtime: runtime)
        var bytes = 0
        _ = runtime.train(from: point, iterations: iterations) { bytes += stream.part($0).utf8.count }
        return bytes + stream.finish().utf8.count
    }

    static func line(_ label: String, _ figures: String, bytes: Int, _ sink: Double) {
        var usage = rusage()
        #if os(Linux)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        print("  " + label.padding(toLength: 42, withPad: " ", startingAt: 0) + figures
              + String(format: ", peak %.0f MB, output %.1f MB", Double(usage.ru_maxrss) / 1024, Double(bytes) / 1e6)
              + (sink.isNaN ? " " : ""))
    }
}
