import Foundation

/// Prints a ``Formula`` as LaTeX math at the level of whole vectors and matrices, for the problem
/// statement of a key (`a_1 = \sigma(W_1^{\top} x + b_1)`). Implicit pre-activations are written
/// inline, as the file writes them; losses given by shorthand print as `\mathrm{BCE}(p, t)` (see
/// ``definitions(of:)``).
struct FormulaLaTeX: FormulaPrinter {
    /// The network whose node names the formula refers to.
    var network: Network

    /// Implicit pre-activations written by name (`\sigma(z_{h_1})`); the others are written inline
    /// (`\sigma(w_{11} x_1 + b_1)`).
    var named: Set<String> = []

    /// The formula as LaTeX.
    func latex(_ formula: Formula) -> String { render(formula) }

    /// The definitions of the loss shorthands a formula uses, one `align` row each.
    func definitions(of formula: Formula) -> [String] {
        var rows: [String] = []
        func visit(_ f: Formula) {
            switch f {
            case .bce: rows.append("\\mathrm{BCE}(p, t) &= \\textstyle\\sum_i -t_i \\log(p_i) - (1 - t_i) \\log(1 - p_i)")
            case .crossEntropy: rows.append("\\mathrm{CE}(p, t) &= \\textstyle -\\sum_i t_i \\log(p_i)")
            case .mse: rows.append("\\mathrm{MSE}(p, t) &= \\textstyle\\frac{1}{2} \\sum_i (p_i - t_i)^2")
            case .softmax: rows.append("\\operatorname{softmax}(z)_i &= e^{z_i} \\big/ \\textstyle\\sum_k e^{z_k}")
            default: break
            }
            f.children.forEach(visit)
        }
        visit(formula)
        return rows
    }

    /// The definition an implicit pre-activation is written as, unless it is ``named``.
    private func inlined(_ index: Int) -> Formula? {
        let node = network.nodes[index]
        guard node.kind == .preactivation, node.isImplicit, !named.contains(node.name) else { return nil }
        return node.formula
    }

    /// The node's name as a LaTeX symbol, or its definition inline (see ``named``).
    func node(_ index: Int) -> String {
        if let definition = inlined(index) { return render(definition) }
        return SymbolName(network.nodes[index].name).latex
    }
    /// `W_{1}[1,2]` as a symbol.
    func component(_ index: Int, _ position: [Int]) -> String { SymbolName(Node.componentName(network.nodes[index].name, position)).latex }
    /// The number as ``LaTeXPrinter`` writes it.
    func constant(_ value: Number) -> String { LaTeXPrinter().number(value) }
    /// `a + b`.
    func add(_ a: Formula, _ b: Formula) -> String { print(a, .sum) + " + " + print(b, .product) }
    /// `a - b`.
    func subtract(_ a: Formula, _ b: Formula) -> String { print(a, .sum) + " - " + print(b, .product) }
    /// `a b`, or `a \cdot 2` before a number.
    func multiply(_ a: Formula, _ b: Formula) -> String {
        let right = print(b, .prefix)
        return print(a, .product) + (right.first?.isNumber == true ? " \\cdot " : " ") + right
    }
    /// `W x`, written like a product.
    func matmul(_ a: Formula, _ b: Formula) -> String { multiply(a, b) }
    /// `\frac{a}{b}`.
    func divide(_ a: Formula, _ b: Formula) -> String { "\\frac{" + print(a, .sum) + "}{" + print(b, .sum) + "}" }
    /// `a^{b}`.
    func power(_ a: Formula, _ b: Formula) -> String { print(a, .atom) + "^{" + print(b, .sum) + "}" }
    /// `-a`.
    func negate(_ a: Formula) -> String { "-" + print(a, .prefix) }
    /// `a^{\top}`.
    func transpose(_ a: Formula) -> String { print(a, .atom) + "^{\\top}" }
    /// `f(args)` as ``LaTeXPrinter`` writes the function (σ, ReLU, 𝟙[· > 0], g, …).
    func apply(_ function: Function, _ arguments: [Formula]) -> String {
        let placeholders = arguments.indices.map { "argument\($0)" }
        var text = LaTeXPrinter().apply(function, placeholders.map(Expr.symbol))
        for (placeholder, argument) in zip(placeholders, arguments.map { print($0, .sum) }) {
            text = text.replacingOccurrences(of: SymbolName(placeholder).latex, with: argument)
        }
        return text
    }
    /// `\operatorname{softmax}(a)`.
    func softmax(_ a: Formula) -> String { "\\operatorname{softmax}(" + print(a, .sum) + ")" }
    /// `\sum a`.
    func sum(_ a: Formula) -> String { "\\textstyle\\sum " + print(a, .atom) }
    /// `\mathrm{BCE}(a, b)`.
    func bce(_ a: Formula, _ b: Formula) -> String { "\\mathrm{BCE}(" + print(a, .sum) + ", " + print(b, .sum) + ")" }
    /// `\mathrm{CE}(a, b)`.
    func crossEntropy(_ a: Formula, _ b: Formula) -> String { "\\mathrm{CE}(" + print(a, .sum) + ", " + print(b, .sum) + ")" }
    /// `\mathrm{MSE}(a, b)`.
    func mse(_ a: Formula, _ b: Formula) -> String { "\\mathrm{MSE}(" + print(a, .sum) + ", " + print(b, .sum) + ")" }
    /// `\lVert W \rVert`, `\operatorname{mean}(v)`, `\max(v)`, `\operatorname{hinge}(s, t)`.
    func reduce(_ reduction: Reduction, _ arguments: [Formula]) -> String {
        let list = arguments.map { print($0, .sum) }.joined(separator: ", ")
        switch reduction {
        case .norm: return "\\lVert " + list + " \\rVert"
        case .max, .min: return "\\" + reduction.name + "(" + list + ")"
        case .mean, .hinge: return "\\operatorname{" + reduction.name + "}(" + list + ")"
        }
    }
    /// `\left(text\right)`.
    func parenthesized(_ text: String) -> String { "\\left(" + text + "\\right)" }

    /// As usual, except that a fraction is an atom and an inlined pre-activation binds as its definition.
    func precedence(of formula: Formula) -> Precedence {
        switch formula {
        case .divide: return .atom
        case .node(let i): if let definition = inlined(i) { return precedence(of: definition) }
        default: break
        }
        return defaultPrecedence(of: formula)
    }
}
