/// A checked answer scored by the ``Rubric``: the score, the mistakes by name (for the class report)
/// and the feedback in words (for the student).
public struct AnswerScore: Hashable, Sendable {
    /// The fraction of the points earned, from 0 to 1.
    public var score: Double
    /// The mistakes by name, each once, in the order found.
    public var mistakes: [String]
    /// The feedback lines.
    public var feedback: [String]

    /// A symbolic answer scored by paths: with `paths` paths, each written exactly once earns 1/paths;
    /// missing, repeated and wrongly signed paths earn nothing; each extra product or foreign symbol
    /// costs 1/paths; a correct unfactored answer loses the rubric's penalty where the factored form is
    /// asked. The final right-hand side is scored.
    public init(_ result: CheckResult, paths: Int, rubric: Rubric) {
        let printer = TextPrinter()
        let report = CheckReport(result)
        let final = result.steps.last?.findings ?? []
        let all = result.findings + final
        var names: [String] = []
        var wrongPaths = 0, extras = 0
        var factoredNote = false
        for finding in all {
            switch finding {
            case .missingPath(_, let nodes):
                wrongPaths += 1
                names.append("missed path " + nodes.joined(separator: " → "))
            case .repeatedPath(_, let nodes, _):
                wrongPaths += 1
                names.append("wrote path \(nodes.joined(separator: " → ")) more than once")
            case .wrongCoefficient(_, let nodes, let c):
                wrongPaths += 1
                names.append(c == Number(-1) ? "wrong sign on path \(nodes.joined(separator: " → "))"
                                             : "wrong coefficient on path \(nodes.joined(separator: " → "))")
            case .brokenChain(let product, _):
                extras += 1
                names.append("wrote \(printer.render(product)), which is not a path (a broken chain)")
            case .wrongEnds(let product, let nodes):
                extras += 1
                names.append("wrote \(printer.render(product)), a chain from \(nodes.first ?? "") to \(nodes.last ?? ""), not a path of the question")
            case .constantTerm:
                extras += 1
                names.append("wrote a constant term")
            case .notAnEdge(let q, let u):
                extras += 1
                names.append("wrote ∂\(q)/∂\(u), which is neither an edge nor a total derivative")
            case .notADerivative(let expr):
                extras += 1
                names.append("wrote \(printer.render(expr)) where a partial derivative belongs")
            case .unknownName(let name, _, _):
                extras += 1
                names.append("wrote the unknown name '\(name)'")
            case .wrongLeftSide:
                names.append("wrong left-hand side")
            case .notFactored, .notInForm(.factored, _):
                factoredNote = true
            case .notInForm, .valueDiffers, .cannotEvaluate, .readAs:
                break
            case .tooLarge:
                wrongPaths = paths
                names.append("an answer too large to compare")
            case .polynomialDiffers:
                // Too many paths to say which are wrong: the answer differs, so no path earns credit.
                wrongPaths = paths
                names.append("an answer that differs from the derivative (compared modulo a prime)")
            }
        }
        let total = max(paths, 1)
        var score = max(0, Double(total - min(wrongPaths, total) - extras)) / Double(total)
        var feedback = report.messages(result)
        if factoredNote && rubric.factored && wrongPaths == 0 && extras == 0 {
            score *= 1 - rubric.unfactoredPenalty
            names.append("not factored")
            feedback.append("The question asks for the factored form: a correct unfactored answer loses \(Int((rubric.unfactoredPenalty * 100).rounded())) % of the credit.")
        }
        if feedback.isEmpty { feedback = ["Correct."] }
        self.score = score
        var seen = Set<String>()
        mistakes = names.filter { seen.insert($0).inserted }
        self.feedback = feedback
    }

    /// A worked solution scored by lines: the lines correct at their rounding or consistent with an
    /// earlier slip, over the lines written or `required` (the quantities asked), whichever is more.
    public init(worked check: WorkedCheck, required: Int) {
        let report = CheckReport(worked: check)
        var names: [String] = []
        var credited = 0
        for line in check.lines {
            switch line.status {
            case .ok, .consistent: credited += 1
            case .wrong:
                if let mismatch = line.lossMismatch, let other = mismatch.matches.first {
                    names.append("wrote the output δ of \(other.loss.rawValue) for ∂L/∂\(mismatch.wrt)")
                } else {
                    names.append("wrong \(report.label(line.entry))")
                }
            case .unchecked:
                names.append("wrote \(report.label(line.entry)), which is not a quantity of the problem")
            }
        }
        let written = check.lines.count + check.diagnostics.count
        let denominator = max(written, required, 1)
        score = Double(credited) / Double(denominator)
        var feedback = report.text.split(separator: "\n").map(String.init)
        if written < required {
            feedback.append("The problem asks for \(required) quantities; \(written) line\(written == 1 ? " was" : "s were") written.")
        }
        self.feedback = feedback
        var seen = Set<String>()
        mistakes = names.filter { seen.insert($0).inserted }
    }

    /// How many numbers a worked solution of `network` gives: each computed node's value (the loss
    /// included), and with a loss each parameter's gradient and updated value, per iteration.
    public static func workedQuantities(_ network: Network) -> Int {
        let values = network.nodes.filter { $0.formula != nil }.reduce(0) { $0 + $1.shape.count }
        let parameters = network.loss == nil ? 0 : network.indices(of: .parameter).reduce(0) { $0 + network.nodes[$1].shape.count }
        return max(network.iterations, 1) * (values + 2 * parameters)
    }
}
