/// A printer of expressions for one output format, in the style of SymPy's printers: one method per
/// ``Expr`` case, and ``render(_:)`` dispatching to them. A new format is a new type conforming to
/// this protocol, in a file of its own.
///
/// Printers print exactly the tree they are given, in its order; they only recover minus signs and
/// fractions from the canonical forms (see ``Expr/difference(_:_:)``, ``Expr/quotient(_:_:)``) and add
/// the parentheses that ``Precedence`` asks for.
public protocol ExprPrinter {
    /// A constant.
    func number(_ value: Number) -> String
    /// A named quantity.
    func symbol(_ name: String) -> String
    /// The local partial ∂of/∂wrt.
    func partial(of: String, wrt: String) -> String
    /// The total derivative ∂of/∂wrt.
    func total(of: String, wrt: String) -> String
    /// A sum of terms.
    func sum(_ terms: [Expr]) -> String
    /// A product of factors (which may be a quotient).
    func product(_ factors: [Expr]) -> String
    /// A power.
    func power(_ base: Expr, _ exponent: Expr) -> String
    /// A function application.
    func apply(_ function: Function, _ arguments: [Expr]) -> String

    // MARK: Layout of equations

    /// How total derivatives are written (the adjoint form's named totals as δ_q).
    var totalStyle: TotalStyle { get set }
    /// The top-level terms of `expr` as printed, each after the first with its sign (`a`, `+ b`,
    /// `− c`); anything but a sum is one term.
    func signedTerms(_ expr: Expr) -> [String]
    /// Rows of equations aligned at their relations: continuation rows sit under the row above.
    func aligned(_ rows: [AlignedRow]) -> String
    /// One equation `lhs = rhs` (already printed) on one line, as a display of this format.
    func inline(_ lhs: String, _ rhs: String) -> String
    /// The text already printed for sums and products (none by default): see ``PrintMemo``.
    var memo: PrintMemo? { get }
}

extension ExprPrinter {
    /// No memo: every sub-tree is printed each time it occurs.
    public var memo: PrintMemo? { nil }

    /// The expression in this printer's format (sums and products through ``memo`` when there is one).
    public func render(_ expr: Expr) -> String {
        switch expr {
        case .number(let n): number(n)
        case .symbol(let name): symbol(name)
        case .partial(let of, let wrt): partial(of: of, wrt: wrt)
        case .total(let of, let wrt): total(of: of, wrt: wrt)
        case .sum(let terms): memo?.text(expr, style: totalStyle) { sum(terms) } ?? sum(terms)
        case .product(let factors): memo?.text(expr, style: totalStyle) { product(factors) } ?? product(factors)
        case .power(let base, let exponent): power(base, exponent)
        case .apply(let f, let args): apply(f, args)
        }
    }

    /// `lhs = rhs`; when `multiline`, at most `termsPerLine` top-level terms of the right-hand side per
    /// row, continuation rows under the `=` (see ``aligned(_:)``).
    public func equation(_ lhs: Expr, _ rhs: Expr, multiline: Bool = false, termsPerLine: Int = 3) -> String {
        guard multiline else { return inline(render(lhs), render(rhs)) }
        return aligned(rows(render(lhs), rhs, termsPerLine: termsPerLine))
    }

    /// A derivation shown in a form: a chain of steps as one aligned display, other forms one
    /// equation per line (named totals printed as δ where the form names them); long right-hand sides
    /// broken after `termsPerLine` terms when `multiline`.
    public func render(_ shown: FormedDerivation, multiline: Bool = false, termsPerLine: Int = 3) -> String {
        if shown.isChain, let first = shown.equations.first {
            var left = self, right = self
            left.totalStyle = .left(first)
            right.totalStyle = .right(first)
            let head = left.render(first.lhs)
            return aligned(shown.equations.enumerated().map { i, equation in
                AlignedRow(lhs: i == 0 ? head : nil, body: right.render(equation.rhs))
            })
        }
        return shown.equations.map { equation in
            var left = self, right = self
            left.totalStyle = .left(equation)
            right.totalStyle = .right(equation)
            let lhs = left.render(equation.lhs)
            guard multiline else { return inline(lhs, right.render(equation.rhs)) }
            return aligned(right.rows(lhs, equation.rhs, termsPerLine: termsPerLine))
        }.joined(separator: "\n")
    }

    /// The top-level terms of `expr`, each after the first with its sign: `+ ` before a positive
    /// term, `minus` before a negated one written by `negated` (which parenthesizes as the format
    /// needs). The shared body of every conformer's ``signedTerms(_:)``.
    public func signedTerms(_ expr: Expr, minus: String, negated: (Expr) -> String) -> [String] {
        guard case .sum(let nested) = expr else { return [render(expr)] }
        let terms = PrintShape.terms(nested)
        guard let first = terms.first else { return ["0"] }
        return [render(first)] + terms.dropFirst().map { term in
            guard let positive = PrintShape.negated(term) else { return "+ " + render(term) }
            return minus + negated(positive)
        }
    }

    /// `lhs = rhs` as rows of at most `termsPerLine` top-level terms.
    private func rows(_ lhs: String, _ rhs: Expr, termsPerLine: Int) -> [AlignedRow] {
        signedTerms(rhs).chunks(of: max(1, termsPerLine)).enumerated().map { i, terms in
            AlignedRow(lhs: i == 0 ? lhs : nil, relation: i == 0 ? "=" : nil, body: terms.joined(separator: " "))
        }
    }
}
