/// Lays out chains of equalities `lhs = step = step = …` as rows of one LaTeX alignment that fit the
/// text width: steps stay on one line while they fit, then continue on the next line under the `=`;
/// a step still too wide breaks between its terms (`&\quad + …`), a term still too wide between its
/// factors (`&\qquad \times …`), and a factor that is a sum too wide for a line between its terms,
/// inside `\bigl( … \bigr)`. Widths come from ``LaTeXWidth``.
struct MathLayout {
    /// One equation: its left-hand side, its relation and its right-hand sides in order.
    struct Equation {
        /// The left-hand side, LaTeX.
        var lhs: String
        /// `=` or `\leftarrow` before the first step (later steps use `=`).
        var relation = "="
        /// The right-hand sides.
        var steps: [Piece]
        /// Whether every step starts a line of its own (a derivation read line by line).
        var stepPerLine = false
    }

    /// A right-hand side as printed, with the places where it may break: a sum's signed terms, each
    /// a product's factors.
    struct Piece {
        /// Terms (`a`, `+ b`, `- c`), each as its factors.
        var terms: [[String]]
        /// For a factor that is a sum in parentheses, its terms between `\bigl(` and `\bigr)`: the
        /// way to break it when it is too wide for a line of its own.
        var splits: [String: [String]] = [:]

        /// The whole piece as one string.
        var text: String { terms.map { $0.joined(separator: " ") }.joined(separator: " ") }

        /// A piece that cannot break.
        init(_ text: String) { terms = [[text]] }

        /// A piece from terms split into factors.
        init(terms: [[String]]) { self.terms = terms }

        /// `expr` as `printer` prints it, split at its top-level terms and factors.
        init(_ expr: Expr, _ printer: LaTeXPrinter) {
            let expr = Piece.fractions(expr)
            var splits: [String: [String]] = [:]
            defer { self.splits = splits }
            guard case .sum(let nested) = expr else {
                terms = [Piece.factors(expr, printer, &splits)]
                return
            }
            let all = PrintShape.terms(nested)
            guard let first = all.first else { terms = [["0"]]; return }
            terms = [Piece.factors(first, printer, &splits)] + all.dropFirst().map { term in
                guard let positive = PrintShape.negated(term) else { return ["+"] + Piece.factors(term, printer, &splits) }
                if Piece.precedence(positive, printer) <= .sum { return ["- \\left(" + printer.render(positive) + "\\right)"] }
                return ["-"] + Piece.factors(positive, printer, &splits)
            }.map { parts in parts.count > 1 && (parts[0] == "+" || parts[0] == "-") ? [parts[0] + " " + parts[1]] + parts.dropFirst(2) : parts }
        }

        /// The expression with each negative power that is not a factor of a product made a product
        /// of one factor, so that it prints as a fraction (`\frac{1}{1 - \hat{y}}`, not `(1 - \hat{y})^{-1}`).
        static func fractions(_ expr: Expr, inProduct: Bool = false) -> Expr {
            switch expr {
            case .power(_, .number(let n)) where n.isNegative && !inProduct:
                return .product([fractions(expr, inProduct: true)])
            case .product(let factors):
                return .product(factors.map { fractions($0, inProduct: true) })
            default:
                return expr.replacingChildren(expr.children.map { fractions($0) })
            }
        }

        /// A term's factors as printed side by side (a quotient or a signed product stays whole).
        private static func factors(_ term: Expr, _ printer: LaTeXPrinter, _ splits: inout [String: [String]]) -> [String] {
            guard case .product(let factors) = term else { return [printer.render(term)] }
            let (negative, rest) = PrintShape.sign(factors)
            guard !negative, PrintShape.fraction(rest).denominator.isEmpty, rest.count > 1 else { return [printer.render(term)] }
            return rest.enumerated().map { i, factor in
                var text = printer.render(factor)
                if precedence(factor, printer) <= .sum {
                    text = "\\left(" + text + "\\right)"
                    if case .sum = factor {
                        let inner = Piece(factor, printer).terms.map { $0.joined(separator: " ") }
                        splits[text] = inner.enumerated().map { k, term in
                            (k == 0 ? "\\bigl(" : "") + term + (k == inner.count - 1 ? "\\bigr)" : "")
                        }
                    }
                }
                return i > 0 && text.first?.isNumber == true ? "\\cdot " + text : text
            }
        }

