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
        let path = arguments.positional[0], name = path == "-" ? "<stdin>" : path
        let (network, source) = try Files.load(path)
        let runtime: Runtime, start: Point
        do throws(RuntimeError) {
            runtime = try Runtime(network)
            start = try Point(network: network, seed: seed)
        } catch {
            throw Stop(.dataError, RunCommand.located(error, network).map { $0.formatted(file: name, source: source) } ?? "\(name): error: \(error)")
        }
        if network.rate == nil, network.iterations > 1 {
            Console.error("\(name): warning: 'iterations \(network.iterations)' without a 'rate': parameters are not updated, so one pass is shown")
        }
        let format: WorkedExampleStream.Format = switch arguments.value("format", default: "text") {
        case "json": .json
        case "latex": .latex
        default: .text
        }
        var stream = WorkedExampleStream(format: format, digits: digits ?? network.digits ?? 4, runtime: runtime)
        _ = runtime.train(from: start) { part in Console.write(stream.part(part)) }
        Console.write(stream.finish())
        Console.error(stream.errors.map { "\(name): error: " + $0 }.joined(separator: "\n"))
        return stream.errors.isEmpty ? .success : .failure
    }

    /// The diagnostic at the node a runtime error is about, when it names one.
    static func located(_ error: RuntimeError, _ network: Network) -> Diagnostic? {
        let name: String
        switch error {
        case .unspecifiedFunction(let node, _), .missingValue(let node): name = node
        case .badValue(let node, _): name = node
        }
        return network[name].map { Diagnostic(at: $0.location, error.description) }
    }
}
