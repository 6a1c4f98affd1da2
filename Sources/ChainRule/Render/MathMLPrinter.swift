/// Prints expressions as MathML Core, which Chromium and Firefox render natively (no MathJax, KaTeX or
/// web fonts), with the same structure and grouping as ``LaTeXPrinter``.
///
/// Partials, totals and quotients are `<mfrac>`; names are `<mi>` with `<msub>` subscripts and
/// `<mover accent="true">` accents (see ``SymbolName``); numbers are `<mn>`; factors are joined by an
/// invisible times (`⋅` before a factor that starts with a digit); stretchy parentheses
/// `<mo stretchy="true">(</mo>` appear exactly where ``LaTeXPrinter`` writes `\left( … \right)`.
/// Every method returns exactly one element, so results nest as children of `<mfrac>` or `<msup>`.
///
/// For interactive pages, ``termID`` names the top-level terms that ``math(_:display:)`` and
/// ``equation(_:_:display:)`` print: a term whose id is not `nil` is wrapped in
/// `<mrow id="…" tabindex="0" class="term">`.
public struct MathMLPrinter: ExprPrinter, Sendable {
    /// Decimal places for real (computed) numbers; `nil` for the shortest round-trip form.
    public var digits: Int?
    /// How total derivatives are written.
    public var totalStyle: TotalStyle
    /// The id of a top-level term, given its position (0-based, in printed order, nested sums spliced
    /// in; the whole expression is term 0 when it is not a sum) and the term as it is in the tree.
    /// `nil` (or a `nil` id) leaves the term unwrapped. The `+` or `−` between two terms stays outside
    /// the wrapper, so a negative term's wrapper holds its magnitude; the first term keeps its minus.
    public var termID: (@Sendable (_ index: Int, _ term: Expr) -> String?)?

    /// Creates a printer.
    public init(digits: Int? = nil, totalStyle: TotalStyle = .fraction,
                termID: (@Sendable (_ index: Int, _ term: Expr) -> String?)? = nil) {
        self.digits = digits
        self.totalStyle = totalStyle
        self.termID = termID
    }

    /// A complete `<math>` element (block or inline) showing `expr`, its top-level terms addressed by
    /// ``termID``.
    public func math(_ expr: Expr, display: Bool = true) -> String {
        MathMLPrinter.math(row(signedParts(expr, addressed: true)), display: display)
    }

    /// A complete `<math>` element showing `lhs = rhs`, the top-level terms of `rhs` addressed by
    /// ``termID``.
    public func equation(_ lhs: Expr, _ rhs: Expr, display: Bool = true) -> String {
        MathMLPrinter.math(row([render(lhs), op("=")] + signedParts(rhs, addressed: true)), display: display)
    }

    /// A complete `<math>` element showing `lhs = rhs` for a left-hand side already printed, the top-level
    /// terms of `rhs` addressed by ``termID``.
    public func equation(printed lhs: String, _ rhs: Expr, display: Bool = true) -> String {
        MathMLPrinter.math(row([lhs, op("=")] + signedParts(rhs, addressed: true)), display: display)
    }

    /// The top-level terms of `expr`, each after the first led by its `<mo>+</mo>` or `<mo>−</mo>`.
    public func signedTerms(_ expr: Expr) -> [String] {
        var terms: [String] = []
        for part in signedParts(expr, addressed: false) {
            if let last = terms.last, last == op("+") || last == op("−") { terms[terms.count - 1] += part } else { terms.append(part) }
        }
        return terms
    }

    /// A block `<math>` holding an `<mtable>`: one row per ``AlignedRow``, the relation and body left-aligned
    /// after a right-aligned left-hand side.
    public func aligned(_ rows: [AlignedRow]) -> String {
        let body = rows.map { row in
            let relation = row.relation.map(op) ?? ""
            return "<mtr><mtd style=\"text-align: right\">" + (row.lhs ?? "") + "</mtd><mtd style=\"text-align: left\">"
                + (row.relation == nil ? "<mspace width=\"1em\"/>" : "") + relation + row.body + "</mtd></mtr>"
        }
        return MathMLPrinter.math("<mtable>" + body.joined() + "</mtable>", display: true)
    }

