import Foundation
@testable import ChainRule

/// Random smooth expressions over x, y, z (no kinks, so finite differences apply).
struct AlgebraRandomExpressions {
    var rng: SplitMix64
    let names = ["x", "y", "z"]

    mutating func expression(depth: Int) -> Expr {
        let choice = depth <= 0 ? Int.random(in: 0..<2, using: &rng) : Int.random(in: 0..<9, using: &rng)
        switch choice {
        case 0: return .symbol(names.randomElement(using: &rng) ?? "x")
        case 1: return .fraction(Int.random(in: -5...5, using: &rng), Int.random(in: 1...3, using: &rng))
        case 2, 3: return .sum((0..<Int.random(in: 2...3, using: &rng)).map { _ in expression(depth: depth - 1) })
        case 4, 5: return .product((0..<Int.random(in: 2...3, using: &rng)).map { _ in expression(depth: depth - 1) })
        case 6: return .power(expression(depth: depth - 1), .integer(Int.random(in: -2...3, using: &rng)))
        case 7:
            let f: Function = [.sigmoid, .tanh, .exp].randomElement(using: &rng) ?? .sigmoid
            return .apply(f, [expression(depth: depth - 1)])
        default:
            // log of something positive
            return .apply(.log, [.sum([.one, .power(expression(depth: depth - 1), 2)])])
        }
    }

    /// Anything goes: zeros, huge numbers and exponents, kinks, unspecified functions, partials.
    mutating func wildExpression(depth: Int) -> Expr {
        let leaves: [Expr] = [0, 1, -1, .integer(Int.max), .integer(Int.min + 1), .fraction(1, 3), .real(1e300),
                              .real(-0.0), .symbol("x"), .partial(of: "y", wrt: "x"), .total(of: "y", wrt: "x")]
        let functions: [Function] = [.sigmoid, .tanh, .relu, .identity, .step, .exp, .log, .abs, .max, .min,
                                     .unspecified("g"), .derivative("g", order: 2)]
        guard depth > 0 else { return leaves.randomElement(using: &rng) ?? 0 }
        let count = Int.random(in: 1...3, using: &rng)
        switch Int.random(in: 0..<5, using: &rng) {
        case 0: return leaves.randomElement(using: &rng) ?? 0
        case 1: return .sum((0..<count).map { _ in wildExpression(depth: depth - 1) })
        case 2: return .product((0..<count).map { _ in wildExpression(depth: depth - 1) })
        case 3: return .power(wildExpression(depth: depth - 1), wildExpression(depth: depth - 1))
        default:
            let f = functions.randomElement(using: &rng) ?? .exp
            return .apply(f, (0..<Int.random(in: 1...2, using: &rng)).map { _ in wildExpression(depth: depth - 1) })
        }
    }

    mutating func point() -> [String: Double] {
        Dictionary(uniqueKeysWithValues: names.map { ($0, Double.random(in: -2...2, using: &rng)) })
    }
}

/// Symbols and helpers shared by the algebra suites (a protocol, so names stay out of the global scope).
protocol AlgebraFixtures {}

extension AlgebraFixtures {
    var x: Expr { .symbol("x") }
    var y: Expr { .symbol("y") }
    var z: Expr { .symbol("z") }
    var a: Expr { .symbol("a") }
    var b: Expr { .symbol("b") }
    var c: Expr { .symbol("c") }
    var d: Expr { .symbol("d") }

    /// ∂of/∂wrt as an expression.
    func partial(_ of: String, _ wrt: String) -> Expr { .partial(of: of, wrt: wrt) }

    /// The value at `point`, or nil where it is undefined or huge.
    func value(_ e: Expr, _ point: [String: Double]) -> Double? {
        guard case .success(let v) = e.evaluate(at: point), Swift.abs(v) < 1e6 else { return nil }
        return v
    }

    /// Whether two values agree to a relative tolerance.
    func close(_ u: Double, _ v: Double, _ tolerance: Double = 1e-9) -> Bool {
        Swift.abs(u - v) <= tolerance * Swift.max(1, Swift.abs(u), Swift.abs(v))
    }

    /// A compact plain-text form for failure messages.
    func plain(_ e: Expr) -> String {
        switch e {
        case .number(let n): n.description
        case .symbol(let s): s
        case .partial(let q, let u): "∂\(q)/∂\(u)"
        case .total(let q, let u): "D\(q)/D\(u)"
        case .sum(let terms): "(" + terms.map(plain).joined(separator: " + ") + ")"
        case .product(let factors): factors.map(plain).joined(separator: "·")
        case .power(let base, let exponent): plain(base) + "^" + plain(exponent)
        case .apply(let f, let args): f.name + "(" + args.map(plain).joined(separator: ", ") + ")"
        }
    }

    /// `count` random smooth expressions of the given depth from a fixed seed.
    func randomExpressions(seed: UInt64, count: Int, depth: Int = 3) -> [Expr] {
        var random = AlgebraRandomExpressions(rng: SplitMix64(seed: seed))
        return (0..<count).map { _ in random.expression(depth: depth) }
    }

    /// `count` random points in [−2, 2]³ from a fixed seed.
    func randomPoints(seed: UInt64, count: Int) -> [[String: Double]] {
        var random = AlgebraRandomExpressions(rng: SplitMix64(seed: seed))
        return (0..<count).map { _ in random.point() }
    }
}
