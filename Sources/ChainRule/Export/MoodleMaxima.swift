/// Chain-rule expressions written in Maxima for STACK: every local partial ∂q/∂u of a derivation is
/// one Maxima atom, `d_q_d_u` (`d_y_d_c` for ∂y/∂c; characters other than ASCII letters and digits
/// become `_`, so ∂L/∂W3[1,2] is `d_L_d_W3_1_2`; a name that would repeat another gets `_2`, `_3`).
/// Students type these atoms; the STACK question compares polynomials in them.
struct MoodleMaxima: Sendable {
    /// One local partial and its atom.
    struct Atom: Hashable, Sendable {
        /// q and u of ∂q/∂u.
        var of: String, wrt: String
        /// The Maxima name.
        var name: String
    }

    /// The atoms in the order first met.
    private(set) var atoms: [Atom] = []
    /// Atom names by (of, wrt).
    private var names: [String: String] = [:]

    /// The atoms of every local partial in `exprs`, in the order they are first met.
    init(_ exprs: [Expr]) {
        var used = Set<String>()
        for expr in exprs {
            expr.visit { part in
                guard case .partial(let of, let wrt) = part else { return }
                let key = of + "\u{0}" + wrt
                guard names[key] == nil else { return }
                let base = "d_" + Self.identifier(of) + "_d_" + Self.identifier(wrt)
                var name = base, k = 1
                while !used.insert(name).inserted {
                    k += 1
                    name = base + "_\(k)"
                }
                names[key] = name
                atoms.append(Atom(of: of, wrt: wrt, name: name))
            }
        }
    }

    /// The atom of ∂`of`/∂`wrt`, when it was met.
    func atom(of: String, wrt: String) -> String? { names[of + "\u{0}" + wrt] }

    /// A node name as part of an atom: ASCII letters and digits kept, anything else `_`, no `_` at the end.
    static func identifier(_ name: String) -> String {
        var text = String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
        while text.hasSuffix("_") { text.removeLast() }
        return text.isEmpty ? "q" : text
    }

    /// `expr` in Maxima syntax (sums, products, integer powers, numbers and local partials); `nil`
    /// when it holds anything else (a total derivative, a function, a partial not met).
    func maxima(_ expr: Expr) -> String? {
        switch expr {
        case .partial(let of, let wrt):
            return atom(of: of, wrt: wrt)
        case .number(let number):
            guard let r = number.rational else { return DisplayNumber.string(number.doubleValue) }
            return r.denominator == 1 ? "\(r.numerator)" : "(\(r.numerator)/\(r.denominator))"
        case .sum(let terms):
            let parts = terms.map(maxima)
            guard !parts.isEmpty, parts.allSatisfy({ $0 != nil }) else { return nil }
            return parts.compactMap { $0 }.joined(separator: " + ")
        case .product(let factors):
            var parts: [String] = []
            for factor in factors {
                guard let part = maxima(factor) else { return nil }
                if case .sum(let terms) = factor, terms.count > 1 { parts.append("(" + part + ")") } else { parts.append(part) }
            }
            return parts.isEmpty ? "1" : parts.joined(separator: "*")
        case .power(let base, let exponent):
            guard let b = maxima(base), let e = maxima(exponent) else { return nil }
            return "(" + b + ")^(" + e + ")"
        case .symbol, .total, .apply:
            return nil
        }
    }
}
