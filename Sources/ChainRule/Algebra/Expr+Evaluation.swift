import Foundation

/// Numeric evaluation in full `Double` precision, reporting (not hiding) where a value fails to exist.
extension Expr {
    /// The value, with `lookup` giving the value of each symbol, partial and total.
    public func evaluate(_ lookup: (Expr) -> Double?) -> Result<Double, EvaluationError> {
        do throws(EvaluationError) { return .success(try value(lookup)) } catch { return .failure(error) }
    }

    /// The value with symbols taken from `values` (partials and totals have none).
    public func evaluate(at values: [String: Double]) -> Result<Double, EvaluationError> {
        evaluate { if case .symbol(let name) = $0 { values[name] } else { nil } }
    }

    /// ``evaluate(_:)``, remembering the value of every sum and product in `memo` by its storage (see
    /// ``SharedExpr``): a tree that repeats shared sub-trees is evaluated once per distinct one.
    public func evaluate(_ lookup: (Expr) -> Double?, memo: inout [SharedExpr: Double]) -> Result<Double, EvaluationError> {
        do throws(EvaluationError) { return .success(try value(lookup, memo: &memo)) } catch { return .failure(error) }
    }

    private func value(_ lookup: (Expr) -> Double?, memo: inout [SharedExpr: Double]) throws(EvaluationError) -> Double {
        let items: [Expr], isSum: Bool
        switch self {
        case .sum(let terms): (items, isSum) = (terms, true)
        case .product(let factors): (items, isSum) = (factors, false)
        default: return try value(lookup)
        }
        let key = SharedExpr(self)
        if let key, let known = memo[key] { return known }
        var result = isSum ? 0.0 : 1.0
        for item in items {
            let v = try item.value(lookup, memo: &memo)
            if isSum { result += v } else { result *= v }
        }
        guard result.isFinite else { throw .notFinite(self) }
        if let key { memo[key] = result }
        return result
    }

    private func value(_ lookup: (Expr) -> Double?) throws(EvaluationError) -> Double {
        let result: Double
        switch self {
        case .number(let n): return n.doubleValue
        case .symbol, .partial, .total:
            guard let v = lookup(self) else { throw .unknownValue(self) }
            return v
        case .sum(let terms):
            var total = 0.0
            for term in terms { total += try term.value(lookup) }
            result = total
        case .product(let factors):
            var total = 1.0
            for factor in factors { total *= try factor.value(lookup) }
            result = total
        case .power(let base, let exponent):
            let b = try base.value(lookup), e = try exponent.value(lookup)
            if b == 0 && e < 0 { throw .divisionByZero(base) }
            result = pow(b, e)
            if result.isNaN && !b.isNaN && !e.isNaN { throw .undefinedPower(self, base: b, exponent: e) }
        case .apply(let f, let arguments):
            var values: [Double] = []
            for argument in arguments { values.append(try argument.value(lookup)) }
            if f == .log, let v = values.first, arguments.count == 1, v <= 0 {
                throw .logarithmOfNonPositive(arguments[0], value: v)
            }
            guard let v = f.numericValue(values) else { throw .cannotEvaluate(f, argumentCount: values.count) }
            result = v
        }
        guard result.isFinite else { throw .notFinite(self) }
        return result
    }
}
