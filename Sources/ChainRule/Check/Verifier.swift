/// Runs a ``Verification``: see there for the three methods.
public struct Verifier: Sendable {
    /// Which chain-rule form is evaluated symbolically.
    public var form: DerivativeForm = .factored
    /// The seed of the random point used where the file has no values.
    public var seed: UInt64 = 1
    /// The tolerances.
    public var tolerances = Verification.Tolerances()
    /// A local partial ∂q/∂u to multiply by 1.01 in the symbolic form: a deliberate error, to show that
    /// verification catches one.
    public var perturbed: (of: String, wrt: String)?

    /// Whether networks that are chains of layers also have every entry of every ∂L/∂W⁽ˡ⁾ and ∂L/∂b⁽ˡ⁾
    /// of the matrix form (`derive --form layers`) checked.
    public var checksMatrixForm = true

    /// Creates a verifier with the defaults.
    public init() {}

    /// The questions a file implies: each `find dA/dB`, then ∂L/∂(every parameter component) when it has
    /// a loss.
    public static func questions(of network: Network) -> [(of: String, wrt: String)] {
        var asked: [(String, String)] = network.questions.compactMap {
            if case .derivative(let of, let wrt) = $0.kind { return (of, wrt) }
            return nil
        }
        if let loss = network.loss {
            let name = network.nodes[loss].name
            for node in network.nodes where node.kind == .parameter {
                asked += node.componentNames.map { (name, $0) }
            }
        }
        var seen = Set<String>()
        return asked.filter { seen.insert($0.0 + "\u{0}" + $0.1).inserted }
    }

    /// Checks each question on `network`.
    public func verify(_ original: Network, questions: [(of: String, wrt: String)]) throws(VerificationError) -> Verification {
        let substitute: Function? = original.usesUnspecifiedActivation ? .tanh : nil
        let network = substitute.map { original.replacingUnspecifiedActivations(with: $0) } ?? original
        let runtime: Runtime
        var point: Point
        do {
            runtime = try Runtime(network)
            point = try Point(network: network, seed: seed)
        } catch { throw .runtime(error) }
        for (index, value) in network.samples.first ?? [:] { point.values[index] = RealTensor(value) }
        let valued = network.settingValues(point.values.filter { network.nodes[$0.key].value == nil }.mapValues(\.tensor))
        let evaluation = runtime.forward(at: point)
        var rows: [Verification.Row] = []
        for (of, wrt) in questions {
            let derivation: Derivation
            do { derivation = try valued.derivation(of: of, wrt: wrt) } catch { throw .derivation(error) }
            guard let a = network.scalarLocation(of), let b = network.scalarLocation(wrt) else {
                throw .derivation(.unknownName(network.scalarLocation(of) == nil ? of : wrt))
            }
            var row = Verification.Row(of: of, wrt: wrt, form: form.rawValue, symbolicError: 0, finiteDifferenceError: 0,
                                       kinks: [], agrees: true)
            row.symbolic = symbolicValue(derivation, valued, problem: &row.problem)
            row.backprop = runtime.backward(evaluation, of: a.node, component: a.offset)[b.node].scalars[b.offset]
            do {
                row.finiteDifference = try finiteDifference(runtime, point, evaluation, of: a, wrt: b)
            } catch {
                row.problem = row.problem ?? "the finite difference cannot be taken with \(wrt) held fixed: \(error)"
            }
            let relevant = Set(derivation.relevant.map { derivation.graph.nodes[$0].name })
            row.kinks = runtime.kinks(evaluation, within: 1e-4).compactMap { kink in
                let owner = network[kink.node]
                let name = owner.map { $0.shape.isScalar ? kink.node : $0.componentNames[kink.component] } ?? kink.node
                return relevant.contains(name) ? "\(kink.function.name)(…) at \(name) (argument \(kink.distance))" : nil
            }
            judge(&row)
            rows.append(row)
        }
        var notes: [String] = []
        if checksMatrixForm {
            rows += matrixRows(runtime, point, evaluation, kinks: runtime.kinks(evaluation, within: 1e-4), notes: &notes)
        }
        return Verification(rows: rows, drawn: point.drawn, seed: seed, substitute: substitute, tolerances: tolerances, notes: notes)
    }

