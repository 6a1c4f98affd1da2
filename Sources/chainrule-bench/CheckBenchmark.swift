import ChainRule
import Foundation

/// `chainrule-bench check`: 10,000 answers to Quiz Problem 3's ∂y/∂x1 (a mix of correct and wrong
/// variants, in plain text and LaTeX, separated by `---`) split, parsed and checked.
enum CheckBenchmark {
    static let count = 10_000

    /// The variants cycled through: correct ones first, then wrong ones.
    static let variants = [
        "∂y/∂c ∂c/∂a ∂a/∂x1 + (∂y/∂d + ∂y/∂e ∂e/∂d)(∂d/∂a ∂a/∂x1 + ∂d/∂b ∂b/∂x1)",
        "∂y/∂c ∂c/∂x1 + ∂y/∂d ∂d/∂x1 + ∂y/∂e ∂e/∂x1",
        #"\frac{\partial y}{\partial c} \frac{\partial c}{\partial a} \frac{\partial a}{\partial x_1} + \left(\frac{\partial y}{\partial d} + \frac{\partial y}{\partial e} \frac{\partial e}{\partial d} \right) \frac{\partial d}{\partial x_1}"#,
        "∂y/∂c ∂c/∂a ∂a/∂x1 + ∂y/∂d ∂d/∂a ∂a/∂x1 + ∂y/∂d ∂d/∂b ∂b/∂x1 + ∂y/∂e ∂e/∂d ∂d/∂a ∂a/∂x1 + ∂y/∂e ∂e/∂d ∂d/∂b ∂b/∂x1",
        "∂y/∂c ∂c/∂a ∂a/∂x1 + ∂y/∂d ∂d/∂x1",
        "∂y/∂c ∂c/∂x1 + ∂y/∂d ∂d/∂x1 + ∂y/∂e ∂e/∂x1 + ∂y/∂e ∂e/∂d ∂d/∂x1",
        "∂y/∂c ∂c/∂a ∂a/∂x1 - (∂y/∂d + ∂y/∂e ∂e/∂d) ∂d/∂x1",
        "∂y/∂c ∂a/∂x1 + ∂y/∂d ∂d/∂x1 + ∂y/∂e ∂e/∂x1 + ∂y/∂c ∂c/∂a ∂a/∂x2",
        "dy/dc dc/dx1 + dy/dd dd/dx1 + dy/de de/dx_3",
    ]

    static func run() {
        guard let network = ProblemFiles.network("quiz-problem-3.nn"),
              let checker = try? AnswerChecker(network: network, of: "y", wrt: "x1") else {
            print("the quiz network does not build"); return
        }
        let text = (0..<count).map { variants[$0 % variants.count] }.joined(separator: "\n---\n")
        var answers: [Answer] = []
        let parsing = Stopwatch.best(of: 3) {
            answers = AnswerParser.split(text).compactMap { try? checker.parser.parse($0.text, firstLine: $0.line) }
        }
        var correct = 0
        let checking = Stopwatch.best(of: 3) {
            correct = answers.reduce(0) { $0 + (checker.check($1).correct ? 1 : 0) }
        }
        let total = parsing + checking
        print("checking \(count) answers to ∂y/∂x1 of Quiz Problem 3: \(Stopwatch.format(total)) in all "
            + "(\(Stopwatch.format(total / Double(count))) per answer): split and parse \(Stopwatch.format(parsing)), "
            + "check \(Stopwatch.format(checking)); \(correct) correct, \(answers.count - correct) incorrect, "
            + "\(count - answers.count) unreadable")
    }
}
