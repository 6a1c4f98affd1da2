/// Prints expressions as the plain ASCII syntax SymPy and PrairieLearn's `pl-symbolic-input` read:
/// `(yhat - y)*yhat*(1 - yhat)*x1`, `exp(-z)`, `x**2`. Every compound subexpression inside another is
/// parenthesized, so the reading never depends on precedence.
///
/// Only what those parsers know can be printed (``canPrint(_:)``): numbers, names of letters and
/// digits, sums, products, powers, `exp` and `log`; partial symbols and other functions cannot.
public struct SympyPrinter: ExprPrinter, Sendable {
    /// How total derivatives are written (unused: totals cannot be printed).
    public var totalStyle: TotalStyle = .fraction

    /// Creates a printer.
    public init() {}

    /// Names SymPy or PrairieLearn read as constants or functions, which cannot be variables.
    static let reserved: Set<String> = ["e", "E", "i", "j", "I", "pi", "oo", "infty", "exp", "log", "ln", "sqrt",
                                        "sin", "cos", "tan", "sinh", "cosh", "tanh", "abs", "S", "N", "O", "Q", "beta", "gamma", "zeta", "lambda"]

    /// Whether `name` can be a variable: an ASCII letter, then letters and digits, not reserved.
    public static func isVariable(_ name: String) -> Bool {
        guard let first = name.first, first.isASCII, first.isLetter, !reserved.contains(name) else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }

    /// Whether every part of `expr` can be printed in this syntax.
    public static func canPrint(_ expr: Expr) -> Bool {
        !expr.contains { e in
            switch e {
            case .partial, .total: return true
            case .symbol(let name): return !isVariable(name)
            case .number(let n): return !n.doubleValue.isFinite
            case .apply(let f, let arguments): return !(arguments.count == 1 && (f == .exp || f == .log))
            case .sum, .product, .power: return false
            }
        }
    }

    /// `3`, `(1/2)`, `(-2)`, `0.25`, `(1.5e-07)`.
    public func number(_ value: Number) -> String {
        let text: String
        if let r = value.rational { text = r.description } else { text = "\(value.doubleValue)" }
        return text.allSatisfy({ $0.isNumber || $0 == "." }) ? text : "(" + text + ")"
    }

    /// The name as written.
    public func symbol(_ name: String) -> String { name }

    /// `d(y)/d(c)` (not readable by SymPy; see ``canPrint(_:)``).
    public func partial(of: String, wrt: String) -> String { "d(\(of))/d(\(wrt))" }

    /// Like a partial.
    public func total(of: String, wrt: String) -> String { partial(of: of, wrt: wrt) }

    /// `a + b - c`.
    public func sum(_ terms: [Expr]) -> String { signedTerms(.sum(terms)).joined(separator: " ") }

    /// `a*b*(c + d)`, `-x*y`, `a/(b*c)`.
    public func product(_ factors: [Expr]) -> String {
        let (negative, rest) = PrintShape.sign(factors)
        let (numerator, denominator) = PrintShape.fraction(rest)
        let top = numerator.isEmpty ? "1" : numerator.map(wrapped).joined(separator: "*")
        let body = denominator.isEmpty ? top : top + "/(" + denominator.map(wrapped).joined(separator: "*") + ")"
        return negative ? "-" + (numerator.count + denominator.count > 1 || !denominator.isEmpty ? "(" + body + ")" : body) : body
    }

    /// `x**2`, `(a + b)**(-1)`.
    public func power(_ base: Expr, _ exponent: Expr) -> String { wrapped(base) + "**" + wrapped(exponent) }

    /// `exp(z)`, `log(z)`; other functions by name.
    public func apply(_ function: Function, _ arguments: [Expr]) -> String {
        function.name + "(" + arguments.map(render).joined(separator: ", ") + ")"
    }

    /// The top-level terms, each after the first with its sign.
    public func signedTerms(_ expr: Expr) -> [String] {
        signedTerms(expr, minus: "- ", negated: wrapped)
    }

    /// One equation per row.
    public func aligned(_ rows: [AlignedRow]) -> String {
        rows.map { ($0.lhs.map { $0 + " = " } ?? "") + $0.body }.joined(separator: "\n")
    }

    /// `lhs = rhs`.
    public func inline(_ lhs: String, _ rhs: String) -> String { lhs + " = " + rhs }

    /// The expression, in parentheses unless it is a name, a nonnegative number or a call.
    private func wrapped(_ expr: Expr) -> String {
        let text = render(expr)
        if case .apply = expr { return text }
        return text.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" }) ? text : "(" + text + ")"
    }
}
