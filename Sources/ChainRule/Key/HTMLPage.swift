/// One self-contained HTML page for one or more problems: per problem the network drawn as inline
/// SVG, the questions, each derivative in the forms asked and plugged in, a table of the nodes and
/// the worked example, all mathematics as native MathML; a contents list when there are several.
///
/// Nothing is fetched (a content security policy forbids it): style and script are inline and the
/// page reads fully with scripts off. The script links the two views: pointing at a term of a sum
/// lights up the paths it stands for, pointing at a node shows its value, δ and local derivatives.
/// The linking data is one JSON block, `<script type="application/json" id="chainrule-links">`:
/// `{"terms": {term id: [[element id, …] per path]}, "nodes": {node id: row id}}`, the element ids
/// of a path running from its input end (node, edge, node, …; a weight label for a parameter).
public struct HTMLPage: Sendable {
    /// One problem: the file it was read from and its network.
    public struct Problem: Sendable {
        /// The file name shown under the title (and from which the section's id is made).
        public var fileName: String
        /// The network.
        public var network: Network

        /// Creates a problem.
        public init(fileName: String, network: Network) {
            self.fileName = fileName
            self.network = network
        }
    }

    /// The problems, in page order.
    public var problems: [Problem]
    /// What to show: answers (a key) or not (a question sheet), and the digits shown when a file does not
    /// say. Local derivatives are always also shown plugged in: the page is for exploring.
    public var options: KeyOptions
    /// The forms each derivative is written in.
    public var forms: [DerivativeForm]
    /// The page title.
    public var title: String
    /// A comment for the first line, after the doctype (`Answer key written by chainrule key`), so that
    /// a tool can recognize the files it wrote; none when `nil`.
    public var marker: String?

    /// A page for `problems`.
    public init(problems: [(fileName: String, network: Network)], options: KeyOptions = KeyOptions(),
                forms: [DerivativeForm] = DerivativeForm.allCases, title: String = "ChainRule answer key",
                marker: String? = nil) {
        self.problems = problems.map { Problem(fileName: $0.fileName, network: $0.network) }
        self.options = options
        self.forms = forms
        self.title = title
        self.marker = marker
    }

    /// The page: an HTML5 document.
    public var html: String {
        var used = Set<String>()
        let ids = problems.map { problem -> String in
            let base = HTMLText.identifier(problem.fileName.hasSuffix(".nn") ? String(problem.fileName.dropLast(3)) : problem.fileName,
                                           fallback: "problem")
            var id = base, n = 1
            while !used.insert(id).inserted { n += 1; id = base + "-\(n)" }
            return id
        }
        let sections = zip(problems, ids).map { problem, id in
            HTMLProblem(fileName: problem.fileName, network: problem.network, id: id, options: options, forms: forms)
        }
        var body = ["<h1>" + HTMLText.escaped(title) + "</h1>"]
        if problems.count > 1 {
            let items = zip(problems, ids).map { problem, id in
                "<li><a href=\"#\(id)\">" + HTMLText.escaped(problem.network.title ?? problem.fileName) + "</a></li>"
            }
            body.append("<nav aria-labelledby=\"contents\"><h2 id=\"contents\">Contents</h2><ol>" + items.joined() + "</ol></nav>")
        }
        body += sections.map(\.html)
        let links = JSONValue.object([
            ("terms", .object(sections.flatMap(\.links).map { ($0.id, .array($0.paths.map { .array($0.map(JSONValue.string)) })) })),
            ("nodes", .object(sections.flatMap(\.nodes).map { ($0.node, .string($0.row)) })),
        ]).serialized(pretty: false).replacingOccurrences(of: "</", with: "<\\/")
        let comment = marker.map { "<!-- " + $0.replacingOccurrences(of: "--", with: "- -") + " -->" } ?? ""
        return """
            <!DOCTYPE html>\(comment)
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
            <title>\(HTMLText.escaped(title))</title>
            <style>
            \(HTMLAssets.style)
            </style>
            </head>
            <body>
            \(body.joined(separator: "\n"))
            <script type="application/json" id="chainrule-links">\(links)</script>
            <script>
            \(HTMLAssets.script)
            </script>
            </body>
            </html>

            """
    }
}
