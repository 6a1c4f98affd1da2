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
        let partials = LocalPartials(graph: derivation.graph, unitSums: network.unitSums)
        if let reason = derivation.zeroReason {
            items.append("<dt>no path</dt><dd>" + printer.equation(derivation.total, .zero) + "<p class=\"note\">" + HTMLText.escaped(reason) + ".</p></dd>")
        } else {
            let paths = HTMLTermPaths(graph: derivation.graph)
            // Forms that come out the same (a single path) are written once, under all their names.
            var groups: [(forms: [DerivativeForm], shown: Result<FormedDerivation, DerivationError>)] = []
            for form in forms {
                let shown = Result { () throws(DerivationError) in try FormedDerivation(derivation, form: form, partials: partials) }
                if case .success(let new) = shown,
                   let i = groups.firstIndex(where: { (try? $0.shown.get())?.equations == new.equations }) {
                    groups[i].forms.append(form)
                } else {
                    groups.append(([form], shown))
                }
            }
            for (forms, shown) in groups {
                items.append("<dt>" + forms.map(\.rawValue).joined(separator: ", ") + "</dt>")
                switch shown {
                case .success(let shown):
                    for (k, equation) in shown.equations.enumerated() {
                        let id = prefix + "-" + forms[0].rawValue + (shown.equations.count > 1 ? "-l\(k)" : "")
                        let continued = shown.isChain && k > 0
                        items.append("<dd>" + render(equation, continued: continued, id: id, paths: paths, picture: picture, digits: digits) + "</dd>")
                    }
                case .failure(let error):
                    items.append("<dd><p class=\"note\">" + HTMLText.escaped(error.description) + "</p></dd>")
                }
            }
            if !derivation.isIdentity, let factored = try? FormedDerivation(derivation, form: .factored, partials: partials) {
                items.append("<dt>local derivatives plugged in</dt>")
                for equation in factored.pluggingIn(partials).equations {
                    items.append("<dd>" + printer.equation(equation.lhs, equation.rhs) + "</dd>")
                }
                if let value = factored.value {
                    items.append("<dd>At the file's values: " + printer.equation(derivation.total, .number(.real(value)), display: false) + "</dd>")
                }
            }
        }
        html = "<h4>" + title + "</h4>\n<dl>\n" + items.joined(separator: "\n") + "\n</dl>"
    }

    /// A line as display MathML, its terms addressed as `id-tN` where they stand for paths.
    private mutating func render(_ line: FormedDerivation.Equation, continued: Bool, id: String, paths: HTMLTermPaths,
                                 picture: HTMLPicture, digits: Int) -> String {
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
        let printer = MathMLPrinter(digits: digits, totalStyle: .right(line),
                                    termID: { i, _ in ids.contains(i) ? id + "-t\(i)" : nil })
        guard !continued else {
            let math = printer.math(line.rhs)
            guard let open = math.firstIndex(of: ">") else { return math }
            return String(math[...open]) + "<mo>=</mo>" + math[math.index(after: open)...]
        }
        let lhs = MathMLPrinter(digits: digits, totalStyle: .left(line)).render(line.lhs)
        return printer.equation(printed: lhs, line.rhs)
    }
}
