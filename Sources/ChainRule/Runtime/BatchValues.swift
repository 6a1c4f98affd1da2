/// Numbers for every tape slot over a batch: a slot that varies with the sample holds one row of its
/// entries per sample (row-major, `rows × count`), a slot that does not (a parameter, a constant,
/// anything computed from those alone) holds a single row shared by every sample.
///
/// The batched runtime's working storage, for values and for adjoints alike.
struct BatchValues: Sendable {
    /// The batch size.
    var rows: Int
    /// Whether each slot has one row per sample.
    var varies: [Bool]
    /// Each slot's entries (`nil` for an adjoint nothing flowed into).
    var entries: [[Double]?]

    /// How many rows slot `slot` holds.
    func rowCount(_ slot: Int) -> Int { varies[slot] ? rows : 1 }

    /// Row `row` of a slot with `count` entries per row (the shared row for a slot that does not vary).
    func row(_ slot: Int, _ row: Int, count: Int) -> [Double] {
        guard let all = entries[slot] else { return Array(repeating: 0, count: count) }
        let start = varies[slot] ? row * count : 0
        return Array(all[start..<start + count])
    }

    /// The rows of a slot added together (`count` entries).
    func summed(_ slot: Int, count: Int) -> [Double] {
        guard let all = entries[slot] else { return Array(repeating: 0, count: count) }
        return BatchValues.reduce(all, rows: rowCount(slot), count: count, toRows: 1, toCount: count)
    }

    /// `entries` (`rows × count`) summed down to `toRows` rows (`rows` or 1) of `toCount` entries
    /// (`count` or 1): how an adjoint reaches an operand that was broadcast.
    static func reduce(_ entries: [Double], rows: Int, count: Int, toRows: Int, toCount: Int) -> [Double] {
        if rows == toRows, count == toCount { return entries }
        var out = [Double](repeating: 0, count: toRows * toCount)
        entries.withUnsafeBufferPointer { x in
            out.withUnsafeMutableBufferPointer { y in
                for r in 0..<rows {
                    let target = (toRows == 1 ? 0 : r) * toCount
                    if toCount == count {
                        for j in 0..<count { y[target + j] += x[r * count + j] }
                    } else {
                        var total = 0.0
                        for j in 0..<count { total += x[r * count + j] }
                        y[target] += total
                    }
                }
            }
        }
        return out
    }

    /// `f` entry by entry over two operands laid out as `rows × count` (a one-row operand repeats for
    /// every row, a one-entry operand for every entry), giving `rows × count` entries.
    @inline(__always)
    static func combine(_ x: [Double], _ xRows: Int, _ xCount: Int, _ y: [Double], _ yRows: Int, _ yCount: Int,
                        rows: Int, count: Int, _ f: (Double, Double) -> Double) -> [Double] {
        if xRows == yRows, xCount == yCount, x.count == rows * count { return zip(x, y).map(f) }
        var out = [Double](repeating: 0, count: rows * count)
        x.withUnsafeBufferPointer { x in
            y.withUnsafeBufferPointer { y in
                out.withUnsafeMutableBufferPointer { out in
                    for r in 0..<rows {
                        let xBase = xRows == 1 ? 0 : r * xCount, yBase = yRows == 1 ? 0 : r * yCount
                        let xStep = xCount == 1 ? 0 : 1, yStep = yCount == 1 ? 0 : 1
                        for j in 0..<count { out[r * count + j] = f(x[xBase + j * xStep], y[yBase + j * yStep]) }
                    }
                }
            }
        }
        return out
    }
}
