/// One STACK question (`<question type="stack">`, laid out as STACK's own Moodle XML export) asking
/// for a `find dA/dB` of a problem as a chain-rule sum: the student types a polynomial in the edge
/// partials, one Maxima atom each (``MoodleMaxima``: ∂y/∂c is `d_y_d_c`), and the potential response
/// tree (``MoodleResponseTree``) compares its expansion with the paths of the derivation, naming each
/// missing, repeated and extra path.
///
/// The teacher's answer `ta` is ChainRule's factored form (the form of `chainrule derive`), the paths
/// `p1…pn` its expanded form (one product per path, ``Derivation/expanded(limit:)``). Only Maxima
/// functions every STACK version has are used (`expand`, `diff`, `subst`, `listofvars`, `setify`,
/// `setdifference`, `polynomialp`, `length`); the question has no random variables (the symbolic
/// answer is the same in every variant).
public struct MoodleStack: Sendable {
    /// One path from B to A.
    public struct Path: Hashable, Sendable {
        /// The nodes from B to A (`x1`, `a`, `c`, `y`).
        public var nodes: [String]
        /// Its product in Maxima atoms.
        public var product: String
        /// `x1 → a → c → y` in plain text.
        public var text: String { nodes.map { SymbolName($0).text }.joined(separator: " → ") }
    }

    /// The most paths a question is made for: its tree has two nodes per path.
    public static let pathLimit = 64

    /// The question's name in the question bank.
    public var name: String
    /// A stable identifier.
    public var idnumber: String
    /// A and B.
    public var of: String, wrt: String
    /// The teacher's answer `ta`: the factored form in Maxima.
    public var answer: String
    /// The paths, in ChainRule's expanded order.
    public var paths: [Path]
    /// The edge partials with their atoms, in the order met.
    var atoms: [MoodleMaxima.Atom]
    /// The network's equations, as HTML.
    var statement: String
    /// The factored answer in LaTeX, for the general feedback.
    var factoredLaTeX: String

    /// The STACK question for ∂`of`/∂`wrt` of `network` (problem `problem`); `nil` when there is no
    /// chain-rule sum to ask (no path, A is B, a single edge) or more than ``pathLimit`` paths.
    public init?(problem: String, network: Network, of: String, wrt: String) {
        guard let derivation = try? network.derivation(of: of, wrt: wrt), derivation.zeroReason == nil, !derivation.isIdentity,
              derivation.pathCount <= Self.pathLimit, let expanded = try? derivation.expanded(limit: Self.pathLimit) else { return nil }
        let factored = derivation.factored()
        let products: [Expr]
        if case .sum(let terms) = expanded { products = terms } else { products = [expanded] }
        let maxima = MoodleMaxima(products + [factored])
        guard let answer = maxima.maxima(factored), products.count > 1 || maxima.atoms.count > 1 else { return nil }
        var paths: [Path] = []
        for product in products {
            let factors: [Expr]
            if case .product(let items) = product { factors = items } else { factors = [product] }
            var edges: [(of: String, wrt: String)] = []
            for factor in factors {
                guard case .partial(let q, let u) = factor else { return nil }
                edges.append((q, u))
            }
            guard let first = edges.last, let text = maxima.maxima(product) else { return nil }
            paths.append(Path(nodes: [first.wrt] + edges.reversed().map(\.of), product: text))
        }
        (self.of, self.wrt, self.answer, self.paths, atoms) = (of, wrt, answer, paths, maxima.atoms)
        name = (network.title ?? problem) + ": ∂" + of + "/∂" + wrt + " by the chain rule"
        idnumber = HTMLText.identifier("chainrule-" + problem + "-d" + of + "-d" + wrt)
        statement = MoodleHTML.display(AnswerKey.equations(network))
        factoredLaTeX = LaTeXPrinter().render(factored)
    }

    /// `∂A/∂B` in LaTeX.
    var title: String { DerivativeAnswer.inline(of: of, wrt: wrt) }

    /// The question variables: the answer `ta`, the atoms and each path's product `pk`.
    public var questionVariables: String {
        var lines = ["ta: " + answer + ";", "partials: [" + atoms.map(\.name).joined(separator: ", ") + "];"]
        for (k, path) in paths.enumerated() { lines.append("p\(k + 1): " + path.product + ";") }
        return lines.joined(separator: "\n")
    }

    /// The feedback variables: the expansions, the symbols that are not edge partials, whether the
    /// answer is a polynomial in them, each path's coefficient, and the terms that are no path.
    public var feedbackVariables: String {
        var lines = ["sa: expand(ans1);", "ea: expand(ta);",
                     "unk: setdifference(setify(listofvars(ans1)), setify(partials));", "nu: length(unk);",
                     "ispoly: if nu = 0 and polynomialp(sa, partials) then 1 else 0;",
                     "zeros: [" + atoms.map { $0.name + " = 0" }.joined(separator: ", ") + "];"]
        for (k, path) in paths.enumerated() {
            let variables = path.product.split(separator: "*").map { $0 + ", 1" }.joined(separator: ", ")
            lines.append("c\(k + 1): if ispoly = 1 then subst(zeros, diff(sa, \(variables))) else 0;")
        }
        let sum = paths.indices.map { "c\($0 + 1)*p\($0 + 1)" }.joined(separator: " + ")
        lines.append("extra: if ispoly = 1 then expand(sa - (" + sum + ")) else 0;")
        return lines.joined(separator: "\n")
    }

