import Foundation

extension Tape {
    /// The result of a reverse pass: adjoints per slot (`nil` for zero) and the extra ∂/∂p that fused
    /// stable operations report for the probability slots they read past.
    struct Adjoints {
        var regular: [[Double]?]
        var extra: [[Double]?]

        /// The full adjoint of a slot: what flowed into it plus what fused operations report.
        func total(_ slot: Int, count: Int) -> [Double] {
            switch (regular[slot], extra[slot]) {
            case (nil, nil): return Array(repeating: 0, count: count)
            case (let a?, nil): return a
            case (nil, let b?): return b
            case (let a?, let b?): return zip(a, b).map(+)
            }
        }
    }

    /// Reverse-mode accumulation from `seed` (its adjoint set to `seedValue`) down to the leaves.
    ///
    /// With `localTo` a node index, only that node's own operations are walked and fused operations
    /// send ∂/∂p to p: the adjoints then found at other nodes' slots are the local partials along the
    /// node's incoming edges.
    func backward(_ v: [RealTensor], seed: Int, seedValue: [Double], localTo: Int? = nil) -> Adjoints {
        var adjoint = Adjoints(regular: Array(repeating: nil, count: operations.count),
                               extra: Array(repeating: nil, count: operations.count))
        adjoint.regular[seed] = seedValue
        func accumulate(_ slot: Int, _ entries: [Double], extra: Bool = false) {
            guard !isConstant[slot] else { return }
            let count = shapes[slot].count
            let values = entries.count == count ? entries : [entries.reduce(0, +)]
            if extra && localTo == nil {
                Tape.add(values, into: &adjoint.extra[slot])
            } else {
                Tape.add(values, into: &adjoint.regular[slot])
            }
        }
        for slot in stride(from: seed, through: 0, by: -1) {
            if let owner = localTo, owners[slot] != owner { continue }
            guard let g = adjoint.regular[slot], !isConstant[slot] else { continue }
            step(slot, g, v, local: localTo != nil, accumulate)
        }
        return adjoint
    }

    /// Adds `values` into an adjoint in place (the first contribution is taken as it is).
    private static func add(_ values: [Double], into adjoint: inout [Double]?) {
        guard adjoint != nil else {
            adjoint = values
            return
        }
        adjoint?.withUnsafeMutableBufferPointer { a in
            values.withUnsafeBufferPointer { b in for k in 0..<Swift.min(a.count, b.count) { a[k] += b[k] } }
        }
    }

