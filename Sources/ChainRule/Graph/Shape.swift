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
