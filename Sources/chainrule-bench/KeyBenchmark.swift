import ChainRule
import Foundation

/// `chainrule-bench key`: what `chainrule key Problems/example-3-bce.nn --variants 200 --seed 1`
/// does — draw 200 variants, write a question sheet and a key for each (LaTeX) and the answers CSV
/// into a temporary folder — timed end to end (target: under 5 s), with its parts.
enum KeyBenchmark {
    static func run() {
        print("key: 200 variants of example-3-bce.nn, seed 1 (question sheets, keys, CSV), best of 3")
        let file = RuntimeBenchmark.root.appendingPathComponent("Problems/example-3-bce.nn")
        guard let source = try? String(contentsOf: file, encoding: .utf8), let network = try? Network.parse(source).get() else {
            print("  cannot read \(file.path)")
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chainrule-bench-key-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var draw = 0.0, documents = 0.0, csv = 0.0
        let total = Stopwatch.best(of: 3) {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var start = DispatchTime.now().uptimeNanoseconds
            func lap() -> Double {
                let now = DispatchTime.now().uptimeNanoseconds
                defer { start = now }
                return Double(now - start) / 1e9
            }
            guard let variants = try? Variants.generate(network: network, count: 200, seed: 1) else { return }
            draw = lap()
            let plan = KeyPlan(network: network)
            for variant in variants {
                let (questions, key) = variant.documents(plan: plan)
                let name = String(format: "example-3-bce-v%03d", variant.number)
                try? Data(KeyLaTeX.document(questions).utf8).write(to: folder.appendingPathComponent(name + "-questions.tex"), options: .atomic)
                try? Data(KeyLaTeX.document(key).utf8).write(to: folder.appendingPathComponent(name + "-key.tex"), options: .atomic)
            }
            documents = lap()
            try? Data(VariantAnswers.csv(variants, plan: plan).utf8).write(to: folder.appendingPathComponent("example-3-bce-answers.csv"), options: .atomic)
            csv = lap()
        }
        print("  total \(Stopwatch.format(total)) (target < 5 s): draws \(Stopwatch.format(draw)), "
              + "sheets and keys \(Stopwatch.format(documents)), CSV \(Stopwatch.format(csv))")
    }
}
