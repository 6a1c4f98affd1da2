/// The internally graded PrairieLearn question of a problem (`info.json`, `question.html`,
/// `server.py`): every number asked as a `pl-number-input` and every `find dA/dB` whose local
/// derivatives can be written out as a `pl-symbolic-input`.
///
/// `server.py` holds a table of the variants (each with its given values and its correct numbers, as
/// the variants CSV has them); `generate()` picks one and fills `data["params"]` and
/// `data["correct_answers"]`. Numbers are compared to the key's digits as significant digits
/// (`comparison="sigfig"`), never as decimal places, so no answer is rounded to zero; the question says so.
public struct PrairieLearnQuestion {
    /// A plugged-in derivative: its answer name, LaTeX label, SymPy answer and variables.
    public struct Symbolic: Hashable, Sendable {
        /// The answer's name (`plug_dL_dw1`).
        public var answerName: String
        /// ∂A/∂B in LaTeX.
        public var label: String
        /// The correct answer in SymPy syntax (``SympyPrinter``).
        public var answer: String
        /// The names it uses, in order.
        public var variables: [String]
    }

    /// The problem.
    public let problem: ExportProblem
    /// The plugged-in derivatives asked.
    public let symbolic: [Symbolic]

    /// The question of `problem`.
    public init(_ problem: ExportProblem) {
        self.problem = problem
        var symbolic: [Symbolic] = []
        if !problem.network.usesUnspecifiedActivation {
            for (of, wrt) in problem.derivatives {
                guard let checker = try? AnswerChecker(network: problem.network, of: of, wrt: wrt) else { continue }
                let expr = checker.pluggedInDerivative
                guard SympyPrinter.canPrint(expr) else { continue }
                let name = "plug_" + ExportNumber.answerName("d\(of)/d\(wrt)")
                guard !symbolic.contains(where: { $0.answerName == name }) else { continue }
                symbolic.append(Symbolic(answerName: name, label: DerivativeAnswer.inline(of: of, wrt: wrt),
                                         answer: SympyPrinter().render(expr), variables: expr.symbols))
            }
        }
        self.symbolic = symbolic
    }

    /// Whether there is anything to ask (numbers or plugged-in derivatives).
    public var isEmpty: Bool { problem.numbers.isEmpty && symbolic.isEmpty }

    /// The question's folder: `info.json`, `question.html`, `server.py`.
    public var files: ExportBundle {
        var bundle = ExportBundle()
        bundle.add(.init("info.json", text: info.serialized(pretty: true) + "\n"))
        bundle.add(.init("question.html", text: html))
        bundle.add(.init("server.py", text: server))
        return bundle
    }

    /// `info.json`.
    public var info: JSONValue {
        .object([("uuid", .string(StableUUID.of("chainrule prairielearn numbers " + problem.name))),
                 ("title", .string((problem.network.title ?? problem.name) + ": numbers")),
                 ("topic", .string("Backpropagation")),
                 ("tags", .array([.string("chainrule"), .string(problem.name)])),
                 ("type", .string("v3")),
                 ("singleVariant", .bool(problem.variants.count <= 1))])
    }

    /// `question.html`.
    public var html: String {
        var lines = ["<!-- Written by chainrule export --to prairielearn from \(problem.name).nn. -->", "<pl-question-panel>"]
        lines += PrairieLearnStatement.html(problem, values: true).map { "  " + $0 }
        if !problem.numbers.isEmpty {
            lines.append("  <p>Compute the numbers below. Give each to \(problem.digits) significant digits"
                + " (for example 0.01234, not 0.0123): they are compared to \(problem.digits) significant digits,"
                + " relative to their size, so small gradients need their leading digits, not \(problem.digits) decimal places.</p>")
        }
        if !symbolic.isEmpty {
            lines.append("  <p>Write each derivative with the local derivatives written out in the network's names"
                + " (for a sigmoid unit $h = \\sigma(z)$, $\\partial h/\\partial z = h(1-h)$; use * for products).</p>")
        }
        lines.append("</pl-question-panel>")
        lines.append("")
        for number in problem.numbers {
            lines.append("<pl-number-input answers-name=\"\(number.answerName)\" label=\"$\(HTMLText.escaped(number.label)) =$\""
                + " comparison=\"sigfig\" digits=\"\(problem.digits)\"></pl-number-input>")
        }
        for item in symbolic {
            lines.append("<pl-symbolic-input answers-name=\"\(item.answerName)\" label=\"$\(HTMLText.escaped(item.label)) =$\""
                + " variables=\"\(item.variables.joined(separator: ", "))\" display=\"block\"></pl-symbolic-input>")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `server.py`: the variants table and `generate()`.
    public var server: String {
        let variants = JSONValue.array(problem.variants.map { variant in
            .object([("variant", .number(Double(variant.number))),
                     ("given", .object(problem.given(variant).map { (PrairieLearnStatement.key($0.name), .string(DisplayNumber.string($0.value))) })),
                     ("answers", .object(zip(problem.numbers, problem.values(of: variant)).map { ($0.answerName, .number($1)) }))])
        })
        let symbolic = JSONValue.object(self.symbolic.map { ($0.answerName, .string($0.answer)) })
        return """
            # Written by chainrule export --to prairielearn from \(problem.name).nn.
            # VARIANTS holds every variant a student can get: its given values (as the question shows them) and its
            # correct numbers (full precision, as the variants CSV of `chainrule key --variants` has them).
            # generate() picks one; PrairieLearn seeds `random` per question variant.
            import json
            import random

            VARIANTS = json.loads(r\"\"\"\(variants.serialized(pretty: false))\"\"\")

            SYMBOLIC = json.loads(r\"\"\"\(symbolic.serialized(pretty: false))\"\"\")


            def generate(data):
                variant = VARIANTS[random.randrange(len(VARIANTS))] if VARIANTS else {"variant": 0, "given": {}, "answers": {}}
                data["params"]["variant"] = variant["variant"]
                data["params"]["given"] = variant["given"]
                for name, value in variant["answers"].items():
                    data["correct_answers"][name] = value
                for name, answer in SYMBOLIC.items():
                    data["correct_answers"][name] = answer

            """
    }
}
