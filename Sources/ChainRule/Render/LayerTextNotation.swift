/// Prints layer-wise expressions as Unicode text (a ``LayerPrinter``): `z⁽¹⁾`, `W⁽²⁾ᵀ`, `Ŷ`, `⊙`,
/// `∂L/∂z⁽¹⁾`, spaces as `ℝ³ˣ⁴`; batch matrices are plain capitals.
public struct LayerTextNotation: LayerPrinter, Sendable {
    /// Creates a printer.
    public init() {}

    /// `z⁽¹⁾`, `W⁽²⁾ᵀ`, `Ŷ`, `δ⁽²⁾`.
    public func symbol(_ s: LayerSymbol, transposed: Bool) -> String {
        let base: String
        switch s.role {
        case .input: base = s.batch ? "X" : "x"
        case .preactivation: base = s.batch ? "Z" : "z"
        case .activation: base = s.batch ? "A" : "a"
        case .output: base = s.batch ? "Ŷ" : "ŷ"
        case .target: base = s.batch ? "Y" : "y"
        case .weight: base = "W"
        case .bias: base = "b"
        case .delta: base = s.batch ? "Δ" : "δ"
        case .ones: base = "1"
        case .loss: base = "L"
        }
        return base + (s.layer.map { "⁽" + Self.superscript(String($0)) + "⁾" } ?? "") + (transposed ? "ᵀ" : "")
    }
    /// `∂L/∂z⁽¹⁾`.
    public func gradient(_ s: LayerSymbol) -> String { "∂L/∂" + symbol(s) }
    /// The number, with `−` for a minus sign.
    public func constant(_ n: Number) -> String {
        let text = DisplayNumber(n).plain
        return text.hasPrefix("-") ? "−" + text.dropFirst() : text
    }
    /// `(…)ᵀ`.
    public func transpose(_ a: LayerExpr) -> String { wrapped(a, below: .atom) + "ᵀ" }
    /// `W⁽²⁾a⁽¹⁾`.
    public func product(_ factors: [LayerExpr]) -> String { factors.map { wrapped($0, below: .atom) }.joined() }
    /// `a ⊙ b`; between scalars `a b` (a gradient in parentheses).
    public func hadamard(_ operands: [LayerExpr], scalar: Bool) -> String {
        if scalar {
            return operands.map { operand in
                if case .gradient = operand { return "(" + render(operand) + ")" }
                return wrapped(operand, below: .product)
            }.joined(separator: " ")
        }
        return operands.map { wrapped($0, below: .atom) }.joined(separator: " ⊙ ")
    }
    /// `a/b` between scalars, `a ⊘ b` otherwise.
    public func quotient(_ a: LayerExpr, _ b: LayerExpr, scalar: Bool) -> String {
        wrapped(a, below: .atom) + (scalar ? "/" : " ⊘ ") + wrapped(b, below: .atom)
    }
    /// `a + b − c`.
    public func sum(_ terms: [LayerExpr]) -> String {
        inlineSum(terms, minus: "−")
    }
    /// `½(…)`, `(1/m)…`, `−a`.
    public func scaled(_ scale: LayerScale, _ a: LayerExpr) -> String {
        let (numerator, denominator) = fraction(scale)
        let below = denominator + (scale.perSample ? "m" : "")
        let coefficient = below.isEmpty ? (numerator == "1" ? "" : numerator)
            : numerator == "1" && below == "2" ? "½" : "(\(numerator)/\(below))"
        let body = coefficient.isEmpty ? wrapped(a, below: .product) : wrapped(a, below: .atom)
        return (scale.factor.isNegative ? "−" : "") + coefficient + body
    }
    /// `σ(…)`, `1[… > 0]`, `log a`, `f′(…)`, `softmax(…)`.
    public func apply(_ function: LayerFunction, _ a: LayerExpr) -> String {
        let argument = render(a), call = "(" + argument + ")"
        guard case .scalar(let f) = function else { return "softmax" + call }
        switch f {
        case .step: return "1[\(argument) > 0]"
        case .log: return "log" + (Precedence(a) == .atom ? " " + argument : call)
        case .identity: return argument
        case .sigmoid: return "σ" + call
        case .tanh: return "tanh" + call
        case .relu: return "ReLU" + call
        case .derivative(let name, _): return SymbolName(name).text + "′" + call
        default: return f.name + call
        }
    }
    /// `(a)²`, `‖A‖_F²`.
    public func squaredNorm(_ a: LayerExpr) -> String {
        if isScalar(a) { return "(" + render(a) + ")²" }
        let frobenius = (try? a.shape().rows) == .batch
        return "‖" + render(a) + "‖" + (frobenius ? "_F" : "") + "²"
    }
    /// `Σ(…)`.
    public func total(_ a: LayerExpr) -> String { isScalar(a) ? render(a) : "Σ" + parenthesized(render(a)) }
    /// `(text)`.
    public func parenthesized(_ text: String) -> String { "(" + text + ")" }
    /// `ℝ³ˣ⁴`, `ℝᵐˣ⁴`, `ℝ³`, `ℝ`; a weight column `ℝ³ˣ¹`.
    public func space(_ shape: LayerShape, matrix: Bool) -> String {
        "ℝ" + spaceSizes(shape, matrix: matrix).map { Self.superscript($0) }.joined(separator: "ˣ")
    }

    // MARK: Values and names

    /// A number with `digits` significant digits (``DisplayNumber``), `−` and `4.119×10⁻⁵`.
    public func value(_ x: Double, digits: Int) -> String { TextPrinter(digits: digits).number(.real(x)) }

    /// A matrix value: a number, `[a, b]` for a column, or `[[a, b], [c, d]]`.
    public func matrix(_ m: LayerMatrix, digits: Int) -> String {
        let cells = m.entries.map { value($0, digits: digits) }
        if cells.count == 1 { return cells[0] }
        if m.cols == 1 { return "[" + cells.joined(separator: ", ") + "]" }
        return grid(cells, columns: m.cols)
    }

    /// The file's names as a matrix of the symbol's shape (`[x1, x2]ᵀ`), or one name for a whole node.
    public func names(_ binding: LayerDerivation.Binding, in chain: LayerChain) -> String {
        if let whole = wholeName(binding, in: chain) { return SymbolName(whole).text }
        let cells = binding.refs.map { SymbolName(chain.name($0)).text }
        let cols = binding.symbol.shape.dimensions.1
        if cols == 1 { return "[" + cells.joined(separator: ", ") + "]ᵀ" }
        return grid(cells, columns: cols)
    }

    private func grid(_ cells: [String], columns: Int) -> String {
        "[" + cells.chunks(of: columns).map { "[" + $0.joined(separator: ", ") + "]" }.joined(separator: ", ") + "]"
    }

    /// Digits (and `m`, `-`) as Unicode superscripts.
    public static func superscript(_ text: String) -> String {
        let table: [Character: Character] = [
            "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
            "m": "ᵐ", "-": "⁻",
        ]
        return String(text.map { table[$0] ?? $0 })
    }
}