    /// The potential response tree (see ``MoodleResponseTree``).
    var tree: MoodleResponseTree {
        typealias Branch = MoodleResponseTree.Branch
        let n = paths.count, share = 1 / Double(n + 1), extraNode = 3 + 2 * n
        let from = SymbolName(wrt).text, to = SymbolName(of).text
        func note(_ node: Int, _ yes: Bool) -> String { "prt1-\(node)-" + (yes ? "T" : "F") }
        var nodes = [
            MoodleResponseTree.Node(name: 0, description: "The expansion equals the sum over all paths", test: "AlgEquiv", sans: "sa", tans: "ea",
                                    yes: Branch(mode: "=", score: 1, next: -1, note: note(0, true), feedback: ""),
                                    no: Branch(mode: "=", score: 0, next: 1, note: note(0, false), feedback: "")),
            MoodleResponseTree.Node(name: 1, description: "Only edge partials are used", test: "AlgEquiv", sans: "nu", tans: "0",
                                    yes: Branch(mode: "+", score: 0, next: 2, note: note(1, true), feedback: ""),
                                    no: Branch(mode: "=", score: 0, next: -1, note: note(1, false), feedback:
                                        "<p>Your answer uses \\({@unk@}\\), which are not local partial derivatives along edges between "
                                        + MoodleHTML.escape(from) + " and " + MoodleHTML.escape(to) + ". Use only the names listed in the question.</p>")),
            MoodleResponseTree.Node(name: 2, description: "A polynomial in the edge partials", test: "AlgEquiv", sans: "ispoly", tans: "1",
                                    yes: Branch(mode: "+", score: 0, next: 3, note: note(2, true), feedback: ""),
                                    no: Branch(mode: "=", score: 0, next: -1, note: note(2, false), feedback:
                                        "<p>Write the answer with sums and products of the edge partials only (no division).</p>")),
        ]
        for (k, path) in paths.enumerated() {
            let check = 3 + 2 * k, detail = check + 1, next = k + 1 < n ? check + 2 : extraNode
            let route = MoodleHTML.escape(path.text)
            nodes.append(MoodleResponseTree.Node(name: check, description: "Path \(path.text) once", test: "AlgEquiv", sans: "c\(k + 1)", tans: "1",
                                                 yes: Branch(mode: "+", score: share, next: next, note: note(check, true), feedback: ""),
                                                 no: Branch(mode: "+", score: 0, next: detail, note: note(check, false), feedback: "")))
            nodes.append(MoodleResponseTree.Node(name: detail, description: "Path \(path.text) missing", test: "AlgEquiv", sans: "c\(k + 1)", tans: "0",
                                                 yes: Branch(mode: "+", score: 0, next: next, note: "prt1-missing-path-\(k + 1)",
                                                             feedback: "<p>Missing path " + route + ": the product \\({@p\(k + 1)@}\\) is not in your answer.</p>"),
                                                 no: Branch(mode: "+", score: 0, next: next, note: "prt1-repeated-path-\(k + 1)",
                                                            feedback: "<p>Path " + route + " appears \\({@c\(k + 1)@}\\) times in your expanded answer "
                                                                + "instead of once (counted twice, or with the wrong sign).</p>")))
        }
        nodes.append(MoodleResponseTree.Node(name: extraNode, description: "No terms that are not paths", test: "AlgEquiv", sans: "extra", tans: "0",
                                             yes: Branch(mode: "+", score: share, next: -1, note: note(extraNode, true), feedback: ""),
                                             no: Branch(mode: "+", score: 0, next: -1, note: note(extraNode, false), feedback:
                                                "<p>These terms of your expanded answer are not paths from " + MoodleHTML.escape(from) + " to "
                                                + MoodleHTML.escape(to) + ": \\({@extra@}\\).</p>")))
        return MoodleResponseTree(name: "prt1", feedbackVariables: feedbackVariables, nodes: nodes)
    }

    /// The question text: the network's equations, the edge partials with their names, the input.
    public var questionText: String {
        let rows = atoms.map { "<tr><td>" + MoodleHTML.math(DerivativeAnswer.inline(of: $0.of, wrt: $0.wrt)) + "</td><td><code>" + $0.name + "</code></td></tr>" }
        return "<p>The network:</p>" + statement
            + "<p>Write " + MoodleHTML.math(title) + " by the chain rule along the edges of the graph: a sum of products of the local "
            + "partial derivatives below, one product per path (you may factor). Leave the partials as symbols; type each as its name, "
            + "with <code>*</code> between factors.</p>"
            + "<table class=\"generaltable\"><tr><th>partial</th><th>type</th></tr>" + rows.joined() + "</table>"
            + "<p>" + MoodleHTML.math(title) + " = [[input:ans1]] [[validation:ans1]]</p>"
    }

    /// The general feedback: the factored answer and the paths.
    public var generalFeedback: String {
        "<p>" + MoodleHTML.escape("\\[" + title + " = " + factoredLaTeX + "\\]") + "</p><p>One product per path from "
            + MoodleHTML.escape(SymbolName(wrt).text) + " to " + MoodleHTML.escape(SymbolName(of).text) + ":</p><ul>"
            + paths.map { "<li>" + MoodleHTML.escape($0.text) + "</li>" }.joined() + "</ul>"
    }
}
