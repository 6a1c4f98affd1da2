/// Prints expressions as LaTeX (amsmath, math mode), the way the course writes them.
///
/// Partials and totals are `\frac{\partial y}{\partial c}`; factors are juxtaposed with one space
/// (`\cdot` before a factor that starts with a digit); `\left( … \right)` appears only where
/// ``Precedence`` needs it; quotients become `\frac{…}{…}` and negative terms subtractions.
public struct LaTeXPrinter: ExprPrinter, Sendable {
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

    /// An `aligned` environment: `lhs &= body`, a chain's next step `&= body`, a long right-hand
    /// side's next terms `&\quad body`.
    public func aligned(_ rows: [AlignedRow]) -> String {
        let body = rows.map { row in
            (row.lhs.map { $0 + " " } ?? "") + "&" + (row.relation.map { $0 + " " } ?? "\\quad ") + row.body
        }
        return "\\begin{aligned}\n" + body.joined(separator: " \\\\\n") + "\n\\end{aligned}"
    }

    /// `lhs = rhs`.
    public func inline(_ lhs: String, _ rhs: String) -> String { lhs + " = " + rhs }

    // MARK: One method per case

    /// `0.2`, `-3`, `\frac{1}{3}`, `1.5 \times 10^{-30}`, `\infty`.
    public func number(_ value: Number) -> String {
        switch DisplayNumber(value, digits: digits) {
        case .fraction(let negative, let n, let d):
            return (negative ? "-" : "") + "\\frac{\(n)}{\(d)}"
        case .decimal(let text):
            switch text {
            case "inf": return "\\infty"
            case "-inf": return "-\\infty"
            case "nan": return "\\mathrm{NaN}"
            case _ where text.contains("π"):
                let sign = text.hasPrefix("-") ? "-" : "", body = text.drop { $0 == "-" }
                let parts = body.split(separator: "/").map { $0.replacingOccurrences(of: "π", with: "\\pi") }
                return sign + (parts.count == 2 ? "\\frac{\(parts[0])}{\(parts[1])}" : parts[0])
            default:
                let (mantissa, exponent) = DisplayNumber.scientificParts(text)
                guard let exponent else { return text }
                return mantissa + " \\times 10^{" + String(exponent) + "}"
            }
        }
    }

    /// A decimal string from ``DisplayNumber`` as LaTeX: `4.119e-05` as `4.119 \times 10^{-5}`.
    public func decimalText(_ text: String) -> String {
        let (mantissa, exponent) = DisplayNumber.scientificParts(text)
        guard let exponent else { return text }
        return mantissa + " \\times 10^{" + String(exponent) + "}"
    }

    /// The name typeset by ``SymbolName``: `x_1`, `\hat{y}`.
    public func symbol(_ name: String) -> String {
        memo?.name(name) { SymbolName(name).latex } ?? SymbolName(name).latex
    }

    /// `\frac{\partial y}{\partial c}`.
    public func partial(of: String, wrt: String) -> String {
        "\\frac{\\partial \(symbol(of))}{\\partial \(symbol(wrt))}"
    }

    /// Like a partial, or `\delta_{q}` in the ``TotalStyle/delta`` style.
    public func total(of: String, wrt: String) -> String {
        switch totalStyle {
        case .fraction: partial(of: of, wrt: wrt)
        case .delta: "\\delta" + SymbolName(wrt).latexSubscript
        case .distinguishing:
            totalStyle.writesStraight(of: of, wrt: wrt)
                ? "\\frac{\\mathrm{d} \(symbol(of))}{\\mathrm{d} \(symbol(wrt))}" : partial(of: of, wrt: wrt)
        }
    }

    /// `a + b - c`: terms in order, a negative term as a subtraction.
    public func sum(_ terms: [Expr]) -> String {
        signedTerms(.sum(terms)).joined(separator: " ")
    }

    /// `a b`, `2 \cdot 3`, `-2 x`, `\frac{a}{b + c}`.
    public func product(_ factors: [Expr]) -> String {
        let (negative, rest) = PrintShape.sign(factors)
        let (numerator, denominator) = PrintShape.fraction(rest)
        let sign = negative ? "-" : ""
        guard !denominator.isEmpty else { return sign + juxtaposed(numerator, bare: !negative) }
        let top = numerator.isEmpty ? "1" : juxtaposed(numerator, bare: true)
        return sign + "\\frac{" + top + "}{" + juxtaposed(denominator, bare: true) + "}"
    }

    /// `x^{2}`, `\left(a + b\right)^{2}`.
    public func power(_ base: Expr, _ exponent: Expr) -> String {
        var needsParentheses = precedence(base) <= .power
        if case .symbol(let name) = base, !SymbolName(name).index.isEmpty { needsParentheses = true }
        let shown = needsParentheses ? parenthesized(render(base)) : render(base)
        return shown + "^{" + render(exponent) + "}"
    }

    /// `\sigma(z)`, `\tanh(z)`, `\operatorname{ReLU}(z)`, `g'(z)`, `e^{z}`, `\log(z)`, `\lvert z \rvert`,
    /// `\max(a, b)`, `\mathbf{1}[z > 0]` (amsfonts has no blackboard-bold 1); the identity prints its argument.
    public func apply(_ function: Function, _ arguments: [Expr]) -> String {
        let args = arguments.map(render).joined(separator: ", ")
        switch function {
        case .sigmoid: return "\\sigma(\(args))"
        case .tanh: return "\\tanh(\(args))"
        case .relu: return "\\operatorname{ReLU}(\(args))"
        case .identity: return arguments.count == 1 ? args : "\\operatorname{id}(\(args))"
        case .step: return "\\mathbf{1}[\(args) > 0]"
        case .exp: return arguments.count == 1 ? "e^{\(args)}" : "\\exp(\(args))"
        case .log: return "\\log(\(args))"
        case .abs: return "\\lvert \(args) \\rvert"
        case .max: return "\\max(\(args))"
        case .min: return "\\min(\(args))"
        case .unspecified(let name): return symbol(name) + "(\(args))"
        case .derivative(let name, let order):
            let marks = (0...3).contains(order) ? String(repeating: "'", count: order) : "^{(\(order))}"
            return symbol(name) + marks + "(\(args))"
        }
    }

    // MARK: Helpers

    private func precedence(_ expr: Expr) -> Precedence {
        Precedence(expr, digits: digits, deltaTotals: totalStyle == .delta, exponentialAsPower: true)
    }

    private func parenthesized(_ text: String) -> String { "\\left(" + text + "\\right)" }

    /// The terms of a sum with their signs: `["a", "+ b", "- c"]`.
    public func signedTerms(_ expr: Expr) -> [String] {
        signedTerms(expr, minus: "- ") { precedence($0) <= .sum ? parenthesized(render($0)) : render($0) }
    }

    /// Factors side by side; sums and negative factors in parentheses unless `bare` and alone.
    private func juxtaposed(_ factors: [Expr], bare: Bool) -> String {
        guard !(bare && factors.count == 1) else { return render(factors[0]) }
        var result = ""
        for factor in factors {
            let text = precedence(factor) <= .sum ? parenthesized(render(factor)) : render(factor)
            if !result.isEmpty { result += text.first?.isNumber == true ? " \\cdot " : " " }
            result += text
        }
        return result.isEmpty ? "1" : result
    }
}
