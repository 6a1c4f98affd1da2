import Foundation

/// Checks a student's worked numeric example (a file read by ``WorkedFileParser``) against a network
/// with values: `chainrule check FILE --worked F`.
///
/// Each number is compared twice:
/// - with the **correct** value (the ``Runtime``'s, per iteration, via training) at the rounding the
///   student used: |given − correct| ≤ half a unit in the last written decimal (plus a hair);
/// - with the **consistent** value, the one that follows from the student's own earlier numbers (error
///   carried forward), within less than one unit in the last written decimal (students round
///   intermediate numbers). The uncontracted scalar graph is walked in topological order with an environment in
///   which every quantity the student wrote is taken as written and every other one recomputed: node
///   values from their definitions, δ's by the adjoint recursion δ_q = Σ_r δ_r ∂r/∂q with local
///   partials from ``LocalPartials`` (or the student's own), gradients likewise, updates
///   w′ = w − η ∂L/∂w; the next iteration starts from the student's updated values. A δ also counts as
///   consistent when it follows from the student's forward values alone (so a mislabelled ∂L/∂ŷ does
///   not spoil a correct ∂L/∂z).
///
/// A line that is neither is a slip; lines computed correctly from a slip are marked consistent and
/// name it. A wrong output δ that another loss would give is named as a loss/δ mismatch.
///
/// Names: those of the network, plus ``NameAliases`` (`z`, `z1`, `η`); `dq/du` lines with q not the
/// loss are local partials; components are 1-based (`W3'[1,1]`).
public struct WorkedChecker: Sendable {
    /// An edge u → q by node indices.
    struct EdgeKey: Hashable {
        var q: Int
        var u: Int
    }

    /// The network, with values for every input, parameter and target.
    public let network: Network
    /// The names students may write.
    public let aliases: NameAliases
    /// A parser that knows them.
    public let parser: WorkedFileParser

    let graph: ScalarGraph
    let partials: LocalPartials
    /// Every edge's local partial in the network's names, worked out once (each check evaluates them).
    let edgePartials: [EdgeKey: Expr]
    let consumers: [[Int]]
    let runtime: Runtime
    let start: Point
    let lossName: String?
    let alternatives: LossAlternatives?

    /// A checker for `network`; throws when it cannot be run (an unspecified activation).
    public init(network: Network) throws(RuntimeError) {
        self.network = network
        aliases = NameAliases(network: network)
        let parameters = Set(network.nodes.filter { $0.kind == .parameter }.map(\.name))
        parser = WorkedFileParser(knownNames: aliases.knownNames, lossName: network.loss.map { network.nodes[$0].name } ?? "L",
                                  parameters: parameters.union(aliases.map.filter { parameters.contains($0.value) }.keys))
        let graph = network.scalarGraph(contractingPreactivations: false)
        self.graph = graph
        let partials = LocalPartials(graph: graph, unitSums: network.unitSums)
        self.partials = partials
        var edgePartials: [EdgeKey: Expr] = [:]
        for (q, node) in graph.nodes.enumerated() {
            for u in node.inputs { edgePartials[EdgeKey(q: q, u: u)] = partials.value(of: node.name, wrt: graph.nodes[u].name) }
        }
        self.edgePartials = edgePartials
        consumers = graph.consumers
        runtime = try Runtime(network)
        start = try Point(network: network)
        let lossName = network.loss.map { network.nodes[$0].name }
        self.lossName = lossName
        alternatives = lossName.flatMap { LossAlternatives(graph: graph, loss: $0) }
    }

    /// Reads and checks a worked file.
    public func check(_ text: String) -> WorkedCheck { check(parser.parse(text)) }

    /// Checks a parsed worked file (read with ``parser``).
    public func check(_ file: WorkedFile) -> WorkedCheck {
        var lines = file.entries.map(resolve)
        let iterations = file.entries.map(\.iteration).max() ?? 1
        let training = runtime.train(from: start, iterations: max(iterations, network.iterations))
        var leaves = Environment()
        for node in graph.nodes where node.definition == nil {
            if let (index, offset) = network.scalarLocation(node.name), let value = start.values[index] {
                leaves.values[node.name] = value.scalars[offset]
            }
        }
        leaves.eta = network.rate?.doubleValue ?? 0
        for k in 1...iterations {
            guard training.iterations.indices.contains(k - 1) else {
                for i in lines.indices where lines[i].entry.iteration == k && lines[i].problem == nil {
                    lines[i].problem = .noIteration(k)
                }
                continue
            }
            var walk = IterationWalk(checker: self, iteration: training.iterations[k - 1], number: k, lines: lines)
            leaves = walk.run(from: leaves)
            lines = walk.lines
        }
        for i in lines.indices {
            if lines[i].problem != nil { lines[i].status = .unchecked; continue }
            let statuses = lines[i].components.map(\.status)
            lines[i].status = statuses.contains(.wrong) ? .wrong : statuses.contains(.consistent) ? .consistent
                : statuses.contains(.unchecked) ? .unchecked : .ok
            if lines[i].status != .consistent { lines[i].slips = [] }
            lines[i].arithmetic = arithmetic(lines[i].entry)
        }
        var check = WorkedCheck(lines: lines, diagnostics: file.diagnostics)
        check.layout = file.layout
        return check
    }

