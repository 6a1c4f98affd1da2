/// A numeric value of the runtime: a shape and its entries as `Double`s, row-major.
///
/// The runtime's working type: full `Double` precision, contiguous storage, no per-entry objects.
/// A scalar has shape `[]` and one entry.
public struct RealTensor: Hashable, Sendable, CustomStringConvertible {
    /// The shape.
    public var shape: Shape
    /// The entries in row-major order; `scalars.count == shape.count`.
    public var scalars: [Double]

    /// Creates a tensor; the entry count must match the shape.
    public init(shape: Shape, scalars: [Double]) {
        precondition(scalars.count == shape.count, "tensor entries do not match its shape")
        self.shape = shape
        self.scalars = scalars
    }

    /// A scalar.
    public init(_ scalar: Double) { self.init(shape: .scalar, scalars: [scalar]) }

    /// A vector.
    public init(vector: [Double]) { self.init(shape: .vector(vector.count), scalars: vector) }

    /// The `Double` values of a file's exact-or-real tensor.
    public init(_ tensor: Tensor) { self.init(shape: tensor.shape, scalars: tensor.doubles) }

    /// All zeros.
    public static func zeros(_ shape: Shape) -> RealTensor {
        RealTensor(shape: shape, scalars: Array(repeating: 0, count: shape.count))
    }

    /// The entry at a 1-based component index (`[]` for a scalar).
    public subscript(index: [Int]) -> Double {
        get { scalars[shape.offset(of: index)] }
        set { scalars[shape.offset(of: index)] = newValue }
    }

    /// The single entry of a scalar or one-entry tensor.
    public var scalar: Double? { scalars.count == 1 ? scalars[0] : nil }

    /// Whether every entry is finite.
    public var isFinite: Bool { scalars.allSatisfy(\.isFinite) }

    /// The same entries under another shape with the same count.
    public func reshaped(_ shape: Shape) -> RealTensor { RealTensor(shape: shape, scalars: scalars) }

    /// `[1.0, 2.0]`-style text for debugging.
    public var description: String { shape.isScalar ? "\(scalars[0])" : "\(shape) \(scalars)" }

    /// Adds `other` entry by entry (same count).
    mutating func add(_ other: RealTensor) {
        scalars.withUnsafeMutableBufferPointer { a in
            other.scalars.withUnsafeBufferPointer { b in
                for k in 0..<a.count { a[k] += b[k] }
            }
        }
    }

    /// Multiplies every entry by `factor`.
    func scaled(by factor: Double) -> RealTensor {
        RealTensor(shape: shape, scalars: scalars.map { $0 * factor })
    }
}

extension RealTensor {
    /// The values as a ``Tensor`` of real numbers.
    var tensor: Tensor { Tensor(shape: shape, entries: scalars.map(Number.real)) }
}
