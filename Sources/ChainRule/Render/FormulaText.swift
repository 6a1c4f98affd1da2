/// Prints a ``Formula`` the way a `.nn` file writes it (`sigmoid(W1^T x + b1)`), for `show` and
/// messages.
public struct FormulaText: FormulaPrinter {
    /// The network whose node names the formula refers to.
    public var network: Network

    /// Creates a printer for formulas of `network`.
    public init(network: Network) { self.network = network }

    /// The formula as text.
    public func text(_ formula: Formula) -> String { render(formula) }

    /// The node's name.
    public func node(_ index: Int) -> String { network.nodes[index].name }
    /// `W1[1,2]`.
    public func component(_ index: Int, _ position: [Int]) -> String { Node.componentName(network.nodes[index].name, position) }
    /// The number as the file writes it.
    public func constant(_ value: Number) -> String { value.description }
    /// `a + b`.
    public func add(_ a: Formula, _ b: Formula) -> String { print(a, .sum) + " + " + print(b, .product) }
    /// `a - b`.
    public func subtract(_ a: Formula, _ b: Formula) -> String { print(a, .sum) + " - " + print(b, .product) }
    /// `a b`, or `2 * 3` between two numbers.
    public func multiply(_ a: Formula, _ b: Formula) -> String {
        let separator = isNumber(a) && isNumber(b) ? " * " : " "
        return print(a, .product) + separator + print(b, .prefix)
    }
    /// `W x`, written like a product.
    public func matmul(_ a: Formula, _ b: Formula) -> String { multiply(a, b) }
    /// `a / b`.
    public func divide(_ a: Formula, _ b: Formula) -> String { print(a, .product) + " / " + print(b, .prefix) }
    /// `a^b`.
    public func power(_ a: Formula, _ b: Formula) -> String { print(a, .atom) + "^" + print(b, .power) }
    /// `-a`.
    public func negate(_ a: Formula) -> String { "-" + print(a, .prefix) }
    /// `a^T`.
    public func transpose(_ a: Formula) -> String { print(a, .atom) + "^T" }
    /// `f(a, b)`.
    public func apply(_ function: Function, _ arguments: [Formula]) -> String {
        function.name + "(" + arguments.map { print($0, .sum) }.joined(separator: ", ") + ")"
    }
    /// `softmax(a)`.
    public func softmax(_ a: Formula) -> String { "softmax(" + print(a, .sum) + ")" }
    /// `sum(a)`.
    public func sum(_ a: Formula) -> String { "sum(" + print(a, .sum) + ")" }
    /// `bce(a, b)`.
    public func bce(_ a: Formula, _ b: Formula) -> String { "bce(" + print(a, .sum) + ", " + print(b, .sum) + ")" }
    /// `cross_entropy(a, b)`.
    public func crossEntropy(_ a: Formula, _ b: Formula) -> String { "cross_entropy(" + print(a, .sum) + ", " + print(b, .sum) + ")" }
    /// `mse(a, b)`.
    public func mse(_ a: Formula, _ b: Formula) -> String { "mse(" + print(a, .sum) + ", " + print(b, .sum) + ")" }
    /// `norm(W)`, `mean(v)`, `max(a, b)`, `hinge(s, t)`.
    public func reduce(_ reduction: Reduction, _ arguments: [Formula]) -> String {
        reduction.name + "(" + arguments.map { print($0, .sum) }.joined(separator: ", ") + ")"
    }
    /// `(text)`.
    public func parenthesized(_ text: String) -> String { "(" + text + ")" }

    /// As usual, except that a fraction constant (`1/3`) binds as a quotient.
    public func precedence(of formula: Formula) -> Precedence {
        if case .constant(let n) = formula, !n.isNegative, n.description.contains("/") { return .product }
        return defaultPrecedence(of: formula)
    }

    private func isNumber(_ formula: Formula) -> Bool {
        if case .constant = formula { return true }
        return false
    }
}
