import ChainRule
import Foundation

/// `chainrule-bench key`: what `chainrule key Problems/example-3-bce.nn --variants 200 --seed 1`
/// does — draw 200 variants, write a question sheet and a key for each (LaTeX) and the answers CSV
/// into a temporary folder — timed end to end (target: under 5 s), with its parts.
enum KeyBenchmark {
    static func run() {
        print("key: 200 variants of example-3-bce.nn, seed 1 (question sheets, keys, CSV), best of 3")
        let file = ProblemFiles.url("example-3-bce.nn")
        guard let source = try? String(contentsOf: file, encoding: .utf8), let network = try? Network.parse(source).get() else {
            print("  cannot read \(file.path)")
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chainrule-bench-key-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var best: (total: Double, draw: Double, documents: Double, csv: Double) = (.infinity, 0, 0, 0)
        for _ in 0..<3 {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let t0 = DispatchTime.now().uptimeNanoseconds
            guard let variants = try? Variants.generate(network: network, count: 200, seed: 1) else { return }
            let t1 = DispatchTime.now().uptimeNanoseconds
            let plan = KeyPlan(network: network)
            for variant in variants {
                let (questions, key) = variant.documents(plan: plan)
                let name = String(format: "example-3-bce-v%03d", variant.number)
                try? Data(KeyLaTeX.document(questions).utf8).write(to: folder.appendingPathComponent(name + "-questions.tex"), options: .atomic)
                try? Data(KeyLaTeX.document(key).utf8).write(to: folder.appendingPathComponent(name + "-key.tex"), options: .atomic)
            }
            let t2 = DispatchTime.now().uptimeNanoseconds
            try? Data(VariantAnswers.csv(variants, plan: plan).utf8).write(to: folder.appendingPathComponent("example-3-bce-answers.csv"), options: .atomic)
            let t3 = DispatchTime.now().uptimeNanoseconds
            let seconds = { (a: UInt64, b: UInt64) in Double(b - a) / 1e9 }
            if seconds(t0, t3) < best.total { best = (seconds(t0, t3), seconds(t0, t1), seconds(t1, t2), seconds(t2, t3)) }
        }
        let (total, draw, documents, csv) = best
        print("  total \(Stopwatch.format(total)) (target < 5 s): draws \(Stopwatch.format(draw)), "
              + "sheets and keys \(Stopwatch.format(documents)), CSV \(Stopwatch.format(csv))")
    }
}