    /// Every entry of every parameter gradient of the layer-wise matrix form, when the network is a chain
    /// of layers with a loss (nothing otherwise; `notes` says why when it has a loss).
    private func matrixRows(_ runtime: Runtime, _ point: Point, _ evaluation: Evaluation, kinks: [Kink],
                            notes: inout [String]) -> [Verification.Row] {
        let network = runtime.network
        guard let loss = network.loss else { return [] }
        let layers: LayerDerivation, values: LayerValues
        do throws(LayerError) { layers = try LayerDerivation(network) } catch {
            notes.append("the matrix form is not checked: \(error)")
            return []
        }
        do { values = try layers.evaluate(leaves: point.values.mapValues(\.scalars)) } catch {
            notes.append("the matrix form is not checked: its values cannot be computed: \(error)")
            return []
        }
        let gradients = runtime.backward(evaluation)
        let lossName = network.nodes[loss].name
        return values.gradients.flatMap { gradient in
            gradient.values.enumerated().map { offset, value in
                let wrt = network.nodes[gradient.node].componentNames[offset]
                var row = Verification.Row(of: lossName, wrt: wrt, form: "layers", symbolicError: 0, finiteDifferenceError: 0,
                                           kinks: kinks.map { "\($0.function.name)(…) at \($0.node)" }, agrees: true)
                row.symbolic = value
                row.backprop = gradients[gradient.node].scalars[offset]
                row.finiteDifference = FiniteDifference.derivative(runtime, at: point, wrt: gradient.node, offset: offset)
                judge(&row)
                return row
            }
        }
    }

    private func symbolicValue(_ derivation: Derivation, _ network: Network, problem: inout String?) -> Double? {
        guard let values = NodeValues(graph: derivation.graph) else {
            problem = "the symbolic side cannot be evaluated at this point"
            return nil
        }
        let partials = LocalPartials(graph: derivation.graph, unitSums: network.unitSums)
        if form == .adjoint {
            var adjoint = derivation.adjoint()
            adjoint.definitions = adjoint.definitions.map { .init(node: $0.node, value: perturb($0.value)) }
            adjoint.results = adjoint.results.map { .init(node: $0.node, value: perturb($0.value)) }
            return values.value(of: adjoint, partials: partials)
        }
        do {
            let expression = form == .steps ? (derivation.steps().last ?? derivation.factored()) : try derivation.form(form)
            return values.value(of: perturb(expression), partials: partials)
        } catch {
            problem = "\(error)"
            return nil
        }
    }

    private func perturb(_ expression: Expr) -> Expr {
        guard let (q, u) = perturbed else { return expression }
        return expression.rewritten {
            $0 == .partial(of: q, wrt: u) ? .product([.number(.exact(Rational(101, 100) ?? .one)), $0]) : nil
        }
    }

    private func finiteDifference(_ runtime: Runtime, _ point: Point, _ evaluation: Evaluation,
                                  of a: (node: Int, offset: Int), wrt b: (node: Int, offset: Int)) throws -> Double {
        let network = runtime.network
        if network.nodes[b.node].kind.isLeaf {
            return FiniteDifference.derivative(runtime, at: point, of: a.node, component: a.offset, wrt: b.node, offset: b.offset)
        }
        let value = evaluation.value(b.node)
        let cut = network.cutting(at: b.node, value: value.tensor)
        let cutRuntime = try Runtime(cut)
        var moved = point
        moved.values[b.node] = value
        return FiniteDifference.derivative(cutRuntime, at: moved, of: a.node, component: a.offset, wrt: b.node, offset: b.offset)
    }

    private func judge(_ row: inout Verification.Row) {
        guard let symbolic = row.symbolic, let backprop = row.backprop, let fd = row.finiteDifference else {
            row.agrees = false
            return
        }
        row.symbolicError = Verifier.relativeError(symbolic, backprop, floor: 1e-12)
        row.finiteDifferenceError = Verifier.relativeError(fd, backprop, floor: 1e-7)
        let within = row.symbolicError <= tolerances.symbolic && row.finiteDifferenceError <= tolerances.finiteDifference
        row.agrees = within || (!row.kinks.isEmpty && row.symbolicError <= tolerances.symbolic)
    }

    /// |a − b| / max(|a|, |b|, floor); infinite when either is not finite.
    static func relativeError(_ a: Double, _ b: Double, floor: Double) -> Double {
        guard a.isFinite, b.isFinite else { return .infinity }
        return abs(a - b) / max(abs(a), abs(b), floor)
    }
}
