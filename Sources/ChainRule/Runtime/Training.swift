/// A worked example run numerically: `iterations` gradient-descent passes from a starting point, or
/// (streamed) a consecutive part of them starting at pass number ``firstIteration``.
public struct Training: Sendable {
    /// The network trained.
    public var network: Network
    /// The starting point.
    public var start: Point
    /// The passes, in order.
    public var iterations: [Iteration]
    /// How many batch rows each pass averages over (1 without samples).
    public var batchSize: Int
    /// The learning rate η; `nil` when the file gives none (no updates are made).
    public var rate: Double?
    /// The number (from 1) of the first pass in ``iterations``: 1 for a whole run, the pass's own
    /// number for one part of a streamed run.
    public var firstIteration: Int = 1
}

extension Runtime {
    /// Runs `iterations` passes (default: the file's) of forward, backward and the update
    /// p ← p − η ∂L/∂p of every parameter, each pass over every batch row (the file's `sample`s by
    /// default) with loss and gradients averaged over the batch.
    public func train(from point: Point, iterations: Int? = nil, rate: Double? = nil,
                      batch: [[Int: RealTensor]]? = nil) -> Training {
        var record: [Iteration] = []
        var run = train(from: point, iterations: iterations, rate: rate, batch: batch) { record += $0.iterations }
        run.iterations = record
        return run
    }

    /// The same passes as ``train(from:iterations:rate:batch:)``, streamed: `each` receives every pass
    /// as soon as it is computed, as a ``Training`` holding that pass alone (numbered by
    /// ``Training/firstIteration``), and nothing is kept, so memory does not grow with the number of
    /// passes. Returns the run's description without passes (``Training/iterations`` empty).
    public func train(from point: Point, iterations: Int? = nil, rate: Double? = nil,
                      batch: [[Int: RealTensor]]? = nil, each: (Training) -> Void) -> Training {
        let rows = batch ?? network.samples.map { $0.mapValues(RealTensor.init) }
        let eta = rate ?? network.rate?.doubleValue
        let run = Training(network: network, start: point, iterations: [], batchSize: max(rows.count, 1), rate: eta)
        var current = point
        for number in 1...max(1, iterations ?? network.iterations) {
            let iteration = step(at: current, rows: rows, rate: eta)
            var part = run
            part.iterations = [iteration]
            part.firstIteration = number
            each(part)
            for (index, value) in iteration.updated { current.values[index] = value }
            if iteration.updated.isEmpty { break }
        }
        return run
    }

    private func step(at point: Point, rows: [[Int: RealTensor]], rate: Double?) -> Iteration {
        let passes = (rows.isEmpty ? [[:]] : rows).map { row -> Iteration.Pass in
            let evaluation = forward(at: point, sample: row)
            return Iteration.Pass(evaluation: evaluation, gradients: network.loss.map { backward(evaluation, of: $0) })
        }
        let scale = 1 / Double(passes.count)
        var deltas = network.nodes.map { RealTensor.zeros($0.shape) }
        for gradients in passes.compactMap(\.gradients) {
            for index in deltas.indices { deltas[index].add(gradients[index]) }
        }
        deltas = deltas.map { $0.scaled(by: scale) }
        let losses = passes.compactMap(\.evaluation.loss)
        let loss = losses.count == passes.count ? losses.reduce(0, +) * scale : nil
        var updated: [Int: RealTensor] = [:]
        if let rate, network.loss != nil {
            for index in network.indices(of: .parameter) {
                guard let value = point.values[index] else { continue }
                updated[index] = RealTensor(shape: value.shape,
                                            scalars: zip(value.scalars, deltas[index].scalars).map { $0 - rate * $1 })
            }
        }
        return Iteration(passes: passes, loss: loss, deltas: deltas, updated: updated)
    }
}
