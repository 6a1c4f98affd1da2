/// One term of an expanded expression: a numeric coefficient times atoms raised to integer powers.
///
/// Atoms are symbols, partials, totals, function applications, non-integer powers and (in rational forms)
/// sums raised to negative powers. Two monomials are equal when their coefficients are equal and they
/// have the same atoms with the same exponents, in any order; ``factors`` keeps the order in which the
/// atoms first occurred, so a path ∂y/∂c ∂c/∂a ∂a/∂x1 reads output to input.
public struct Monomial: Hashable, Sendable {
    /// An atom raised to a non-zero integer power.
    public struct Factor: Hashable, Sendable {
        /// The atom.
        public var base: Expr
        /// Its exponent, never 0.
        public var exponent: Int

        /// Creates `base^exponent`.
        public init(_ base: Expr, _ exponent: Int = 1) {
            self.base = base
            self.exponent = exponent
        }

        /// `base` or `base^exponent` as an expression.
        public var expr: Expr { exponent == 1 ? base : .power(base, .integer(exponent)) }
    }

    /// The numeric coefficient.
    public var coefficient: Number
    /// The atoms with their exponents, in order of first occurrence, each atom once.
    public private(set) var factors: [Factor]
    private var exponents: [Expr: Int]

    /// Creates `coefficient × Π factors`, collecting repeated atoms and dropping zero exponents.
    public init(coefficient: Number = .one, factors: [Factor] = []) {
        self.coefficient = coefficient
        self.factors = []
        exponents = [:]
        for factor in factors { multiply(by: factor.base, factor.exponent) }
    }

    /// The constant monomial `value`.
    public init(_ value: Number) { self.init(coefficient: value) }

    /// The exponent of `atom` (0 when it does not occur).
    public func exponent(of atom: Expr) -> Int { exponents[atom] ?? 0 }

    /// The same monomial with coefficient 1: what two like terms share.
    public var unit: Monomial {
        var copy = self
        copy.coefficient = .one
        return copy
    }

    /// Whether there are no atoms.
    public var isConstant: Bool { factors.isEmpty }

    /// The total number of `.partial`/`.total` atoms, counted with their exponents (a path's length).
    public var partialCount: Int {
        factors.reduce(0) { count, factor in
            switch factor.base {
            case .partial, .total: count + Swift.abs(factor.exponent)
            default: count
            }
        }
    }

    /// The monomial as a canonical expression: coefficient first (unless 1), then the factors in order.
    public var expr: Expr { Expr.product(coefficient: coefficient, factors.map(\.expr)) }

    /// Multiplies in `atom^exponent`, keeping the atom's first position (it is removed at exponent 0).
    public mutating func multiply(by atom: Expr, _ exponent: Int) {
        guard exponent != 0 else { return }
        let total = (exponents[atom] ?? 0) + exponent
        if let index = factors.firstIndex(where: { $0.base == atom }) {
            if total == 0 { factors.remove(at: index) } else { factors[index].exponent = total }
        } else {
            factors.append(Factor(atom, total))
        }
        exponents[atom] = total == 0 ? nil : total
    }

    /// The product of two monomials, `lhs`'s atoms first.
    public static func * (lhs: Monomial, rhs: Monomial) -> Monomial {
        var result = lhs
        result.coefficient = lhs.coefficient * rhs.coefficient
        for factor in rhs.factors { result.multiply(by: factor.base, factor.exponent) }
        return result
    }

    /// The monomial to an integer power; `nil` when an exponent would leave ±2³¹ (such powers stay whole).
    public func power(_ n: Int) -> Monomial? {
        var raised: [Factor] = []
        for factor in factors {
            let (exponent, overflow) = factor.exponent.multipliedReportingOverflow(by: n)
            guard !overflow, Swift.abs(exponent) <= Int(Int32.max) else { return nil }
            raised.append(Factor(factor.base, exponent))
        }
        return Monomial(coefficient: coefficient.raised(to: n), factors: raised)
    }

    /// The reciprocal (every exponent negated, the coefficient inverted).
    public var reciprocal: Monomial {
        Monomial(coefficient: coefficient.raised(to: -1), factors: factors.map { Factor($0.base, -$0.exponent) })
    }

    /// The monomial without the given atom.
    public func removing(_ atom: Expr) -> Monomial {
        var copy = self
        copy.multiply(by: atom, -copy.exponent(of: atom))
        return copy
    }

    /// Equal coefficients and the same atoms to the same exponents, in any order.
    public static func == (lhs: Monomial, rhs: Monomial) -> Bool {
        lhs.coefficient == rhs.coefficient && lhs.exponents == rhs.exponents
    }

    /// Hashes the coefficient and the atom-to-exponent map (independent of factor order).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(coefficient)
        hasher.combine(exponents)
    }
}
