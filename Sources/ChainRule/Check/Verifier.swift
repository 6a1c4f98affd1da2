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

    /// The most operation evaluations (questions × batch rows × the runtime's operations) that taking
    /// every finite difference one by one may cost; `nil`: no limit. Beyond it, a seeded sample of
    /// ``sampledDifferences`` derivatives is differenced one by one and all of them together along one
    /// random ±1 direction (as PyTorch's `gradcheck` does in its fast mode), so that verification stays
    /// linear in the size of the graph; symbolic and backprop are still compared for every derivative.
    public var finiteDifferenceBudget: Int? = 200_000

    /// How many derivatives are still differenced one by one beyond ``finiteDifferenceBudget``.
    public var sampledDifferences = 64

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

    /// Checks each question on `network`. With `sample` rows, every value is the average over the batch
    /// (the derivative of the batch-averaged loss, as `run` reports it); the file's point otherwise.
    ///
    /// The work shared by the questions (the scalar graph, its values, every backward pass, the kinks)
    /// is done once per batch row, so the cost grows with the edges a question's path crosses rather
    /// than with the whole network for every question.
    public func verify(_ original: Network, questions: [(of: String, wrt: String)]) throws(VerificationError) -> Verification {
        let substitute: Function? = original.usesUnspecifiedActivation ? .tanh : nil
        let network = substitute.map { original.replacingUnspecifiedActivations(with: $0) } ?? original
        let runtime: Runtime
        let start: Point
        do {
            runtime = try Runtime(network)
            start = try Point(network: network, seed: seed)
        } catch { throw .runtime(error) }
        let batch = network.samples.isEmpty ? [[:]] : network.samples
        let contexts = batch.map { row in
            var point = start
            for (index, value) in row { point.values[index] = RealTensor(value) }
            return Context(network: network, runtime: runtime, point: point)
        }
        var rows: [Verification.Row] = []
        var notes: [String] = []
        let sampled = sampledQuestions(questions.count, rows: contexts.count, operations: runtime.operationCount, notes: &notes)
        var alongDirection: [DirectionMember] = []
        for (index, (of, wrt)) in questions.enumerated() {
            guard let a = network.scalarLocation(of), let b = network.scalarLocation(wrt) else {
                do { _ = try network.derivation(of: of, wrt: wrt) } catch { throw .derivation(error) }
                throw .derivation(.unknownName(network.scalarLocation(of) == nil ? of : wrt))
            }
            let contract = ![of, wrt].contains { network[$0.split(separator: "[", maxSplits: 1).first.map(String.init) ?? $0]?.kind == .preactivation }
            var row = Verification.Row(of: of, wrt: wrt, form: form.rawValue, symbolicError: 0, finiteDifferenceError: 0,
                                       kinks: [], agrees: true)
            var sums = (symbolic: 0.0, backprop: 0.0, fd: 0.0, value: 0.0)
            var symbolicMissing = false, fdMissing = false
            let inDirection = sampled.map { !$0.contains(index) } ?? false && network.nodes[b.node].kind.isLeaf
            row.checkedAlongDirection = inDirection
            for k in contexts.indices {
                let derivation: Derivation
                do { derivation = try Derivation(graph: contexts[k].graph(contract), of: of, wrt: wrt) } catch { throw .derivation(error) }
                if let value = symbolicValue(derivation, contexts[k], contract, problem: &row.problem) {
                    sums.symbolic += value
                } else {
                    symbolicMissing = true
                }
                sums.backprop += contexts[k].gradients(of: a)[b.node].scalars[b.offset]
                if !inDirection { do {
                    sums.fd += try contexts[k].finiteDifference(of: a, wrt: b) {
                        try finiteDifference(runtime, contexts[k].point, contexts[k].evaluation, of: a, wrt: b)
                    }
                } catch {
                    fdMissing = true
                    row.problem = row.problem ?? "the finite difference cannot be taken with \(wrt) held fixed: \(error)"
                } }
                sums.value += contexts[k].evaluation.value(a.node).scalars[a.offset]
                let relevant = Set(derivation.relevant.map { derivation.graph.nodes[$0].name })
                for kink in contexts[k].kinks {
                    let owner = network[kink.node]
                    let name = owner.map { $0.shape.isScalar ? kink.node : $0.componentNames[kink.component] } ?? kink.node
                    let said = "\(kink.function.name)(…) at \(name) (argument \(kink.distance))"
                    if relevant.contains(name), !row.kinks.contains(said) { row.kinks.append(said) }
                }
            }
            let n = Double(contexts.count)
            row.symbolic = symbolicMissing ? nil : sums.symbolic / n
            row.backprop = sums.backprop / n
            row.finiteDifference = fdMissing || inDirection ? nil : sums.fd / n
            judge(&row, scale: abs(sums.value / n))
            if inDirection { alongDirection.append(DirectionMember(row: rows.count, of: a, wrt: b, scale: abs(sums.value / n))) }
            rows.append(row)
        }
        rows += directionRows(runtime, contexts, alongDirection, rows)
        if checksMatrixForm { rows += matrixRows(runtime, contexts, sampling: sampled != nil, notes: &notes) }
        return Verification(rows: rows, drawn: start.drawn, seed: seed, substitute: substitute, tolerances: tolerances,
                            batchSize: network.samples.count, notes: notes)
    }

    /// What every question at one batch row shares, computed on first use.
    final class Context {
        let network: Network
        let runtime: Runtime
        let point: Point
        let evaluation: Evaluation
        /// The network with the drawn and sampled values written in (for the symbolic side).
        let valued: Network
        private var graphs: [Bool: ScalarGraph] = [:]
        private var nodeValues: [Bool: NodeValues?] = [:]
        private var localPartials: [Bool: LocalPartials] = [:]
        private var factoredForms: [Bool: FactoredForms] = [:]
        private var backward: [Int: Gradients] = [:]
        private(set) lazy var kinks: [Kink] = runtime.kinks(evaluation, within: 1e-4)

        init(network: Network, runtime: Runtime, point: Point) {
            self.network = network
            self.runtime = runtime
            self.point = point
            evaluation = runtime.forward(at: point)
            valued = network.settingValues(point.values.filter { network.nodes[$0.key].value == nil || network.nodes[$0.key].kind != .parameter }
                .mapValues(\.tensor))
        }

        func graph(_ contract: Bool) -> ScalarGraph {
            if let known = graphs[contract] { return known }
            let made = valued.scalarGraph(contractingPreactivations: contract)
            graphs[contract] = made
            return made
        }

        func values(_ contract: Bool) -> NodeValues? {
            if let known = nodeValues[contract] { return known }
            let made = NodeValues(graph: graph(contract))
            nodeValues[contract] = made
            return made
        }

        func partials(_ contract: Bool) -> LocalPartials {
            if let known = localPartials[contract] { return known }
            let made = LocalPartials(graph: graph(contract), unitSums: network.unitSums)
            localPartials[contract] = made
            return made
        }

        /// `body` given the factored forms found so far on this graph, shared by every question (as
        /// backprop shares δ), so that a wide graph's questions do not each search it again.
        func sharingForms<T>(_ contract: Bool, _ body: (inout FactoredForms) -> T) -> T {
            var forms = factoredForms.removeValue(forKey: contract) ?? FactoredForms(graph: graph(contract))
            defer { factoredForms[contract] = forms }
            return body(&forms)
        }

        private var differences: [[Int]: Double] = [:]

        /// Whether the finite difference ∂a/∂b has been taken.
        func knowsDifference(of a: (node: Int, offset: Int), wrt b: (node: Int, offset: Int)) -> Bool {
            differences[[a.node, a.offset, b.node, b.offset]] != nil
        }

        /// A finite difference ∂a/∂b, computed by `compute` the first time it is asked.
        func finiteDifference(of a: (node: Int, offset: Int), wrt b: (node: Int, offset: Int),
                              _ compute: () throws -> Double) rethrows -> Double {
            let key = [a.node, a.offset, b.node, b.offset]
            if let known = differences[key] { return known }
            let made = try compute()
            differences[key] = made
            return made
        }

        /// ∂(component of a node)/∂(every node), one backward pass per component asked.
        func gradients(of a: (node: Int, offset: Int)) -> Gradients {
            let key = a.node &* 1_000_003 &+ a.offset
            if let known = backward[key] { return known }
            let made = runtime.backward(evaluation, of: a.node, component: a.offset)
            backward[key] = made
            return made
        }
    }

    /// Every entry of every parameter gradient of the layer-wise matrix form (averaged over the batch
    /// rows), when the network is a chain of layers with a loss (nothing otherwise; `notes` says why
    /// when it has a loss).
    /// With `sampling`, an entry whose finite difference was not taken for its scalar row (which the
    /// direction row covers) is compared symbolic against backprop only.
    private func matrixRows(_ runtime: Runtime, _ contexts: [Context], sampling: Bool, notes: inout [String]) -> [Verification.Row] {
        let network = runtime.network
        guard let loss = network.loss else { return [] }
        let layers: LayerDerivation
        do throws(LayerError) { layers = try LayerDerivation(network) } catch {
            notes.append("the matrix form is not checked: \(error)")
            return []
        }
        var perRow: [LayerValues] = []
        for context in contexts {
            do { perRow.append(try layers.evaluate(leaves: context.point.values.mapValues(\.scalars))) } catch {
                notes.append("the matrix form is not checked: its values cannot be computed: \(error)")
                return []
            }
        }
        guard let first = perRow.first else { return [] }
        let n = Double(contexts.count)
        let lossName = network.nodes[loss].name
        let kinks = contexts.flatMap(\.kinks).map { "\($0.function.name)(…) at \($0.node)" }
        return first.gradients.enumerated().flatMap { g, gradient in
            gradient.values.indices.map { offset in
                let wrt = network.nodes[gradient.node].componentNames[offset]
                var row = Verification.Row(of: lossName, wrt: wrt, form: "layers", symbolicError: 0, finiteDifferenceError: 0,
                                           kinks: Array(Set(kinks)).sorted(), agrees: true)
                row.symbolic = perRow.reduce(0) { $0 + $1.gradients[g].values[offset] } / n
                row.backprop = contexts.reduce(0) { $0 + $1.gradients(of: (loss, 0))[gradient.node].scalars[offset] } / n
                if sampling, contexts.contains(where: { !$0.knowsDifference(of: (loss, 0), wrt: (gradient.node, offset)) }) {
                    row.checkedAlongDirection = true
                } else {
                    row.finiteDifference = contexts.reduce(0) { sum, context in
                        sum + context.finiteDifference(of: (loss, 0), wrt: (gradient.node, offset)) {
                            FiniteDifference.derivative(runtime, at: context.point, wrt: gradient.node, offset: offset)
                        }
                    } / n
                }
                judge(&row, scale: abs(contexts.reduce(0) { $0 + ($1.evaluation.loss ?? 0) } / n))
                return row
            }
        }
    }

    private func symbolicValue(_ derivation: Derivation, _ context: Context, _ contract: Bool,
                               problem: inout String?) -> Double? {
        let partials = context.partials(contract)
        guard let values = context.values(contract) else {
            problem = "the symbolic side cannot be evaluated at this point"
            return nil
        }
        if form == .adjoint {
            var adjoint = derivation.adjoint()
            adjoint.definitions = adjoint.definitions.map { .init(node: $0.node, value: perturb($0.value)) }
            adjoint.results = adjoint.results.map { .init(node: $0.node, value: perturb($0.value)) }
            return values.value(of: adjoint, partials: partials)
        }
        do {
            let expression: Expr
            switch form {
            case .factored: expression = context.sharingForms(contract) { derivation.factored(sharing: &$0) }
            case .steps: expression = context.sharingForms(contract) { derivation.steps(sharing: &$0).last ?? derivation.factored(sharing: &$0) }
            default: expression = try derivation.form(form)
            }
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

    /// Compares the three values: each error is relative to the larger value, or absolute for values
    /// near zero — below the rounding a computation of size `scale` (the value of A, at least 1) can
    /// resolve: ``Verification/Tolerances/symbolicAbsolute`` and, for the finite difference, its
    /// rounding error ε·|A|/h with h = ∛ε (``Verification/Tolerances/finiteDifferenceAbsolute``).
    func judge(_ row: inout Verification.Row, scale: Double) {
        if row.checkedAlongDirection, let symbolic = row.symbolic, let backprop = row.backprop {
            let size = max(1, scale.isFinite ? scale : 1)
            row.symbolicError = Verifier.relativeError(symbolic, backprop, floor: tolerances.symbolicAbsolute * size / tolerances.symbolic)
            row.agrees = row.symbolicError <= tolerances.symbolic
            return
        }
        guard let symbolic = row.symbolic, let backprop = row.backprop, let fd = row.finiteDifference else {
            row.agrees = false
            return
        }
        let size = max(1, scale.isFinite ? scale : 1)
        row.symbolicError = Verifier.relativeError(symbolic, backprop, floor: tolerances.symbolicAbsolute * size / tolerances.symbolic)
        row.finiteDifferenceError = Verifier.relativeError(fd, backprop,
                                                           floor: tolerances.finiteDifferenceAbsolute * size / tolerances.finiteDifference)
        let within = row.symbolicError <= tolerances.symbolic && row.finiteDifferenceError <= tolerances.finiteDifference
        row.agrees = within || (!row.kinks.isEmpty && row.symbolicError <= tolerances.symbolic)
    }

    /// |a − b| / max(|a|, |b|, floor); infinite when either is not finite.
    static func relativeError(_ a: Double, _ b: Double, floor: Double) -> Double {
        guard a.isFinite, b.isFinite else { return .infinity }
        return abs(a - b) / max(abs(a), abs(b), floor)
    }
}
