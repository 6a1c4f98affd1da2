/// Reads a ``Network`` as a ``LayerChain`` (see ``LayerChain/init(_:)``): finds each unit
/// a = f(z) with z affine in its inputs, groups scalar neurons over the same inputs into layers,
/// links the layers into a chain and identifies the loss.
struct LayerRecognizer {
    typealias Ref = LayerChain.Ref
    let network: Network

    /// One vector layer, or one or more scalar neurons over the same inputs, as written.
    struct Unit {
        var activation: LayerChain.Activation
        var outputs: [Ref]
        var preactivations: [Ref]
        var inputs: [Ref]
        /// Weight entries, one row per output and one column per input.
        var rows: [[Ref]]
        var bias: [Ref]?
        var orientation: LayerChain.Orientation
        var isVector: Bool
    }

    func chain() throws(LayerError) -> LayerChain {
        guard let loss = network.loss, let formula = network.nodes[loss].formula else {
            throw .notALayerChain("the file has no loss")
        }
        let layers = try link(try group(try units(except: loss)))
        guard let last = layers.last else { throw .notALayerChain("the file has no layers") }
        for layer in layers.dropLast() where layer.activation == .softmax {
            throw .notALayerChain("softmax is only read in the output layer (with cross-entropy)")
        }
        let outputNodes = Set(last.outputs.map(\.node))
        var targetNodes: [Int] = []
        for node in formula.references where !outputNodes.contains(node) {
            guard network.nodes[node].kind == .target else {
                throw .notALayerChain("the loss uses '\(network.nodes[node].name)', which is neither the output nor a target")
            }
            targetNodes.append(node)
        }
        let targets = targetNodes.flatMap { node in (0..<network.nodes[node].shape.count).map { Ref(node, $0) } }
        guard targets.count == last.outSize || targets.count == 1 else {
            let names = targetNodes.map { "'\(network.nodes[$0].name)'" }.joined(separator: ", ")
            throw .notALayerChain("the loss compares \(last.outSize) outputs with \(targets.count) target entries (\(names.isEmpty ? "no target" : names))")
        }
        guard let kind = LayerLoss.identify(formula, network: network, outputs: last.outputs, targets: targets) else {
            throw .notALayerChain("the loss is not squared error, binary cross-entropy or cross-entropy of the output and target")
        }
        if last.activation == .softmax, kind != .crossEntropy {
            throw .notALayerChain("a softmax output is read only with the cross-entropy loss")
        }
        let paired = targets.count == 1 ? Array(repeating: targets[0], count: last.outSize) : targets
        return LayerChain(network: network, layers: layers, loss: kind, targets: paired)
    }

    // MARK: Units

    /// Every computed node as a unit a = f(z), in topological order.
    private func units(except loss: Int) throws(LayerError) -> [Unit] {
        var activations: [Int: (LayerChain.Activation, Int)] = [:]
        for (index, node) in network.nodes.enumerated() where node.kind == .computed {
            switch node.formula {
            case .apply(let function, let arguments)? where arguments.count == 1:
                guard case .node(let z) = arguments[0], isPreactivation(z) else { continue }
                guard let activation = LayerChain.Activation(function) else {
                    throw .notALayerChain("'\(node.name)' applies \(function.name), which is not a layer activation (sigmoid, tanh, relu, identity, softmax, g)")
                }
                activations[index] = (activation, z)
            case .softmax(.node(let z))? where isPreactivation(z):
                activations[index] = (.softmax, z)
            default: continue
            }
        }
        let consumed = Set(activations.values.map(\.1))
        var units: [Unit] = []
        for (index, node) in network.nodes.enumerated() where index != loss && !consumed.contains(index) {
            guard node.kind == .computed || node.kind == .preactivation else { continue }
            let outputs = (0..<node.shape.count).map { Ref(index, $0) }
            if let (activation, z) = activations[index], let formula = network.nodes[z].formula,
               let unit = affine(formula, activation: activation, outputs: outputs,
                                 preactivations: (0..<network.nodes[z].shape.count).map { Ref(z, $0) }) {
                units.append(unit)
            } else if let formula = node.formula, let unit = affine(formula, activation: .identity, outputs: outputs, preactivations: outputs) {
                units.append(unit)
            } else {
                throw .notALayerChain("'\(node.name)' is not an activation of a weighted sum W a + b of one layer's outputs")
            }
        }
        return units
    }

