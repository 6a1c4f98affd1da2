/// Prints the results of `chainrule check`: the feedback a grader would write, as text or JSON.
///
/// For derivative answers, one verdict per answer and one message per finding; the JSON is
/// `{"correct", "missing", "extra", "messages"}` per answer (an array when there are several). For a
/// worked example, see ``init(worked:)``.
public struct CheckReport: Sendable {
    /// What was checked.
    public enum Content: Sendable {
        /// Derivative answers, each with the line it starts on in the answer text.
        case answers([(result: CheckResult, line: Int)])
        /// A worked numeric example.
        case worked(WorkedCheck)
        /// Every answer of a file of answers, each at its own index, unreadable ones included.
        case verdicts([AnswerVerdict])
    }

    /// What is printed.
    public var content: Content
    let printer = TextPrinter()

    /// A report on derivative answers (`line` numbers each answer's first line in the answer file).
    public init(_ results: [(result: CheckResult, line: Int)]) {
        content = .answers(results)
    }

    /// A report on every answer of a file of answers (``AnswerChecker/checkAll(_:)``).
    public init(verdicts: [AnswerVerdict]) {
        content = .verdicts(verdicts)
    }

    /// A report on one derivative answer.
    public init(_ result: CheckResult) {
        content = .answers([(result, 1)])
    }

    /// The report as text.
    public var text: String {
        switch content {
        case .answers(let results): answersText(results)
        case .worked(let check): workedText(check)
        case .verdicts(let verdicts): verdictsText(verdicts)
        }
    }

    /// The report as JSON.
    public var json: JSONValue {
        switch content {
        case .answers(let results):
            results.count == 1 ? answerJSON(results[0].result) : .array(results.map { answerJSON($0.result) })
        case .worked(let check): workedJSON(check)
        case .verdicts(let verdicts): verdictsJSON(verdicts)
        }
    }

    // MARK: Answers

    func answersText(_ results: [(result: CheckResult, line: Int)]) -> String {
        var lines: [String] = []
        for (k, (result, line)) in results.enumerated() {
            let verdict = result.correct ? "correct" : "incorrect"
            let head = "∂\(result.of)/∂\(result.wrt)"
            lines.append(results.count == 1 ? "\(head): \(verdict)" : "answer \(k + 1) (line \(line)): \(head): \(verdict)")
            lines += messages(result).map { "  - " + $0 }
        }
        if results.count > 1 {
            lines.append("\(results.filter { $0.result.correct }.count) of \(results.count) answers correct")
        }
        return lines.joined(separator: "\n")
    }

    func answerJSON(_ result: CheckResult) -> JSONValue {
        let chains = { (lists: [[String]]) in JSONValue.array(lists.map { .array($0.map(JSONValue.string)) }) }
        return .object([
            ("correct", .bool(result.correct)),
            ("missing", chains(result.missing)),
            ("extra", chains(result.extra)),
            ("messages", .array(messages(result).map(JSONValue.string))),
        ])
    }

    /// The grader's messages on one answer: the answer's findings, then each step's (prefixed with
    /// its line when the answer is a chain of several on separate lines, else with its number).
    public func messages(_ result: CheckResult) -> [String] {
        let limit = CheckReport.maxMessages
        var lines = result.findings.prefix(limit).map(message)
        let chained = result.steps.count > 1
        let byLine = Set(result.steps.map(\.location.line)).count == result.steps.count
        for (k, step) in result.steps.enumerated() {
            var said = step.findings.map(message)
            if let method = step.method { said.append(self.method(method, correct: step.correct)) }
            if chained {
                let prefix = byLine ? "line \(step.location.line)" : "step \(k + 1)"
                lines += said.isEmpty ? ["\(prefix): \(step.correct ? "correct" : "incorrect")"] : said.map { "\(prefix): \($0)" }
            } else {
                lines += said
            }
            if lines.count > limit { break }
        }
        let total = result.findings.count + result.steps.reduce(0) { sum, step in
            let said = step.findings.count + (step.method == nil ? 0 : 1)
            return sum + (chained ? max(1, said) : said)
        }
        guard total > limit else { return lines }
        return Array(lines.prefix(limit)) + ["… and \(total - limit) more findings not shown (\(total) in all)"]
    }

    /// The most messages shown for one answer; the rest are counted in one last line.
    public static let maxMessages = 50

