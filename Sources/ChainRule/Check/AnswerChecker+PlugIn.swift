/// Plugged-in answers: written out in the network's terms (σ′, h(1 − h), g′(z) w, weights) and compared
/// with the derivative whose local partials are plugged in (``LocalPartials/plugging(into:)``).
extension AnswerChecker {
    /// The derivative with its local partials written out.
    public var pluggedInDerivative: Expr {
        LocalPartials(graph: graph, unitSums: network.unitSums).plugging(into: derivation.factored())
    }

    func pluggedInStep(_ expr: Expr, at location: SourceLocation) -> CheckResult.Step {
        var findings: [CheckFinding] = []
        let partials = LocalPartials(graph: graph, unitSums: network.unitSums)
        let answer = folded(writtenOut(expr, partials, &findings))
        let expected = pluggedInDerivative
        if findings.isEmpty, answer.isEquivalent(to: expected, unitSums: network.unitSums) {
            return CheckResult.Step(expr: expr, location: location, correct: true, findings: [], method: .algebra)
        }
        let points = randomPoints()
        let method = CheckResult.Method.evaluation(points: points.count, seed: seed)
        let (a, e) = (AnswerChecker.numeric(answer), AnswerChecker.numeric(expected))
        for values in points {
            let got: Double
            switch a.evaluate(at: values) {
            case .success(let v): got = v
            case .failure(let error):
                if case .unknownValue(let atom) = error { findings.append(.cannotEvaluate(atom)) } else { findings.append(.cannotEvaluate(expr)) }
                return CheckResult.Step(expr: expr, location: location, correct: false, findings: findings, method: method)
            }
            guard case .success(let want) = e.evaluate(at: values) else { continue }
            if abs(got - want) > 1e-9 * max(1, abs(got), abs(want)) {
                findings.append(.valueDiffers(answer: got, expected: want))
                return CheckResult.Step(expr: expr, location: location, correct: false, findings: findings, method: method)
            }
        }
        let correct = !points.isEmpty && !findings.contains(where: \.isError)
        return CheckResult.Step(expr: expr, location: location, correct: correct, findings: findings, method: method)
    }

    /// Partials replaced by their values (totals by their plugged-in factored form) and derivatives of
    /// built-in functions written out (σ′(z) → σ(z)(1 − σ(z))).
    private func writtenOut(_ expr: Expr, _ partials: LocalPartials, _ findings: inout [CheckFinding]) -> Expr {
        var found: [CheckFinding] = []
        let result = expr.rewritten { e in
            switch e {
            case .partial(let q, let u), .total(let q, let u):
                switch meaning(of: q, wrt: u) {
                case .edge: return partials.value(of: q, wrt: u)
                case .one: return .one
                case .total:
                    guard let qi = graph.index(of: q), let ui = graph.index(of: u) else { return nil }
                    return partials.plugging(into: Derivation(graph: graph, of: qi, wrt: ui).factored())
                case .none, .tooLarge:
                    found.append(.notAnEdge(of: q, wrt: u))
                    return nil
                }
            case .apply(.derivative(let name, let order), let arguments) where arguments.count == 1:
                guard let f = AnswerChecker.builtins[name] else { return nil }
                return AnswerChecker.derivative(f, order: order, at: arguments[0])
            default:
                return nil
            }
        }
        findings += found
        return result
    }

    /// Activations of a node's own pre-activation folded into the node's name (σ(z_h1) → h1), as
    /// ``LocalPartials`` writes them.
    private func folded(_ expr: Expr) -> Expr {
        var names: [Expr: String] = [:]
        for node in graph.nodes {
            guard let definition = node.definition, case .apply(let f, let arguments) = definition, arguments.count == 1,
                  f.isActivation else { continue }
            names[definition] = node.name
            if let z = node.preactivation { names[.apply(f, [.symbol(z.name)])] = node.name }
        }
        return expr.rewritten { names[$0].map(Expr.symbol) }
    }

    /// Consistent values of every node at up to ``points`` random points: leaves drawn from `seed`,
    /// nodes (and folded pre-activations) computed from them, g taken as tanh.
    func randomPoints() -> [[String: Double]] {
        var generator = SeededGenerator(seed: seed)
        var result: [[String: Double]] = []
        var attempts = 0
        while result.count < points, attempts < points * 4 {
            attempts += 1
            var values: [String: Double] = [:]
            var valid = true
            for node in graph.nodes {
                guard let definition = node.definition else {
                    values[node.name] = node.kind == .target ? Double.random(in: 0.05...0.95, using: &generator)
                        : Double.random(in: -1...1, using: &generator)
                    continue
                }
                if let z = node.preactivation {
                    guard case .success(let v) = AnswerChecker.numeric(z.definition).evaluate(at: values) else { valid = false; break }
                    values[z.name] = v
                }
                guard case .success(let v) = AnswerChecker.numeric(definition).evaluate(at: values) else { valid = false; break }
                values[node.name] = v
            }
            for group in network.unitSums {
                let total = group.reduce(0) { $0 + (values[$1] ?? 0) }
                if total > 0 { for name in group { values[name] = (values[name] ?? 0) / total } }
            }
            if valid { result.append(values) }
        }
        return result
    }

    /// `expr` with every unspecified activation taken as tanh (and its derivatives as tanh's), so that
    /// it has values.
    static func numeric(_ expr: Expr) -> Expr {
        expr.rewritten { e in
            switch e {
            case .apply(.unspecified, let arguments): .apply(.tanh, arguments)
            case .apply(.derivative(_, let order), let arguments) where arguments.count == 1:
                derivative(.tanh, order: order, at: arguments[0])
            default: nil
            }
        }
    }

    /// The built-in functions by the name a parsed derivative carries (`sigmoid` in σ′).
    static let builtins: [String: Function] = Dictionary(uniqueKeysWithValues:
        [Function.sigmoid, .tanh, .relu, .identity, .step, .exp, .log, .abs].map { ($0.name, $0) })

    /// The `order`-th derivative of `f` at `x`, written as a course writes it (σ′ = σ(1 − σ)).
    static func derivative(_ f: Function, order: Int, at x: Expr) -> Expr {
        let t = "\u{0}t"
        var d = Expr.apply(f, [.symbol(t)])
        for _ in 0..<max(order, 0) { d = d.derivative(withRespectTo: t) }
        return d.substituting([t: x])
    }
}
