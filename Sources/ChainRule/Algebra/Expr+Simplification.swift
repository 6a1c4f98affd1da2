import Foundation

/// Canonical simplification: the cheap, always-safe rewrites every stage relies on.
///
/// Sums and products are flattened; constants fold with exact ``Rational`` arithmetic (falling back to
/// `Double` on overflow); 0 terms, 1 factors and x^0 disappear; like terms (2x + 3x = 5x, also for the
/// same product written in another order) and like factors (x·x = x², x·x⁻¹ = 1) are collected;
/// integer powers of powers and of products are multiplied out; functions of constants fold when the
/// result is exact. Terms and factors keep the order in which they first occur, so a chain product
/// ∂y/∂c ∂c/∂a ∂a/∂x1 stays in that order, and a product's numeric coefficient comes first.
/// `simplified()` is idempotent. It never expands a product of sums: see ``expanded()``.
extension Expr {
    /// The canonical simplified form (see the extension's description).
    public func simplified() -> Expr {
        switch self {
        case .number, .symbol, .partial, .total: self
        case .sum(let terms): Expr.sum(simplifying: terms.map { $0.simplified() })
        case .product(let factors): Expr.product(simplifying: factors.map { $0.simplified() })
        case .power(let base, let exponent): Expr.power(simplifying: base.simplified(), exponent.simplified())
        case .apply(let f, let arguments): Expr.apply(simplifying: f, arguments.map { $0.simplified() })
        }
    }

    /// ``simplified()``, remembering the result for every sum and product in `memo` by its storage
    /// (see ``SharedExpr``): a tree that repeats shared sub-trees is simplified once per distinct one.
    public func simplified(memo: inout [SharedExpr: Expr]) -> Expr {
        switch self {
        case .number, .symbol, .partial, .total:
            return self
        case .sum(let terms):
            let key = SharedExpr(self)
            if let key, let known = memo[key] { return known }
            let result = Expr.sum(simplifying: terms.map { $0.simplified(memo: &memo) })
            if let key { memo[key] = result }
            if let done = SharedExpr(result) { memo[done] = result }  // simplification is idempotent
            return result
        case .product(let factors):
            let key = SharedExpr(self)
            if let key, let known = memo[key] { return known }
            let result = Expr.product(simplifying: factors.map { $0.simplified(memo: &memo) })
            if let key { memo[key] = result }
            if let done = SharedExpr(result) { memo[done] = result }  // simplification is idempotent
            return result
        case .power(let base, let exponent):
            return Expr.power(simplifying: base.simplified(memo: &memo), exponent.simplified(memo: &memo))
        case .apply(let f, let arguments):
            return Expr.apply(simplifying: f, arguments.map { $0.simplified(memo: &memo) })
        }
    }

    /// A product's numeric coefficient and its other factors (the coefficient is 1 when there is none).
    var coefficientAndRest: (Number, [Expr]) {
        switch self {
        case .number(let n): return (n, [])
        case .product(let factors):
            if case .number(let n) = factors.first { return (n, Array(factors.dropFirst())) }
            return (.one, factors)
        default: return (.one, [self])
        }
    }

    /// `coefficient × rest` in canonical shape: the coefficient first unless it is 1, a lone factor unwrapped.
    static func product(coefficient: Number, _ rest: [Expr]) -> Expr {
        if rest.isEmpty { return .number(coefficient) }
        if coefficient.isZero { return .zero }
        if coefficient.isOne { return rest.count == 1 ? rest[0] : .product(rest) }
        return .product([.number(coefficient)] + rest)
    }

    /// Collects like terms of already simplified terms, in order of first occurrence.
    static func sum(simplifying terms: [Expr]) -> Expr {
        var slots: [(coefficient: Number, rest: [Expr])] = []
        var slotOfRest: [[Expr: Int]: Int] = [:]
        for term in terms.flatMap(\.summands) {
            let (coefficient, rest) = term.coefficientAndRest
            let key = rest.reduce(into: [Expr: Int]()) { $0[$1, default: 0] += 1 }
            if let slot = slotOfRest[key] {
                slots[slot].coefficient = slots[slot].coefficient + coefficient
            } else {
                slotOfRest[key] = slots.count
                slots.append((coefficient, rest))
            }
        }
        let result = slots.filter { !$0.coefficient.isZero }.map { product(coefficient: $0.coefficient, $0.rest) }
        if result.contains(where: { if case .sum = $0 { true } else { false } }) {
            return sum(simplifying: result)  // a collected 1·(a + b) must be spliced in
        }
        return result.isEmpty ? .zero : result.count == 1 ? result[0] : .sum(result)
    }

