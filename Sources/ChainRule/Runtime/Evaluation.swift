/// The result of a forward pass: the value of every node (and of every operation inside formulas,
/// kept for the backward pass).
public struct Evaluation: Sendable {
    /// The network evaluated.
    public let network: Network
    /// Slot values in tape order (internal working state).
    let slots: [RealTensor]
    /// The slot of each node.
    let nodeSlots: [Int]

    /// The value of node `index`.
    public func value(_ index: Int) -> RealTensor { slots[nodeSlots[index]] }

    /// The value of the node with this name.
    public func value(named name: String) -> RealTensor? { network.index(of: name).map(value) }

    /// Every node's value, in node order.
    public var values: [RealTensor] { nodeSlots.map { slots[$0] } }

    /// The loss, when the network has one.
    public var loss: Double? { network.loss.flatMap { value($0).scalar } }

    /// The names of nodes whose value has a NaN or an infinity (an error to report, never to print
    /// as a number).
    public var nonFinite: [String] {
        network.nodes.indices.filter { !value($0).isFinite }.map { network.nodes[$0].name }
    }
}
