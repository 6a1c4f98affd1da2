extension WorkedExample {
    /// Makes the lines of a network written with vectors and matrices, in the layer notation of
    /// ``LayerDerivation``: each line its symbolic forms, then the numbers (each entry's arithmetic
    /// for z⁽ˡ⁾, the operands' values for δ⁽ˡ⁾ and ∂L/∂W⁽ˡ⁾, old value and gradient for an update),
    /// then the runtime's value.
    struct LayerBuilder {
        typealias Ref = LayerChain.Ref
        let network: Network
        let derivation: LayerDerivation
        var chain: LayerChain { derivation.chain }

        /// Operands with more entries than this are not shown one by one (only the result is).
        static let operandLimit = 16

        /// The builder when `network` is a chain of layers each written with whole nodes: x, z⁽ˡ⁾
        /// and a⁽ˡ⁾ vectors, W⁽ˡ⁾ a matrix parameter and b⁽ˡ⁾ a vector parameter (or none); `nil` for
        /// anything else (scalar neurons, shared biases), which is worked component by component.
        init?(network: Network) {
            guard let derivation = try? LayerDerivation(network) else { return nil }
            func whole(_ refs: [Ref], rank: Int? = nil) -> Bool {
                guard let node = refs.first?.node else { return false }
                let shape = network.nodes[node].shape
                return (rank.map { shape.rank == $0 } ?? true) && refs == (0..<shape.count).map { Ref(node, $0) }
            }
            let layered = derivation.chain.layers.allSatisfy { layer in
                whole(layer.weights, rank: 2) && whole(layer.inputs) && whole(layer.outputs)
                    && whole(layer.preactivations) && (layer.bias.map { whole($0) } ?? true)
            }
            guard layered else { return nil }
            self.network = network
            self.derivation = derivation
        }

        // MARK: Values

        /// The values of one pass: every symbol of the derivation (exact where given) and, with
        /// gradients, every δ⁽ˡ⁾ and ∂L/∂(quantity).
        struct Values {
            var matrices: [LayerExpr: LayerMatrix] = [:]
            var exact: [LayerExpr: Tensor] = [:]
        }

        func values(_ evaluation: Evaluation, _ gradients: Gradients?) -> Values {
            var result = Values()
            let s = derivation
            // Whether each node still holds its given value (compared once per node, not per entry).
            var unchanged: [Int: Bool] = [:]
            func number(_ ref: Ref) -> Number {
                let value = evaluation.value(ref.node).scalars[ref.offset]
                if let given = network.nodes[ref.node].value {
                    let same = unchanged[ref.node] ?? (given.doubles == evaluation.value(ref.node).scalars)
                    unchanged[ref.node] = same
                    if same { return given.entries[ref.offset] }
                }
                return .real(value)
            }
            func put(_ key: LayerExpr, _ refs: [Ref], _ dims: (Int, Int), exact: Bool = false) {
                result.matrices[key] = LayerMatrix(rows: dims.0, cols: dims.1,
                                                   entries: refs.map { evaluation.value($0.node).scalars[$0.offset] })
                if exact { result.exact[key] = Tensor(shape: .matrix(dims.0, dims.1), entries: refs.map(number)) }
            }
            func putGradient(_ keys: [LayerExpr], _ refs: [Ref], _ dims: (Int, Int)) {
                guard let gradients else { return }
                let matrix = LayerMatrix(rows: dims.0, cols: dims.1, entries: refs.map { gradients[$0.node].scalars[$0.offset] })
                for key in keys { result.matrices[key] = matrix }
            }
            put(.symbol(s.x), chain.layers[0].inputs, (chain.layers[0].inSize, 1), exact: true)
            put(.symbol(s.y), chain.targets, (chain.targets.count, 1), exact: true)
            for (k, layer) in chain.layers.enumerated() {
                let l = k + 1, units = (layer.outSize, 1), weight = layer.weightShape.dimensions
                put(.symbol(s.W(l)), layer.weights, weight, exact: true)
                putGradient([.gradient(s.W(l))], layer.weights, weight)
                if let bias = layer.bias {
                    put(.symbol(s.b(l)), bias, units, exact: true)
                    putGradient([.gradient(s.b(l))], bias, units)
                }
                put(.symbol(s.z(l)), layer.preactivations, units)
                put(.symbol(s.a(l)), layer.outputs, units)
                putGradient([.symbol(s.delta(l)), .gradient(s.z(l))], layer.preactivations, units)
                putGradient([.gradient(s.a(l))], layer.outputs, units)
            }
            if let loss = evaluation.loss { result.matrices[.symbol(s.loss)] = LayerMatrix(rows: 1, cols: 1, entries: [loss]) }
            return result
        }

        // MARK: Sections

        /// The forward pass, the loss, and the backward pass (with each layer's gradients when
        /// `parameters`) of one pass.
        func sections(_ evaluation: Evaluation, _ gradients: Gradients?, parameters: Bool) -> [Section] {
            let values = values(evaluation, gradients)
            let lines = derivation.sections.reduce(into: [LayerDerivation.Section.Kind: [LayerDerivation.Line]]()) {
                $0[$1.kind, default: []] += $1.lines
            }
            var result = [Section(title: "Forward pass", lines: (lines[.forward] ?? []).map { line($0, values) }),
                          Section(title: "Loss", lines: (lines[.loss] ?? []).map { line($0, values) })]
            guard gradients != nil else { return result }
            // Per layer from the output back, as the course works it: δ⁽ˡ⁾, then ∂L/∂W⁽ˡ⁾ and ∂L/∂b⁽ˡ⁾.
            let errors = (lines[.outputError] ?? []) + (lines[.backward] ?? [])
            let gradientLines = lines[.gradients] ?? []
            var backward: [Line] = []
            for l in stride(from: chain.layers.count, through: 1, by: -1) {
                let delta = LayerExpr.symbol(derivation.delta(l)), output = LayerExpr.gradient(derivation.yhat)
                backward += errors.filter { $0.lhs == delta || (l == chain.layers.count && $0.lhs == output) }.map { line($0, values) }
                if parameters {
                    let own: Set<LayerExpr> = [.gradient(derivation.W(l)), .gradient(derivation.b(l))]
                    backward += gradientLines.filter { own.contains($0.lhs) }.map { line($0, values) }
                }
            }
            result.append(Section(title: "Backward pass", lines: backward))
            return result
        }

        /// `lhs = forms… = numbers = value`.
        func line(_ line: LayerDerivation.Line, _ values: Values) -> Line {
            var steps = line.forms.map(Step.layer)
            if let last = line.forms.last, let numbers = numbers(last, values) { steps.append(numbers) }
            let value = (try? line.lhs.evaluate(values.matrices, m: 1)) ?? (line.forms.last.flatMap { try? $0.evaluate(values.matrices, m: 1) })
            var matrix = false
            if case .gradient(let symbol) = line.lhs { matrix = symbol.role == .weight }
            let shown = value.map { matrix ? RealTensor(shape: .matrix($0.rows, $0.cols), scalars: $0.entries) : LayerBuilder.tensor($0) }
            steps.append(.tensor(shown ?? RealTensor(.nan)))
            return Line(lhs: .layer(line.lhs), steps: steps)
        }

        /// The numbers of a form: `W a + b` entry by entry; the operands of a Hadamard product, a
        /// quotient, a matrix product or a sum; `nil` when there is nothing between form and value.
        func numbers(_ form: LayerExpr, _ values: Values) -> Step? {
            if let entries = affineEntries(form, values) { return .entries(entries) }
            var operands: [(Operand.Join, LayerExpr, Bool)] = []
            switch form {
            case .hadamard(let items): operands = items.enumerated().map { ($0 == 0 ? .first : .hadamard, $1, false) }
            case .quotient(let a, let b): operands = [(.first, a, false), (.divide, b, false)]
            case .product(let factors):
                operands = factors.enumerated().map { k, factor in
                    if case .transpose(let inner) = factor { return (k == 0 ? .first : .times, inner, true) }
                    return (k == 0 ? .first : .times, factor, false)
                }
            case .sum(let terms):
                operands = terms.enumerated().map { k, term in
                    if k > 0, case .scaled(let scale, let inner) = term, scale.factor.isNegative, !scale.perSample {
                        let positive = -scale.factor
                        return (.minus, positive.isOne ? inner : .scaled(LayerScale(positive), inner), false)
                    }
                    return (k == 0 ? .first : .plus, term, false)
                }
            default: return nil
            }
            guard operands.count > 1 else { return nil }
            var result: [Operand] = []
            for (join, e, transposed) in operands {
                guard let value = values.exact[e] ?? (try? e.evaluate(values.matrices, m: 1)).map(LayerBuilder.exact),
                      value.entries.count <= LayerBuilder.operandLimit else { return nil }
                result.append(Operand(join, LayerBuilder.shaped(value), transposed: transposed))
            }
            return .combination(result)
        }

        /// Each entry of `W a + b` or `Wᵀa + b` as its arithmetic (`0.1·1 + 0.3·2 + 0.1`), when the
        /// layer is small enough to read.
        func affineEntries(_ form: LayerExpr, _ values: Values) -> [Expr]? {
            guard case .sum(let terms) = form, case .product(let factors)? = terms.first, factors.count == 2 else { return nil }
            let (weight, transposed): (LayerExpr, Bool) = if case .transpose(let w) = factors[0] { (w, true) } else { (factors[0], false) }
            guard case .symbol(let symbol) = weight, symbol.role == .weight,
                  let w = values.exact[weight], w.shape.rank == 2,
                  let input = values.exact[factors[1]] ?? values.matrices[factors[1]].map(LayerBuilder.exact) else { return nil }
            let bias = terms.count == 2 ? values.exact[terms[1]] : nil
            let (rows, cols) = (w.shape.dimensions[0], w.shape.dimensions[1])
            let (outs, ins) = transposed ? (cols, rows) : (rows, cols)
            guard outs <= WorkedExample.componentLimit, ins <= 8, input.entries.count == ins else { return nil }
            return (0..<outs).map { i in
                var items: [Expr] = (0..<ins).map { j in
                    .product([.number(w.entries[transposed ? j * cols + i : i * cols + j]), .number(input.entries[j])])
                }
                if let bias, bias.entries.count == outs { items.append(.number(bias.entries[i])) }
                return .sum(items)
            }
        }

        /// One pass layer by layer for JSON: `[{"layer": 1, "z": […], "a": […], "delta": […],
        /// "dL_dW": [[…]], "dL_db": […]}, …]`, W in the file's orientation, full precision.
        func json(_ evaluation: Evaluation, _ gradients: Gradients?) -> JSONValue {
            let values = values(evaluation, gradients).matrices
            func array(_ key: LayerExpr, matrix: Bool = false) -> JSONValue? {
                guard let m = values[key] else { return nil }
                if !matrix { return .array(m.entries.map(JSONValue.number)) }
                return .array(m.rowArrays.map { .array($0.map(JSONValue.number)) })
            }
            return .array(chain.layers.indices.map { k in
                let l = k + 1
                let members: [(String, JSONValue?)] = [
                    ("layer", .number(Double(l))), ("z", array(.symbol(derivation.z(l)))), ("a", array(.symbol(derivation.a(l)))),
                    ("delta", array(.symbol(derivation.delta(l)))), ("dL_dW", array(.gradient(derivation.W(l)), matrix: true)),
                    ("dL_db", array(.gradient(derivation.b(l)))),
                ]
                return .object(members.compactMap { key, value in value.map { (key: key, value: $0) } })
            })
        }

        // MARK: Batches and updates

        /// ∂L/∂W⁽ˡ⁾ and ∂L/∂b⁽ˡ⁾ averaged over a batch, as matrices.
        func averaged(_ iteration: Iteration) -> [Line] {
            parameters.map { symbol, node in
                let gradient = iteration.deltas[node]
                return Line(lhs: .layer(.gradient(symbol)),
                            steps: [.tensor(gradient.scalars.count == 1 && gradient.shape.rank < 2 ? RealTensor(gradient.scalars[0]) : gradient)])
            }
        }

        /// `W⁽ˡ⁾ ← W⁽ˡ⁾ − η ∂L/∂W⁽ˡ⁾ = old − η · gradient = new`, as matrices.
        func update(_ iteration: Iteration, rate: Number) -> Section {
            let evaluation = iteration.passes.first?.evaluation
            var lines: [Line] = []
            for (symbol, node) in parameters {
                guard let new = iteration.updated[node], let evaluation else { continue }
                let shape = network.nodes[node].shape
                let old = network.nodes[node].value.flatMap { $0.doubles == evaluation.value(node).scalars ? $0 : nil }
                    ?? LayerBuilder.exact(evaluation.value(node))
                let gradient = LayerBuilder.exact(iteration.deltas[node])
                let single = shape.count == 1 && shape.rank < 2
                let numbers = Step.combination([Operand(.first, single ? Tensor(old.entries[0]) : Tensor(shape: shape, entries: old.entries)),
                                                Operand(.minus, Tensor(rate)),
                                                Operand(.times, single ? Tensor(gradient.entries[0]) : Tensor(shape: shape, entries: gradient.entries))])
                lines.append(Line(lhs: .layer(.symbol(symbol)), isUpdate: true,
                                  steps: [.descent(symbol), numbers, .tensor(single ? RealTensor(new.scalars[0]) : new)],
                                  old: old.entries.map(\.doubleValue)))
            }
            return Section(title: "Update (η = \(DisplayNumber.string(rate)))", lines: lines)
        }

        /// Each layer's W⁽ˡ⁾ and b⁽ˡ⁾ with its node, output layer first (the order of the backward pass).
        private var parameters: [(LayerSymbol, Int)] {
            chain.layers.enumerated().reversed().flatMap { k, layer -> [(LayerSymbol, Int)] in
                var result = [(derivation.W(k + 1), layer.weights[0].node)]
                if let bias = layer.bias?.first { result.append((derivation.b(k + 1), bias.node)) }
                return result
            }
        }

        // MARK: Conversions

        /// A computed matrix as a runtime tensor: a column as a vector, 1 × 1 as a scalar.
        static func tensor(_ m: LayerMatrix) -> RealTensor {
            if m.entries.count == 1 { return RealTensor(m.entries[0]) }
            return RealTensor(shape: m.cols == 1 ? .vector(m.rows) : .matrix(m.rows, m.cols), scalars: m.entries)
        }

        /// A computed matrix as a tensor of real numbers, shaped like ``tensor(_:)``.
        static func exact(_ m: LayerMatrix) -> Tensor { exact(tensor(m)) }

        /// A runtime tensor as a tensor of real numbers.
        static func exact(_ t: RealTensor) -> Tensor { Tensor(shape: t.shape, entries: t.scalars.map(Number.real)) }

        /// A column (`n × 1`) as a vector, `1 × 1` as a scalar; other shapes kept.
        static func shaped(_ t: Tensor) -> Tensor {
            let d = t.shape.dimensions
            if t.entries.count == 1 { return Tensor(t.entries[0]) }
            if d.count == 2, d[1] == 1 { return Tensor(shape: .vector(d[0]), entries: t.entries) }
            return t
        }
    }
}
