/// Numeric forward and backward passes over a network, micrograd in spirit: each operation has its
/// own forward and derivative code (independent of Algebra's symbolic differentiation, so the two can
/// check each other).
///
/// Compile once with ``init(_:)``, then evaluate at any ``Point``: ``forward(at:sample:)`` gives every
/// node's value (pre-activations `z_NAME` included), ``backward(_:of:component:)`` the derivative of
/// the loss or any node with respect to every node, parameter and input, and ``train(from:)``
/// repeats forward, backward and gradient-descent updates. Sigmoid or softmax outputs feeding a
/// logarithm or a cross-entropy are evaluated from their logits, so saturated units stay finite.
public struct Runtime: Sendable {
    /// The network evaluated.
    public let network: Network
    let tape: Tape

    /// Compiles `network`; fails when a node uses an activation without numeric meaning (`g`).
    public init(_ network: Network) throws(RuntimeError) {
        self.network = network
        tape = try Tape(network)
    }

    /// How many operations one forward pass evaluates (the cost unit of finite differences).
    public var operationCount: Int { tape.operations.count }

    /// Every node's value at `point`, with a batch row's inputs and targets taking precedence.
    public func forward(at point: Point, sample: [Int: RealTensor] = [:]) -> Evaluation {
        let leaves = sample.isEmpty ? point.values : point.values.merging(sample.mapValues { $0 }) { $1 }
        return Evaluation(network: network, slots: tape.forward(leaves), nodeSlots: tape.nodeSlots)
    }

    /// ∂(node)/∂(every node) at the evaluated point, by reverse accumulation. `node` defaults to the
    /// loss (else the last node); a vector node is seeded with 1 in every component, or with a
    /// one-hot at row-major `component`.
    public func backward(_ evaluation: Evaluation, of node: Int? = nil, component: Int? = nil) -> Gradients {
        let target = node ?? network.loss ?? (network.nodes.count - 1)
        let slot = tape.nodeSlots[target], count = tape.shapes[slot].count
        var seed = [Double](repeating: component == nil ? 1 : 0, count: count)
        if let component, seed.indices.contains(component) { seed[component] = 1 }
        let adjoints = tape.backward(evaluation.slots, seed: slot, seedValue: seed)
        return Gradients(network: network, of: target, component: component, raw: adjoints,
                         slots: tape.nodeSlots, counts: tape.nodeCounts)
    }

    /// The local partials of a node along its incoming edges: ∂(node)/∂(input) holding every other node
    /// fixed, for each node its formula references (shaped like that input). A vector node is seeded
    /// like ``backward(_:of:component:)``.
    public func localPartials(_ evaluation: Evaluation, of node: Int, component: Int? = nil) -> [Int: RealTensor] {
        let slot = tape.nodeSlots[node], count = tape.shapes[slot].count
        var seed = [Double](repeating: component == nil ? 1 : 0, count: count)
        if let component, seed.indices.contains(component) { seed[component] = 1 }
        let adjoints = tape.localBackward(evaluation.slots, node: node, seedValue: seed)
        var result: [Int: RealTensor] = [:]
        for input in network.nodes[node].formula?.references ?? [] {
            let s = tape.nodeSlots[input]
            result[input] = RealTensor(shape: network.nodes[input].shape,
                                       scalars: adjoints[s] ?? Array(repeating: 0, count: tape.shapes[s].count))
        }
        return result
    }

    /// The kinks (ReLU, step, |·| at 0; max/min at ties) whose argument lies within `distance` of the
    /// non-differentiable point at this evaluation; `distance` 0 finds the exact hits.
    public func kinks(_ evaluation: Evaluation, within distance: Double = 0) -> [Kink] {
        var found: [Kink] = []
        let v = evaluation.slots
        for (slot, operation) in tape.operations.enumerated() {
            let name = network.nodes[tape.owners[slot]].name
            switch operation {
            case .apply(let f, let a) where f.hasKink:
                for (k, x) in v[a].scalars.enumerated() where Swift.abs(x) <= distance {
                    found.append(Kink(node: name, function: f, component: k, distance: Swift.abs(x)))
                }
            case .apply2(let f, let a, let b):
                let gaps = Tape.broadcast(v[a].scalars, v[b].scalars) { Swift.abs($0 - $1) }
                for (k, gap) in gaps.enumerated() where gap <= distance {
                    found.append(Kink(node: name, function: f, component: k, distance: gap))
                }
            default: continue
            }
        }
        return found
    }

    /// The loss averaged over `batch` (rows of inputs and targets), or at the point when the batch is
    /// empty; `nil` without a loss.
    public func meanLoss(at point: Point, batch: [[Int: RealTensor]] = []) -> Double? {
        let rows = batch.isEmpty ? [[:]] : batch
        var total = 0.0
        for row in rows {
            guard let loss = forward(at: point, sample: row).loss else { return nil }
            total += loss
        }
        return total / Double(rows.count)
    }
}
