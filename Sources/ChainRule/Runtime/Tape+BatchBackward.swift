extension Tape {
    /// The adjoints of a batched reverse pass: ``BatchValues`` laid out like the values (one row per
    /// sample where the value varies, summed over the batch where it does not), and the extra ∂/∂p
    /// that fused stable operations report for the probability slots they read past.
    struct BatchAdjoints: Sendable {
        var regular: BatchValues
        var extra: BatchValues

        /// The full adjoint of a slot, rows added together (`count` entries).
        func total(_ slot: Int, count: Int) -> [Double] {
            let flowed = regular.summed(slot, count: count)
            guard extra.entries[slot] != nil else { return flowed }
            return zip(flowed, extra.summed(slot, count: count)).map(+)
        }

        /// The full adjoint of a slot at one row (the summed adjoint for a slot that does not vary).
        func row(_ slot: Int, _ row: Int, count: Int) -> [Double] {
            zip(regular.row(slot, row, count: count), extra.row(slot, row, count: count)).map(+)
        }
    }

    /// Reverse accumulation over a batch from slot `seed`, every row of which starts with adjoint
    /// `seedValue`; walks the tape once, from the seed down. Slots marked in `skipped` (besides the
    /// constant ones) receive no adjoint: the parameters-only pass skips what leads to no parameter.
    func backward(_ v: BatchValues, seed: Int, seedValue: Double, skipped: [Bool]? = nil) -> BatchAdjoints {
        let empty = BatchValues(rows: v.rows, varies: v.varies, entries: Array(repeating: nil, count: operations.count))
        var adjoint = BatchAdjoints(regular: empty, extra: empty)
        adjoint.regular.entries[seed] = Array(repeating: seedValue, count: v.rowCount(seed) * shapes[seed].count)
        var scratch = RowScratch(count: operations.count)
        let skip = skipped.map { zip($0, isConstant).map { $0 || $1 } } ?? isConstant
        for slot in stride(from: seed, through: 0, by: -1) {
            guard !skip[slot], let g = adjoint.regular.entries[slot] else { continue }
            batchStep(slot, g, v, skip, &adjoint, &scratch)
        }
        return adjoint
    }

    /// Whether each slot depends on a leaf for which `isParameter` holds (gradients flow to it).
    func dependence(on isParameter: (Int) -> Bool) -> [Bool] {
        var depends: [Bool] = []
        depends.reserveCapacity(operations.count)
        for slot in operations.indices {
            if case .leaf = operations[slot] {
                depends.append(isParameter(owners[slot]))
            } else {
                depends.append(operations[slot].operands.contains { depends[$0] })
            }
        }
        return depends
    }

    /// Adds `entries` (`rows × count(entries)/rows`) into the adjoint of `target`, summing over rows
    /// when the target does not vary and over entries when it is a broadcast one-entry operand.
    private func accumulate(_ target: Int, _ entries: [Double], rows: Int, _ skip: [Bool], into adjoint: inout BatchValues) {
        guard !skip[target] else { return }
        let count = shapes[target].count, perRow = entries.count / Swift.max(rows, 1)
        let reduced = BatchValues.reduce(entries, rows: rows, count: perRow, toRows: adjoint.rowCount(target),
                                         toCount: perRow == count ? count : 1)
        guard adjoint.entries[target] != nil else {
            adjoint.entries[target] = reduced
            return
        }
        adjoint.entries[target]?.withUnsafeMutableBufferPointer { a in
            reduced.withUnsafeBufferPointer { b in for k in 0..<Swift.min(a.count, b.count) { a[k] += b[k] } }
        }
    }

    /// Sends the adjoint `g` of `slot` (laid out like its value) to its operands.
    private func batchStep(_ slot: Int, _ g: [Double], _ v: BatchValues, _ skip: [Bool], _ adjoint: inout BatchAdjoints,
                           _ scratch: inout RowScratch) {
        let rows = v.rowCount(slot), count = shapes[slot].count
        func values(_ a: Int) -> [Double] { v.entries[a] ?? [] }
        func send(_ target: Int, _ entries: [Double]) { accumulate(target, entries, rows: rows, skip, into: &adjoint.regular) }
        /// g times operand `a` (broadcast), entry by entry.
        func times(_ a: Int) -> [Double] {
            BatchValues.combine(g, rows, count, values(a), v.rowCount(a), shapes[a].count, rows: rows, count: count, *)
        }
        switch operations[slot] {
        case .leaf, .constant: break
        case .copy(let a): send(a, g)
        case .add(let a, let b):
            send(a, g)
            send(b, g)
        case .subtract(let a, let b):
            send(a, g)
            if !skip[b] { send(b, g.map { -$0 }) }
        case .multiply(let a, let b):
            if !skip[a] { send(a, times(b)) }
            if !skip[b] { send(b, times(a)) }
        case .negate(let a): send(a, g.map { -$0 })
        case .apply(let f, let a):
            let x = values(a), y = values(slot)
            send(a, (0..<g.count).map { k in g[k] * Tape.derivative(f, x[k], y[k]) })
        case .matmul(let a, let b) where !v.varies[a] && v.varies[b] && shapes[a].rank == 2 && shapes[b].rank == 1:
            let m = shapes[a].dimensions[0], k = shapes[a].dimensions[1]
            if !skip[a] { product(into: a, &adjoint.regular, m: m, n: k, k: rows, .transposed, g, m, values(b), k) }
            if !skip[b] { product(into: b, &adjoint.regular, m: rows, n: k, k: m, .plain, g, m, values(a), k) }
        case .sum(let a) where v.varies[a]:
            let n = shapes[a].count
            send(a, (0..<rows * n).map { g[$0 / n] })
        case .mse(let p, let t) where v.varies[p] || v.varies[t]:
            let n = Swift.max(shapes[p].count, shapes[t].count)
            let differences = BatchValues.combine(values(p), v.rowCount(p), shapes[p].count, values(t), v.rowCount(t),
                                                  shapes[t].count, rows: rows, count: n, -)
            let toP = (0..<rows * n).map { g[$0 / n] * differences[$0] }
            send(p, toP)
            send(t, toP.map { -$0 })
        default:
            let operands = operations[slot].operands
            for row in 0..<rows {
                scratch.load(operands + [slot], row: row, from: v, shapes: shapes)
                let gRow = Array(g[row * count..<(row + 1) * count])
                step(slot, gRow, scratch.tensors, local: false) { target, entries, extra in
                    if extra {
                        accumulateRow(target, entries, row: row, of: rows, skip, into: &adjoint.extra)
                    } else {
                        accumulateRow(target, entries, row: row, of: rows, skip, into: &adjoint.regular)
                    }
                }
            }
        }
    }

    /// Adds one row's contribution to `target`'s adjoint: into that row when the target varies, else
    /// into its single row (one entry when the contribution is wider than a one-entry target).
    private func accumulateRow(_ target: Int, _ entries: [Double], row: Int, of rows: Int, _ skip: [Bool],
                               into adjoint: inout BatchValues) {
        guard !skip[target] else { return }
        let count = shapes[target].count, targetRows = adjoint.rowCount(target)
        let values = entries.count == count ? entries : [entries.reduce(0, +)]
        if adjoint.entries[target] == nil { adjoint.entries[target] = Array(repeating: 0, count: targetRows * count) }
        let start = targetRows == 1 ? 0 : row * count
        adjoint.entries[target]?.withUnsafeMutableBufferPointer { a in
            for k in 0..<Swift.min(count, values.count) { a[start + k] += values[k] }
        }
    }

    /// How the adjoint g enters a product's gradient: as it is, or transposed.
    private enum Orientation { case plain, transposed }

    /// Adds G·B (G `rows(G) × gColumns`) or Gᵀ·B into the adjoint of `target`, an m × n result, with
    /// the cache-blocked multiply.
    private func product(into target: Int, _ adjoint: inout BatchValues, m: Int, n: Int, k: Int,
                         _ orientation: Orientation, _ g: [Double], _ gColumns: Int, _ b: [Double], _ bColumns: Int) {
        if adjoint.entries[target] == nil { adjoint.entries[target] = Array(repeating: 0, count: m * n) }
        g.withUnsafeBufferPointer { gp in
            b.withUnsafeBufferPointer { bp in
                adjoint.entries[target]?.withUnsafeMutableBufferPointer { out in
                    guard let gp = gp.baseAddress, let bp = bp.baseAddress, let out = out.baseAddress else { return }
                    let left: Matmul.Operand = orientation == .plain ? .plain(gp, columns: gColumns) : .transposed(gp, columns: gColumns)
                    Matmul.multiply(m: m, n: n, k: k, left, .plain(bp, columns: bColumns), into: out, ldc: n, accumulate: true)
                }
            }
        }
    }
}
