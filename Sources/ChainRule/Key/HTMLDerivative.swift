/// One derivative ∂A/∂B of a problem on a page: each form asked, with every top-level term of a sum
/// of partials addressable (an id, focusable) and linked to the paths of the picture it stands for;
/// then the factored form with the local derivatives plugged in, and its value at the file's point.
struct HTMLDerivative {
    /// The markup: a heading and a definition list of the forms.
    var html: String
    /// For each term id, the paths it stands for as element ids of the picture.
    var links: [(id: String, paths: [[String]])]

    /// ∂`of`/∂`wrt` on `network`, its term ids starting with `prefix`.
    init(network: Network, of: String, wrt: String, forms: [DerivativeForm],
         digits: Int, prefix: String, picture: HTMLPicture) {
        let printer = MathMLPrinter(digits: digits)
        let title = printer.math(.total(of: of, wrt: wrt), display: false)
        links = []
        html = ""
        let derivation: Derivation
        do { derivation = try network.derivation(of: of, wrt: wrt) } catch {
            html = "<h4>" + title + "</h4>\n<p>" + HTMLText.escaped(error.description) + "</p>"
            return
        }
        var items: [String] = []
        if let reason = derivation.zeroReason {
            items.append("<dt>no path</dt><dd>" + printer.equation(derivation.total, .zero) + "<p class=\"note\">" + HTMLText.escaped(reason) + ".</p></dd>")
        } else {
            let paths = HTMLTermPaths(graph: derivation.graph), factored = derivation.factored()
            // Forms that come out the same (a single path) are written once, under all their names.
            var groups: [(forms: [DerivativeForm], lines: Result<[Line], DerivationError>)] = []
            for form in forms {
                let lines = Result { () throws(DerivationError) in try HTMLDerivative.lines(derivation, form, factored: factored) }
                if case .success(let new) = lines, let i = groups.firstIndex(where: { (try? $0.lines.get()) == new }) {
                    groups[i].forms.append(form)
                } else {
                    groups.append(([form], lines))
                }
            }
            for (forms, lines) in groups {
                items.append("<dt>" + forms.map(\.rawValue).joined(separator: ", ") + "</dt>")
                switch lines {
                case .success(let lines):
                    for (k, line) in lines.enumerated() {
                        let id = prefix + "-" + forms[0].rawValue + (lines.count > 1 ? "-l\(k)" : "")
                        items.append("<dd>" + render(line, id: id, paths: paths, picture: picture, digits: digits) + "</dd>")
                    }
                case .failure(let error):
                    items.append("<dd><p class=\"note\">" + HTMLText.escaped(error.description) + "</p></dd>")
                }
            }
            let partials = LocalPartials(graph: derivation.graph, unitSums: network.unitSums)
            items.append("<dt>local derivatives plugged in</dt>")
            items.append("<dd>" + printer.equation(derivation.total, partials.plugging(into: factored)) + "</dd>")
            if let values = NodeValues(graph: derivation.graph), let value = values.value(of: factored, partials: partials) {
                items.append("<dd>At the file's values: " + printer.equation(derivation.total, .number(.real(value)), display: false) + "</dd>")
            }
        }
        html = "<h4>" + title + "</h4>\n<dl>\n" + items.joined(separator: "\n") + "\n</dl>"
    }

    /// One printed line of a form: `lhs = rhs`, or `= rhs` for a continuation line of the steps
    /// (`lhs` nil); totals printed as δ for the adjoint.
    struct Line: Equatable {
        var lhs: Expr?
        var rhs: Expr
        var deltas = false
    }

    /// The lines of one form (`factored` is the derivation's factored form, computed once).
    static func lines(_ derivation: Derivation, _ form: DerivativeForm, factored: Expr) throws(DerivationError) -> [Line] {
        let lhs = derivation.total
        switch form {
        case .expanded: return [Line(lhs: lhs, rhs: try derivation.expanded())]
        case .factored: return [Line(lhs: lhs, rhs: factored)]
        case .steps: return derivation.steps().enumerated().map { Line(lhs: $0 == 0 ? lhs : nil, rhs: $1) }
        case .adjoint:
            guard !derivation.isIdentity else { return [Line(lhs: lhs, rhs: .one)] }
            let adjoint = derivation.adjoint()
            return adjoint.definitions.map { Line(lhs: .total(of: adjoint.output, wrt: $0.node), rhs: $0.value, deltas: true) }
                + adjoint.results.map { Line(lhs: .partial(of: derivation.ofName, wrt: derivation.wrtName), rhs: $0.value, deltas: true) }
        }
    }

    /// A line as display MathML, its terms addressed as `id-tN` where they stand for paths.
    private mutating func render(_ line: Line, id: String, paths: HTMLTermPaths, picture: HTMLPicture, digits: Int) -> String {
        let terms: [Expr]
        if case .sum(let nested) = line.rhs { terms = PrintShape.terms(nested) } else { terms = [line.rhs] }
        var linked = Set<Int>()
        for (i, term) in terms.enumerated() {
            guard let found = paths.paths(PrintShape.negated(term) ?? term), !found.isEmpty else { continue }
            let elements = found.map { picture.elements($0, in: paths.graph) }.filter { !$0.isEmpty }
            guard !elements.isEmpty else { continue }
            links.append((id + "-t\(i)", elements))
            linked.insert(i)
        }
        let ids = linked
        let printer = MathMLPrinter(digits: digits, totalStyle: line.deltas ? .delta : .fraction,
                                    termID: { i, _ in ids.contains(i) ? id + "-t\(i)" : nil })
        guard let lhs = line.lhs else {
            let math = printer.math(line.rhs)
            guard let open = math.firstIndex(of: ">") else { return math }
            return String(math[...open]) + "<mo>=</mo>" + math[math.index(after: open)...]
        }
        return printer.equation(lhs, line.rhs)
    }
}
