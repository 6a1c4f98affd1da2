/// A printer of ``Formula`` trees (the vector-level formulas of a `.nn` file) for one output format,
/// in the style of SymPy's printers and of ``ExprPrinter``: one method per ``Formula`` case, and
/// ``render(_:)`` dispatching to them. A new format is a new type conforming to this protocol, in a
/// file of its own.
///
/// Parentheses come from ``Precedence``, shared with the ``Expr`` printers: a case method prints its
/// operands with ``print(_:_:)`` at the precedence its operator needs, and the dispatcher wraps a
/// node whose ``precedence(of:)`` binds looser than its context in ``parenthesized(_:)``.
public protocol FormulaPrinter {
    /// The value of node `index`.
    func node(_ index: Int) -> String
    /// Component `position` (1-based) of node `index`.
    func component(_ index: Int, _ position: [Int]) -> String
    /// A constant.
    func constant(_ value: Number) -> String
    /// `a + b`.
    func add(_ a: Formula, _ b: Formula) -> String
    /// `a - b`.
    func subtract(_ a: Formula, _ b: Formula) -> String
    /// An elementwise product (or scaling) `a b`.
    func multiply(_ a: Formula, _ b: Formula) -> String
    /// A matrix product `a b`.
    func matmul(_ a: Formula, _ b: Formula) -> String
    /// `a / b`.
    func divide(_ a: Formula, _ b: Formula) -> String
    /// `a^b`.
    func power(_ a: Formula, _ b: Formula) -> String
    /// `-a`.
    func negate(_ a: Formula) -> String
    /// `aᵀ`.
    func transpose(_ a: Formula) -> String
    /// A scalar function applied elementwise.
    func apply(_ function: Function, _ arguments: [Formula]) -> String
    /// softmax of a vector.
    func softmax(_ a: Formula) -> String
    /// The sum of all components.
    func sum(_ a: Formula) -> String
    /// Binary cross-entropy of prediction `a` and target `b`.
    func bce(_ a: Formula, _ b: Formula) -> String
    /// Cross-entropy of prediction `a` and target `b`.
    func crossEntropy(_ a: Formula, _ b: Formula) -> String
    /// Mean squared error of prediction `a` and target `b`.
    func mse(_ a: Formula, _ b: Formula) -> String
    /// A reduction of whole operands to one number (`norm`, `mean`, `max`/`min`, `hinge`).
    func reduce(_ reduction: Reduction, _ arguments: [Formula]) -> String

    /// Text wrapped in this format's parentheses.
    func parenthesized(_ text: String) -> String
    /// How tightly `formula` binds as this format prints it (a default covers the common notation).
    func precedence(of formula: Formula) -> Precedence
}

extension FormulaPrinter {
    /// The formula in this printer's format.
    public func render(_ formula: Formula) -> String { print(formula, .sum) }

    /// `formula` printed where its context needs at least `context`, parenthesized when it binds looser.
    public func print(_ formula: Formula, _ context: Precedence) -> String {
        let text: String
        switch formula {
        case .node(let i): text = node(i)
        case .component(let i, let position): text = component(i, position)
        case .constant(let n): text = constant(n)
        case .add(let a, let b): text = add(a, b)
        case .subtract(let a, let b): text = subtract(a, b)
        case .multiply(let a, let b): text = multiply(a, b)
        case .matmul(let a, let b): text = matmul(a, b)
        case .divide(let a, let b): text = divide(a, b)
        case .power(let a, let b): text = power(a, b)
        case .negate(let a): text = negate(a)
        case .transpose(let a): text = transpose(a)
        case .apply(let f, let args): text = apply(f, args)
        case .softmax(let a): text = softmax(a)
        case .sum(let a): text = sum(a)
        case .bce(let a, let b): text = bce(a, b)
        case .crossEntropy(let a, let b): text = crossEntropy(a, b)
        case .mse(let a, let b): text = mse(a, b)
        case .reduce(let r, let args): text = reduce(r, args)
        }
        return precedence(of: formula) < context ? parenthesized(text) : text
    }

    /// The usual binding (see ``defaultPrecedence(of:)``).
    public func precedence(of formula: Formula) -> Precedence { defaultPrecedence(of: formula) }

    /// The usual binding: sums, products and quotients, prefix minus (and negative constants),
    /// powers; everything else (names, calls, transposes) an atom. A printer that overrides
    /// ``precedence(of:)`` for some cases falls back on this for the rest.
    public func defaultPrecedence(of formula: Formula) -> Precedence {
        switch formula {
        case .add, .subtract: .sum
        case .multiply, .matmul, .divide: .product
        case .negate: .prefix
        case .constant(let n): n.isNegative ? .prefix : .atom
        case .power: .power
        default: .atom
        }
    }

    /// The formula's top-level terms (`a`, `+ b`, `- c`), where a long line may break.
    public func terms(_ formula: Formula) -> [String] {
        switch formula {
        case .add(let a, let b): terms(a) + ["+ " + print(b, .product)]
        case .subtract(let a, let b): terms(a) + ["- " + print(b, .product)]
        default: [print(formula, .sum)]
        }
    }
}
