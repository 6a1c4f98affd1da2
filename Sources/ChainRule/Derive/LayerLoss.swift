import Foundation

/// The loss of a layer chain, as a function of the output ŷ and the target y.
public enum LayerLoss: Hashable, Sendable {
    /// c Σ (ŷ − y)²; `mse` and ½(ŷ − y)² are c = ½.
    case squaredError(Number)
    /// Σ −y log ŷ − (1 − y) log(1 − ŷ).
    case binaryCrossEntropy
    /// −Σ y log ŷ (after a softmax: softmax cross-entropy).
    case crossEntropy

    /// Which loss `formula` computes from the outputs and targets: the shorthands `mse`, `bce`,
    /// `cross_entropy`, or a written-out form recognised by its values at a few points; `nil` for
    /// any other function.
    static func identify(_ formula: Formula, network: Network, outputs: [LayerChain.Ref],
                         targets: [LayerChain.Ref]) -> LayerLoss? {
        var candidates: [LayerLoss] = [.binaryCrossEntropy, .crossEntropy]
        var ratios: [Double] = []
        for trial in 0..<3 {
            var values: [Int: [Double]] = [:]
            func set(_ ref: LayerChain.Ref, _ value: Double) {
                values[ref.node, default: Array(repeating: .nan, count: network.nodes[ref.node].shape.count)][ref.offset] = value
            }
            let p = outputs.indices.map { 0.15 + 0.7 * fraction(0.37 + 0.618 * Double(($0 + 1) * (trial + 2))) }
            let t = targets.indices.map { 0.05 + 0.9 * fraction(0.71 + 0.414 * Double(($0 + 2) * (trial + 3))) }
            zip(outputs, p).forEach { set($0, $1) }
            zip(targets, t).forEach { set($0, $1) }
            let pairs = outputs.indices.map { (p[$0], t[targets.count == 1 ? 0 : $0]) }
            guard let result = evaluate(formula, network, values), result.count == 1, result[0].isFinite else { return nil }
            let loss = result[0]
            candidates = candidates.filter { close(loss, $0.value(pairs)) }
            ratios.append(loss / pairs.reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) })
        }
        if let first = candidates.first { return first }
        guard let c = ratios.first, ratios.allSatisfy({ close($0, c) }), c > 0 else { return nil }
        for denominator in 1...64 where close((c * Double(denominator)).rounded(), c * Double(denominator)) {
            if let r = Rational(Int((c * Double(denominator)).rounded()), denominator) { return .squaredError(.exact(r)) }
        }
        return .squaredError(.real(c))
    }

    /// The loss at (ŷ, y) pairs.
    func value(_ pairs: [(Double, Double)]) -> Double {
        pairs.reduce(0) { total, pair in
            let (p, t) = pair
            switch self {
            case .squaredError(let c): return total + c.doubleValue * (p - t) * (p - t)
            case .binaryCrossEntropy: return total - t * log(p) - (1 - t) * log(1 - p)
            case .crossEntropy: return total - t * log(p)
            }
        }
    }

    private static func fraction(_ x: Double) -> Double { x - x.rounded(.down) }

    private static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(b)) }

    /// A small numeric evaluation of a loss formula (entries row-major; `nil` where unsupported).
    private static func evaluate(_ formula: Formula, _ network: Network, _ values: [Int: [Double]]) -> [Double]? {
        func go(_ f: Formula) -> [Double]? { evaluate(f, network, values) }
        func zipped(_ a: Formula, _ b: Formula, _ op: (Double, Double) -> Double) -> [Double]? {
            guard let x = go(a), let y = go(b), x.count == y.count || x.count == 1 || y.count == 1 else { return nil }
            return (0..<max(x.count, y.count)).map { op(x[x.count == 1 ? 0 : $0], y[y.count == 1 ? 0 : $0]) }
        }
        switch formula {
        case .node(let i): return values[i]
        case .component(let i, let index): return values[i].map { [$0[network.nodes[i].shape.offset(of: index)]] }
        case .constant(let n): return [n.doubleValue]
        case .add(let a, let b): return zipped(a, b, +)
        case .subtract(let a, let b): return zipped(a, b, -)
        case .multiply(let a, let b): return zipped(a, b, *)
        case .divide(let a, let b): return zipped(a, b, /)
        case .power(let a, let b): return zipped(a, b, pow)
        case .negate(let a): return go(a)?.map { -$0 }
        case .sum(let a): return go(a).map { [$0.reduce(0, +)] }
        case .apply(let function, let arguments):
            if arguments.count == 2 { return zipped(arguments[0], arguments[1]) { function.numericValue([$0, $1]) ?? .nan } }
            return arguments.first.flatMap(go)?.map { function.numericValue([$0]) ?? .nan }
        case .bce(let p, let t): return zipped(p, t) { -$1 * log($0) - (1 - $1) * log(1 - $0) }.map { [$0.reduce(0, +)] }
        case .crossEntropy(let p, let t): return zipped(p, t) { -$1 * log($0) }.map { [$0.reduce(0, +)] }
        case .mse(let p, let t): return zipped(p, t) { 0.5 * ($0 - $1) * ($0 - $1) }.map { [$0.reduce(0, +)] }
        case .matmul, .transpose, .softmax, .reduce: return nil
        }
    }
}
