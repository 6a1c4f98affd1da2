import ChainRule
import Foundation

/// `chainrule-bench verify`: `verify` (every ∂L/∂w three ways) on one sigmoid neuron with 250 to 2,000
/// inputs; the time per question should stay flat (linear total), not grow with the width.
enum VerifyBenchmark {
    static func run() {
        for width in [250, 500, 1_000, 2_000] {
            // The neuron form (implicit weights v_yhat_xi and bias b_yhat): a sum written out term by term is
            // refused beyond 1,000 terms (the parser's depth limit).
            let inputs = (1...width).map { "x\($0) = \(Double($0 % 7) / 10)" }.joined(separator: ", ")
            let arguments = (1...width).map { "x\($0)" }.joined(separator: ", ")
            let source = "input \(inputs)\ntarget y = 1\nyhat = sigmoid(\(arguments))\nloss L = 1/2 (yhat - y)^2\n"
            guard case .success(let network) = Network.parse(source) else { print("the \(width)-input neuron does not build"); return }
            let questions = Verifier.questions(of: network)
            var agrees = false
            let time = Stopwatch.best(of: 1) {
                agrees = (try? Verifier().verify(network, questions: questions))?.agrees ?? false
            }
            print("verify, \(width)-input neuron: \(questions.count) derivatives in \(Stopwatch.format(time)) "
                + "(\(Stopwatch.format(time / Double(questions.count))) per derivative), \(agrees ? "all agree" : "DISAGREES")")
        }
    }
}
