/// One size of a layer-wise quantity: a number of units, or the batch size m.
public enum LayerDim: Hashable, Sendable, CustomStringConvertible {
    /// A known size.
    case count(Int)
    /// The number of samples m in a batch (rows are samples).
    case batch

    /// `3` or `m`.
    public var description: String {
        switch self {
        case .count(let n): String(n)
        case .batch: "m"
        }
    }

    /// The size, with `m` samples in a batch.
    public func size(m: Int) -> Int {
        switch self {
        case .count(let n): n
        case .batch: m
        }
    }
}

/// The shape of a layer-wise quantity: every quantity is a matrix, a vector being one column and a
/// scalar 1 × 1.
public struct LayerShape: Hashable, Sendable, CustomStringConvertible {
    /// The number of rows.
    public var rows: LayerDim
    /// The number of columns.
    public var cols: LayerDim

    /// Creates a shape.
    public init(_ rows: LayerDim, _ cols: LayerDim) {
        self.rows = rows
        self.cols = cols
    }

    /// A column of `n` entries.
    public static func column(_ n: Int) -> LayerShape { LayerShape(.count(n), .count(1)) }

    /// 1 × 1.
    public static let scalar = LayerShape(.count(1), .count(1))

    /// Whether it is 1 × 1 (printed as a scalar).
    public var isScalar: Bool { self == .scalar }

    /// Rows and columns swapped.
    public var transposed: LayerShape { LayerShape(cols, rows) }

    /// `ℝ`, `ℝ^3`, `ℝ^3×4`, `ℝ^m×4`: a column prints as its length.
    public var description: String {
        if isScalar { return "ℝ" }
        return cols == .count(1) ? "ℝ^\(rows)" : "ℝ^\(rows)×\(cols)"
    }
}