    private func isPreactivation(_ node: Int) -> Bool {
        let kind = network.nodes[node].kind
        return kind == .preactivation || kind == .computed && network.nodes[node].formula.map { affine($0, activation: .identity, outputs: [], preactivations: []) != nil } == true
    }

    /// The unit when `formula` is W v + b, Wᵀv + b (vectors) or Σ wᵢ vᵢ + b (scalars).
    private func affine(_ formula: Formula, activation: LayerChain.Activation, outputs: [Ref], preactivations: [Ref]) -> Unit? {
        var product = formula, bias: Formula?
        if case .add(let a, let b) = formula {
            if matrixProduct(a) != nil { (product, bias) = (a, b) } else if matrixProduct(b) != nil { (product, bias) = (b, a) }
        }
        guard let (weight, orientation, input) = matrixProduct(product) else {
            return weightedSum(formula, activation: activation, outputs: outputs, preactivations: preactivations)
        }
        let dimensions = network.nodes[weight].shape.dimensions
        let (rows, cols) = orientation == .outByIn ? (dimensions[0], dimensions[1]) : (dimensions[1], dimensions[0])
        var biasRefs: [Ref]?
        if let bias {
            guard case .node(let b) = bias, network.nodes[b].kind == .parameter else { return nil }
            let count = network.nodes[b].shape.count
            guard count == rows || count == 1 else { return nil }
            biasRefs = (0..<rows).map { Ref(b, count == 1 ? 0 : $0) }
        }
        let weights = (0..<rows).map { i in
            (0..<cols).map { j in Ref(weight, orientation == .outByIn ? i * cols + j : j * rows + i) }
        }
        return Unit(activation: activation, outputs: outputs, preactivations: preactivations,
                    inputs: (0..<cols).map { Ref(input, $0) }, rows: weights, bias: biasRefs,
                    orientation: orientation, isVector: true)
    }

    /// (W, orientation, v) for `W v` or `Wᵀ v` with W a parameter matrix and v a vector node.
    private func matrixProduct(_ formula: Formula) -> (Int, LayerChain.Orientation, Int)? {
        guard case .matmul(let w, .node(let v)) = formula, network.nodes[v].shape.rank == 1 else { return nil }
        func matrix(_ index: Int) -> Bool { network.nodes[index].kind == .parameter && network.nodes[index].shape.rank == 2 }
        switch w {
        case .node(let index) where matrix(index): return (index, .outByIn, v)
        case .transpose(.node(let index)) where matrix(index): return (index, .inByOut, v)
        default: return nil
        }
    }

    /// A scalar neuron's z = Σ wᵢ vᵢ (+ b) with scalar parameters wᵢ, b and distinct scalar inputs vᵢ.
    private func weightedSum(_ formula: Formula, activation: LayerChain.Activation, outputs: [Ref], preactivations: [Ref]) -> Unit? {
        guard outputs.count <= 1 else { return nil }
        var inputs: [Ref] = [], weights: [Ref] = [], bias: Ref?
        for term in terms(formula) {
            if let b = scalar(term, parameter: true) {
                guard bias == nil else { return nil }
                bias = b
                continue
            }
            guard case .multiply(let a, let b) = term else { return nil }
            guard let (w, v) = scalar(a, parameter: true).flatMap({ w in scalar(b, parameter: false).map { (w, $0) } })
                    ?? scalar(b, parameter: true).flatMap({ w in scalar(a, parameter: false).map { (w, $0) } }),
                  !inputs.contains(v) else { return nil }
            inputs.append(v)
            weights.append(w)
        }
        guard !inputs.isEmpty else { return nil }
        return Unit(activation: activation, outputs: outputs, preactivations: preactivations, inputs: inputs,
                    rows: [weights], bias: bias.map { [$0] }, orientation: .outByIn, isVector: false)
    }