        private static func precedence(_ expr: Expr, _ printer: LaTeXPrinter) -> Precedence {
            Precedence(expr, digits: printer.digits, deltaTotals: printer.totalStyle == .delta, exponentialAsPower: true)
        }
    }

    /// The width available to a whole row (left-hand side, relation and right-hand side), in points.
    var width: Double

    /// The text width of the keys' page layout (A4, 1.5 cm margins: 512 pt at 10 pt, 563 pt in
    /// ``LaTeXWidth``'s 11 pt units), with a safety margin.
    static let page = MathLayout(width: 510)

    /// The rows of one alignment holding `equations`.
    func rows(_ equations: [Equation]) -> [String] {
        let lhsWidth = equations.map { LaTeXWidth.of($0.lhs) }.max() ?? 0
        let budget = max(width - lhsWidth - 17, 120)
        return equations.map { row($0, budget: budget) }
    }

    /// Short one-step equations (`\frac{\partial L}{\partial a_1[1]} = -0.0106`) side by side, as many
    /// to a row as fit; `nil` when they are too few or too wide to gain anything.
    func grid(_ equations: [Equation]) -> [String]? {
        guard equations.count >= 4, equations.allSatisfy({ $0.steps.count == 1 }) else { return nil }
        let widths = equations.map { LaTeXWidth.of($0.lhs) + LaTeXWidth.of($0.relation) + LaTeXWidth.of($0.steps[0].text) + 4 }
        let columns = min(4, Int(width / ((widths.max() ?? width) + 30)))
        guard columns >= 2 else { return nil }
        return stride(from: 0, to: equations.count, by: columns).map { start in
            equations[start..<min(start + columns, equations.count)].map {
                $0.lhs + " &" + $0.relation + " " + $0.steps[0].text
            }.joined(separator: " & ")
        }
    }

    private func row(_ equation: Equation, budget: Double) -> String {
        var lines: [String] = []
        var line = "", lineWidth = 0.0
        func startLine(_ lead: String) {
            if !line.isEmpty { lines.append(line) }
            line = lead
            lineWidth = LaTeXWidth.of(lead)
        }
        func add(_ text: String) {
            let w = LaTeXWidth.of(text)
            line += (line.isEmpty || line.hasSuffix(" ") ? "" : " ") + text
            lineWidth += w
        }
        for (i, step) in equation.steps.enumerated() {
            let relation = i == 0 ? equation.relation : "="
            let stepWidth = LaTeXWidth.of(step.text), relationWidth = LaTeXWidth.of(relation) + 2
            if i == 0 {
                startLine(relation + " ")
            } else if equation.stepPerLine || lineWidth + relationWidth + stepWidth > budget {
                startLine(relation + " ")
            } else {
                add(relation)
            }
            if lineWidth + stepWidth <= budget {
                add(step.text)
                continue
            }
            for (k, term) in step.terms.enumerated() {
                let termWidth = LaTeXWidth.of(term.joined(separator: " "))
                if k > 0, lineWidth + termWidth > budget { startLine("\\quad ") }
                for (j, factor) in term.enumerated() {
                    let w = LaTeXWidth.of(factor)
                    // A new line for a factor that then fits, or that cannot break itself.
                    if j > 0, lineWidth + w > budget, step.splits[factor] == nil || w + 30 <= budget { startLine("\\qquad \\times ") }
                    guard lineWidth + w > budget, let inner = step.splits[factor] else {
                        add(factor)
                        continue
                    }
                    for (i, part) in inner.enumerated() {
                        if i > 0, lineWidth + LaTeXWidth.of(part) > budget { startLine("\\qquad\\quad ") }
                        add(part)
                    }
                }
            }
        }
        lines.append(line)
        return equation.lhs + " &" + lines.joined(separator: " \\\\\n&")
    }
}
