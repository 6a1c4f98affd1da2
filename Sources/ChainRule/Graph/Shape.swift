/// The shape of a value: `[]` a scalar, `[n]` a (column) vector, `[rows, cols]` a matrix.
public struct Shape: Hashable, Sendable, CustomStringConvertible {
    /// The sizes, outermost first.
    public var dimensions: [Int]

    /// Creates a shape from its sizes.
    public init(_ dimensions: [Int]) { self.dimensions = dimensions }

    /// A scalar.
    public static let scalar = Shape([])
    /// A vector of `n` entries.
    public static func vector(_ n: Int) -> Shape { Shape([n]) }
    /// A `rows × cols` matrix.
    public static func matrix(_ rows: Int, _ cols: Int) -> Shape { Shape([rows, cols]) }

    /// Whether this is a scalar.
    public var isScalar: Bool { dimensions.isEmpty }
    /// How many scalar entries a value of this shape has.
    public var count: Int { dimensions.reduce(1, *) }
    /// 0 for a scalar, 1 for a vector, 2 for a matrix.
    public var rank: Int { dimensions.count }

    /// Every component index in row-major order (`[[]]` for a scalar; 1-based).
    public var indices: [[Int]] {
        dimensions.reduce([[]]) { partial, size in
            partial.flatMap { prefix in (1...max(size, 1)).map { prefix + [$0] } }
        }
    }

    /// The row-major position of a 1-based component index.
    public func offset(of index: [Int]) -> Int {
        zip(index, dimensions).reduce(0) { $0 * $1.1 + ($1.0 - 1) }
    }

    /// `scalar`, `[4]`, `[4,2]`.
    public var description: String {
        isScalar ? "scalar" : "[" + dimensions.map(String.init).joined(separator: ",") + "]"
    }

    /// The mathematical set, as `ℝ^{4×2}`.
    public var space: String {
        isScalar ? "ℝ" : "ℝ^" + dimensions.map(String.init).joined(separator: "×")
    }
}

extension Shape {
    /// The shape of an elementwise operation on `a` and `b`: equal shapes, or one side a scalar or a
    /// single-entry vector that broadcasts; `nil` when they do not fit.
    public static func broadcast(_ a: Shape, _ b: Shape) -> Shape? {
        if a == b || b.isScalar { return a }
        if a.isScalar { return b }
        if a.count == 1 && a.rank == 1 { return b }
        if b.count == 1 && b.rank == 1 { return a }
        return nil
    }

    /// The shape of the matrix product `a b` (matrix × vector or matrix × matrix); `nil` when the
    /// inner sizes differ or `a` is not a matrix.
    public static func matmul(_ a: Shape, _ b: Shape) -> Shape? {
        guard a.rank == 2, b.rank >= 1, a.dimensions[1] == b.dimensions[0] else { return nil }
        return b.rank == 1 ? .vector(a.dimensions[0]) : .matrix(a.dimensions[0], b.dimensions[1])
    }

    /// The shape after `^T`: a matrix's sizes swapped, a vector as a one-row matrix.
    public var transposed: Shape {
        switch rank {
        case 2: .matrix(dimensions[1], dimensions[0])
        case 1: .matrix(1, dimensions[0])
        default: self
        }
    }
}

extension Shape {
    /// Row-major entries of a value of this shape split into its rows (one row for a scalar or
    /// vector, `dimensions[0]` rows for a matrix).
    public func rows<T>(_ entries: [T]) -> [[T]] {
        guard rank == 2, let columns = dimensions.last else { return [entries] }
        return entries.chunks(of: columns).map(Array.init)
    }
}

extension Array {
    /// The elements in consecutive groups of `size` (the last may be shorter): the rows of a row-major
    /// matrix with `size` columns.
    public func chunks(of size: Int) -> [ArraySlice<Element>] {
        guard size > 0 else { return [self[...]] }
        return stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
