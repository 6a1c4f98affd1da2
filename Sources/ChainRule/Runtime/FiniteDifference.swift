import Foundation

/// Central finite differences: a derivative estimate that shares no code with backpropagation, for
/// verification and tests.
public enum FiniteDifference {
    /// (f(x + h) − f(x − h)) / 2h for f = one component of node `of` (default: the loss, averaged over
    /// `batch` when given) as a function of component `offset` of leaf `wrt`, with
    /// h = ∛ε · max(1, |x|) rounded so that x ± h are exact.
    public static func derivative(_ runtime: Runtime, at point: Point, of node: Int? = nil, component: Int = 0,
                                  wrt leaf: Int, offset: Int = 0, batch: [[Int: RealTensor]] = []) -> Double {
        guard let x = point.values[leaf]?.scalars[offset] else { return .nan }
        let step = cbrt(Double.ulpOfOne) * max(1, abs(x))
        let h = (x + step) - x
        func f(_ value: Double) -> Double {
            let moved = point.setting(leaf, offset: offset, to: value)
            if node == nil, !batch.isEmpty { return runtime.meanLoss(at: moved, batch: batch) ?? .nan }
            let target = node ?? runtime.network.loss ?? (runtime.network.nodes.count - 1)
            return runtime.forward(at: moved).value(target).scalars[component]
        }
        return (f(x + h) - f(x - h)) / (2 * h)
    }

    /// The directional derivative (f(x + h·d) − f(x − h·d)) / 2h of one component of node `of` along
    /// `direction` (leaf components with weights), h = ∛ε · max(1, |x|∞): one central difference that
    /// checks Σ dᵢ ∂f/∂xᵢ for many xᵢ at once.
    public static func directional(_ runtime: Runtime, at point: Point, of node: Int, component: Int = 0,
                                   along direction: [(node: Int, offset: Int, weight: Double)]) -> Double {
        let size = direction.map { abs(point.values[$0.node]?.scalars[$0.offset] ?? 0) }.max() ?? 0
        let h = cbrt(Double.ulpOfOne) * max(1, size)
        func f(_ t: Double) -> Double {
            var moved = point
            for d in direction { moved.values[d.node]?.scalars[d.offset] += t * d.weight }
            return runtime.forward(at: moved).value(node).scalars[component]
        }
        return (f(h) - f(-h)) / (2 * h)
    }
}
