import Foundation
import Testing

/// A seeded fuzzer of the whole command line: the Problems/ files, answers and worked examples are
/// mutated (bytes, characters, lines, numbers, shapes, line endings) and every command is run on them
/// with mutated options. Every case must end with a documented exit status (no signal), within the time
/// limit, report every error in a file as `FILE:LINE:COL: error:`, and print valid JSON for every
/// `--format json` that succeeds or finds a disagreement.
///
/// The cases run in-process in two `CHAINRULE_BATCH=1` processes (see `Batch` in Sources/chainrule), which
/// report after every case, so a crash or a hang names the case. `CLI_FUZZ_CASES=N` runs more.
@Suite("CLI fuzzer: mutated files and options through every command")
struct CLIFuzzTests {
    struct Case {
        var arguments: [String]
        /// The files the case reads whose errors must be located.
        var files: [String]
        var json: Bool
        var description: String { arguments.joined(separator: " ") }
    }

    struct Mutator {
        var rng: SplitMix64
        mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
        mutating func pick<E>(_ items: [E]) -> E { items[int(0...(items.count - 1))] }

        static let pieces = ["(", ")", "[", "]", "=", ",", "+", "-", "*", "/", "^", " ", "\n", "#", "x", "y", "z", "0", "1", "9", ".",
                             "e", "é", "∂", "\t", "\r", "sigmoid(", "relu", "g(", "^T", "[1000000000]", "[100000,100000]", "1e308",
                             "1e-400", "-0", "input ", "param ", "loss ", "target ", "sample ", "find ", "rate ", "iterations 3",
                             "softmax(", "max(", "cross_entropy(", "mse(", "bce(", "sum(", "W1", "b1", "x1", "h1", "L", "yhat"]

        /// One to three mutations of `text`, at the byte level now and then.
        mutating func mutate(_ text: String) -> Data {
            var lines = text.components(separatedBy: "\n")
            var characters = Array(text)
            for _ in 0..<int(1...3) {
                switch int(0...9) {
                case 0, 1:
                    guard !characters.isEmpty else { continue }
                    characters.remove(at: int(0...(characters.count - 1)))
                case 2, 3:
                    characters.insert(contentsOf: Array(pick(Self.pieces)), at: int(0...characters.count))
                case 4:
                    lines = characters.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
                    guard lines.count > 1 else { continue }
                    let k = int(0...(lines.count - 1))
                    if int(0...1) == 0 { lines.remove(at: k) } else { lines.insert(lines[k], at: int(0...lines.count)) }
                    characters = Array(lines.joined(separator: "\n"))
                case 5:
                    // A number replaced by an extreme one.
                    let text = String(characters)
                    let numbers = text.ranges(of: #/[0-9]+(\.[0-9]+)?/#)
                    guard !numbers.isEmpty else { continue }
                    var copy = text
                    copy.replaceSubrange(pick(numbers), with: pick(["1e308", "1e-400", "0", "-0", "1000000000", "1e400", "0.0000001", "nan"]))
                    characters = Array(copy)
                case 6:
                    characters = Array(String(characters).replacingOccurrences(of: "\n", with: int(0...1) == 0 ? "\r" : "\r\n"))
                case 7:
                    characters.insert(contentsOf: Array("# " + String(repeating: "x", count: int(1...20_000)) + "\n" + pick(Self.pieces)),
                                      at: int(0...characters.count))
                case 8:
                    characters = Array(characters.prefix(int(0...characters.count)))
                default:
                    var bytes = Data(String(characters).utf8)
                    bytes.insert(pick([0xFF, 0xC3, 0x80, 0xED, 0x00, 0xF4]), at: int(0...bytes.count))
                    return bytes
                }
            }
            return Data(String(characters).utf8)
        }
    }

    static let answers = ["∂y/∂c ∂c/∂x2 + ∂y/∂d ∂d/∂x2", "dy/dc * dc/dx2", "\\frac{\\partial y}{\\partial e} \\frac{\\partial e}{\\partial x2}",
                          "∂L/∂yhat ∂yhat/∂w1", "yhat(1 - yhat) x1", "0", "∂y/∂x2 = ∂y/∂c ∂c/∂x2 = 1", "---\n∂y/∂c\n---\n"]

