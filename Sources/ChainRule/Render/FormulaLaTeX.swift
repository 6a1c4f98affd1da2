import Foundation

/// Prints a ``Formula`` as LaTeX math at the level of whole vectors and matrices, for the problem
/// statement of a key (`a_1 = \sigma(W_1^{\top} x + b_1)`). Implicit pre-activations are written
/// inline, as the file writes them; losses given by shorthand print as `\mathrm{BCE}(p, t)` (see
/// ``definitions(of:)``).
struct FormulaLaTeX {
    /// The network whose node names the formula refers to.
    var network: Network

    /// Implicit pre-activations written by name (`\sigma(z_{h_1})`); the others are written inline
    /// (`\sigma(w_{11} x_1 + b_1)`).
    var named: Set<String> = []

    /// The formula as LaTeX.
    func latex(_ formula: Formula) -> String { print(formula, 0) }

    /// The formula's top-level terms (`a`, `+ b`, `- c`), where a long definition may break.
    func terms(_ formula: Formula) -> [String] {
        switch formula {
        case .add(let a, let b): terms(a) + ["+ " + print(b, 1)]
        case .subtract(let a, let b): terms(a) + ["- " + print(b, 1)]
        default: [print(formula, 0)]
        }
    }

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

    /// Binding strength: 0 sum, 1 product, 2 unary minus, 3 power, 4 atom.
    private func print(_ formula: Formula, _ context: Int) -> String {
        func wrap(_ text: String, _ level: Int) -> String { level < context ? "\\left(" + text + "\\right)" : text }
        switch formula {
        case .node(let i):
            let node = network.nodes[i]
            if node.kind == .preactivation, node.isImplicit, !named.contains(node.name), let definition = node.formula { return print(definition, context) }
            return SymbolName(node.name).latex
        case .component(let i, let index): return SymbolName(Node.componentName(network.nodes[i].name, index)).latex
        case .constant(let n): return wrap(LaTeXPrinter().number(n), n.isNegative ? 2 : 4)
        case .add(let a, let b): return wrap(print(a, 0) + " + " + print(b, 1), 0)
        case .subtract(let a, let b): return wrap(print(a, 0) + " - " + print(b, 1), 0)
        case .multiply(let a, let b), .matmul(let a, let b):
            let right = print(b, 2)
            return wrap(print(a, 1) + (right.first?.isNumber == true ? " \\cdot " : " ") + right, 1)
        case .divide(let a, let b): return wrap("\\frac{" + print(a, 0) + "}{" + print(b, 0) + "}", 4)
        case .power(let a, let b): return wrap(print(a, 4) + "^{" + print(b, 0) + "}", 3)
        case .negate(let a): return wrap("-" + print(a, 2), 2)
        case .transpose(let a): return print(a, 4) + "^{\\top}"
        case .apply(let f, let args): return function(f, args.map { print($0, 0) })
        case .softmax(let a): return "\\operatorname{softmax}(" + print(a, 0) + ")"
        case .sum(let a): return "\\textstyle\\sum " + print(a, 4)
        case .bce(let a, let b): return "\\mathrm{BCE}(" + print(a, 0) + ", " + print(b, 0) + ")"
        case .crossEntropy(let a, let b): return "\\mathrm{CE}(" + print(a, 0) + ", " + print(b, 0) + ")"
        case .mse(let a, let b): return "\\mathrm{MSE}(" + print(a, 0) + ", " + print(b, 0) + ")"
        case .reduce(let r, let args): return reduction(r, args.map { print($0, 0) })
        }
    }

    /// `‖W‖`, `\operatorname{mean}(v)`, `\max(v)`, `\operatorname{hinge}(s, t)`.
    private func reduction(_ r: Reduction, _ arguments: [String]) -> String {
        switch r {
        case .norm: "\\lVert " + arguments.joined(separator: ", ") + " \\rVert"
        case .max, .min: "\\" + r.name + "(" + arguments.joined(separator: ", ") + ")"
        case .mean, .hinge: "\\operatorname{" + r.name + "}(" + arguments.joined(separator: ", ") + ")"
        }
    }

    /// `f(args)` as ``LaTeXPrinter`` writes the function (σ, ReLU, 𝟙[· > 0], g, …).
    private func function(_ f: Function, _ arguments: [String]) -> String {
        let placeholders = arguments.indices.map { "argument\($0)" }
        var text = LaTeXPrinter().apply(f, placeholders.map(Expr.symbol))
        for (placeholder, argument) in zip(placeholders, arguments) {
            text = text.replacingOccurrences(of: SymbolName(placeholder).latex, with: argument)
        }
        return text
    }
}
