/// Prints expressions as Unicode plain text for terminals: `∂y/∂c ∂c/∂a + (∂y/∂d + …)(…)`.
///
/// Names stay as written apart from Greek letters and accents (``SymbolName/text``); minus is `−`;
/// factors are juxtaposed with a space (`·` before a factor that starts with a digit, nothing between
/// two parenthesized factors); quotients use `/`; integer powers use superscript digits (`x²`, `x⁻¹`).
public struct TextPrinter: ExprPrinter, Sendable {
    /// Decimal places for real (computed) numbers; `nil` for the shortest round-trip form.
    public var digits: Int?
    /// How total derivatives are written.
    public var totalStyle: TotalStyle
    /// Text already printed for sums and products, and typeset names (see ``PrintMemo``); `nil` prints every occurrence.
    public var memo: PrintMemo?

    /// Creates a printer.
    public init(digits: Int? = nil, totalStyle: TotalStyle = .fraction) {
        self.digits = digits
        self.totalStyle = totalStyle
    }

    /// Rows one per line; a continuation row indented so that its `=` (or its leading sign) sits under
    /// the first row's `=`.
    public func aligned(_ rows: [AlignedRow]) -> String {
        let width = rows.compactMap { $0.lhs?.count }.max() ?? 0
        return rows.map { row in
            if let lhs = row.lhs { return lhs + " " + (row.relation ?? "=") + " " + row.body }
            let indent = String(repeating: " ", count: width + 1)
            return indent + (row.relation.map { $0 + " " } ?? "") + row.body
        }.joined(separator: "\n")
    }

    /// `lhs = rhs`.
    public func inline(_ lhs: String, _ rhs: String) -> String { lhs + " = " + rhs }

    // MARK: One method per case

    /// `0.2`, `−3`, `1/3`, `1.5×10⁻³⁰`, `∞`.
    public func number(_ value: Number) -> String {
        switch DisplayNumber(value, digits: digits) {
        case .fraction(let negative, let n, let d):
            return (negative ? "−" : "") + "\(n)/\(d)"
        case .decimal(let text):
            switch text {
            case "inf": return "∞"
            case "-inf": return "−∞"
            case "nan": return "NaN"
            default:
                let (mantissa, exponent) = DisplayNumber.scientificParts(text)
                guard let exponent else { return minus(text) }
                return minus(mantissa) + "×10" + superscript(String(exponent))
            }
        }
    }

    /// A decimal string from ``DisplayNumber`` as text: `−` for minus, `4.119×10⁻⁵` for `4.119e-05`.
    public func decimalText(_ text: String) -> String {
        let (mantissa, exponent) = DisplayNumber.scientificParts(text)
        guard let exponent else { return minus(text) }
        return minus(mantissa) + "×10" + superscript(String(exponent))
    }

    /// The name as written, with Greek letters and accents: `x1`, `ŷ`, `δ_q`.
    public func symbol(_ name: String) -> String {
        memo?.name(name) { SymbolName(name).text } ?? SymbolName(name).text
    }

    /// `∂y/∂c`.
    public func partial(of: String, wrt: String) -> String { "∂" + symbol(of) + "/∂" + symbol(wrt) }

    /// Like a partial, or `δ_q` in the ``TotalStyle/delta`` style.
    public func total(of: String, wrt: String) -> String {
        switch totalStyle {
        case .fraction: partial(of: of, wrt: wrt)
        case .delta: "δ_" + symbol(wrt)
        case .distinguishing: totalStyle.writesStraight(of: of, wrt: wrt) ? "d" + symbol(of) + "/d" + symbol(wrt) : partial(of: of, wrt: wrt)
        }
    }

    /// `a + b − c`.
    public func sum(_ terms: [Expr]) -> String { signedTerms(.sum(terms)).joined(separator: " ") }

