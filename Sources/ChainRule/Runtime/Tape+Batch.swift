extension Tape {
    /// The value of every slot over a batch of `rows` samples: `samples` gives each varying leaf's
    /// entries stacked row by row, `shared` the leaves common to every sample.
    ///
    /// The operations that carry a network's cost run on whole batches: a weight matrix times a
    /// batch of vectors is one cache-blocked product (X Wᵀ), elementwise arithmetic and activations
    /// run over all rows at once. Every other operation runs the per-sample tape's own code row by
    /// row (once when none of its operands varies), so each operation keeps one definition.
    func forward(rows: Int, shared: [Int: RealTensor], samples: [Int: [Double]]) -> BatchValues {
        var v = BatchValues(rows: rows, varies: [], entries: [])
        v.varies.reserveCapacity(operations.count)
        v.entries.reserveCapacity(operations.count)
        var scratch = RowScratch(count: operations.count)
        for slot in operations.indices {
            let (varies, entries) = batchValue(slot, v, shared, samples, &scratch)
            v.varies.append(varies)
            v.entries.append(entries)
        }
        return v
    }

    private func batchValue(_ slot: Int, _ v: BatchValues, _ shared: [Int: RealTensor], _ samples: [Int: [Double]],
                            _ scratch: inout RowScratch) -> (Bool, [Double]) {
        let count = shapes[slot].count, rows = v.rows
        func values(_ a: Int) -> [Double] { v.entries[a] ?? [] }
        func elementwise(_ a: Int, _ b: Int, _ f: (Double, Double) -> Double) -> (Bool, [Double]) {
            let varies = v.varies[a] || v.varies[b]
            return (varies, BatchValues.combine(values(a), v.rowCount(a), shapes[a].count, values(b), v.rowCount(b),
                                                shapes[b].count, rows: varies ? rows : 1, count: count, f))
        }
        switch operations[slot] {
        case .leaf:
            let owner = owners[slot]
            if let stacked = samples[owner] { return (true, stacked) }
            return (false, shared[owner]?.scalars ?? Array(repeating: .nan, count: count))
        case .constant(let c): return (false, [c])
        case .copy(let a): return (v.varies[a], values(a))
        case .add(let a, let b): return elementwise(a, b, +)
        case .subtract(let a, let b): return elementwise(a, b, -)
        case .multiply(let a, let b): return elementwise(a, b, *)
        case .negate(let a): return (v.varies[a], values(a).map { -$0 })
        case .apply(let f, let a): return (v.varies[a], values(a).map { Tape.apply(f, $0) })
        case .matmul(let a, let b) where !v.varies[a] && v.varies[b] && shapes[a].rank == 2 && shapes[b].rank == 1:
            let m = shapes[a].dimensions[0], k = shapes[a].dimensions[1]
            var out = [Double](repeating: 0, count: rows * m)
            values(b).withUnsafeBufferPointer { x in
                values(a).withUnsafeBufferPointer { w in
                    out.withUnsafeMutableBufferPointer { z in
                        guard let x = x.baseAddress, let w = w.baseAddress, let z = z.baseAddress else { return }
                        Matmul.multiply(m: rows, n: m, k: k, .plain(x, columns: k), .transposed(w, columns: k),
                                        into: z, ldc: m, accumulate: false)
                    }
                }
            }
            return (true, out)
        case .sum(let a) where v.varies[a]:
            return (true, BatchValues.reduce(values(a), rows: rows, count: shapes[a].count, toRows: rows, toCount: 1))
        case .mse(let p, let t) where v.varies[p] || v.varies[t]:
            let n = Swift.max(shapes[p].count, shapes[t].count)
            let squares = BatchValues.combine(values(p), v.rowCount(p), shapes[p].count, values(t), v.rowCount(t),
                                              shapes[t].count, rows: rows, count: n) { ($0 - $1) * ($0 - $1) }
            return (true, BatchValues.reduce(squares, rows: rows, count: n, toRows: rows, toCount: 1).map { $0 / 2 })
        default:
            let operands = operations[slot].operands
            let varies = operands.contains { v.varies[$0] }
            var out: [Double] = []
            out.reserveCapacity((varies ? rows : 1) * count)
            for row in 0..<(varies ? rows : 1) {
                scratch.load(operands, row: row, from: v, shapes: shapes)
                out += evaluate(slot, scratch.tensors, [:]).scalars
            }
            return (varies, out)
        }
    }
}

/// Per-sample tensors for the operands of one operation: how the batched runtime runs an
/// operation's per-sample code on one row (a slot array as the per-sample tape uses, filled only at
/// the operands).
struct RowScratch {
    /// One tensor per slot; only the operands loaded last are meaningful.
    var tensors: [RealTensor]

    /// Room for `count` slots.
    init(count: Int) { tensors = Array(repeating: RealTensor(0), count: count) }

    /// Loads row `row` of each operand (the shared row of one that does not vary).
    mutating func load(_ operands: [Int], row: Int, from v: BatchValues, shapes: [Shape]) {
        for a in operands {
            tensors[a] = RealTensor(shape: shapes[a], scalars: v.row(a, row, count: shapes[a].count))
        }
    }
}
