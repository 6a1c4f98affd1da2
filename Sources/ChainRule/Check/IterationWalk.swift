/// One iteration of ``WorkedChecker``'s walk: forward values, local partials, δ's and updates, each
/// number the student wrote compared with the correct value and with the one that follows from the
/// student's own numbers.
struct IterationWalk {
    /// A scalar quantity the student may write.
    enum Key: Hashable {
        case value(String)
        case gradient(String)
        case partial(String, String)
        case updated(String)
        case rate
    }

    /// A number written: its line and position in the line.
    typealias Written = (line: Int, component: Int)
    /// A value with the slips (line indexes) it depends on.
    typealias Traced = (value: Double, slips: Set<Int>)

    let checker: WorkedChecker
    let number: Int
    var lines: [WorkedCheck.Line]
    private var written: [Key: [Written]] = [:]
    private var correct: [String: Double] = [:]
    private var correctDelta: [String: Double] = [:]
    private var correctUpdated: [String: Double] = [:]

    init(checker: WorkedChecker, iteration: Iteration, number: Int, lines: [WorkedCheck.Line]) {
        self.checker = checker
        self.number = number
        self.lines = lines
        for (i, line) in lines.enumerated() where line.entry.iteration == number && line.problem == nil {
            for (k, component) in line.components.enumerated() {
                let key: Key = switch line.quantity {
                case .value: .value(component.name)
                case .gradient: .gradient(component.name)
                case .partial(let q, _): .partial(q, component.name)
                case .updated: .updated(component.name)
                case .rate: .rate
                }
                written[key, default: []].append((i, k))
            }
        }
        guard let evaluation = iteration.passes.first?.evaluation else { return }
        for (i, node) in checker.network.nodes.enumerated() {
            let values = evaluation.value(i).scalars, deltas = iteration.deltas[i].scalars
            for (k, name) in node.componentNames.enumerated() {
                correct[name] = values[k]
                correctDelta[name] = deltas[k]
                if let updated = iteration.updated[i] { correctUpdated[name] = updated.scalars[k] }
            }
        }
    }

    private var graph: ScalarGraph { checker.graph }

    /// Walks the iteration from the leaf values `start`; returns the leaves the next iteration starts from.
    mutating func run(from start: Environment) -> Environment {
        var env = start
        for w in written[.rate] ?? [] {
            env.etaTaint = decide(w, expected: checker.network.rate?.doubleValue, candidates: [])
            env.eta = given(w)
        }
        forward(&env)
        let edges = localPartials(env)
        guard let loss = checker.lossName, let l = graph.index(of: loss) else { return env }
        let alone = backward(l, edges, env, own: false)
        let own = backward(l, edges, env, own: true, alone: alone)
        var next = env
        for (i, node) in graph.nodes.enumerated() where node.kind == .parameter {
            let w = env.values[node.name] ?? .nan, base = (env.taint[node.name] ?? []).union(env.etaTaint)
            let a: Traced = (w - env.eta * own[i].value, base.union(own[i].slips))
            let b: Traced = (w - env.eta * alone[i].value, base.union(alone[i].slips))
            var result = a
            for written in written[.updated(node.name)] ?? [] {
                result = (given(written), decide(written, expected: correctUpdated[node.name], candidates: [a, b]))
            }
            next.values[node.name] = result.value
            next.taint[node.name] = result.slips
        }
        return next
    }

    /// Node values in topological order, each written one checked and then taken as written.
    private mutating func forward(_ env: inout Environment) {
        for node in graph.nodes {
            var traced: Traced = (env.values[node.name] ?? .nan, env.taint[node.name] ?? [])
            if let definition = node.definition {
                let value = (try? definition.evaluate(at: env.values).get()) ?? .nan
                traced = (value, node.inputs.reduce(into: Set<Int>()) { $0.formUnion(env.taint[graph.nodes[$1].name] ?? []) })
            }
            for w in written[.value(node.name)] ?? [] {
                traced = (given(w), decide(w, expected: correct[node.name], candidates: [traced]))
            }
            env.values[node.name] = traced.value
            env.taint[node.name] = traced.slips
        }
    }