    /// A block `<math>` showing `lhs = rhs`.
    public func inline(_ lhs: String, _ rhs: String) -> String {
        MathMLPrinter.math(row([lhs, op("="), rhs]), display: true)
    }

    // MARK: One method per case

    /// `<mn>0.2</mn>`, `−3`, `<mfrac><mn>1</mn><mn>3</mn></mfrac>`, `1.5 × 10⁻³⁰`, `∞`.
    public func number(_ value: Number) -> String {
        switch DisplayNumber(value, digits: digits) {
        case .fraction(let negative, let n, let d): signed(negative, "<mfrac>" + mn("\(n)") + mn("\(d)") + "</mfrac>")
        case .decimal(let text): decimal(text)
        }
    }

    /// The name typeset from ``SymbolName``: `<msub><mi>x</mi><mn>1</mn></msub>`, ŷ as an accent.
    public func symbol(_ name: String) -> String { typeset(SymbolName(name)) }

    /// `<mfrac>` of `∂y` over `∂c`.
    public func partial(of: String, wrt: String) -> String {
        let d = #"<mi mathvariant="normal">∂</mi>"#
        return "<mfrac>" + row([d, symbol(of)]) + row([d, symbol(wrt)]) + "</mfrac>"
    }

    /// Like a partial, or `δ_q` in the ``TotalStyle/delta`` style.
    public func total(of: String, wrt: String) -> String {
        switch totalStyle {
        case .fraction: partial(of: of, wrt: wrt)
        case .delta: "<msub>" + mi("δ") + symbol(wrt) + "</msub>"
        case .distinguishing:
            totalStyle.writesStraight(of: of, wrt: wrt)
                ? "<mfrac>" + row([#"<mi mathvariant="normal">d</mi>"#, symbol(of)]) + row([#"<mi mathvariant="normal">d</mi>"#, symbol(wrt)]) + "</mfrac>"
                : partial(of: of, wrt: wrt)
        }
    }

    /// `a + b − c`: terms in order, a negative term as a subtraction.
    public func sum(_ terms: [Expr]) -> String { row(signedParts(.sum(terms), addressed: false)) }

    /// `a b`, `2 ⋅ 3`, `−2 x`, `<mfrac>` for quotients.
    public func product(_ factors: [Expr]) -> String {
        let (negative, rest) = PrintShape.sign(factors)
        let (numerator, denominator) = PrintShape.fraction(rest)
        guard !denominator.isEmpty else { return signed(negative, juxtaposed(numerator, bare: !negative)) }
        let top = numerator.isEmpty ? mn("1") : juxtaposed(numerator, bare: true)
        return signed(negative, "<mfrac>" + top + juxtaposed(denominator, bare: true) + "</mfrac>")
    }

    /// `<msup>`: `x²`, `(a + b)²`.
    public func power(_ base: Expr, _ exponent: Expr) -> String {
        var needsParentheses = precedence(base) <= .power
        if case .symbol(let name) = base, !SymbolName(name).index.isEmpty { needsParentheses = true }
        let shown = needsParentheses ? parenthesized(render(base)) : render(base)
        return "<msup>" + shown + render(exponent) + "</msup>"
    }

    /// `σ(z)`, `tanh(z)`, `ReLU(z)`, `g′(z)`, `e^z`, `log(z)`, `|z|`, `max(a, b)`, `𝟙[z > 0]`; the
    /// identity prints its argument. Call parentheses do not stretch, as in LaTeX.
    public func apply(_ function: Function, _ arguments: [Expr]) -> String {
        let args = row(Array(arguments.map(render).map { [op(","), $0] }.joined().dropFirst()))
        switch function {
        case .sigmoid: return call(mi("σ"), args)
        case .identity: return arguments.count == 1 ? args : call(mi("id"), args)
        case .step: return row([mi("𝟙"), fence("["), args, op("&gt;"), mn("0"), fence("]")])
        case .exp where arguments.count == 1: return "<msup>" + mi("e") + args + "</msup>"
        case .relu: return call(mi("ReLU"), args)
        case .tanh, .exp, .log, .max, .min: return call(mi(function.name), args)
        case .abs: return row([fence("|"), args, fence("|")])
        case .unspecified(let name): return call(symbol(name), args)
        case .derivative(let name, let order):
            let marks = ["", "′", "″", "‴"]
            guard order != 0 else { return call(symbol(name), args) }
            let mark = marks.indices.contains(order) ? op(marks[order]) : row([fence("("), decimal("\(order)"), fence(")")])
            return call("<msup>" + symbol(name) + mark + "</msup>", args)
        }
    }

    /// A decimal string from ``DisplayNumber`` (`-0.25`, `4.119e-05`) as MathML: `−` as an operator,
    /// the exponent as × 10 to a power.
    public func decimalText(_ text: String) -> String { decimal(text) }

    // MARK: Helpers

    private func precedence(_ expr: Expr) -> Precedence {
        Precedence(expr, digits: digits, deltaTotals: totalStyle == .delta, exponentialAsPower: true)
    }

    /// The terms of a sum (or the one term of anything else) with `<mo>` signs between them, each term
    /// wrapped for ``termID`` when `addressed`.
    private func signedParts(_ expr: Expr, addressed: Bool) -> [String] {
        var terms = [expr]
        if case .sum(let nested) = expr { terms = PrintShape.terms(nested) }
        guard !terms.isEmpty else { return [mn("0")] }
        var parts: [String] = []
        for (i, term) in terms.enumerated() {
            var shown = render(term)
            if i > 0, let positive = PrintShape.negated(term) {
                parts.append(op("−"))
                shown = precedence(positive) <= .sum ? parenthesized(render(positive)) : render(positive)
            } else if i > 0 {
                parts.append(op("+"))
            }
            if addressed, let id = termID?(i, term) {
                let open = #"<mrow id=""# + HTMLText.escaped(id) + #"" tabindex="0" class="term">"#
                shown = shown.hasPrefix("<mrow>") ? open + shown.dropFirst(6) : open + shown + "</mrow>"
            }
            parts.append(shown)
        }
        return parts
    }

    /// Factors side by side; sums and negative factors in parentheses unless `bare` and alone.
    private func juxtaposed(_ factors: [Expr], bare: Bool) -> String {
        guard !(bare && factors.count == 1) else { return render(factors[0]) }
        var parts: [String] = []
        for factor in factors {
            let shown = precedence(factor) <= .sum ? parenthesized(render(factor)) : render(factor)
            if !parts.isEmpty {
                parts.append(op(MathMLPrinter.leadsWithDigit(shown) ? "⋅" : "&#x2062;"))
                // An operator name (log, tanh, max, ReLU) gets TeX's thin space before it: y log(ŷ), not ylog(ŷ).
                if MathMLPrinter.isOperatorName(factor) { parts.append(#"<mspace width="0.1667em"/>"#) }
            }
            parts.append(shown)
        }
        return parts.isEmpty ? mn("1") : row(parts)
    }

    /// A decimal from ``DisplayNumber``: `−` as an operator, `inf` as `∞`, `1.5e-30` as `1.5 × 10⁻³⁰`.
    private func decimal(_ text: String) -> String {
        if text.hasPrefix("-") { return signed(true, decimal(String(text.dropFirst()))) }
        switch text {
        case "inf": return mi("∞")
        case "nan": return mi("NaN")
        case _ where text.contains("π"):
            let parts = text.split(separator: "/").map(String.init)
            let numerator = parts[0] == "π" ? mi("π") : row([mn(String(parts[0].dropLast())), mi("π")])
            return parts.count == 2 ? "<mfrac>" + numerator + mn(parts[1]) + "</mfrac>" : numerator
        default:
            let (mantissa, exponent) = DisplayNumber.scientificParts(text)
            guard let exponent else { return mn(text) }
            return row([mn(mantissa), op("×"), "<msup>" + mn("10") + decimal(String(exponent)) + "</msup>"])
        }
    }

    /// A structured name: base, accent, subscripts (comma-separated), then the component index.
    private func typeset(_ name: SymbolName) -> String {
        var result: String
        switch name.base {
        case .latin(let s): result = mi(s)
        case .greek(let s):
            let letter = SymbolName.greek[s].map { String($0) } ?? s
            result = letter.first?.isUppercase == true ? upright(letter) : mi(letter)
        case .digits(let s): result = mn(s)
        case .verbatim(let s): result = s.count == 1 ? upright(s) : mi(s)
        }
        if let accent = name.accent {
            let mark: [SymbolName.Accent: String] = [.hat: "^", .tilde: "~", .bar: "¯"]
            result = #"<mover accent="true">"# + result + op(mark[accent] ?? "") + "</mover>"
        }
        if !name.subscripts.isEmpty {
            let parts = name.subscripts.map(typeset).map { [op(","), $0] }.joined().dropFirst()
            result = "<msub>" + result + row(Array(parts)) + "</msub>"
        }
        guard !name.index.isEmpty else { return result }
        let entries = name.index.map { i in i.allSatisfy(\.isNumber) && !i.isEmpty ? mn(i) : mi(i) }
        return row([result, fence("[")] + Array(entries.map { [op(","), $0] }.joined().dropFirst()) + [fence("]")])
    }

    private func signed(_ negative: Bool, _ markup: String) -> String { negative ? row([op("−"), markup]) : markup }
    /// The parentheses LaTeX writes `\left( … \right)` (marked `fence="true"`): stretchy around a
    /// fraction, plain otherwise (Chromium pads a stretchy parenthesis even when nothing is tall).
    private func parenthesized(_ markup: String) -> String {
        let stretchy = markup.contains("<mfrac>") ? "true" : "false"
        return row([#"<mo fence="true" stretchy=""# + stretchy + #"">(</mo>"#, markup, #"<mo fence="true" stretchy=""# + stretchy + #"">)</mo>"#])
    }

    /// Whether `expr` prints as a named operator applied to arguments (`log(z)`, `tanh(z)`, `ReLU(z)`).
    private static func isOperatorName(_ expr: Expr) -> Bool {
        guard case .apply(let f, let args) = expr else { return false }
        switch f {
        case .log, .tanh, .max, .min, .relu: return true
        case .exp: return args.count != 1
        default: return false
        }
    }
    private func call(_ head: String, _ args: String) -> String {
        row([head, op("&#x2061;"), fence("("), args, fence(")")])
    }
    private func row(_ parts: [String]) -> String { parts.count == 1 ? parts[0] : "<mrow>" + parts.joined() + "</mrow>" }
    private func mi(_ text: String) -> String { "<mi>" + HTMLText.escaped(text) + "</mi>" }
    private func mn(_ text: String) -> String { "<mn>" + HTMLText.escaped(text) + "</mn>" }
    private func upright(_ text: String) -> String { #"<mi mathvariant="normal">"# + HTMLText.escaped(text) + "</mi>" }
    /// An operator; `markup` is already escaped (it is always a literal here).
    private func op(_ markup: String) -> String { "<mo>" + markup + "</mo>" }
    private func fence(_ markup: String) -> String { #"<mo stretchy="false">"# + markup + "</mo>" }

    /// Whether printed markup starts with a number, as LaTeX's `\cdot` rule sees it (`2 x`, `2^x`, not `½`).
    private static func leadsWithDigit(_ markup: String) -> Bool {
        var rest = Substring(markup)
        while let tag = ["<mrow>", "<msup>", "<msub>"].first(where: { rest.hasPrefix($0) }) { rest = rest.dropFirst(tag.count) }
        return rest.hasPrefix("<mn>")
    }

    private static func math(_ body: String, display: Bool) -> String {
        #"<math xmlns="http://www.w3.org/1998/Math/MathML" display=""# + (display ? "block" : "inline") + #"">"#
            + body + "</math>"
    }
}
