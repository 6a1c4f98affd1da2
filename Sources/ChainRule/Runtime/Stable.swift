import Foundation

/// Numerically stable scalar building blocks: no overflow for large logits, no 0 · ∞.
enum Stable {
    /// σ(z) = 1 / (1 + e^(−z)), never overflowing.
    static func sigmoid(_ z: Double) -> Double {
        z >= 0 ? 1 / (1 + exp(-z)) : { let e = exp(z); return e / (1 + e) }()
    }

    /// softplus(x) = log(1 + eˣ), exact to rounding for every x.
    static func softplus(_ x: Double) -> Double {
        max(x, 0) + log1p(exp(-abs(x)))
    }

    /// 1/σ(z) = 1 + e^(−z) (∂ log p/∂p with p = σ(z)).
    static func inverseSigmoid(_ z: Double) -> Double { 1 + exp(-z) }

    /// log Σ e^(zₖ), shifted by the maximum.
    static func logSumExp(_ z: [Double]) -> Double {
        guard let m = z.max(), m.isFinite else { return z.max() ?? -.infinity }
        var total = 0.0
        for value in z { total += exp(value - m) }
        return m + log(total)
    }

    /// t · log p with 0 · log 0 = 0 (a term a target switches off contributes nothing).
    static func xlogy(_ t: Double, _ p: Double) -> Double { t == 0 ? 0 : t * log(p) }

    /// t / p with 0 / 0 = 0.
    static func xdivy(_ t: Double, _ p: Double) -> Double { t == 0 ? 0 : t / p }
}
