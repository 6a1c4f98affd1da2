/// How a large vector or matrix of a worked example is shown, the way numpy prints large arrays: a
/// dimension of more than ``limit`` entries shows its first and last ``edge`` entries around an
/// ellipsis (`⋯` across a row, `⋮` down a column, `⋱` where both meet), and the value is labelled with
/// its shape (`128×784`). Printers ask only for the entries shown, so the cost of printing a value is
/// proportional to what is shown, not to its size. Values within the limit are shown whole.
public struct Abbreviation: Sendable {
    /// The longest dimension shown whole.
    public static let limit = 8
    /// The entries shown at each end of a longer dimension.
    public static let edge = 3

    /// The rows and columns of the value: a vector is one column (`n × 1`), a matrix its own, a value
    /// of higher rank its rows of the last dimension.
    public let rows: Int
    /// The columns (see ``rows``).
    public let cols: Int
    /// The sizes, outermost first, for the label.
    public let dimensions: [Int]

    /// The layout of a value of `shape`.
    public init(_ shape: Shape) {
        dimensions = shape.dimensions
        cols = shape.rank >= 2 ? max(shape.dimensions.last ?? 1, 1) : 1
        rows = shape.rank >= 2 ? shape.count / cols : (shape.rank == 1 ? shape.count : 1)
    }

    /// Whether some entries are hidden.
    public var isAbbreviated: Bool { rows > Abbreviation.limit || cols > Abbreviation.limit }

    /// The row indices shown, `nil` marking the ellipsis.
    public var shownRows: [Int?] { Abbreviation.indices(rows) }
    /// The column indices shown, `nil` marking the ellipsis.
    public var shownCols: [Int?] { Abbreviation.indices(cols) }

    /// The row-major offsets of every entry shown, in order.
    public var shownOffsets: [Int] {
        shownRows.compactMap { $0 }.flatMap { i in shownCols.compactMap { $0 }.map { i * cols + $0 } }
    }

    /// `128×784` (the shape as a label; `128` for a vector).
    public var label: String { dimensions.map(String.init).joined(separator: "×") }

    /// Indices `0..<n` when `n` is within ``limit``; else the first and last ``edge`` around `nil`.
    public static func indices(_ n: Int) -> [Int?] {
        n <= limit ? Array(0..<n) : Array(0..<edge) + [nil] + Array((n - edge)..<n)
    }
}
