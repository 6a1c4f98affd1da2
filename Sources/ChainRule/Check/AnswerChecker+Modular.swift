/// Symbolic answers to derivatives with more paths than can be multiplied out: both sides are
/// polynomials in the edge symbols (∂q/∂u along each edge), so they are compared by evaluating them at
/// random points modulo the prime p = 2⁶¹ − 1. By the Schwartz–Zippel lemma two different polynomials
/// of degree d agree at a random point with probability at most d/p; with ``modularPoints`` independent
/// points and d below 10⁶ that is below 10⁻²⁴. ∂A/∂B itself is evaluated by one forward pass over the
/// graph (the sum over paths accumulated node by node), never by listing its paths.
extension AnswerChecker {
    /// The prime 2⁶¹ − 1.
    static let modularPrime: UInt64 = (1 << 61) - 1
    /// How many random points each comparison uses.
    static let modularPoints = 2

    /// A step compared modulo ``modularPrime`` (see above): correct when both sides agree at every point.
    func modularStep(_ expr: Expr, at location: SourceLocation, final: Bool) -> CheckResult.Step {
        var atoms = ForeignAtoms(first: edges.count)
        var equal = true
        for point in 0..<Self.modularPoints {
            let answer = modularValue(expr, &atoms, point: point)
            let expected = totalValue(of: derivation.of, wrt: derivation.wrt, point: point)
            if answer != expected { equal = false }
        }
        var findings = atoms.findings
        if !equal { findings.append(.polynomialDiffers(paths: derivation.pathCount)) }
        var correct = !findings.contains(where: \.isError)
        if correct, final, expr.partialCount > factoredCount {
            findings.append(.notFactored(written: expr.partialCount, factored: factoredCount))
        }
        correct = !findings.contains(where: \.isError)
        return CheckResult.Step(expr: expr, location: location, correct: correct, findings: findings,
                                method: .modular(points: Self.modularPoints, paths: derivation.pathCount))
    }

    /// The pseudo-random value of atom `id` at `point` (SplitMix64 of the seed, point and id), below p.
    func atomValue(_ id: Int, point: Int) -> UInt64 {
        var z = seed &+ UInt64(point) &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(id) &* 0xD1B5_4A32_D192_ED03
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return z % Self.modularPrime
    }

    /// ∂q/∂u at `point`: the sum over paths of the products of edge values, by one forward pass.
    func totalValue(of q: Int, wrt u: Int, point: Int) -> UInt64 {
        if q == u { return 1 }
        let sub = Derivation(graph: graph, of: q, wrt: u)
        guard !sub.relevant.isEmpty else { return 0 }
        var value = Array(repeating: UInt64(0), count: sub.relevant.count)
        value[0] = 1
        for k in 1..<sub.relevant.count {
            let node = sub.relevant[k]
            for j in sub.localInputs[k] {
                let edge = edgeIDs[Edge(q: node, u: sub.relevant[j])] ?? 0
                value[k] = Self.add(value[k], Self.multiply(value[j], atomValue(edge, point: point)))
            }
        }
        return value[value.count - 1]
    }

    /// The answer's value at `point`; atoms that are not edges get values of their own (and findings).
    private func modularValue(_ expr: Expr, _ atoms: inout ForeignAtoms, point: Int) -> UInt64 {
        switch expr {
        case .number(let n):
            return Self.residue(n) ?? atomValue(atoms.index(expr, nil), point: point)
        case .partial(let q, let u), .total(let q, let u):
            if let qi = graph.index(of: q), let ui = graph.index(of: u) {
                if let id = edgeIDs[Edge(q: qi, u: ui)] { return atomValue(id, point: point) }
                if qi == ui { return 1 }
                if !Derivation(graph: graph, of: qi, wrt: ui).relevant.isEmpty { return totalValue(of: qi, wrt: ui, point: point) }
            }
            let known = network[q] != nil && network[u] != nil || graph.index(of: q) != nil && graph.index(of: u) != nil
            return atomValue(atoms.index(.partial(of: q, wrt: u), known ? .notAnEdge(of: q, wrt: u) : nil), point: point)
        case .sum(let terms):
            return terms.reduce(0) { Self.add($0, modularValue($1, &atoms, point: point)) }
        case .product(let factors):
            return factors.reduce(1) { Self.multiply($0, modularValue($1, &atoms, point: point)) }
        case .power(let base, let exponent):
            if let n = exponent.numberValue?.rational, n.isInteger {
                let b = modularValue(base, &atoms, point: point)
                let value = Self.power(b, UInt64(n.numerator.magnitude))
                return n.numerator >= 0 ? value : Self.inverse(value)
            }
            return atomValue(atoms.index(expr, .notADerivative(expr)), point: point)
        case .symbol, .apply:
            if expr.isConstant, case .number(let n) = expr.simplified(), let r = Self.residue(n) { return r }
            return atomValue(atoms.index(expr, .notADerivative(expr)), point: point)
        }
    }

    /// An exact number modulo p; `nil` for a real (decimal) value.
    private static func residue(_ n: Number) -> UInt64? {
        guard let r = n.rational else { return nil }
        let numerator = UInt64(r.numerator.magnitude) % modularPrime
        let value = multiply(numerator, inverse(UInt64(r.denominator.magnitude) % modularPrime))
        return r.numerator < 0 ? (modularPrime - value) % modularPrime : value
    }

    static func add(_ a: UInt64, _ b: UInt64) -> UInt64 { (a + b) % modularPrime }

    static func multiply(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let (high, low) = a.multipliedFullWidth(by: b)
        return modularPrime.dividingFullWidth((high, low)).remainder
    }

    static func power(_ base: UInt64, _ exponent: UInt64) -> UInt64 {
        var result: UInt64 = 1, base = base % modularPrime, e = exponent
        while e > 0 {
            if e & 1 == 1 { result = multiply(result, base) }
            base = multiply(base, base)
            e >>= 1
        }
        return result
    }

    /// The inverse modulo p (0 for 0).
    static func inverse(_ a: UInt64) -> UInt64 { power(a, modularPrime - 2) }
}