    /// Multiplies constants and collects like factors of already simplified factors, in order of first
    /// occurrence, the coefficient first.
    static func product(simplifying factors: [Expr]) -> Expr {
        var coefficient = Number.one
        var bases: [Expr] = []
        var exponents: [Expr: [Expr]] = [:]
        for factor in factors.flatMap(\.factors) {
            let (base, exponent): (Expr, Expr)
            switch factor {
            case .number(let n):
                coefficient = coefficient * n
                continue
            case .power(let b, let e): (base, exponent) = (b, e)
            default: (base, exponent) = (factor, .one)
            }
            if exponents[base] == nil { bases.append(base) }
            exponents[base, default: []].append(exponent)
        }
        if coefficient.isZero { return .zero }
        var rest: [Expr] = []
        var needsAnotherPass = false
        for base in bases {
            let parts = exponents[base] ?? []
            let exponent = parts.count == 1 ? parts[0] : sum(simplifying: parts)
            switch power(simplifying: base, exponent) {
            case .number(let n): coefficient = coefficient * n
            case let factor:
                if case .product = factor { needsAnotherPass = true }
                rest.append(factor)
            }
        }
        if needsAnotherPass { return product(simplifying: [.number(coefficient)] + rest) }
        return product(coefficient: coefficient, rest)
    }

    /// Simplifies base^exponent for an already simplified base and exponent.
    static func power(simplifying base: Expr, _ exponent: Expr) -> Expr {
        let power = Expr.power(base, exponent)
        if let e = exponent.numberValue {
            if e.isZero { return .one }
            if e.isOne { return base }
        }
        switch (base, exponent) {
        case (.number(let b), _) where b.isOne:
            return .one
        case (.number(let b), .number(let e)):
            if let n = e.integerValue, b.rational != nil {
                if b.isZero && n < 0 { return power }  // 1/0 stays visible; evaluation reports it
                let value = b.raised(to: n)
                return value.doubleValue.isFinite ? .number(value) : power
            }
            guard b.rational == nil || e.rational == nil else { return power }  // exact roots stay symbolic
            let value = pow(b.doubleValue, e.doubleValue)
            return value.isFinite ? .number(.real(value)) : power
        case (.power(let inner, let e1), .number(let e2)) where e2.integerValue != nil:
            return Expr.power(simplifying: inner, product(simplifying: [e1, exponent]))
        case (.product(let factors), .number(let e)) where e.integerValue != nil:
            return product(simplifying: factors.map { Expr.power(simplifying: $0, exponent) })
        default:
            return power
        }
    }

    /// Folds a function of constants when the value is exact; log(exp(u)) = u.
    static func apply(simplifying function: Function, _ arguments: [Expr]) -> Expr {
        let numbers = arguments.compactMap(\.numberValue)
        if numbers.count == arguments.count, let value = function.exactValue(numbers) { return .number(value) }
        if function == .log, arguments.count == 1, case .apply(.exp, let inner) = arguments[0], inner.count == 1 {
            return inner[0]
        }
        return .apply(function, arguments)
    }
}

extension Number {
    /// `self^n`, exact when it fits and cheap for any `n` (a `Double` power beyond |n| = 4096).
    func raised(to n: Int) -> Number {
        if isOne || n == 0 { return .one }
        if let r = rational, r == Rational(integer: -1) { return n % 2 == 0 ? .one : self }
        if isZero && n > 0 { return self }
        return Swift.abs(n) <= 4096 ? power(n) : .real(pow(doubleValue, Double(n)))
    }

    /// The value as an `Int` when it is an exact integer.
    var integerValue: Int? {
        guard let r = rational, r.isInteger else { return nil }
        return r.numerator
    }
}