    /// One finding in words.
    public func message(_ finding: CheckFinding) -> String {
        switch finding {
        case .missingPath(_, let nodes) where nodes.count == 1:
            return "missing the constant 1: ∂\(nodes[0])/∂\(nodes[0]) = 1 (the quantity is the variable itself)"
        case .missingPath(let product, let nodes):
            return "missing path \(chain(nodes)) (\(printer.render(product)))"
        case .repeatedPath(let product, let nodes, let times):
            return "path \(chain(nodes)) is written \(times) times (\(printer.render(product))); each path counts once"
        case .wrongCoefficient(let product, let nodes, let c):
            if c == Number(-1) { return "path \(chain(nodes)) has the wrong sign (−\(printer.render(product)))" }
            return "path \(chain(nodes)) has coefficient \(printer.number(c)) (\(printer.render(product))); each path counts once"
        case .brokenChain(let product, let pieces):
            return "\(printer.render(product)) is not a path: a broken chain (\(pieces.map(chain).joined(separator: " and ")) do not join)"
        case .wrongEnds(let product, let nodes):
            let from = nodes.first ?? "", to = nodes.last ?? ""
            return "\(printer.render(product)) is not a path from the variable to the output: it runs \(chain(nodes)) (from \(from) to \(to))"
        case .constantTerm(let c):
            return "the constant term \(printer.number(c)) is not a path"
        case .notAnEdge(let q, let u):
            return "∂\(q)/∂\(u) is not an edge (\(u) is not a direct input of \(q)) and cannot be a total derivative either: \(q) does not depend on \(u)"
        case .notADerivative(let expr):
            return "\(printer.render(expr)) is not a partial derivative along an edge (write ∂q/∂u symbols, or check with the local derivatives plugged in)"
        case .unknownName(let name, let location, let closest):
            let hint = closest.isEmpty ? "" : "; did you mean " + CheckReport.alternatives(closest) + "?"
            return "unknown name '\(name)' at line \(location.line), column \(location.column)" + hint
        case .readAs(let written, let name, let difference, let location):
            return "read '\(written)' (line \(location.line), column \(location.column)) as \(name): it differs only by \(difference)"
        case .wrongLeftSide(let written, let expected):
            return "the left-hand side is \(printer.render(written)), but the question asks for \(printer.render(expected))"
        case .notFactored(let written, let factored):
            return "correct, but not factored: it writes \(written) partial symbols, the factored form \(factored)"
        case .notInForm(let form, let reason):
            return "not in \(form.rawValue) form: " + self.reason(reason)
        case .valueDiffers(let answer, let expected):
            return "differs from the plugged-in derivative: at a random point the answer is \(TextPrinter(digits: 6).number(.real(answer))), "
                + "the derivative \(TextPrinter(digits: 6).number(.real(expected)))"
        case .cannotEvaluate(let expr):
            return "cannot evaluate \(printer.render(expr)): it has no value in the network"
        case .tooLarge:
            return "the answer multiplies out to more than \(100_000) products: too large to compare"
        case .polynomialDiffers(let paths):
            return "differs from the derivative: as polynomials in the edge symbols the two sides disagree at a random point "
                + "modulo 2⁶¹ − 1 (with \(Derivation.describe(paths: paths)) paths, which ones are missing or extra is not listed)"
        }
    }

    private func reason(_ reason: CheckFinding.FormReason) -> String {
        switch reason {
        case .usesTotals(let totals):
            "it writes total derivatives (\(totals.map(printer.render).joined(separator: ", "))), not only partials along edges"
        case .notASumOfPaths:
            "the expanded form writes one product of partials per path, without parentheses"
        case .moreSymbols(let written, let factored):
            "it writes \(written) partial symbols, the factored form \(factored)"
        }
    }

    private func method(_ method: CheckResult.Method, correct: Bool) -> String {
        switch method {
        case .algebra:
            "correct by algebra: it simplifies to the plugged-in derivative"
        case .evaluation(let points, let seed):
            correct ? "correct by evaluation: equal to the plugged-in derivative at \(points) random points (seed \(seed)); algebra could not show it"
                : "compared by evaluation at random points (seed \(seed)): algebra could not show the two equal"
        case .modular(let points, let paths):
            "compared without multiplying out (\(Derivation.describe(paths: paths)) paths): both sides as polynomials in the edge "
                + "symbols at \(points) random points modulo the prime 2⁶¹ − 1" + (correct ? ", equal at every one (a different answer "
                + "passes with probability below 10⁻²⁴)" : "")
        }
    }

    /// `a`, `a or b`, `a, b or c`.
    static func alternatives(_ names: [String]) -> String {
        names.count <= 1 ? names.joined() : names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
    }

    /// `x1 → b → d → y`.
    func chain(_ nodes: [String]) -> String { nodes.joined(separator: " → ") }
}
