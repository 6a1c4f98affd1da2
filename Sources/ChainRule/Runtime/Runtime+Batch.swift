extension Runtime {
    /// Every node's value for every row of `batch` (inputs and targets per sample, taking precedence
    /// over the point's), as matrix operations over the whole batch. An empty batch is one row of the
    /// point alone.
    public func forward(at point: Point, batch: [[Int: RealTensor]]) -> BatchEvaluation {
        let rows = batch.isEmpty ? [[:]] : batch
        var samples: [Int: [Double]] = [:]
        let given = Set(rows.flatMap(\.keys)).sorted()
        for node in given {
            let count = network.nodes[node].shape.count
            var stacked: [Double] = []
            stacked.reserveCapacity(rows.count * count)
            for row in rows {
                let value = row[node] ?? point.values[node]
                stacked += value.map(\.scalars) ?? Array(repeating: .nan, count: count)
            }
            samples[node] = stacked
        }
        let values = tape.forward(rows: rows.count, shared: point.values, samples: samples)
        return BatchEvaluation(network: network, values: values, nodeSlots: tape.nodeSlots)
    }

    /// ∂(batch-averaged loss)/∂(every node) by one reverse pass over the batch (the loss, else the last
    /// node, seeded with 1/m in every row). With `parametersOnly`, only what leads to a parameter gets
    /// an adjoint (what a training step needs; inputs and targets then read as zero).
    public func backward(_ evaluation: BatchEvaluation, parametersOnly: Bool = false) -> BatchGradients {
        let target = network.loss ?? (network.nodes.count - 1)
        let slot = tape.nodeSlots[target]
        let scale = evaluation.values.varies[slot] ? 1 / Double(evaluation.count) : 1
        let skipped = parametersOnly ? tape.dependence { network.nodes[$0].kind == .parameter }.map(!) : nil
        let adjoints = tape.backward(evaluation.values, seed: slot, seedValue: scale, skipped: skipped)
        return BatchGradients(network: network, raw: adjoints, nodeSlots: tape.nodeSlots, seedScale: scale)
    }
}
