/// Prints a ``LayerDerivation`` as native MathML for HTML pages: one `<math display="block">` per
/// line (`lhs = form = … [= value] ∈ ℝ^{3×4}`) under an `<h4>` per section.
///
/// A ``LayerPrinter``: it writes what ``LayerLaTeXNotation`` writes, taking its decisions (what binds how tightly,
/// when a product of scalars is juxtaposition, how coefficients read): bold vectors with `(l)`
/// layer superscripts, upright batch capitals, `W^{(2)⊤}`, `⊙`, ∂L/∂X as a fraction, f′ written out.
public struct LayerMathML: LayerPrinter, Sendable {
    /// Decimal places shown for values.
    public var digits: Int

    /// Creates a printer.
    public init(digits: Int = 4) { self.digits = digits }

    /// The sections, each an `<h4>` title then one `<math>` per line, with `values` the numbers
    /// appended to each line.
    public func lines(_ derivation: LayerDerivation, values: LayerValues? = nil) -> [String] {
        var result: [String] = [], index = 0
        for section in derivation.sections where !section.lines.isEmpty {
            result.append("<h4>" + HTMLText.escaped(section.kind.title) + "</h4>")
            for line in section.lines {
                let value = values.flatMap { $0.lines.indices.contains(index) ? $0.lines[index] : nil }
                result.append(equation(line, value: value))
                index += 1
            }
        }
        return result
    }

    /// One line as a block `<math>`: `lhs = form = … [= value] ∈ ℝ^{…}`.
    public func equation(_ line: LayerDerivation.Line, value: LayerMatrix? = nil) -> String {
        var sides = ([line.lhs] + line.forms).map(render)
        if let value { sides.append(matrix(value)) }
        let matrixShaped: Bool
        switch line.lhs {
        case .symbol(let s), .gradient(let s): matrixShaped = s.role == .weight
        default: matrixShaped = false
        }
        let body = sides.joined(separator: op("=")) + #"<mspace width="1em"/>"# + op("∈") + space(line.shape, matrix: matrixShaped)
        return #"<math xmlns="http://www.w3.org/1998/Math/MathML" display="block"><mrow>"# + body + "</mrow></math>"
    }

    /// ∂L/∂s as a fraction.
    public func gradient(_ s: LayerSymbol) -> String { "<mfrac>" + row([partial, mi("L")]) + row([partial, symbol(s)]) + "</mfrac>" }
    /// The number as ``MathMLPrinter`` writes it.
    public func constant(_ n: Number) -> String { MathMLPrinter(digits: digits).number(n) }
    /// `(…)^⊤`.
    public func transpose(_ a: LayerExpr) -> String { "<msup>" + wrapped(a, below: .atom) + op("⊤") + "</msup>" }
    /// Juxtaposed factors.
    public func product(_ factors: [LayerExpr]) -> String { row(factors.map { wrapped($0, below: .atom) }) }
    /// `a ⊙ b`; between scalars juxtaposition.
    public func hadamard(_ operands: [LayerExpr], scalar: Bool) -> String {
        if scalar { return row(operands.map { wrapped($0, below: .product) }) }
        return row(operands.map { wrapped($0, below: .atom) }, separator: op("⊙"))
    }
    /// A fraction between scalars, `a ⊘ b` otherwise.
    public func quotient(_ a: LayerExpr, _ b: LayerExpr, scalar: Bool) -> String {
        if scalar { return "<mfrac>" + render(a) + render(b) + "</mfrac>" }
        return row([wrapped(a, below: .atom), op("⊘"), wrapped(b, below: .atom)])
    }
    /// `a + b − c`.
    public func sum(_ terms: [LayerExpr]) -> String {
        row(signedTerms(terms).flatMap { term in (term.minus.map { [op($0 ? "−" : "+")] } ?? []) + [term.text] })
    }
    /// A coefficient (as a fraction) before the term, `−` when negative.
    public func scaled(_ scale: LayerScale, _ a: LayerExpr) -> String {
        let written = coefficient(scale)
        let body = written == nil ? wrapped(a, below: .product) : wrapped(a, below: .atom)
        return row((scale.factor.isNegative ? [op("−")] : []) + (written.map { [$0] } ?? []) + [body])
    }
    /// `(a)²`, `‖A‖_F²`.
    public func squaredNorm(_ a: LayerExpr) -> String {
        if isScalar(a) { return "<msup>" + parenthesized(render(a)) + mn("2") + "</msup>" }
        let norm = row([op("‖"), render(a), op("‖")])
        if (try? a.shape().rows) == .batch { return "<msubsup>" + norm + mi("F") + mn("2") + "</msubsup>" }
        return "<msup>" + norm + mn("2") + "</msup>"
    }
    /// `∑(…)`.
    public func total(_ a: LayerExpr) -> String { isScalar(a) ? render(a) : row([op("∑"), parenthesized(render(a))]) }

