extension Tape {
    /// The reverse pass of ``Runtime/localPartials(_:of:component:)``: only node `node`'s own slots are
    /// walked (fused operations send ∂/∂p to p), with adjoints kept by slot in a dictionary, so the
    /// cost is that of the node's formula however large the network is. The adjoints found at other
    /// nodes' slots are the local partials along the node's incoming edges.
    func localBackward(_ v: [RealTensor], node: Int, seedValue: [Double]) -> [Int: [Double]] {
        var adjoint: [Int: [Double]] = [nodeSlots[node]: seedValue]
        for slot in stride(from: nodeSlots[node], through: nodeStarts[node], by: -1) {
            guard !isConstant[slot], let g = adjoint[slot] else { continue }
            step(slot, g, v, local: true) { target, entries, _ in
                guard !isConstant[target] else { return }
                let count = shapes[target].count
                let values = entries.count == count ? entries : [entries.reduce(0, +)]
                adjoint[target] = adjoint[target].map { zip($0, values).map(+) } ?? values
            }
        }
        return adjoint
    }
}
