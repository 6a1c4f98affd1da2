/// The output δ's that other losses would give, to name a loss/δ mismatch: a student who writes
/// δ = ŷ − y under a squared-error loss has used binary cross-entropy's output error.
///
/// Found for a loss of one scalar prediction p (the loss's computed input) and target t; when p is an
/// activation f(z) of its own pre-activation, ∂L/∂z too. Formulas are plugged in as
/// ``LocalPartials`` writes them (BCE after a sigmoid gives p − t).
struct LossAlternatives: Sendable {
    /// One derivative: its formula and the quantity it is with respect to.
    struct Formula: Sendable {
        var wrt: String
        var expr: Expr
    }

    /// The prediction p and its pre-activation z.
    let prediction: String
    let preactivation: String?
    /// The file's own ∂L/∂p and ∂L/∂z.
    let own: [Formula]
    /// Each other loss with its ∂L/∂p and ∂L/∂z.
    let others: [(loss: WorkedCheck.LossKind, formulas: [Formula])]

    /// The alternatives for the loss of `graph` (uncontracted); `nil` when the loss is not of one scalar
    /// prediction and target.
    init?(graph: ScalarGraph, loss: String) {
        guard let l = graph.index(of: loss) else { return nil }
        let inputs = graph.nodes[l].inputs
        let computed = inputs.filter { graph.nodes[$0].definition != nil }
        let targets = inputs.filter { graph.nodes[$0].kind == .target }
        guard computed.count == 1, targets.count == 1 else { return nil }
        let p = graph.nodes[computed[0]], t = graph.nodes[targets[0]].name
        prediction = p.name
        var z: String?
        var f: Function?
        if case .apply(let function, let arguments)? = p.definition, arguments.count == 1, case .symbol(let name) = arguments[0] {
            (z, f) = (name, function)
        }
        preactivation = z
        own = LossAlternatives.formulas(LocalPartials(graph: graph), loss: loss, p: p.name, z: z)
        var others: [(WorkedCheck.LossKind, [Formula])] = []
        for kind in WorkedCheck.LossKind.allCases {
            let (ps, ts) = (Expr.symbol(p.name), Expr.symbol(t))
            let definition: Expr = switch kind {
            case .squaredError: .product([.fraction(1, 2), .power(.difference(ps, ts), 2)])
            case .crossEntropy: .sum([.negation(.product([ts, .apply(.log, [ps])])),
                                      .negation(.product([.difference(.one, ts), .apply(.log, [.difference(.one, ps)])]))])
            }
            var nodes = [ScalarGraph.Node(name: t, kind: .target)]
            if let z, let f {
                nodes.append(ScalarGraph.Node(name: z, kind: .preactivation))
                nodes.append(ScalarGraph.Node(name: p.name, kind: .computed, inputs: [1], definition: .apply(f, [.symbol(z)])))
            } else {
                nodes.append(ScalarGraph.Node(name: p.name, kind: .computed))
            }
            nodes.append(ScalarGraph.Node(name: loss, kind: .loss, inputs: [nodes.count - 1, 0], definition: definition))
            let tiny = ScalarGraph(nodes: nodes)
            others.append((kind, LossAlternatives.formulas(LocalPartials(graph: tiny), loss: loss, p: p.name, z: z)))
        }
        self.others = others
    }

    /// ∂L/∂p and (when z is known) ∂L/∂z, plugged in.
    private static func formulas(_ partials: LocalPartials, loss: String, p: String, z: String?) -> [Formula] {
        var result = [Formula(wrt: p, expr: partials.plugging(into: .partial(of: loss, wrt: p)))]
        if let z {
            result.append(Formula(wrt: z, expr: partials.plugging(into: .product([.partial(of: loss, wrt: p), .partial(of: p, wrt: z)]))))
        }
        return result
    }

    /// The mismatch a wrong ∂L/∂`wrt` = `given` shows at the student's `values`, within `tolerance`;
    /// `nil` when no other loss gives it (or `wrt` is neither the prediction nor its pre-activation).
    func mismatch(wrt: String, given: Double, values: [String: Double], tolerance: Double) -> WorkedCheck.LossMismatch? {
        guard let own = own.first(where: { $0.wrt == wrt }), case .success(let value) = own.expr.evaluate(at: values) else { return nil }
        var matches: [WorkedCheck.LossMismatch.Match] = []
        for (loss, formulas) in others {
            for formula in formulas {
                guard case .success(let v) = formula.expr.evaluate(at: values), abs(v - given) <= tolerance,
                      abs(v - value) > tolerance else { continue }
                matches.append(.init(loss: loss, wrt: formula.wrt, formula: formula.expr))
            }
        }
        matches.sort { ($0.wrt == wrt ? 0 : 1) < ($1.wrt == wrt ? 0 : 1) }
        return matches.isEmpty ? nil : WorkedCheck.LossMismatch(wrt: wrt, matches: matches, formula: own.expr, value: value)
    }
}