    /// A symbol: bold vectors, upright batch capitals, the layer as a superscript `(l)`, `⊤` after it.
    public func symbol(_ s: LayerSymbol, transposed: Bool) -> String {
        let vector = !s.batch && !s.shape.isScalar
        func letter(_ batch: String, _ single: String) -> String {
            s.batch ? upright(batch) : vector ? bold(single) : mi(single)
        }
        var base: String
        switch s.role {
        case .input: base = letter("X", "x")
        case .preactivation: base = letter("Z", "z")
        case .activation: base = letter("A", "a")
        case .output: base = #"<mover accent="true">"# + letter("Y", "y") + op("^") + "</mover>"
        case .target: base = letter("Y", "y")
        case .weight: base = mi("W")
        case .bias: base = vector ? bold("b") : mi("b")
        case .delta: base = s.batch ? upright("Δ") : vector ? mi(MathAlphabet.boldItalic("δ")) : mi("δ")
        case .ones: base = mn(MathAlphabet.bold("1"))
        case .loss: base = mi("L")
        }
        var mark = s.layer.map { [fence("("), mn(String($0)), fence(")")] } ?? []
        if transposed { mark.append(op("⊤")) }
        if !mark.isEmpty { base = "<msup>" + base + row(mark) + "</msup>" }
        return base
    }

    /// `ℝ^{3×4}`, `ℝ^{m×4}`, `ℝ^{3}`, `ℝ`: a column as its length unless it is a `matrix` (a weight).
    public func space(_ shape: LayerShape, matrix: Bool) -> String {
        if shape.isScalar && !matrix { return mi("ℝ") }
        var sizes = [shape.rows]
        if shape.cols != .count(1) || matrix { sizes.append(shape.cols) }
        let dims = sizes.map { dim -> String in
            if case .count(let n) = dim { return mn(String(n)) }
            return mi("m")
        }
        return "<msup>" + mi("ℝ") + row(dims, separator: op("×")) + "</msup>"
    }

    /// A value: a number, or the matrix in brackets.
    public func matrix(_ m: LayerMatrix) -> String {
        if m.entries.count == 1 { return MathMLPrinter(digits: digits).number(.real(m.entries[0])) }
        let cells = m.entries.map { "<mtd>" + MathMLPrinter(digits: digits).number(.real($0)) + "</mtd>" }
        let rows = cells.chunks(of: max(m.cols, 1)).map { "<mtr>" + $0.joined() + "</mtr>" }
        return row([op("["), "<mtable>" + rows.joined() + "</mtable>", op("]")])
    }

    // MARK: Helpers

    /// The written coefficient (`nil` for ±1): `2`, `1/2`, `1/m`, `1/(2m)` as fractions.
    private func coefficient(_ scale: LayerScale) -> String? {
        let (numerator, denominator) = fraction(scale)
        let below = (denominator.isEmpty ? [] : [mn(denominator)]) + (scale.perSample ? [mi("m")] : [])
        if below.isEmpty { return numerator == "1" ? nil : mn(numerator) }
        return "<mfrac>" + mn(numerator) + row(below) + "</mfrac>"
    }

    /// `σ(…)`, `𝟏[… > 0]`, `log a`, `f′(…)`, `softmax(…)`.
    public func apply(_ function: LayerFunction, _ a: LayerExpr) -> String {
        let argument = render(a)
        guard case .scalar(let f) = function else { return call(mi("softmax"), argument) }
        switch f {
        case .step: return row([mn(MathAlphabet.bold("1")), fence("["), argument, op("&gt;"), mn("0"), fence("]")])
        case .log:
            return row([mi("log"), op("&#x2061;"), Precedence(a) == .atom ? argument : parenthesized(argument)])
        case .identity: return argument
        case .sigmoid: return call(mi("σ"), argument)
        case .tanh: return call(mi("tanh"), argument)
        case .relu: return call(mi("ReLU"), argument)
        case .derivative(let name, _): return call("<msup>" + MathMLPrinter().symbol(name) + op("′") + "</msup>", argument)
        default: return call(MathMLPrinter().symbol(f.name), argument)
        }
    }

    private var partial: String { #"<mi mathvariant="normal">∂</mi>"# }
    private func call(_ head: String, _ argument: String) -> String {
        row([head, op("&#x2061;"), fence("("), argument, fence(")")])
    }
    /// Parentheses as ``MathMLPrinter`` writes them: stretchy only around something tall.
    public func parenthesized(_ markup: String) -> String {
        let stretchy = markup.contains("<mfrac>") || markup.contains("<mtable>") ? "true" : "false"
        return row([#"<mo fence="true" stretchy=""# + stretchy + #"">(</mo>"#, markup, #"<mo fence="true" stretchy=""# + stretchy + #"">)</mo>"#])
    }
    private func row(_ parts: [String]) -> String { parts.count == 1 ? parts[0] : "<mrow>" + parts.joined() + "</mrow>" }
    private func row(_ parts: [String], separator: String) -> String { row(Array(parts.map { [separator, $0] }.joined().dropFirst())) }
    private func mi(_ text: String) -> String { "<mi>" + HTMLText.escaped(text) + "</mi>" }
    private func mn(_ text: String) -> String { "<mn>" + HTMLText.escaped(text) + "</mn>" }
    /// Bold letters as MathML Core shows them (``MathAlphabet``), not `mathvariant="bold"`.
    private func bold(_ text: String) -> String { mi(MathAlphabet.bold(text)) }
    private func upright(_ text: String) -> String { #"<mi mathvariant="normal">"# + HTMLText.escaped(text) + "</mi>" }
    private func op(_ markup: String) -> String { "<mo>" + markup + "</mo>" }
    private func fence(_ markup: String) -> String { #"<mo stretchy="false">"# + markup + "</mo>" }
}