    // MARK: Names

    /// The quantity and scalar names of an entry, or its problem.
    private func resolve(_ entry: WorkedEntry) -> WorkedCheck.Line {
        var line = WorkedCheck.Line(entry: entry, quantity: .value(entry.name), components: [], status: .unchecked, slips: [])
        let base = aliases.canonical(entry.name)
        if base == NameAliases.rate, entry.kind == .value, entry.index.isEmpty {
            line.quantity = .rate
            line.components = [component("η", entry, 0)]
            return line
        }
        if let group = aliases.groups[entry.name], entry.index.isEmpty, entry.kind == .value || entry.kind == .updated {
            guard group.count == entry.numbers.count else {
                line.problem = .shapeMismatch(expected: group.count, given: entry.numbers.count)
                return line
            }
            line.quantity = entry.kind == .value ? .value(group[0]) : .updated(group[0])
            line.components = group.indices.map { component(group[$0], entry, $0) }
            return line
        }
        guard let node = network[base] else {
            line.problem = .unknownName(entry.writtenName, closest: closest(to: entry.writtenName))
            return line
        }
        var names = node.componentNames
        if !entry.index.isEmpty {
            var index = entry.index
            let dimensions = node.shape.dimensions
            while index.count < dimensions.count, dimensions[index.count] == 1 { index.append(1) }
            let name = Node.componentName(base, index)
            guard names.contains(name) else {
                line.problem = .unknownName(entry.writtenName + "[" + entry.index.map(String.init).joined(separator: ",") + "]")
                return line
            }
            names = [name]
        }
        switch entry.kind {
        case .value: line.quantity = .value(base)
        case .updated: line.quantity = .updated(base)
        case .activationDerivative:
            guard names.count == 1, let z = graph.index(of: names[0]),
                  let q = consumers[z].first(where: { graph.nodes[$0].definition.map(WorkedChecker.isActivation) ?? false }) else {
                line.problem = .notAnEdge(of: "f′", wrt: base)
                return line
            }
            line.quantity = .partial(of: graph.nodes[q].name, wrt: base)
        case .gradient(let of):
            let q = aliases.canonical(of)
            if q == lossName {
                line.quantity = .gradient(base)
            } else if network[q] == nil {
                line.problem = .unknownName(of, closest: closest(to: of))
                return line
            } else {
                line.quantity = .partial(of: q, wrt: base)
                guard names.count == 1, let qi = graph.index(of: q), let ui = graph.index(of: names[0]),
                      graph.nodes[qi].inputs.contains(ui) else {
                    line.problem = .notAnEdge(of: q, wrt: base)
                    return line
                }
                names = [names[0]]
            }
        }
        guard names.count == entry.numbers.count else {
            line.problem = .shapeMismatch(expected: names.count, given: entry.numbers.count)
            return line
        }
        line.components = names.indices.map { component(names[$0], entry, $0) }
        return line
    }

    /// Whether a definition is an activation of one argument (σ(z), tanh(z)).
    private static func isActivation(_ definition: Expr) -> Bool {
        if case .apply(let f, let arguments) = definition, arguments.count == 1, f.isActivation { return true }
        return false
    }

    /// The network's names closest to a written one.
    private func closest(to written: String) -> [String] {
        AnswerNameMatcher(aliases.knownNames).closest(to: AnswerNameMatcher.key(written))
    }

    private func component(_ name: String, _ entry: WorkedEntry, _ k: Int) -> WorkedCheck.Component {
        WorkedCheck.Component(name: name, given: entry.numbers[k], decimals: entry.decimals[k], expected: nil,
                              consistent: nil, status: .unchecked)
    }

    /// The arithmetic's value when it is plain numbers that do not give the number written (within one
    /// unit in its last decimal).
    private func arithmetic(_ entry: WorkedEntry) -> Double? {
        guard let text = entry.arithmetic, let given = entry.scalar,
              let expr = try? AnswerParser().parseExpression(text), expr.isConstant,
              case .success(let value) = expr.evaluate(at: [:]) else { return nil }
        return abs(value - given) >= WorkedChecker.consistency(entry.decimals.first ?? 0) ? value : nil
    }

    /// How far a number may be from the value that follows from the student's numbers: less than one
    /// unit in its last decimal (students round intermediate numbers; a whole unit off is a slip).
    static func consistency(_ decimals: Int) -> Double {
        pow(10, -Double(min(decimals, 300))) * (1 - 1e-6)
    }

    /// `units` units in the `decimals`-th decimal place, plus a hair for binary rounding.
    static func tolerance(_ decimals: Int, units: Double) -> Double {
        units * pow(10, -Double(min(decimals, 300))) + 1e-9
    }
}

/// The values the walk carries from one iteration to the next, with the slips each depends on.
struct Environment {
    var values: [String: Double] = [:]
    var taint: [String: Set<Int>] = [:]
    var eta = 0.0
    var etaTaint: Set<Int> = []
}
