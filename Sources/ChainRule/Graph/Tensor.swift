/// A value given in a network file: a scalar, vector or matrix of exact-or-real numbers.
public struct Tensor: Hashable, Sendable {
    /// The shape.
    public var shape: Shape
    /// The entries in row-major order; `entries.count == shape.count`.
    public var entries: [Number]

    /// Creates a tensor; the entry count must match the shape.
    public init(shape: Shape, entries: [Number]) {
        precondition(entries.count == shape.count, "tensor entries do not match its shape")
        self.shape = shape
        self.entries = entries
    }

    /// A scalar.
    public init(_ scalar: Number) {
        self.init(shape: .scalar, entries: [scalar])
    }

    /// The entry at a 1-based component index.
    public subscript(index: [Int]) -> Number { entries[shape.offset(of: index)] }

    /// The entries as `Double`s, row-major.
    public var doubles: [Double] { entries.map(\.doubleValue) }
}