    /// The cases: a mutated file (or an intact one) through a command with random options.
    static func cases(_ count: Int, seed: UInt64, folder: URL) throws -> [Case] {
        var mutator = Mutator(rng: SplitMix64(seed: seed))
        let problems = Package.problems
        let sources = try problems.map { try String(contentsOf: $0, encoding: .utf8) }
        let fixtures = Package.root.appendingPathComponent("Tests/ChainRuleTests/Fixtures")
        let worked = try ["worked-001.txt", "worked-002.txt"].map { try String(contentsOf: fixtures.appendingPathComponent($0), encoding: .utf8) }
        let workedNetworks = ["perceptron.nn", "example-3-bce.nn"]
        var cases: [Case] = []
        for k in 0..<count {
            let which = mutator.int(0...(problems.count - 1))
            let name = problems[which].lastPathComponent
            let file = folder.appendingPathComponent("case\(k)-\(name)").path
            let intact = mutator.int(0...5) == 0
            try (intact ? Data(sources[which].utf8) : mutator.mutate(sources[which])).write(to: URL(fileURLWithPath: file))
            let small = sources[which].count < 1_200
            var arguments: [String], files = [file], json = false
            switch mutator.int(0...11) {
            case 0: arguments = ["show", file] + (mutator.int(0...1) == 0 ? ["--format", "json"] : [])
            case 1, 2:
                arguments = ["derive", file, "--form", mutator.pick(["factored", "expanded", "steps", "adjoint", "layers"]),
                             "--format", mutator.pick(["text", "json", "latex"])]
                if mutator.int(0...2) == 0 { arguments += ["--plug-in"] }
            case 3: arguments = ["draw", file, "--format", mutator.pick(["svg", "dot", "mermaid", "tikz"])]
            case 4, 5: arguments = ["run", file, "--format", mutator.pick(["text", "json", "latex"])]
            case 6 where small: arguments = ["verify", file] + (mutator.int(0...1) == 0 ? ["--format", "json"] : [])
            case 7:
                let answer = mutator.int(0...1) == 0 ? mutator.pick(answers) : String(decoding: mutator.mutate(mutator.pick(answers)), as: UTF8.self)
                arguments = ["check", file, "--answer", answer, "--format", mutator.pick(["text", "json"])]
            case 8:
                let w = mutator.int(0...1)
                let path = folder.appendingPathComponent("case\(k)-worked.txt").path
                try mutator.mutate(worked[w]).write(to: URL(fileURLWithPath: path))
                let network = Package.problem(workedNetworks[w]).path
                arguments = ["check", network, "--worked", path, "--format", mutator.pick(["text", "json"])]
                files = [path]
            case 9 where small:
                arguments = ["key", file, "-o", folder.appendingPathComponent("case\(k)-key.tex").path] + (mutator.int(0...1) == 0 ? ["--format", "markdown"] : [])
            case 10:
                // A mistyped command line.
                arguments = [mutator.pick(["show", "derive", "draw", "run", "verify", "check", "key", "deriv", "--version", "--help"]), file,
                             mutator.pick(["--of", "--wrt", "--form", "--format", "--digits", "--seed", "--from", "-x", "--perturb", "--variants"]),
                             mutator.pick(["L", "zz", "w1", "y,x1", "-1", "99999999999999999999", "json", "W1[9,9]", ""])]
            default: arguments = ["show", file]
            }
            let commands = ["show", "derive", "draw", "run", "verify", "check", "key"]
            if let index = arguments.firstIndex(of: "--format"), index + 1 < arguments.count, arguments[index + 1] == "json",
               commands.contains(arguments[0]), !arguments.contains("--help") { json = true }
            cases.append(Case(arguments: arguments, files: files, json: json))
        }
        return cases
    }

