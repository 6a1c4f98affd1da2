/// The statement both PrairieLearn questions of a problem show: its title, the network's equations
/// (the key's, as LaTeX for MathJax) and, for the numbers, the table of given values filled in from
/// the variant `server.py` picks (`{{params.given.NAME}}`).
enum PrairieLearnStatement {
    /// The `<pl-question-panel>` contents for `problem`; `values` adds the given values.
    static func html(_ problem: ExportProblem, values: Bool) -> [String] {
        let network = problem.network
        var lines = ["<p><strong>" + HTMLText.escaped(network.title ?? problem.name) + "</strong></p>"]
        if values, problem.isDrawn { lines.append("<p>Your variant: {{params.variant}}.</p>") }
        let rows = AnswerKey.equations(network)
        if !rows.isEmpty {
            lines.append("<p>The network:</p>")
            lines.append("$$\\begin{aligned}" + rows.joined(separator: " \\\\ ") + "\\end{aligned}$$")
        }
        guard values, let first = problem.variants.first else { return lines }
        lines.append("<p>Given:</p>")
        lines.append("<table class=\"table table-sm w-auto\">")
        for (name, _) in problem.given(first) {
            lines.append("  <tr><td>$" + SymbolName(name).latex + "$</td><td>{{params.given." + PrairieLearnStatement.key(name) + "}}</td></tr>")
        }
        if let rate = network.rate {
            lines.append("  <tr><td>learning rate $\\eta$</td><td>" + DisplayNumber.string(rate) + "</td></tr>")
        }
        if network.iterations > 1 { lines.append("  <tr><td>iterations</td><td>\(network.iterations)</td></tr>") }
        lines.append("</table>")
        return lines
    }

    /// The key of a given value in `params.given`: the component name with every character but
    /// letters and digits as `_` (`W1[1,2]` → `W1_1_2_`).
    static func key(_ name: String) -> String {
        String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
    }
}
