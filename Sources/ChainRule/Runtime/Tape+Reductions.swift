import Foundation

/// The runtime's own kernels for ``Reduction``s: forward values and gradients written directly from
/// the definitions (independent of the symbolic form the algebra differentiates).
extension Tape {
    /// The value of `reduction` over its operands' entries.
    static func reduce(_ reduction: Reduction, _ operands: [[Double]]) -> Double {
        let a = operands[0]
        switch reduction {
        case .norm: return Foundation.sqrt(a.reduce(0) { $0 + $1 * $1 })
        case .mean: return a.reduce(0, +) / Double(Swift.max(1, a.count))
        case .max: return a.max() ?? .nan
        case .min: return a.min() ?? .nan
        case .hinge:
            guard operands.count > 1 else { return .nan }
            let t = operands[1], correct = Tape.correctScore(a, t)
            return a.indices.reduce(0) { total, j in total + (1 - t[j]) * Swift.max(0, a[j] - correct + 1) }
        }
    }

    /// ∂reduction/∂(each entry of each operand), given the reduction's `value`. At ties, max and min
    /// send the whole gradient to the first extreme entry (a subgradient; `verify` reports kinks).
    static func reduceGradient(_ reduction: Reduction, _ operands: [[Double]], value: Double) -> [[Double]] {
        let a = operands[0]
        switch reduction {
        case .norm:
            return [a.map { value == 0 ? 0 : $0 / value }]
        case .mean:
            return [Array(repeating: 1 / Double(Swift.max(1, a.count)), count: a.count)]
        case .max, .min:
            var gradient = [Double](repeating: 0, count: a.count)
            if let k = a.firstIndex(of: value) { gradient[k] = 1 }
            return [gradient]
        case .hinge:
            guard operands.count > 1 else { return [a.map { _ in .nan }] }
            // L = Σ_j (1 − t_j) max(0, s_j − c + 1) with c = Σ_k t_k s_k.
            let t = operands[1], correct = Tape.correctScore(a, t)
            let active = a.indices.map { j in (1 - t[j]) * (a[j] - correct + 1 > 0 ? 1.0 : 0.0) }
            let violations = active.reduce(0, +)
            let ds = a.indices.map { j in active[j] - violations * t[j] }
            let dt = a.indices.map { j in
                -Swift.max(0, a[j] - correct + 1) - violations * a[j]
            }
            return [ds, dt]
        }
    }

    /// Σ_k t_k s_k: the score of the correct class for a one-hot target.
    private static func correctScore(_ s: [Double], _ t: [Double]) -> Double {
        zip(s, t).reduce(0) { $0 + $1.0 * $1.1 }
    }
}
