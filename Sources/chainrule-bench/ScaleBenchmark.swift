import ChainRule
import Foundation

/// `chainrule-bench scale`: the `chainrule` executable on graphs far larger than the course's, each
/// run a child process (time, its own peak memory, output size; killed after 60 s):
/// - dense L×8 sigmoid networks (4 inputs, L hidden layers of 8 neurons `h = sigmoid(…)`, ŷ the sum of
///   the last layer, L = ½(ŷ − y)²) asking ∂L/∂p for every weight and bias, L = 2…8: `derive` in the
///   factored, steps and adjoint forms, with and without `--plug-in`, as LaTeX;
/// - chains of 10³, 10⁴, 10⁵ nodes: `derive` in every form (expanded refuses), `check`, `verify`,
///   `show --format json`;
/// - ladders of 10 to 200 diamonds (2^n paths): `derive` factored, steps, adjoint, `check`, `verify`.
enum ScaleBenchmark {
    static func run() {
        guard FileManager.default.isExecutableFile(atPath: ChildRun.executable.path) else {
            print("scale: \(ChildRun.executable.path) is missing: run `swift build -c release` first")
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chainrule-bench-scale-\(getpid())")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func file(_ name: String, _ text: String) -> String {
            let url = folder.appendingPathComponent(name)
            try? Data(text.utf8).write(to: url)
            return url.path
        }
        print("scale: chainrule as a child process — time, peak memory, output size (killed after 60 s)")
        print("dense L×8 sigmoid networks, dL/dp for every weight and bias, --format latex")
        for layers in 2...8 {
            let path = file("dense-\(layers)x8.nn", dense(layers: layers))
            for form in ["factored", "steps", "adjoint"] {
                for plugIn in [true, false] {
                    let arguments = ["derive", path, "--form", form, "--format", "latex"] + (plugIn ? ["--plug-in"] : [])
                    report("\(layers)×8 (\(5 * 8 + (layers - 1) * 72) params) \(form)\(plugIn ? " --plug-in" : "")", arguments)
                }
            }
        }
        print("chains: x → h1 → … → hn → L, dL/dw and dL/dx")
        for n in [1_000, 10_000, 100_000] {
            let path = file("chain-\(n).nn", chain(n))
            for form in ["factored", "steps", "adjoint", "expanded"] { report("chain \(n) derive --form \(form)", ["derive", path, "--form", form]) }
            if let answer = answer(path, of: "L", wrt: "w") {
                report("chain \(n) check (the factored answer)", ["check", path, "--of", "L", "--wrt", "w", "--answer-file", file("chain-\(n).txt", answer)])
            }
            report("chain \(n) verify", ["verify", path])
            report("chain \(n) show --format json", ["show", path, "--format", "json"])
        }
        print("diamond ladders: d(k−1) → a_k, b_k → d_k, 2^n paths, dL/dw and dL/dx")
        for n in [10, 25, 50, 100, 200] {
            let path = file("ladder-\(n).nn", ladder(n))
            for form in ["factored", "steps", "adjoint"] { report("ladder \(n) derive --form \(form)", ["derive", path, "--form", form]) }
            if let answer = answer(path, of: "L", wrt: "w") {
                report("ladder \(n) check (the factored answer)", ["check", path, "--of", "L", "--wrt", "w", "--answer-file", file("ladder-\(n).txt", answer)])
            }
            report("ladder \(n) verify", ["verify", path])
        }
    }

    static func report(_ label: String, _ arguments: [String]) {
        guard let run = ChildRun.run(arguments) else { print("  \(label): cannot start chainrule"); return }
        print(run.line(label))
    }

    /// The factored form of ∂of/∂wrt as plain text, the answer `check` is given.
    static func answer(_ path: String, of: String, wrt: String) -> String? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8), let network = try? Network.parse(text).get(),
              let derivation = try? network.derivation(of: of, wrt: wrt) else { return nil }
        return TextPrinter().render(derivation.factored())
    }

    /// 4 inputs, `layers` hidden layers of 8 sigmoid neurons, ŷ their sum, ½(ŷ − y)², every parameter asked.
    static func dense(layers: Int) -> String {
        var lines = ["input x0, x1, x2, x3", "target y"], previous = ["x0", "x1", "x2", "x3"], parameters: [String] = []
        for l in 1...layers {
            let current = (1...8).map { "h\(l)_\($0)" }
            for name in current {
                lines.append("\(name) = sigmoid(\(previous.joined(separator: ", ")))")
                parameters += previous.map { "w_\(name)_\($0)" } + ["b_\(name)"]
            }
            previous = current
        }
        lines += ["yhat = " + previous.joined(separator: " + "), "loss L = 1/2 (yhat - y)^2",
                  "find " + parameters.map { "dL/d" + $0 }.joined(separator: ", ")]
        return lines.joined(separator: "\n")
    }

    /// x → h1 = σ(w x) → h2 = tanh(h1) → … → hn, L = ½(hn − y)².
    static func chain(_ n: Int) -> String {
        var lines = ["input x = 0.5", "param w = 0.3", "target y = 1", "h1 = sigmoid(w x)"]
        for k in stride(from: 2, through: n, by: 1) { lines.append("h\(k) = tanh(h\(k - 1))") }
        lines += ["loss L = 1/2 (h\(n) - y)^2", "find dL/dw, dL/dx"]
        return lines.joined(separator: "\n")
    }

    /// n diamonds d(k−1) → a_k = tanh, b_k = σ → d_k = ½a_k + ½b_k, after d0 = σ(w x).
    static func ladder(_ n: Int) -> String {
        var lines = ["input x = 0.5", "param w = 0.3", "target y = 1", "d0 = sigmoid(w x)"]
        for k in 1...n {
            lines += ["a\(k) = tanh(d\(k - 1))", "b\(k) = sigmoid(d\(k - 1))", "d\(k) = 0.5 a\(k) + 0.5 b\(k)"]
        }
        lines += ["loss L = 1/2 (d\(n) - y)^2", "find dL/dw, dL/dx"]
        return lines.joined(separator: "\n")
    }
}