    /// `a b`, `2·3`, `−2 x`, `(a + b)(c + d)`, `a/(b + c)`.
    public func product(_ factors: [Expr]) -> String {
        let (negative, rest) = PrintShape.sign(factors)
        let (numerator, denominator) = PrintShape.fraction(rest)
        let sign = negative ? "−" : ""
        guard !denominator.isEmpty else { return sign + juxtaposed(numerator, bare: !negative) }
        let top: String
        if numerator.count == 1 {
            top = precedence(numerator[0]) <= .product ? "(" + render(numerator[0]) + ")" : render(numerator[0])
        } else {
            let joined = juxtaposed(numerator, bare: false)
            top = numerator.contains { precedence($0) == .product } ? "(" + joined + ")" : joined
        }
        let bottom = denominator.count == 1 && precedence(denominator[0]) > .product
            ? render(denominator[0]) : "(" + juxtaposed(denominator, bare: true) + ")"
        return sign + top + "/" + bottom
    }

    /// `x²`, `x⁻¹`, `(a + b)²`, `x^0.5`, `x^(a + b)`.
    public func power(_ base: Expr, _ exponent: Expr) -> String {
        var needsParentheses = precedence(base) <= .power
        if case .symbol(let name) = base, !SymbolName(name).index.isEmpty { needsParentheses = true }
        let shown = needsParentheses ? "(" + render(base) + ")" : render(base)
        if case .number(.exact(let e)) = exponent, e.isInteger { return shown + superscript(String(e.numerator)) }
        let power = render(exponent)
        return shown + "^" + (precedence(exponent) == .atom ? power : "(" + power + ")")
    }

    /// `σ(z)`, `tanh(z)`, `ReLU(z)`, `g′(z)`, `exp(z)`, `log(z)`, `|z|`, `max(a, b)`, `1[z > 0]`; the
    /// identity prints its argument.
    public func apply(_ function: Function, _ arguments: [Expr]) -> String {
        let args = arguments.map(render).joined(separator: ", ")
        switch function {
        case .sigmoid: return "σ(\(args))"
        case .tanh: return "tanh(\(args))"
        case .relu: return "ReLU(\(args))"
        case .identity: return arguments.count == 1 ? args : "id(\(args))"
        case .step: return "1[\(args) > 0]"
        case .exp, .log, .max, .min: return function.name + "(\(args))"
        case .abs: return "|\(args)|"
        case .unspecified(let name): return symbol(name) + "(\(args))"
        case .derivative(let name, let order):
            let marks = ["", "′", "″", "‴"]
            let mark = marks.indices.contains(order) ? marks[order] : "⁽" + superscript(String(order)) + "⁾"
            return symbol(name) + mark + "(\(args))"
        }
    }

    // MARK: Helpers

    private func precedence(_ expr: Expr) -> Precedence {
        Precedence(expr, digits: digits, deltaTotals: totalStyle == .delta)
    }

    private func minus(_ text: String) -> String {
        text.hasPrefix("-") ? "−" + text.dropFirst() : text
    }

    private func superscript(_ digits: String) -> String {
        let table: [Character: Character] = [
            "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
            "-": "⁻", "+": "⁺",
        ]
        return String(digits.map { table[$0] ?? $0 })
    }

    /// The terms of a sum with their signs: `["a", "+ b", "− c"]`.
    public func signedTerms(_ expr: Expr) -> [String] {
        signedTerms(expr, minus: "− ") { precedence($0) <= .sum ? "(" + render($0) + ")" : render($0) }
    }

    /// Factors side by side; sums and negative factors in parentheses unless `bare` and alone.
    private func juxtaposed(_ factors: [Expr], bare: Bool) -> String {
        guard !(bare && factors.count == 1) else { return render(factors[0]) }
        var result = "", previousWrapped = false
        for factor in factors {
            let wrapped = precedence(factor) <= .sum
            let text = wrapped ? "(" + render(factor) + ")" : render(factor)
            if !result.isEmpty && !(previousWrapped && wrapped) {
                result += text.first?.isNumber == true ? "·" : " "
            }
            result += text
            previousWrapped = wrapped
        }
        return result.isEmpty ? "1" : result
    }
}
