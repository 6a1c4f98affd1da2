/// The result of a batched backward pass: the derivative of the batch-averaged loss
/// (1/m) Σᵣ L⁽ʳ⁾ with respect to every node.
///
/// For a parameter this is the gradient a gradient-descent step uses; for a node that varies with the
/// sample, ``subscript(_:)`` gives the batch average of the per-sample derivatives ∂L⁽ʳ⁾/∂node⁽ʳ⁾ and
/// ``perSample(_:row:)`` one sample's.
public struct BatchGradients: Sendable {
    /// The network differentiated.
    public let network: Network
    /// The adjoints per slot over the batch (internal working state).
    let raw: Tape.BatchAdjoints
    /// The slot of each node.
    let nodeSlots: [Int]
    /// The factor the seed carried (1/m when the loss varies with the sample, else 1).
    let seedScale: Double

    /// ∂(mean loss)/∂(node `index`), shaped like the node: the batch average of the per-sample
    /// derivatives.
    public subscript(index: Int) -> RealTensor {
        let shape = network.nodes[index].shape
        return RealTensor(shape: shape, scalars: raw.total(nodeSlots[index], count: shape.count))
    }

    /// ∂(mean loss)/∂(the node with this name).
    public subscript(name: String) -> RealTensor? { network.index(of: name).map { self[$0] } }

    /// ∂L⁽ʳ⁾/∂node⁽ʳ⁾ for sample `row` (0-based) of a node that varies with the sample; for one that
    /// does not, the batch average (the same as ``subscript(_:)``).
    public func perSample(_ index: Int, row: Int) -> RealTensor {
        let shape = network.nodes[index].shape, slot = nodeSlots[index]
        guard raw.regular.varies[slot] else { return self[index] }
        return RealTensor(shape: shape, scalars: raw.row(slot, row, count: shape.count).map { $0 / seedScale })
    }

    /// ∂(mean loss)/∂(every node), in node order.
    public var adjoints: [RealTensor] { network.nodes.indices.map { self[$0] } }
}
