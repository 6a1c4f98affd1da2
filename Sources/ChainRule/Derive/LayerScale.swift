/// A coefficient c or c/m (per sample of a batch of m).
public struct LayerScale: Hashable, Sendable {
    /// The constant factor c.
    public var factor: Number
    /// Whether the coefficient is divided by the batch size m.
    public var perSample: Bool

    /// Creates `factor`, or `factor / m` when `perSample`.
    public init(_ factor: Number, perSample: Bool = false) {
        self.factor = factor
        self.perSample = perSample
    }

    /// An integer coefficient.
    public init(_ integer: Int) { self.init(Number(integer)) }

    /// The value with m samples.
    public func value(m: Int) -> Double { factor.doubleValue / (perSample ? Double(m) : 1) }
}
