/// Prints layer-wise expressions as LaTeX math (a ``LayerPrinter``): bold vectors
/// (`\mathbf{a}^{(1)}`), upright batch capitals (`\mathrm{A}^{(1)}`, `\Delta^{(2)}`), `W^{(2)\top}`,
/// `\odot`, `\frac{\partial L}{\partial …}`, spaces as `\mathbb{R}^{3\times 4}`.
public struct LayerLaTeXNotation: LayerPrinter, Sendable {
    /// Creates a printer.
    public init() {}

    /// `\mathbf{z}^{(1)}`, `W^{(2)\top}`, `\hat{\mathrm{Y}}`.
    public func symbol(_ s: LayerSymbol, transposed: Bool) -> String {
        let vector = !s.batch && !s.shape.isScalar
        let base: String
        switch s.role {
        case .input: base = s.batch ? "\\mathrm{X}" : vector ? "\\mathbf{x}" : "x"
        case .preactivation: base = s.batch ? "\\mathrm{Z}" : vector ? "\\mathbf{z}" : "z"
        case .activation: base = s.batch ? "\\mathrm{A}" : vector ? "\\mathbf{a}" : "a"
        case .output: base = s.batch ? "\\hat{\\mathrm{Y}}" : vector ? "\\hat{\\mathbf{y}}" : "\\hat{y}"
        case .target: base = s.batch ? "\\mathrm{Y}" : vector ? "\\mathbf{y}" : "y"
        case .weight: base = "W"
        case .bias: base = vector ? "\\mathbf{b}" : "b"
        case .delta: base = s.batch ? "\\Delta" : vector ? "\\boldsymbol{\\delta}" : "\\delta"
        case .ones: base = "\\mathbf{1}"
        case .loss: base = "L"
        }
        let mark = (s.layer.map { "(\($0))" } ?? "") + (transposed ? "\\top" : "")
        return mark.isEmpty ? base : base + "^{" + mark + "}"
    }
    /// `\frac{\partial L}{\partial \mathbf{z}^{(1)}}`.
    public func gradient(_ s: LayerSymbol) -> String { "\\frac{\\partial L}{\\partial \(symbol(s))}" }
    /// The number as ``DisplayNumber`` writes it.
    public func constant(_ n: Number) -> String { DisplayNumber(n).plain }
    /// `\left(…\right)^{\top}`.
    public func transpose(_ a: LayerExpr) -> String { wrapped(a, below: .atom) + "^{\\top}" }
    /// `W^{(2)} \mathbf{a}^{(1)}`.
    public func product(_ factors: [LayerExpr]) -> String { factors.map { wrapped($0, below: .atom) }.joined(separator: " ") }
    /// `a \odot b`; between scalars `a b`.
    public func hadamard(_ operands: [LayerExpr], scalar: Bool) -> String {
        if scalar { return operands.map { wrapped($0, below: .product) }.joined(separator: " ") }
        return operands.map { wrapped($0, below: .atom) }.joined(separator: " \\odot ")
    }
    /// `\frac{a}{b}` between scalars, `a \oslash b` otherwise.
    public func quotient(_ a: LayerExpr, _ b: LayerExpr, scalar: Bool) -> String {
        if scalar { return "\\frac{\(render(a))}{\(render(b))}" }
        return wrapped(a, below: .atom) + " \\oslash " + wrapped(b, below: .atom)
    }
    /// `a + b - c`.
    public func sum(_ terms: [LayerExpr]) -> String {
        inlineSum(terms, minus: "-")
    }
    /// `\frac{1}{2} …`, `\frac{1}{m} …`, `-a`.
    public func scaled(_ scale: LayerScale, _ a: LayerExpr) -> String {
        let (numerator, denominator) = fraction(scale)
        let below = denominator + (scale.perSample ? "m" : "")
        let coefficient = below.isEmpty ? (numerator == "1" ? "" : numerator) : "\\frac{\(numerator)}{\(below)}"
        let body = coefficient.isEmpty ? wrapped(a, below: .product) : wrapped(a, below: .atom)
        return (scale.factor.isNegative ? "-" : "") + coefficient + (coefficient.isEmpty ? "" : " ") + body
    }
    /// `\sigma(…)`, `\mathbf{1}[… > 0]`, `\log a`, `f'(…)`, `\operatorname{softmax}(…)`.
    public func apply(_ function: LayerFunction, _ a: LayerExpr) -> String {
        let argument = render(a), call = "(" + argument + ")"
        guard case .scalar(let f) = function else { return "\\operatorname{softmax}" + call }
        switch f {
        case .step: return "\\mathbf{1}[\(argument) > 0]"
        case .log: return "\\log " + (Precedence(a) == .atom ? argument : parenthesized(argument))
        case .identity: return argument
        case .sigmoid: return "\\sigma" + call
        case .tanh: return "\\tanh" + call
        case .relu: return "\\operatorname{ReLU}" + call
        case .derivative(let name, _): return SymbolName(name).latex + "'" + call
        default: return SymbolName(f.name).latex + call
        }
    }
    /// `\left(a\right)^{2}`, `\lVert A \rVert_F^{2}`.
    public func squaredNorm(_ a: LayerExpr) -> String {
        if isScalar(a) { return parenthesized(render(a)) + "^{2}" }
        let frobenius = (try? a.shape().rows) == .batch
        return "\\lVert \(render(a)) \\rVert\(frobenius ? "_F" : "")^{2}"
    }
    /// `\sum \left(…\right)`.
    public func total(_ a: LayerExpr) -> String { isScalar(a) ? render(a) : "\\sum " + parenthesized(render(a)) }
    /// `\left(text\right)`.
    public func parenthesized(_ text: String) -> String { "\\left(" + text + "\\right)" }
    /// `\mathbb{R}^{3\times 4}`, `\mathbb{R}^{m\times 4}`, `\mathbb{R}`.
    public func space(_ shape: LayerShape, matrix: Bool) -> String {
        let sizes = spaceSizes(shape, matrix: matrix)
        return sizes.isEmpty ? "\\mathbb{R}" : "\\mathbb{R}^{" + sizes.joined(separator: "\\times ") + "}"
    }

    // MARK: Values and names

    /// A number with `digits` significant digits (``DisplayNumber``): `-0.3725`, `4.119 \times 10^{-5}`.
    public func value(_ x: Double, digits: Int) -> String { LaTeXPrinter(digits: digits).number(.real(x)) }

    /// A matrix value: a number or a `bmatrix`.
    public func matrix(_ m: LayerMatrix, digits: Int) -> String {
        let cells = m.entries.map { value($0, digits: digits) }
        return cells.count == 1 ? cells[0] : grid(cells, columns: m.cols)
    }

    /// The file's names as a `bmatrix` of the symbol's shape, or one name for a whole node.
    public func names(_ binding: LayerDerivation.Binding, in chain: LayerChain) -> String {
        if let whole = wholeName(binding, in: chain) { return SymbolName(whole).latex }
        return grid(binding.refs.map { SymbolName(chain.name($0)).latex }, columns: binding.symbol.shape.dimensions.1)
    }

    private func grid(_ cells: [String], columns: Int) -> String {
        "\\begin{bmatrix}" + cells.chunks(of: columns).map { $0.joined(separator: " & ") }.joined(separator: " \\\\ ") + "\\end{bmatrix}"
    }
}
