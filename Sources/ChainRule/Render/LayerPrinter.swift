/// A printer of layer-wise expressions (``LayerExpr``) for one output format, in the style of
/// SymPy's printers and of ``ExprPrinter``: one method per ``LayerExpr`` case, and ``render(_:)``
/// dispatching to them. A new format is a new type conforming to this protocol, in a file of its own
/// (``LayerTextNotation``, ``LayerLaTeXNotation``, ``LayerMathML``).
///
/// The notation is shared: vectors bold, batch matrices upright capitals, 1 × 1 quantities as
/// scalars, the transpose after the layer superscript, `⊙` for the Hadamard product (juxtaposition
/// between scalars), a product inside a Hadamard product parenthesised. Parentheses come from
/// ``Precedence`` (``Precedence/init(_:)-LayerExpr``) through ``wrapped(_:below:)``.
public protocol LayerPrinter {
    /// A symbol (`z⁽¹⁾`, `\mathbf{z}^{(1)}`), with `⊤` after its layer when `transposed`.
    func symbol(_ s: LayerSymbol, transposed: Bool) -> String
    /// The gradient ∂L/∂s.
    func gradient(_ s: LayerSymbol) -> String
    /// A constant.
    func constant(_ n: Number) -> String
    /// The transpose of something other than a symbol.
    func transpose(_ a: LayerExpr) -> String
    /// A matrix product, by juxtaposition.
    func product(_ factors: [LayerExpr]) -> String
    /// A Hadamard product; `scalar` when the operands are 1 × 1 (written as juxtaposition).
    func hadamard(_ operands: [LayerExpr], scalar: Bool) -> String
    /// An elementwise quotient; `scalar` when it is 1 × 1 (written as a fraction).
    func quotient(_ a: LayerExpr, _ b: LayerExpr, scalar: Bool) -> String
    /// A sum (terms scaled by a negative number print as subtractions, see ``negated(_:)``).
    func sum(_ terms: [LayerExpr]) -> String
    /// A term scaled by a constant (and perhaps 1/m).
    func scaled(_ scale: LayerScale, _ a: LayerExpr) -> String
    /// A function applied elementwise (or softmax).
    func apply(_ function: LayerFunction, _ a: LayerExpr) -> String
    /// The squared (Frobenius) norm.
    func squaredNorm(_ a: LayerExpr) -> String
    /// The sum of all entries.
    func total(_ a: LayerExpr) -> String

    /// Text wrapped in this format's parentheses.
    func parenthesized(_ text: String) -> String
    /// The space of a shape (`ℝ³ˣ⁴`); a column prints as its length unless it is a `matrix` (a weight).
    func space(_ shape: LayerShape, matrix: Bool) -> String
}

extension LayerPrinter {
    /// The expression in this printer's format.
    public func render(_ e: LayerExpr) -> String {
        switch e {
        case .symbol(let s): return symbol(s, transposed: false)
        case .gradient(let s): return gradient(s)
        case .constant(let n): return constant(n)
        case .transpose(let a):
            if case .symbol(let s) = a { return symbol(s, transposed: !s.shape.isScalar) }
            return transpose(a)
        case .product(let factors): return product(factors)
        case .hadamard(let operands): return hadamard(operands, scalar: isScalar(e))
        case .quotient(let a, let b): return quotient(a, b, scalar: isScalar(e))
        case .sum(let terms): return sum(terms)
        case .scaled(let scale, let a): return scaled(scale, a)
        case .apply(let function, let a): return apply(function, a)
        case .squaredNorm(let a): return squaredNorm(a)
        case .total(let a): return total(a)
        }
    }

    /// A symbol, not transposed.
    public func symbol(_ s: LayerSymbol) -> String { symbol(s, transposed: false) }

    /// The space of a shape that is not a weight.
    public func space(_ shape: LayerShape) -> String { space(shape, matrix: false) }

    /// The shape of a line, a weight and its gradient always as a matrix.
    public func space(of line: LayerDerivation.Line) -> String {
        switch line.lhs {
        case .symbol(let s), .gradient(let s): space(line.shape, matrix: s.role == .weight)
        default: space(line.shape, matrix: false)
        }
    }

    /// The expression, parenthesised when it binds looser than `below`.
    public func wrapped(_ e: LayerExpr, below: Precedence) -> String {
        let text = render(e)
        return Precedence(e) < below ? parenthesized(text) : text
    }

    /// Whether the expression is 1 × 1.
    public func isScalar(_ e: LayerExpr) -> Bool { (try? e.shape())?.isScalar ?? false }

    /// A term printed after a minus sign, when it is scaled by a negative number.
    public func negated(_ e: LayerExpr) -> LayerExpr? {
        guard case .scaled(let scale, let a) = e, scale.factor.isNegative else { return nil }
        let positive = -scale.factor
        return positive.isOne && !scale.perSample ? a : .scaled(LayerScale(positive, perSample: scale.perSample), a)
    }

    /// A sum's terms in order, each wrapped as its place needs, with the operator before it: `nil`
    /// for the first, else whether it is a minus (a term scaled by a negative number, see
    /// ``negated(_:)``) or a plus. Each format spells the operators its own way.
    public func signedTerms(_ terms: [LayerExpr]) -> [(minus: Bool?, text: String)] {
        terms.enumerated().map { k, term in
            if k > 0, let positive = negated(term) { return (true, wrapped(positive, below: .product)) }
            return (k > 0 ? false : nil, wrapped(term, below: k == 0 ? .sum : .product))
        }
    }

    /// A sum written inline, `a + b − c`, with this format's `minus`.
    public func inlineSum(_ terms: [LayerExpr], minus: String) -> String {
        signedTerms(terms).map { term in term.minus.map { ($0 ? minus : "+") + " " + term.text } ?? term.text }
            .joined(separator: " ")
    }

    /// The sizes a space is written with: none for a scalar (unless a `matrix`), the length of a
    /// column, rows and columns otherwise.
    public func spaceSizes(_ shape: LayerShape, matrix: Bool) -> [String] {
        if shape.isScalar && !matrix { return [] }
        var sizes = [shape.rows.description]
        if shape.cols != .count(1) || matrix { sizes.append(shape.cols.description) }
        return sizes
    }

    /// The magnitude of a coefficient as numerator and denominator (`""` when whole), without the 1/m.
    public func fraction(_ scale: LayerScale) -> (numerator: String, denominator: String) {
        let magnitude = scale.factor.isNegative ? -scale.factor : scale.factor
        guard let r = magnitude.rational else { return (DisplayNumber.string(magnitude), "") }
        return (String(r.numerator), r.denominator == 1 ? "" : String(r.denominator))
    }

    /// Whether a binding only repeats the symbol (`x = x`), and is left out.
    public func isTrivial(_ binding: LayerDerivation.Binding, in chain: LayerChain) -> Bool {
        // A batch matrix (X, A⁽ˡ⁾, Ŷ, Y) stacks the samples' vectors: its space says it all.
        if binding.symbol.batch { return true }
        let text = LayerTextNotation()
        return text.names(binding, in: chain) == text.symbol(binding.symbol)
    }

    /// The file's name for a binding when it is one whole node (a weight only when the node is a
    /// matrix), else `nil` and the binding prints as a matrix of component names.
    func wholeName(_ binding: LayerDerivation.Binding, in chain: LayerChain) -> String? {
        let whole = chain.names(binding.refs)
        guard whole.count == 1 else { return nil }
        let node = chain.network.nodes[binding.refs[0].node]
        guard binding.refs.count == node.shape.count, binding.symbol.role != .weight || node.shape.rank == 2 else { return nil }
        return whole[0]
    }
}