    /// Sends the adjoint `g` of `slot` to its operands.
    func step(_ slot: Int, _ g: [Double], _ v: [RealTensor], local: Bool,
                      _ accumulate: (Int, [Double], Bool) -> Void) {
        func send(_ target: Int, _ entries: [Double]) { accumulate(target, entries, false) }
        func report(_ target: Int, _ entries: [Double]) { accumulate(target, entries, true) }
        /// Per-entry pairs of `a` and `b` (broadcast) with the adjoint.
        func pairs(_ a: Int, _ b: Int, _ f: (Double, Double, Double) -> Double) -> [Double] {
            let x = v[a].scalars, y = v[b].scalars, n = Swift.max(x.count, y.count)
            if x.count == n, y.count == n, g.count == n {
                return x.withUnsafeBufferPointer { x in
                    y.withUnsafeBufferPointer { y in (0..<n).map { f(g[$0], x[$0], y[$0]) } }
                }
            }
            let gs = g.count == n ? g : Array(repeating: g[0], count: n)
            return (0..<n).map { k in f(gs[k], x[x.count == 1 ? 0 : k], y[y.count == 1 ? 0 : k]) }
        }
        let y = v[slot].scalars
        switch operations[slot] {
        case .leaf, .constant: break
        case .copy(let a): send(a, g)
        case .component(let a, let offset):
            var entries = [Double](repeating: 0, count: shapes[a].count)
            entries[offset] = g[0]
            send(a, entries)
        case .add(let a, let b):
            send(a, g)
            send(b, g)
        case .subtract(let a, let b):
            send(a, g)
            if !isConstant[b] { send(b, g.map { -$0 }) }
        case .multiply(let a, let b):
            if !isConstant[a] { send(a, pairs(a, b) { g, _, y in g * y }) }
            if !isConstant[b] { send(b, pairs(a, b) { g, x, _ in g * x }) }
        case .divide(let a, let b):
            if !isConstant[a] { send(a, pairs(a, b) { g, _, y in g / y }) }
            if !isConstant[b] { send(b, pairs(a, b) { g, x, y in -g * x / (y * y) }) }
        case .power(let a, let b):
            let e = v[b].scalars[0]
            if !isConstant[a] { send(a, zip(g, v[a].scalars).map { g, x in g * e * Tape.power(x, e - 1) }) }
            if !isConstant[b] {
                send(b, [zip(zip(g, v[a].scalars), y).map { pair, y in
                    let (g, x) = pair
                    return x == 0 ? 0 : g * y * Foundation.log(x)
                }.reduce(0, +)])
            }
        case .negate(let a): send(a, g.map { -$0 })
        case .transpose:
            send(operations[slot].operands[0], Tape.transposed(RealTensor(shape: shapes[slot], scalars: g)))
        case .matmul(let a, let b):
            if !isConstant[a] { send(a, Tape.matmulGradientLeft(g, v[b], rows: shapes[a].dimensions[0])) }
            if !isConstant[b] { send(b, Tape.matmulGradientRight(v[a], g, shape: shapes[b])) }
        case .apply(let f, let a):
            let x = v[a].scalars
            send(a, (0..<g.count).map { k in g[k] * Tape.derivative(f, x[k], y[k]) })
        case .apply2(let f, let a, let b):
            let firstWins: (Double, Double) -> Bool = f == .max ? { $0 >= $1 } : { $0 <= $1 }
            send(a, pairs(a, b) { g, x, y in firstWins(x, y) ? g : 0 })
            send(b, pairs(a, b) { g, x, y in firstWins(x, y) ? 0 : g })
        case .softmax(let a):
            let dot = zip(g, y).reduce(0) { $0 + $1.0 * $1.1 }
            send(a, (0..<y.count).map { y[$0] * (g[$0] - dot) })
        case .sum(let a): send(a, Array(repeating: g[0], count: shapes[a].count))
        case .bce(let p, let t):
            send(p, pairs(p, t) { g, p, t in g * (-Stable.xdivy(t, p) + Stable.xdivy(1 - t, 1 - p)) })
            send(t, pairs(p, t) { g, p, _ in g * (Foundation.log(1 - p) - Foundation.log(p)) })
        case .crossEntropy(let p, let t):
            send(p, pairs(p, t) { g, p, t in -g * Stable.xdivy(t, p) })
            send(t, pairs(p, t) { g, p, _ in -g * Foundation.log(p) })
        case .mse(let p, let t):
            send(p, pairs(p, t) { g, p, t in g * (p - t) })
            send(t, pairs(p, t) { g, p, t in -g * (p - t) })
        case .reduce(let reduction, let slots):
            let gradients = Tape.reduceGradient(reduction, slots.map { v[$0].scalars }, value: y[0])
            for (slot, gradient) in zip(slots, gradients) { send(slot, gradient.map { g[0] * $0 }) }
        case .logSigmoid(let p, let z):
            let z = v[z].scalars, toP = (0..<g.count).map { g[$0] * Stable.inverseSigmoid(z[$0]) }
            if local { send(p, toP) } else {
                send(operations[slot].operands[1], (0..<g.count).map { g[$0] * Stable.sigmoid(-z[$0]) })
                report(p, toP)
            }
        case .logOneMinusSigmoid(let q, let p, let zSlot):
            let z = v[zSlot].scalars, toQ = (0..<g.count).map { g[$0] * Stable.inverseSigmoid(-z[$0]) }
            if local { send(q, toQ) } else {
                send(zSlot, (0..<g.count).map { -g[$0] * Stable.sigmoid(z[$0]) })
                report(q, toQ)
                report(p, toQ.map { -$0 })
            }
        case .logSoftmax(let p, let zSlot):
            let total = g.reduce(0, +), s = y.map { Foundation.exp($0) }
            let toP = (0..<g.count).map { g[$0] * Foundation.exp(-y[$0]) }
            if local { send(p, toP) } else {
                send(zSlot, (0..<g.count).map { g[$0] - s[$0] * total })
                report(p, toP)
            }
        case .bceLogits(let p, let z, let t):
            let toP = pairs(z, t) { g, z, t in
                g * ((t == 0 ? 0 : -t * Stable.inverseSigmoid(z)) + (t == 1 ? 0 : (1 - t) * Stable.inverseSigmoid(-z)))
            }
            if local { send(p, toP) } else {
                send(z, pairs(z, t) { g, z, t in g * (Stable.sigmoid(z) - t) })
                report(p, toP)
            }
            send(t, pairs(z, t) { g, z, _ in -g * z })
        case .crossEntropyLogits(let p, let z, let t):
            let lse = Stable.logSumExp(v[z].scalars)
            let targets = pairs(z, t) { _, _, t in t }, total = targets.reduce(0, +)
            let toP = pairs(z, t) { g, z, t in t == 0 ? 0 : -g * t * Foundation.exp(lse - z) }
            if local { send(p, toP) } else {
                send(z, pairs(z, t) { g, z, t in g * (total * Foundation.exp(z - lse) - t) })
                report(p, toP)
            }
            send(t, pairs(z, t) { g, z, _ in -g * (z - lse) })
        }
    }

