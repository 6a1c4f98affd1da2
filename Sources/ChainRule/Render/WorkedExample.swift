/// A worked numeric example as data, in the course's order: per iteration the forward pass (each
/// pre-activation and activation, with the arithmetic for scalar components), the loss, the backward
/// pass (δ per node, gradient per parameter, as chain-rule products along the edges) and the
/// updates p ← p − η ∂L/∂p. The text and LaTeX printers (and answer keys) render it.
///
/// A network written with vectors and matrices (every layer `a = f(W x + b)` or `f(Wᵀx + b)` over
/// whole vector and matrix nodes) is worked in that form, layer by layer: `z⁽ˡ⁾ = W⁽ˡ⁾ᵀa⁽ˡ⁻¹⁾ + b⁽ˡ⁾`
/// with the entries' arithmetic and the vector, `δ⁽ˡ⁾` with its recursion and the operands' values,
/// `∂L/∂W⁽ˡ⁾ = a⁽ˡ⁻¹⁾δ⁽ˡ⁾ᵀ` as an outer product and a matrix, the updates as matrices. Other networks
/// are worked component by component.
///
/// Numbers are stored unrounded (given values exactly, computed values as reals); printers round.
public struct WorkedExample: Sendable {
    /// One displayed relation: `lhs = step₁ = step₂ = …` (or `lhs ← …` for an update).
    public struct Line: Sendable {
        /// The quantity defined: ``Step/expr(_:)`` for a scalar, ``Step/layer(_:)`` for a vector or matrix.
        public var lhs: Step
        /// Whether this is an assignment `←` (an update) rather than an equation.
        public var isUpdate: Bool = false
        /// The right-hand sides, most symbolic first, the value last.
        public var steps: [Step]
        /// For an update, the value before it: printers show the line with enough digits that the
        /// new value visibly differs (``shownDigits(_:)``).
        /// (Entry by entry for a vector or matrix.)
        public var old: [Double]? = nil

        /// The significant digits to show this line with: `digits`, or more for an update whose change
        /// (of any entry) is below that precision (see ``DisplayNumber/digits(showingChangeFrom:to:digits:)``);
        /// `digits` again when some change is below even ``DisplayNumber/maxUpdateDigits`` (the printers
        /// then say the change, ``hiddenChange``).
        public func shownDigits(_ digits: Int) -> Int {
            guard let old else { return digits }
            let pairs: [(Double, Double)]
            switch steps.last {
            case .expr(.number(let n))?: pairs = Array(zip(old, [n.doubleValue]))
            case .tensor(let t)? where old.count == t.scalars.count:
                // Only the entries shown count (a large value is abbreviated, ``Abbreviation``).
                let layout = Abbreviation(t.shape)
                let shown = layout.isAbbreviated ? layout.shownOffsets : Array(t.scalars.indices)
                pairs = shown.map { (old[$0], t.scalars[$0]) }
            case .tensor(let t)?: pairs = Array(zip(old, t.scalars))
            default: return digits
            }
            var shown = digits
            for (old, new) in pairs where old != new {
                // A change even the most digits cannot show is said instead (``hiddenChange``), at `digits`.
                guard let needed = DisplayNumber.digits(showingChangeFrom: old, to: new, digits: digits) else {
                    return old.isFinite && new.isFinite ? digits : DisplayNumber.maxUpdateDigits
                }
                shown = max(shown, needed)
            }
            return shown
        }

        /// For an update some shown entry of which changed by less than even
        /// ``DisplayNumber/maxUpdateDigits`` significant digits can show: the change, new − old, of
        /// every entry (printers say it beside the value); otherwise `nil`.
        public var hiddenChange: RealTensor? {
            guard let old else { return nil }
            let new: RealTensor
            switch steps.last {
            case .expr(.number(let n))?: new = RealTensor(n.doubleValue)
            case .tensor(let t)?: new = t
            default: return nil
            }
            guard new.scalars.count == old.count else { return nil }
            let layout = Abbreviation(new.shape)
            let shown = layout.isAbbreviated ? layout.shownOffsets : Array(new.scalars.indices)
            let hidden = shown.contains { k in
                let (before, after) = (old[k], new.scalars[k])
                return before != after && before.isFinite && after.isFinite
                    && DisplayNumber.digits(showingChangeFrom: before, to: after, digits: DisplayNumber.maxUpdateDigits) == nil
            }
            return hidden ? RealTensor(shape: new.shape, scalars: zip(new.scalars, old).map { $0 - $1 }) : nil
        }
    }

    /// One right-hand side.
    public enum Step: Sendable {
        /// An expression (symbolic, with numbers substituted, or a single number).
        case expr(Expr)
        /// A whole vector or matrix value.
        case tensor(RealTensor)
        /// A vector or matrix expression in layer notation (`W⁽²⁾ᵀa⁽¹⁾ + b⁽²⁾`, `a⁽¹⁾δ⁽²⁾ᵀ`).
        case layer(LayerExpr)
        /// A column vector whose entries are expressions (each entry's arithmetic, numbers in).
        case entries([Expr])
        /// Values combined as the expression before combines them: `[…] ⊙ […]`, `[…][…]ᵀ`, `[…] − 0.1 […]`.
        case combination([Operand])
        /// The gradient-descent step of a parameter, `p − η ∂L/∂p`.
        case descent(LayerSymbol)
    }

    /// One value of a ``Step/combination(_:)`` and how it joins the one before.
    public struct Operand: Sendable {
        /// How an operand joins the one before it.
        public enum Join: Sendable {
            /// The first operand.
            case first
            /// `+`.
            case plus
            /// `−`.
            case minus
            /// The Hadamard product `⊙` (`·` between single numbers).
            case hadamard
            /// Entry-by-entry division `⊘` (`/` between single numbers).
            case divide
            /// The matrix product, or a number times a matrix: juxtaposition.
            case times
        }

        /// How it joins the operand before.
        public var join: Join
        /// The value, given numbers exact (a single number has one entry).
        public var value: Tensor
        /// Whether it is shown transposed (a column vector as a row).
        public var transposed: Bool

        /// Creates an operand.
        public init(_ join: Join, _ value: Tensor, transposed: Bool = false) {
            self.join = join
            self.value = value
            self.transposed = transposed
        }
    }

    /// A titled group of lines: "Forward pass", "Loss", "Backward pass", "Update".
    public struct Section: Sendable {
        /// The heading.
        public var title: String
        /// The lines.
        public var lines: [Line]
    }

    /// One iteration (or, in a batch, one sample's passes, then the averaged gradients and update).
    public struct Block: Sendable {
        /// `Iteration 1`, `Iteration 1, sample 2`.
        public var heading: String
        /// The sections in order.
        public var sections: [Section]
    }

    /// The problem's title.
    public var title: String?
    /// Remarks before the first block: drawn values, batch averaging.
    public var notes: [String]
    /// Non-finite values and derivatives, by node name: errors to report, never silent `nan`s.
    public var errors: [String]
    /// The blocks in order.
    public var blocks: [Block]

    /// Vectors with more components than this are shown whole, not component by component.
    public static let componentLimit = 12
}

extension WorkedExample.Step {
    /// Whether the side is written in symbols (a formula) rather than numbers.
    public var isSymbolic: Bool {
        switch self {
        case .layer, .descent: true
        case .expr(let e): !e.isConstant
        case .tensor, .entries, .combination: false
        }
    }
}