    /// ∂q/∂u along every edge at the student's values: computed, and as the student wrote it.
    private mutating func localPartials(_ env: Environment) -> [WorkedChecker.EdgeKey: (computed: Traced, own: Traced)] {
        var result: [WorkedChecker.EdgeKey: (computed: Traced, own: Traced)] = [:]
        for (q, node) in graph.nodes.enumerated() {
            for u in node.inputs {
                let expr = checker.edgePartials[WorkedChecker.EdgeKey(q: q, u: u)] ?? checker.partials.value(of: node.name, wrt: graph.nodes[u].name)
                let slips = expr.symbols.reduce(into: Set<Int>()) { $0.formUnion(env.taint[$1] ?? []) }
                let computed: Traced = ((try? expr.evaluate(at: env.values).get()) ?? .nan, slips)
                var own = computed
                for w in written[.partial(node.name, graph.nodes[u].name)] ?? [] {
                    let expected = try? expr.evaluate(at: correct).get()
                    own = (given(w), decide(w, expected: expected, candidates: [computed]))
                }
                result[WorkedChecker.EdgeKey(q: q, u: u)] = (computed, own)
            }
        }
        return result
    }

    /// δ_q = ∂L/∂q for every node by the adjoint recursion; with `own`, the student's local partials
    /// and δ's are used where written (and checked), `alone` giving the other candidate.
    private mutating func backward(_ l: Int, _ edges: [WorkedChecker.EdgeKey: (computed: Traced, own: Traced)],
                                   _ env: Environment, own: Bool, alone: [Traced] = []) -> [Traced] {
        var delta = [Traced](repeating: (0, []), count: graph.nodes.count)
        delta[l] = (1, [])
        for i in stride(from: graph.nodes.count - 1, through: 0, by: -1) where i != l {
            var traced: Traced = (0, [])
            for r in checker.consumers[i] {
                guard let edge = edges[WorkedChecker.EdgeKey(q: r, u: i)] else { continue }
                let partial = own ? edge.own : edge.computed
                traced.value += delta[r].value * partial.value
                traced.slips.formUnion(delta[r].slips.union(partial.slips))
            }
            let name = graph.nodes[i].name
            if own {
                for w in written[.gradient(name)] ?? [] {
                    let slips = decide(w, expected: correctDelta[name], candidates: [traced, alone[i]])
                    if lines[w.line].components[w.component].status == .wrong, let alternatives = checker.alternatives {
                        let tolerance = WorkedChecker.consistency(lines[w.line].entry.decimals[w.component])
                        lines[w.line].lossMismatch = alternatives.mismatch(wrt: name, given: given(w), values: env.values, tolerance: tolerance)
                    }
                    traced = (given(w), slips)
                }
            }
            delta[i] = traced
        }
        return delta
    }

    private func given(_ w: Written) -> Double { lines[w.line].entry.numbers[w.component] }

    /// Marks a written number ok, consistent or wrong; returns the slips the environment carries on from it.
    private mutating func decide(_ w: Written, expected: Double?, candidates: [Traced]) -> Set<Int> {
        var component = lines[w.line].components[w.component]
        let given = component.given
        component.expected = expected
        component.consistent = candidates.first?.value
        var slips: Set<Int> = []
        if let expected, abs(given - expected) <= WorkedChecker.tolerance(component.decimals, units: 0.5) {
            component.status = .ok
        } else if let match = candidates.first(where: { abs(given - $0.value) < WorkedChecker.consistency(component.decimals) }) {
            component.status = match.slips.isEmpty ? .ok : .consistent
            component.consistent = match.value
            slips = match.slips
            lines[w.line].slips = Array(Set(lines[w.line].slips).union(slips)).sorted()
        } else {
            component.status = .wrong
            slips = [w.line]
        }
        lines[w.line].components[w.component] = component
        return slips
    }
}
