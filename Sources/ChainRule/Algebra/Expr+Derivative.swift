/// Symbolic differentiation with respect to one symbol.
///
/// Partials, totals and other symbols are constants. Functions follow the forms a course writes:
/// σ′(u) = σ(u)(1 − σ(u)), tanh′ = 1 − tanh², relu′ = step, step′ = 0, identity′ = 1, exp′ = exp,
/// log′(u) = 1/u, abs′(u) = step(u) − step(−u), ∂max(a, b)/∂a = 1 − step(b − a) and
/// ∂max(a, b)/∂b = step(b − a) (the first argument takes a tie; min likewise), and an
/// unspecified g′ is the function `.derivative("g", order: 1)`.
extension Expr {
    /// The derivative with respect to the symbol `name`, simplified.
    public func derivative(withRespectTo name: String) -> Expr {
        rawDerivative(name).simplified()
    }

    private func rawDerivative(_ name: String) -> Expr {
        // A sum asks each term (no search of the whole sum first), so nested sums cost their size once.
        if case .sum(let terms) = self { return .sum(terms.map { $0.rawDerivative(name) }) }
        guard depends(on: name) else { return .zero }
        switch self {
        case .number, .partial, .total: return .zero
        case .symbol(let s): return s == name ? .one : .zero
        case .sum(let terms): return .sum(terms.map { $0.rawDerivative(name) })
        case .product(let factors):
            // Product rule: each factor differentiated in its place.
            return .sum(factors.indices.filter { factors[$0].depends(on: name) }.map { i in
                var term = factors
                term[i] = factors[i].rawDerivative(name)
                return .product(term)
            })
        case .power(let base, let exponent):
            if !exponent.depends(on: name) {
                return .product([exponent, .power(base, exponent - .one), base.rawDerivative(name)])
            }
            // d(u^v) = u^v (v′ log u + v u′ / u)
            return .product([self, .sum([
                .product([exponent.rawDerivative(name), .apply(.log, [base])]),
                .product([exponent, base.rawDerivative(name), .power(base, -1)]),
            ])])
        case .apply(let f, let arguments):
            return .sum(arguments.indices.filter { arguments[$0].depends(on: name) }.map { i in
                .product([f.partialDerivative(arguments, at: i), arguments[i].rawDerivative(name)])
            })
        }
    }
}

extension Function {
    /// ∂f(arguments)/∂arguments[index], written as a course writes it (not simplified).
    public func partialDerivative(_ arguments: [Expr], at index: Int) -> Expr {
        let u = arguments.indices.contains(index) ? arguments[index] : .zero
        let other = arguments.indices.contains(1 - index) ? arguments[1 - index] : .zero
        let f = Expr.apply(self, arguments)
        switch self {
        case .sigmoid: return .product([f, .difference(.one, f)])
        case .tanh: return .difference(.one, .power(f, 2))
        case .relu: return .apply(.step, [u])
        case .step: return .zero
        case .identity: return .one
        case .exp: return f
        case .log: return .power(u, -1)
        case .abs: return .difference(.apply(.step, [u]), .apply(.step, [.negation(u)]))
        // At a tie the first argument takes the whole derivative (a subgradient, as the runtime does):
        // ∂max(a, b)/∂a = 1 − step(b − a), ∂max(a, b)/∂b = step(b − a); min likewise with a − b.
        case .max: return index == 0 ? .difference(.one, .apply(.step, [.difference(other, u)])) : .apply(.step, [.difference(u, other)])
        case .min: return index == 0 ? .difference(.one, .apply(.step, [.difference(u, other)])) : .apply(.step, [.difference(other, u)])
        case .unspecified(let g): return .apply(.derivative(g, order: 1), arguments)
        case .derivative(let g, let order): return .apply(.derivative(g, order: order + 1), arguments)
        }
    }
}
