/// The result of a batched forward pass: every node's value for every sample of a batch.
///
/// Values that do not depend on the sample (parameters, and anything computed from them alone) are
/// stored once and given for every row.
public struct BatchEvaluation: Sendable {
    /// The network evaluated.
    public let network: Network
    /// The slot values over the batch (internal working state).
    let values: BatchValues
    /// The slot of each node.
    let nodeSlots: [Int]

    /// How many samples the batch has.
    public var count: Int { values.rows }

    /// Whether node `index` takes a different value per sample (it depends on an input or target
    /// that the batch rows give).
    public func varies(_ index: Int) -> Bool { values.varies[nodeSlots[index]] }

    /// The value of node `index` for sample `row` (0-based).
    public func value(_ index: Int, row: Int) -> RealTensor {
        let shape = network.nodes[index].shape
        return RealTensor(shape: shape, scalars: values.row(nodeSlots[index], row, count: shape.count))
    }

    /// The loss of each sample, when the network has one.
    public var losses: [Double]? {
        network.loss.map { loss in (0..<count).map { value(loss, row: $0).scalars[0] } }
    }

    /// The loss averaged over the batch, when the network has one.
    public var meanLoss: Double? { losses.map { $0.reduce(0, +) / Double(Swift.max(count, 1)) } }
}
