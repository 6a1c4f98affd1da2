import Foundation

// `chainrule-bench SUITE…`: performance measurements, run in release builds
// (`swift run -c release chainrule-bench derive`). Each suite lives in its own file.
let suites: [(name: String, summary: String, run: () -> Void)] = [
    ("derive", "adjoint form of dL/d(every parameter), dense networks 1–8 layers × 128", DeriveBenchmark.run),
    ("runtime", "forward and backward time per sample, backward/forward ratio; batched 784-128-64-10 against numpy", RuntimeBenchmark.run),
    ("runtime-scale", "runtime on chains of 10³–10⁵ nodes and streamed runs of 784-128-64-10: time, memory, output", RuntimeScaleBenchmark.run),
    ("layers", "layer-wise matrix derivation and evaluation, 784-128-64-10 at batch 64", LayersBenchmark.run),
    ("check", "10,000 answers to the quiz's dy/dx1 split, parsed and checked", CheckBenchmark.run),
    ("verify", "verify on one neuron of 250 to 2,000 inputs (time per derivative should stay flat)", VerifyBenchmark.run),
    ("scale", "chainrule on dense L×8 networks, chains of 10³–10⁵ nodes, ladders of 10–200 diamonds: time, peak memory, output", ScaleBenchmark.run),
    ("key", "200 variants of example-3-bce.nn with question sheets, keys and the answers CSV (target < 5 s)", KeyBenchmark.run),
    ("grade", "1,000 students × 5 questions graded with feedback files and the class report (target < 5 s)", GradeBenchmark.run),
]

let requested = Array(CommandLine.arguments.dropFirst())
if requested.isEmpty || requested.contains("--help") || requested.contains("-h") {
    print("usage: chainrule-bench SUITE…\n\nsuites:")
    for suite in suites { print("  " + suite.name.padding(toLength: 10, withPad: " ", startingAt: 0) + suite.summary) }
    exit(requested.isEmpty ? 2 : 0)
}
for name in requested {
    guard let suite = suites.first(where: { $0.name == name }) else {
        FileHandle.standardError.write(Data("chainrule-bench: unknown suite '\(name)'\n".utf8))
        exit(2)
    }
    suite.run()
}
