/// How layer-wise expressions look, in LaTeX or Unicode text: the shared core of ``LayerLaTeX`` and
/// ``LayerText``.
///
/// Vectors are bold (`\mathbf{a}^{(1)}`) and batch matrices upright capitals (`\mathrm{A}^{(1)}`,
/// `\Delta^{(2)}`); 1 × 1 quantities print as scalars. The transpose is `^{\top}` (`W^{(2)\top}`),
/// the Hadamard product `\odot`; a product inside a Hadamard product is parenthesised, and a Hadamard
/// product of scalars is written as juxtaposition.
struct LayerNotation {
    /// LaTeX (math mode) when true, Unicode text otherwise.
    var latex: Bool

    /// The expression.
    func render(_ e: LayerExpr) -> String {
        switch e {
        case .symbol(let s): return symbol(s)
        case .gradient(let s): return latex ? "\\frac{\\partial L}{\\partial \(symbol(s))}" : "∂L/∂" + symbol(s)
        case .constant(let n): return number(n)
        case .transpose(let a):
            if case .symbol(let s) = a { return symbol(s, transposed: !s.shape.isScalar) }
            return wrapped(a, below: .atom) + (latex ? "^{\\top}" : "ᵀ")
        case .product(let factors):
            return factors.map { wrapped($0, below: .atom) }.joined(separator: latex ? " " : "")
        case .hadamard(let operands):
            if isScalar(e) {
                return operands.map { operand in
                    if !latex, case .gradient = operand { return "(" + render(operand) + ")" }
                    return wrapped(operand, below: .product)
                }.joined(separator: " ")
            }
            return operands.map { wrapped($0, below: .atom) }.joined(separator: latex ? " \\odot " : " ⊙ ")
        case .quotient(let a, let b):
            if isScalar(e) {
                return latex ? "\\frac{\(render(a))}{\(render(b))}" : wrapped(a, below: .atom) + "/" + wrapped(b, below: .atom)
            }
            return wrapped(a, below: .atom) + (latex ? " \\oslash " : " ⊘ ") + wrapped(b, below: .atom)
        case .sum(let terms):
            return terms.enumerated().map { k, term in
                if k > 0, let positive = negated(term) { return (latex ? "- " : "− ") + wrapped(positive, below: .product) }
                return (k > 0 ? "+ " : "") + wrapped(term, below: k == 0 ? .sum : .product)
            }.joined(separator: " ")
        case .scaled(let scale, let a):
            let (negative, coefficient) = self.coefficient(scale)
            let body = coefficient.isEmpty ? wrapped(a, below: .product) : wrapped(a, below: .atom)
            return (negative ? (latex ? "-" : "−") : "") + coefficient + (latex && !coefficient.isEmpty ? " " : "") + body
        case .apply(let function, let a): return apply(function, a)
        case .squaredNorm(let a):
            if isScalar(a) { return latex ? parenthesized(render(a)) + "^{2}" : "(" + render(a) + ")²" }
            let frobenius = (try? a.shape().rows) == .batch
            return latex ? "\\lVert \(render(a)) \\rVert\(frobenius ? "_F" : "")^{2}" : "‖" + render(a) + "‖" + (frobenius ? "_F" : "") + "²"
        case .total(let a):
            if isScalar(a) { return render(a) }
            return (latex ? "\\sum " : "Σ") + parenthesized(render(a))
        }
    }

