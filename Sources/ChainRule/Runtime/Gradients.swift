/// The result of a backward pass: ∂(seed)/∂(node) for every node, shaped like the node.
public struct Gradients: Sendable {
    /// The network differentiated.
    public let network: Network
    /// The node (and component offset, for a vector node) differentiated.
    public let of: Int
    /// For a vector or matrix seed node, the component differentiated (row-major offset); `nil` when
    /// every component was seeded with 1 (for a scalar, the same thing).
    public let component: Int?
    /// The reverse pass's adjoints per tape slot, and each node's slot and size: a node's tensor is
    /// assembled when asked for, so a backward pass costs only the reverse sweep itself.
    let raw: Tape.Adjoints
    let slots: [Int]
    let counts: [Int]

    /// ∂(seed)/∂(node), in node order.
    public var adjoints: [RealTensor] { network.nodes.indices.map { self[$0] } }

    /// ∂(seed)/∂(node `index`).
    public subscript(index: Int) -> RealTensor {
        RealTensor(shape: network.nodes[index].shape, scalars: raw.total(slots[index], count: counts[index]))
    }

    /// ∂(seed)/∂(the node with this name).
    public subscript(name: String) -> RealTensor? { network.index(of: name).map { self[$0] } }

    /// The names of nodes whose derivative has a NaN or an infinity.
    public var nonFinite: [String] {
        network.nodes.indices.filter { !self[$0].isFinite }.map { network.nodes[$0].name }
    }
}
