/// A plain `Double` matrix, row-major: the numeric value of a ``LayerExpr`` (a vector is one column,
/// a scalar 1 × 1).
public struct LayerMatrix: Hashable, Sendable {
    /// The number of rows.
    public var rows: Int
    /// The number of columns.
    public var cols: Int
    /// The entries, row by row; `entries.count == rows * cols`.
    public var entries: [Double]

    /// Creates a matrix; the entry count must be `rows * cols`.
    public init(rows: Int, cols: Int, entries: [Double]) {
        precondition(entries.count == rows * cols, "matrix entries do not match its shape")
        self.rows = rows
        self.cols = cols
        self.entries = entries
    }

    /// A matrix with every entry `value`.
    public init(rows: Int, cols: Int, repeating value: Double) {
        self.init(rows: rows, cols: cols, entries: Array(repeating: value, count: rows * cols))
    }

    /// A column vector.
    public init(column: [Double]) { self.init(rows: column.count, cols: 1, entries: column) }

    /// The entry at 0-based row `r` and column `c`.
    public subscript(r: Int, c: Int) -> Double { entries[r * cols + c] }

    /// The rows, each as an array (for display).
    public var rowArrays: [[Double]] {
        (0..<rows).map { Array(entries[$0 * cols..<($0 + 1) * cols]) }
    }

    /// The transpose.
    public var transposed: LayerMatrix {
        var out = [Double](repeating: 0, count: entries.count)
        for r in 0..<rows { for c in 0..<cols { out[c * rows + r] = entries[r * cols + c] } }
        return LayerMatrix(rows: cols, cols: rows, entries: out)
    }

    /// The matrix product `self · other` (the inner sizes must agree).
    public func multiplied(by other: LayerMatrix) -> LayerMatrix {
        precondition(cols == other.rows, "matrix product of unfitting shapes")
        var out = [Double](repeating: 0, count: rows * other.cols)
        let n = other.cols
        entries.withUnsafeBufferPointer { a in
            other.entries.withUnsafeBufferPointer { b in
                out.withUnsafeMutableBufferPointer { c in
                    for i in 0..<rows {
                        for k in 0..<cols {
                            let aik = a[i * cols + k]
                            let row = k * n, target = i * n
                            for j in 0..<n { c[target + j] += aik * b[row + j] }
                        }
                    }
                }
            }
        }
        return LayerMatrix(rows: rows, cols: n, entries: out)
    }

    /// Entry by entry with `other` (same shape, or either side 1 × 1 broadcast).
    public func combined(with other: LayerMatrix, _ operation: (Double, Double) -> Double) -> LayerMatrix {
        if other.entries.count == 1, entries.count != 1 { return map { operation($0, other.entries[0]) } }
        if entries.count == 1, other.entries.count != 1 { return other.map { operation(entries[0], $0) } }
        return LayerMatrix(rows: rows, cols: cols, entries: zip(entries, other.entries).map(operation))
    }

    /// Every entry transformed.
    public func map(_ transform: (Double) -> Double) -> LayerMatrix {
        LayerMatrix(rows: rows, cols: cols, entries: entries.map(transform))
    }
}