    /// Runs `cases` in one batch process; returns one record per case run (fewer when it died) and how
    /// it ended.
    static func runBatch(_ cases: [Case], timeout: TimeInterval) throws -> (records: [[String: Any]], status: Int32, reason: Process.TerminationReason, timedOut: Bool) {
        let process = Process()
        process.executableURL = Package.executable
        process.currentDirectoryURL = Package.root
        var environment = ProcessInfo.processInfo.environment
        environment["CHAINRULE_BATCH"] = "1"
        process.environment = environment
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let lines = try cases.map { try JSONSerialization.data(withJSONObject: $0.arguments) + Data("\n".utf8) }
        let writer = input.fileHandleForWriting
        DispatchQueue.global().async {
            for line in lines { writer.write(line) }
            try? writer.close()
        }
        let deadline = DispatchTime.now() + timeout
        var timedOut = false
        let watchdog = DispatchWorkItem { if process.isRunning { timedOut = true; process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: deadline, execute: watchdog)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        let records = data.split(separator: UInt8(ascii: "\n")).compactMap { try? JSONSerialization.jsonObject(with: Data($0)) as? [String: Any] }
        return (records, process.terminationStatus, process.terminationReason, timedOut)
    }

    /// The errors about a file as a whole, which no line of it is at fault for: reported as
    /// `FILE: error: …` (README, "Exit statuses").
    static let wholeFileErrors = ["error: nothing to verify: the file asks no dA/dB and has no loss", "error: not a chain of layers:"]

    /// What is wrong with one case's result, if anything.
    static func problem(_ c: Case, _ record: [String: Any]) -> String? {
        guard let status = record["status"] as? Int, let out = record["out"] as? String, let err = record["err"] as? String,
              let seconds = record["seconds"] as? Double else { return "unreadable record" }
        guard [0, 1, 2, 65, 66, 73].contains(status) else { return "exit status \(status)" }
        guard seconds < 20 else { return "took \(seconds) s" }
        if status == 65 {
            let located = c.files.contains { file in
                err.split(separator: "\n").contains { line in
                    line.hasPrefix(file + ":") && line.dropFirst(file.count + 1).wholeMatch(of: #/[0-9]+:[0-9]+: (error|warning|note): .*/#) != nil
                }
            } || err.contains("<answer>:") || c.files.contains { file in wholeFileErrors.contains { err.hasPrefix(file + ": " + $0) } }
            guard located else { return "an error without FILE:LINE:COL: \(err.prefix(300))" }
        }
        if c.json, status == 0 || status == 1 {
            guard (try? JSONSerialization.jsonObject(with: Data(out.utf8), options: [.fragmentsAllowed])) != nil else {
                return "invalid JSON: \(out.prefix(200))"
            }
        }
        guard err.utf8.count < 20_000 else { return "\(err.utf8.count) bytes on standard error" }
        return nil
    }

    static var caseCount: Int { Int(ProcessInfo.processInfo.environment["CLI_FUZZ_CASES"] ?? "") ?? 3_000 }

    @Test(arguments: 0..<2)
    func mutatedInputsThroughEveryCommand(_ half: Int) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chainrule-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let cases = try Self.cases(Self.caseCount / 2, seed: 0xF022 + UInt64(half), folder: folder)
        let result = try Self.runBatch(cases, timeout: 200)
        if result.records.count < cases.count {
            let culprit = cases[result.records.count]
            Issue.record("the batch \(result.timedOut ? "timed out" : "died (\(result.reason == .uncaughtSignal ? "signal" : "exit") \(result.status))") at case \(result.records.count): chainrule \(culprit.description)")
        }
        var problems: [String] = []
        var statuses: [Int: Int] = [:]
        for (c, record) in zip(cases, result.records) {
            statuses[record["status"] as? Int ?? -1, default: 0] += 1
            if let problem = Self.problem(c, record) { problems.append("chainrule \(c.description): \(problem)") }
        }
        #expect(problems.isEmpty, "\(problems.count) problems, the first: \(problems.prefix(5).joined(separator: "\n"))")
        // The fuzzer reaches both the valid and the malformed paths.
        #expect((statuses[0] ?? 0) > cases.count / 20 && (statuses[65] ?? 0) > cases.count / 5, "\(statuses)")
    }
}
