/// Prints a ``Formula`` the way a `.nn` file writes it (`sigmoid(W1^T x + b1)`), for `show` and
/// messages.
public struct FormulaText {
    /// The network whose node names the formula refers to.
    public var network: Network

    /// Creates a printer for formulas of `network`.
    public init(network: Network) { self.network = network }

    /// The formula as text.
    public func text(_ formula: Formula) -> String { print(formula, 0) }

    /// Binding strength: 0 sum, 1 product, 2 unary minus, 3 power, 4 atom.
    private func print(_ formula: Formula, _ context: Int) -> String {
        func wrap(_ text: String, _ level: Int) -> String { level < context ? "(" + text + ")" : text }
        switch formula {
        case .node(let i): return network.nodes[i].name
        case .component(let i, let index): return Node.componentName(network.nodes[i].name, index)
        case .constant(let n): return wrap(n.description, n.isNegative ? 2 : n.description.contains("/") ? 1 : 4)
        case .add(let a, let b): return wrap(print(a, 0) + " + " + print(b, 1), 0)
        case .subtract(let a, let b): return wrap(print(a, 0) + " - " + print(b, 1), 0)
        case .multiply(let a, let b), .matmul(let a, let b):
            let separator = isNumber(a) && isNumber(b) ? " * " : " "
            return wrap(print(a, 1) + separator + print(b, 2), 1)
        case .divide(let a, let b): return wrap(print(a, 1) + " / " + print(b, 2), 1)
        case .power(let a, let b): return wrap(print(a, 4) + "^" + print(b, 3), 3)
        case .negate(let a): return wrap("-" + print(a, 2), 2)
        case .transpose(let a): return print(a, 4) + "^T"
        case .apply(let f, let args): return f.name + "(" + args.map { print($0, 0) }.joined(separator: ", ") + ")"
        case .softmax(let a): return "softmax(" + print(a, 0) + ")"
        case .sum(let a): return "sum(" + print(a, 0) + ")"
        case .bce(let a, let b): return "bce(" + print(a, 0) + ", " + print(b, 0) + ")"
        case .crossEntropy(let a, let b): return "cross_entropy(" + print(a, 0) + ", " + print(b, 0) + ")"
        case .mse(let a, let b): return "mse(" + print(a, 0) + ", " + print(b, 0) + ")"
        case .reduce(let r, let args): return r.name + "(" + args.map { print($0, 0) }.joined(separator: ", ") + ")"
        }
    }

    private func isNumber(_ formula: Formula) -> Bool {
        if case .constant = formula { return true }
        return false
    }
}