    /// A symbol: `\mathbf{z}^{(1)}`, `W^{(2)\top}`, `\hat{\mathrm{Y}}`; `z⁽¹⁾`, `W⁽²⁾ᵀ`, `Ŷ`.
    func symbol(_ s: LayerSymbol, transposed: Bool = false) -> String {
        let vector = !s.batch && !s.shape.isScalar
        let base: String
        switch (s.role, latex) {
        case (.input, true): base = s.batch ? "\\mathrm{X}" : vector ? "\\mathbf{x}" : "x"
        case (.input, false): base = s.batch ? "X" : "x"
        case (.preactivation, true): base = s.batch ? "\\mathrm{Z}" : vector ? "\\mathbf{z}" : "z"
        case (.preactivation, false): base = s.batch ? "Z" : "z"
        case (.activation, true): base = s.batch ? "\\mathrm{A}" : vector ? "\\mathbf{a}" : "a"
        case (.activation, false): base = s.batch ? "A" : "a"
        case (.output, true): base = s.batch ? "\\hat{\\mathrm{Y}}" : vector ? "\\hat{\\mathbf{y}}" : "\\hat{y}"
        case (.output, false): base = s.batch ? "Ŷ" : "ŷ"
        case (.target, true): base = s.batch ? "\\mathrm{Y}" : vector ? "\\mathbf{y}" : "y"
        case (.target, false): base = s.batch ? "Y" : "y"
        case (.weight, _): base = "W"
        case (.bias, true): base = vector ? "\\mathbf{b}" : "b"
        case (.bias, false): base = "b"
        case (.delta, true): base = s.batch ? "\\Delta" : vector ? "\\boldsymbol{\\delta}" : "\\delta"
        case (.delta, false): base = s.batch ? "Δ" : "δ"
        case (.ones, true): base = "\\mathbf{1}"
        case (.ones, false): base = "1"
        case (.loss, _): base = "L"
        }
        if latex {
            let layer = s.layer.map { "(\($0))" } ?? ""
            let mark = layer + (transposed ? "\\top" : "")
            return mark.isEmpty ? base : base + "^{" + mark + "}"
        }
        return base + (s.layer.map { "⁽" + LayerNotation.superscript(String($0)) + "⁾" } ?? "") + (transposed ? "ᵀ" : "")
    }

    /// `\mathbb{R}^{3\times 4}`, `\mathbb{R}^{m\times 4}`; `ℝ³ˣ⁴`, `ℝᵐˣ⁴`, `ℝ³`, `ℝ`. A column prints
    /// as its length unless it is a `matrix` (a weight: `ℝ³ˣ¹`).
    func space(_ shape: LayerShape, matrix: Bool = false) -> String {
        var sizes = [shape.rows.description]
        if shape.cols != .count(1) || matrix { sizes.append(shape.cols.description) }
        if shape.isScalar && !matrix { return latex ? "\\mathbb{R}" : "ℝ" }
        if latex { return "\\mathbb{R}^{" + sizes.joined(separator: "\\times ") + "}" }
        return "ℝ" + sizes.map { LayerNotation.superscript($0) }.joined(separator: "ˣ")
    }

    /// A number with `digits` significant digits (``DisplayNumber``): `0.5`, `-0.3725`, `4.119 \times 10^{-5}`;
    /// text uses `−` and `4.119×10⁻⁵`.
    func value(_ x: Double, digits: Int) -> String {
        latex ? LaTeXPrinter(digits: digits).number(.real(x)) : TextPrinter(digits: digits).number(.real(x))
    }

    /// A matrix value: a number, `\begin{bmatrix}…\end{bmatrix}`, or `[a, b]` / `[[a, b], [c, d]]`
    /// (a column prints as one bracket).
    func matrix(_ m: LayerMatrix, digits: Int) -> String {
        let cells = m.entries.map { value($0, digits: digits) }
        if cells.count == 1 { return cells[0] }
        if !latex, m.cols == 1 { return "[" + cells.joined(separator: ", ") + "]" }
        return grid(cells, columns: m.cols)
    }

    /// Cells of a row-major matrix as a `bmatrix` (LaTeX) or nested brackets (text).
    private func grid(_ cells: [String], columns: Int) -> String {
        let rows = cells.chunks(of: columns)
        if latex { return "\\begin{bmatrix}" + rows.map { $0.joined(separator: " & ") }.joined(separator: " \\\\ ") + "\\end{bmatrix}" }
        return "[" + rows.map { "[" + $0.joined(separator: ", ") + "]" }.joined(separator: ", ") + "]"
    }

    /// The shape of a line, a weight and its gradient always as a matrix.
    func space(of line: LayerDerivation.Line) -> String {
        switch line.lhs {
        case .symbol(let s), .gradient(let s): space(line.shape, matrix: s.role == .weight)
        default: space(line.shape)
        }
    }

    /// Whether a binding only repeats the symbol (`x = x`), and is left out.
    func isTrivial(_ binding: LayerDerivation.Binding, in chain: LayerChain) -> Bool {
        // A batch matrix (X, A⁽ˡ⁾, Ŷ, Y) stacks the samples' vectors: its space says it all.
        if binding.symbol.batch { return true }
        let text = LayerNotation(latex: false)
        return text.names(binding, in: chain) == text.symbol(binding.symbol)
    }