    private func terms(_ formula: Formula) -> [Formula] {
        if case .add(let a, let b) = formula { return terms(a) + terms(b) }
        return [formula]
    }

    /// A scalar component: of a parameter, or of an input or computed node.
    private func scalar(_ formula: Formula, parameter: Bool) -> Ref? {
        let ref: Ref
        switch formula {
        case .node(let i) where network.nodes[i].shape.count == 1: ref = Ref(i, 0)
        case .component(let i, let index): ref = Ref(i, network.nodes[i].shape.offset(of: index))
        default: return nil
        }
        let kind = network.nodes[ref.node].kind
        return parameter ? (kind == .parameter ? ref : nil) : (kind == .input || kind == .computed ? ref : nil)
    }

    // MARK: Layers

    /// Scalar neurons over the same inputs merged into one unit (columns in the first neuron's order).
    private func group(_ units: [Unit]) throws(LayerError) -> [Unit] {
        var groups: [Unit] = []
        for unit in units {
            guard !unit.isVector, let k = groups.firstIndex(where: { !$0.isVector && Set($0.inputs) == Set(unit.inputs) }) else {
                groups.append(unit)
                continue
            }
            let names = LayerChain(network: network, layers: [], loss: .crossEntropy, targets: []).names(groups[k].outputs + unit.outputs)
            guard groups[k].activation == unit.activation else {
                throw .notALayerChain("\(names.joined(separator: ", ")) take the same inputs but use different activations")
            }
            guard (groups[k].bias == nil) == (unit.bias == nil) else {
                throw .notALayerChain("\(names.joined(separator: ", ")) take the same inputs but only some have a bias")
            }
            let order = groups[k].inputs.compactMap { unit.inputs.firstIndex(of: $0) }
            groups[k].outputs += unit.outputs
            groups[k].preactivations += unit.preactivations
            groups[k].rows.append(order.map { unit.rows[0][$0] })
            groups[k].bias = groups[k].bias.map { $0 + (unit.bias ?? []) }
        }
        return groups
    }

    /// The groups as a chain: the first takes network inputs, each next one exactly the outputs of the
    /// one before (columns put in that order).
    private func link(_ groups: [Unit]) throws(LayerError) -> [LayerChain.Layer] {
        let namer = LayerChain(network: network, layers: [], loss: .crossEntropy, targets: [])
        func list(_ refs: [Ref]) -> String { namer.names(refs).joined(separator: ", ") }
        var layers: [LayerChain.Layer] = []
        for var unit in groups {
            if let previous = layers.last {
                guard unit.inputs.count == previous.outputs.count, Set(unit.inputs) == Set(previous.outputs) else {
                    throw .notALayerChain("\(list(unit.outputs)) takes \(list(unit.inputs)), not exactly the outputs \(list(previous.outputs)) of the layer before")
                }
                let order = previous.outputs.compactMap { unit.inputs.firstIndex(of: $0) }
                unit.rows = unit.rows.map { row in order.map { row[$0] } }
                unit.inputs = previous.outputs
            } else if let stray = unit.inputs.first(where: { network.nodes[$0.node].kind != .input }) {
                throw .notALayerChain("the first layer (\(list(unit.outputs))) takes \(list([stray])), which is not an input")
            }
            let weights = unit.orientation == .outByIn
                ? unit.rows.flatMap { $0 }
                : unit.inputs.indices.flatMap { j in unit.rows.map { $0[j] } }
            layers.append(LayerChain.Layer(activation: unit.activation, orientation: unit.orientation, inputs: unit.inputs,
                                           preactivations: unit.preactivations, outputs: unit.outputs,
                                           weights: weights, bias: unit.bias))
        }
        return layers
    }
}
