import ChainRule
import Foundation

/// `chainrule run FILE`: the worked numeric example (forward, loss, backward, updates per iteration).
enum RunCommand {
    static let spec = CommandSpec(
        name: "run", summary: "work a numeric example: forward pass, loss, backward pass, updates",
        synopsis: "FILE [--digits N] [--format text|latex|json] [--seed S]",
        options: [
            ("digits", [], "decimal places shown (default: the file's digits, else 4); computing is in full precision"),
            ("format", ["text", "latex", "json"], "output format (default text)"),
            ("seed", [], "seed for the values drawn for symbolic names (default 0)"),
        ],
        details: """
            Inputs, parameters and targets without a value in the file are drawn at random (reported).
            With sample lines, each pass runs every sample and averages loss and gradients over the batch.
            Each iteration is written as soon as it is computed, so memory does not grow with iterations.
            Exits 1 when a value or derivative is not a finite number (each is reported by name).
            """)

    static let command = CLI.Command(spec: spec) { arguments throws(Stop) in
        let digits = try arguments.integer("digits", in: 0...17, command: spec)
        guard let seed = arguments.value("seed", default: "0").flatMap(UInt64.init) else {
            throw spec.usageError("--seed takes a whole number from 0 to \(UInt64.max), got '\(arguments.value("seed") ?? "")'")
        }
        let network = try Files.network(arguments.positional[0])
        let runtime: Runtime, start: Point
        do {
            runtime = try Runtime(network)
            start = try Point(network: network, seed: seed)
        } catch {
            throw Stop(.dataError, "\(arguments.positional[0]): error: \(error)")
        }
        let format: WorkedExampleStream.Format = switch arguments.value("format", default: "text") {
        case "json": .json
        case "latex": .latex
        default: .text
        }
        var stream = WorkedExampleStream(format: format, digits: digits ?? network.digits ?? 4, runtime: runtime)
        _ = runtime.train(from: start) { part in write(stream.part(part)) }
        write(stream.finish())
        Console.error(stream.errors.map { "\(arguments.positional[0]): error: " + $0 }.joined(separator: "\n"))
        return stream.errors.isEmpty ? .success : .failure
    }

    /// Writes `text` to standard output as it is (no newline added).
    private static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