    /// A scalar function's derivative at `x` (its value there is `y`); kinks take the right-hand
    /// value of the function's defining case (ReLU′(0) = 0, |·|′(0) = 0, step′ = 0).
    static func derivative(_ f: Function, _ x: Double, _ y: Double) -> Double {
        switch f {
        case .sigmoid: y * (1 - y)
        case .tanh: 1 - y * y
        case .relu: x > 0 ? 1 : 0
        case .identity: 1
        case .step: 0
        case .exp: y
        case .log: 1 / x
        case .abs: x > 0 ? 1 : x < 0 ? -1 : 0
        case .max, .min, .unspecified, .derivative: .nan
        }
    }

    /// ∂/∂A of `A B` given the output adjoint `g` (m × n): `g Bᵀ`, an m × k matrix.
    static func matmulGradientLeft(_ g: [Double], _ b: RealTensor, rows m: Int) -> [Double] {
        let k = b.shape.dimensions[0], n = b.shape.rank == 2 ? b.shape.dimensions[1] : 1
        var out = [Double](repeating: 0, count: m * k)
        g.withUnsafeBufferPointer { gp in
            b.scalars.withUnsafeBufferPointer { bp in
                out.withUnsafeMutableBufferPointer { o in
                    for i in 0..<m {
                        if n == 1 {
                            let gi = gp[i]
                            for j in 0..<k { o[i * k + j] = gi * bp[j] }
                        } else {
                            for j in 0..<k {
                                var total = 0.0
                                for c in 0..<n { total += gp[i * n + c] * bp[j * n + c] }
                                o[i * k + j] = total
                            }
                        }
                    }
                }
            }
        }
        return out
    }

    /// ∂/∂B of `A B` given the output adjoint `g`: `Aᵀ g`, shaped like B.
    static func matmulGradientRight(_ a: RealTensor, _ g: [Double], shape: Shape) -> [Double] {
        let m = a.shape.dimensions[0], k = a.shape.dimensions[1]
        let n = shape.rank == 2 ? shape.dimensions[1] : 1
        var out = [Double](repeating: 0, count: k * n)
        a.scalars.withUnsafeBufferPointer { ap in
            g.withUnsafeBufferPointer { gp in
                out.withUnsafeMutableBufferPointer { o in
                    for i in 0..<m {
                        for j in 0..<k {
                            let aij = ap[i * k + j]
                            for c in 0..<n { o[j * n + c] += aij * gp[i * n + c] }
                        }
                    }
                }
            }
        }
        return out
    }
}
