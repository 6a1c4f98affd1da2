import Foundation

extension Tape {
    /// The value of every slot, given the values of the leaf nodes (by node index).
    func forward(_ leaves: [Int: RealTensor]) -> [RealTensor] {
        var values: [RealTensor] = []
        values.reserveCapacity(operations.count)
        for slot in operations.indices {
            values.append(evaluate(slot, values, leaves))
        }
        return values
    }

    func evaluate(_ slot: Int, _ v: [RealTensor], _ leaves: [Int: RealTensor]) -> RealTensor {
        let shape = shapes[slot]
        func map(_ a: Int, _ f: (Double) -> Double) -> RealTensor {
            RealTensor(shape: shape, scalars: v[a].scalars.map(f))
        }
        func zip2(_ a: Int, _ b: Int, _ f: (Double, Double) -> Double) -> RealTensor {
            RealTensor(shape: shape, scalars: Tape.broadcast(v[a].scalars, v[b].scalars, f))
        }
        switch operations[slot] {
        case .leaf:
            return leaves[owners[slot]].map { $0.reshaped(shape) } ?? RealTensor(shape: shape, scalars: Array(repeating: .nan, count: shape.count))
        case .constant(let c): return RealTensor(c)
        case .copy(let a): return v[a].reshaped(shape)
        case .component(let a, let offset): return RealTensor(v[a].scalars[offset])
        case .add(let a, let b): return zip2(a, b, +)
        case .subtract(let a, let b): return zip2(a, b, -)
        case .multiply(let a, let b): return zip2(a, b, *)
        case .divide(let a, let b): return zip2(a, b, /)
        case .power(let a, let b):
            let e = v[b].scalars[0]
            return map(a) { Tape.power($0, e) }
        case .negate(let a): return map(a) { -$0 }
        case .transpose(let a): return RealTensor(shape: shape, scalars: Tape.transposed(v[a]))
        case .matmul(let a, let b): return RealTensor(shape: shape, scalars: Tape.matmul(v[a], v[b]))
        case .apply(let f, let a): return map(a) { Tape.apply(f, $0) }
        case .apply2(let f, let a, let b): return zip2(a, b, f == .max ? { Swift.max($0, $1) } : { Swift.min($0, $1) })
        case .softmax(let a):
            let lse = Stable.logSumExp(v[a].scalars)
            return map(a) { exp($0 - lse) }
        case .sum(let a): return RealTensor(v[a].scalars.reduce(0, +))
        case .bce(let p, let t):
            return RealTensor(Tape.broadcast(v[p].scalars, v[t].scalars) { p, t in
                -Stable.xlogy(t, p) - Stable.xlogy(1 - t, 1 - p)
            }.reduce(0, +))
        case .crossEntropy(let p, let t):
            return RealTensor(-Tape.broadcast(v[p].scalars, v[t].scalars) { Stable.xlogy($1, $0) }.reduce(0, +))
        case .mse(let p, let t):
            return RealTensor(Tape.broadcast(v[p].scalars, v[t].scalars) { ($0 - $1) * ($0 - $1) }.reduce(0, +) / 2)
        case .reduce(let reduction, let slots): return RealTensor(Tape.reduce(reduction, slots.map { v[$0].scalars }))
        case .logSigmoid(_, let z): return map(z) { -Stable.softplus(-$0) }
        case .logOneMinusSigmoid(_, _, let z): return map(z) { -Stable.softplus($0) }
        case .logSoftmax(_, let z):
            let lse = Stable.logSumExp(v[z].scalars)
            return map(z) { $0 - lse }
        case .bceLogits(_, let z, let t):
            return RealTensor(Tape.broadcast(v[z].scalars, v[t].scalars) { z, t in
                (t == 0 ? 0 : t * Stable.softplus(-z)) + (t == 1 ? 0 : (1 - t) * Stable.softplus(z))
            }.reduce(0, +))
        case .crossEntropyLogits(_, let z, let t):
            let lse = Stable.logSumExp(v[z].scalars)
            return RealTensor(-Tape.broadcast(v[z].scalars, v[t].scalars) { z, t in t == 0 ? 0 : t * (z - lse) }.reduce(0, +))
        }
    }

    // MARK: Kernels

    /// `f` over two entry lists, a one-entry side broadcasting.
    static func broadcast(_ a: [Double], _ b: [Double], _ f: (Double, Double) -> Double) -> [Double] {
        if a.count == b.count { return zip(a, b).map(f) }
        if a.count == 1 { let x = a[0]; return b.map { f(x, $0) } }
        let y = b[0]
        return a.map { f($0, y) }
    }

    /// A scalar function's value.
    static func apply(_ f: Function, _ x: Double) -> Double {
        switch f {
        case .sigmoid: Stable.sigmoid(x)
        case .tanh: Foundation.tanh(x)
        case .relu: Swift.max(x, 0)
        case .identity: x
        case .step: x > 0 ? 1 : 0
        case .exp: Foundation.exp(x)
        case .log: Foundation.log(x)
        case .abs: Swift.abs(x)
        case .max, .min, .unspecified, .derivative: .nan
        }
    }

    /// xᵉ, with integer exponents by repeated multiplication semantics of `pow` (exact signs for x < 0).
    static func power(_ x: Double, _ e: Double) -> Double {
        e == 2 ? x * x : e == 1 ? x : Foundation.pow(x, e)
    }

    /// The entries of the transpose (a vector is already a one-row matrix's entries).
    static func transposed(_ a: RealTensor) -> [Double] {
        guard a.shape.rank == 2 else { return a.scalars }
        let rows = a.shape.dimensions[0], cols = a.shape.dimensions[1]
        var out = [Double](repeating: 0, count: rows * cols)
        a.scalars.withUnsafeBufferPointer { x in
            out.withUnsafeMutableBufferPointer { y in
                for r in 0..<rows { for c in 0..<cols { y[c * rows + r] = x[r * cols + c] } }
            }
        }
        return out
    }

    /// `a b` for an `m × k` matrix and a `k`-vector or `k × n` matrix, row-major.
    static func matmul(_ a: RealTensor, _ b: RealTensor) -> [Double] {
        let m = a.shape.dimensions[0], k = a.shape.dimensions[1]
        let n = b.shape.rank == 2 ? b.shape.dimensions[1] : 1
        var out = [Double](repeating: 0, count: m * n)
        a.scalars.withUnsafeBufferPointer { x in
            b.scalars.withUnsafeBufferPointer { y in
                out.withUnsafeMutableBufferPointer { z in
                    if n == 1 {
                        for i in 0..<m {
                            var total = 0.0
                            for j in 0..<k { total += x[i * k + j] * y[j] }
                            z[i] = total
                        }
                    } else {
                        for i in 0..<m {
                            for j in 0..<k {
                                let factor = x[i * k + j]
                                for c in 0..<n { z[i * n + c] += factor * y[j * n + c] }
                            }
                        }
                    }
                }
            }
        }
        return out
    }
}
