/// The externally graded PrairieLearn question of a problem: each `find dA/dB` answered as a sum of
/// products of partial symbols (`∂y/∂c ∂c/∂x2 + …`) in a `pl-string-input`, graded by ChainRule
/// itself, path by path, with the feedback `chainrule grade` writes ("missing path x1 → b → d → y").
///
/// PrairieLearn runs no element grading in an externally graded question, which is why the numbers
/// have a question of their own (``PrairieLearnQuestion``). The grader is the course's
/// `serverFilesCourse/chainrule/` (the `chainrule` binary and its `run` script, see
/// ``PrairieLearnExport``); the question's `tests/` folder gives it the problem file and
/// `chainrule.json`, which maps answer names to questions.
public struct PrairieLearnChainRuleQuestion {
    /// One answer field: its name and the question it answers (`dy/dx2`).
    public struct Field: Hashable, Sendable {
        /// The answer's name (`dy_dx2`).
        public var answerName: String
        /// The question's label, as ``ClassQuestion/label`` writes it.
        public var question: String
        /// ∂A/∂B in LaTeX.
        public var label: String
    }

    /// The Docker image the grader runs in (any Linux image runs the static `chainrule` binary; this
    /// one is maintained by PrairieLearn).
    public static let image = "prairielearn/grader-python"
    /// Where the course's grader files are inside the grading container.
    public static let graderFolder = "/grade/serverFilesCourse/chainrule"
    /// The name of the answer map in `tests/`.
    public static let mapName = "chainrule.json"

    /// The problem.
    public let problem: ExportProblem
    /// The answer fields, one per `find dA/dB`.
    public let fields: [Field]

    /// The question of `problem`.
    public init(_ problem: ExportProblem) {
        self.problem = problem
        var fields: [Field] = []
        for (of, wrt) in problem.derivatives {
            let name = ExportNumber.answerName("d\(of)/d\(wrt)")
            guard !fields.contains(where: { $0.answerName == name }) else { continue }
            fields.append(Field(answerName: name, question: "d\(of)/d\(wrt)", label: DerivativeAnswer.inline(of: of, wrt: wrt)))
        }
        self.fields = fields
    }

    /// The folder name: the problem's, then `-chain-rule`.
    public var folderName: String { problem.name + "-chain-rule" }

    /// Whether there is anything to ask.
    public var isEmpty: Bool { fields.isEmpty }

    /// The question's folder: `info.json`, `question.html`, `tests/NAME.nn`, `tests/chainrule.json`.
    public var files: ExportBundle {
        var bundle = ExportBundle()
        bundle.add(.init("info.json", text: info.serialized(pretty: true) + "\n"))
        bundle.add(.init("question.html", text: html))
        bundle.add(.init("tests/" + problem.name + ".nn", text: problem.source))
        bundle.add(.init("tests/" + Self.mapName, text: map.serialized(pretty: true) + "\n"))
        return bundle
    }

    /// `info.json`: external grading by the course's `chainrule/run`.
    public var info: JSONValue {
        .object([("uuid", .string(StableUUID.of("chainrule prairielearn chain rule " + problem.name))),
                 ("title", .string((problem.network.title ?? problem.name) + ": chain rule")),
                 ("topic", .string("Backpropagation")),
                 ("tags", .array([.string("chainrule"), .string(problem.name)])),
                 ("type", .string("v3")),
                 ("singleVariant", .bool(true)),
                 ("gradingMethod", .string("External")),
                 ("externalGradingOptions", .object([
                    ("image", .string(Self.image)),
                    ("entrypoint", .string(Self.graderFolder + "/run")),
                    ("serverFilesCourse", .array([.string("chainrule/")])),
                    ("timeout", .number(30)),
                 ]))])
    }

    /// `tests/chainrule.json`: the problem file and which answer answers which question.
    public var map: JSONValue {
        .object([("problem", .string(problem.name + ".nn")),
                 ("answers", .array(fields.map { .object([("name", .string($0.answerName)), ("question", .string($0.question))]) }))])
    }

    /// `question.html`.
    public var html: String {
        var lines = ["<!-- Written by chainrule export --to prairielearn from \(problem.name).nn; graded by ChainRule (external grading). -->",
                     "<pl-question-panel>"]
        lines += PrairieLearnStatement.html(problem, values: false).map { "  " + $0 }
        lines.append("  <p>Write each derivative with the chain rule: a sum over the paths of products of the local partial"
            + " derivatives along the edges, such as <code>dy/dc dc/dx2 + dy/dd dd/dx2</code> (or <code>∂y/∂c ∂c/∂x2 + …</code>, or LaTeX)."
            + " Factor where you can. ChainRule grades it path by path and names any path that is missing, repeated or extra.</p>")
        lines.append("</pl-question-panel>")
        lines.append("")
        for field in fields {
            lines.append("<pl-string-input answers-name=\"\(field.answerName)\" label=\"$\(HTMLText.escaped(field.label)) =$\""
                + " display=\"block\" size=\"60\"></pl-string-input>")
        }
        lines += ["", "<pl-submission-panel>", "  <pl-external-grader-results></pl-external-grader-results>", "</pl-submission-panel>"]
        return lines.joined(separator: "\n") + "\n"
    }
}