    /// The file's names as a matrix of the symbol's shape (one name when they are one whole node).
    func names(_ binding: LayerDerivation.Binding, in chain: LayerChain) -> String {
        let whole = chain.names(binding.refs)
        let printer: (String) -> String = latex ? { SymbolName($0).latex } : { SymbolName($0).text }
        if whole.count == 1, binding.refs.count == chain.network.nodes[binding.refs[0].node].shape.count,
           binding.symbol.role != .weight || chain.network.nodes[binding.refs[0].node].shape.rank == 2 {
            return printer(whole[0])
        }
        let cells = binding.refs.map { printer(chain.name($0)) }
        let cols = binding.symbol.shape.dimensions.1
        if !latex, cols == 1 { return "[" + cells.joined(separator: ", ") + "]ᵀ" }
        return grid(cells, columns: cols)
    }

    // MARK: Helpers

    /// How tightly an expression binds, for parenthesising (shared with ``LayerMathML``).
    enum Level: Int, Comparable {
        case sum, product, atom
        static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
    }

    func level(_ e: LayerExpr) -> Level {
        switch e {
        case .sum(let terms): terms.count == 1 ? level(terms[0]) : .sum
        case .product(let factors): factors.count == 1 ? level(factors[0]) : .product
        case .hadamard, .quotient, .scaled: .product
        case .constant(let n): n.isNegative ? .product : .atom
        default: .atom
        }
    }

    /// The expression, parenthesised when it binds looser than `below`.
    private func wrapped(_ e: LayerExpr, below: Level) -> String {
        let text = render(e)
        return level(e) < below ? parenthesized(text) : text
    }

    private func parenthesized(_ text: String) -> String { latex ? "\\left(" + text + "\\right)" : "(" + text + ")" }

    func isScalar(_ e: LayerExpr) -> Bool { (try? e.shape())?.isScalar ?? false }

    /// A term printed after a minus sign, when it is scaled by a negative number.
    func negated(_ e: LayerExpr) -> LayerExpr? {
        guard case .scaled(let scale, let a) = e, scale.factor.isNegative else { return nil }
        let positive = -scale.factor
        return positive.isOne && !scale.perSample ? a : .scaled(LayerScale(positive, perSample: scale.perSample), a)
    }

    /// The sign and the written coefficient: `""` for ±1, `\frac{1}{2}` / `½`, `\frac{1}{m}` / `(1/m)`.
    private func coefficient(_ scale: LayerScale) -> (negative: Bool, text: String) {
        let (numerator, denominator) = LayerNotation.fraction(scale)
        let below = denominator + (scale.perSample ? "m" : "")
        if below.isEmpty { return (scale.factor.isNegative, numerator == "1" ? "" : numerator) }
        if latex { return (scale.factor.isNegative, "\\frac{\(numerator)}{\(below)}") }
        if numerator == "1", below == "2" { return (scale.factor.isNegative, "½") }
        return (scale.factor.isNegative, "(\(numerator)/\(below))")
    }

    /// The magnitude of a coefficient as numerator and denominator (`""` when whole), without the 1/m.
    static func fraction(_ scale: LayerScale) -> (numerator: String, denominator: String) {
        let magnitude = scale.factor.isNegative ? -scale.factor : scale.factor
        guard let r = magnitude.rational else { return (DisplayNumber.string(magnitude), "") }
        return (String(r.numerator), r.denominator == 1 ? "" : String(r.denominator))
    }

    private func number(_ n: Number) -> String {
        let text = DisplayNumber(n).plain
        return latex || !text.hasPrefix("-") ? text : "−" + text.dropFirst()
    }

    private func apply(_ function: LayerFunction, _ a: LayerExpr) -> String {
        let argument = render(a), call = "(" + argument + ")"
        guard case .scalar(let f) = function else { return (latex ? "\\operatorname{softmax}" : "softmax") + call }
        switch f {
        case .step: return latex ? "\\mathbf{1}[\(argument) > 0]" : "1[\(argument) > 0]"
        case .log:
            let simple = level(a) == .atom
            return latex ? "\\log " + (simple ? argument : parenthesized(argument)) : "log" + (simple ? " " + argument : call)
        case .identity: return argument
        case .sigmoid: return (latex ? "\\sigma" : "σ") + call
        case .tanh: return (latex ? "\\tanh" : "tanh") + call
        case .relu: return (latex ? "\\operatorname{ReLU}" : "ReLU") + call
        case .derivative(let name, _): return (latex ? SymbolName(name).latex + "'" : SymbolName(name).text + "′") + call
        default: return (latex ? SymbolName(f.name).latex : f.name) + call
        }
    }

    static func superscript(_ text: String) -> String {
        let table: [Character: Character] = [
            "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
            "m": "ᵐ", "-": "⁻",
        ]
        return String(text.map { table[$0] ?? $0 })
    }
}
