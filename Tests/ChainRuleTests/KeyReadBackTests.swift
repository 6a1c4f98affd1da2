import Foundation
import Testing
@testable import ChainRule

/// The keys read back through the answer parser (the one that reads students' answers): every
/// derivative answer in the generated LaTeX means the right thing.
@Suite("Key: answers read back")
struct KeyReadBackTests {
    /// Every scalar name of a network (components and pre-activations included).
    static func names(_ network: Network) -> [String] {
        network.scalarGraph(contractingPreactivations: false).nodes.map(\.name)
    }

    /// The answer rows under `label` of each derivative question, parsed.
    static func answers(_ network: Network, after label: String) throws -> [Answer] {
        let parser = AnswerParser(knownNames: names(network))
        return try KeyRows.rows(after: label, in: AnswerKey.section(network)).map { rows in
            try parser.parse(rows.joined(separator: " \\\\\n"))
        }
    }

    /// The factored answers of every problem: the left-hand side is the question, the right-hand side
    /// takes the value of the chain rule summed over paths, for random values of the local partials.
    @Test(arguments: ["quiz-problem-3.nn", "example-3-bce.nn", "perceptron.nn", "regression-1-5-1.nn", "relu-4-3-2-1-regression.nn"])
    func factoredAnswersAreTheChainRule(_ name: String) throws {
        let network = try #require(Package.network(name))
        // A single edge from B to A has no answer row of its own (∂E/∂ŷ = ∂E/∂ŷ says nothing): only its value.
        let questions = network.questions.compactMap { q -> (String, String)? in
            guard case .derivative(let of, let wrt) = q.kind,
                  (try? network.derivation(of: of, wrt: wrt).factored()) != .partial(of: of, wrt: wrt) else { return nil }
            return (of, wrt)
        }
        let answers = try Self.answers(network, after: "Answer (factored)")
        #expect(answers.count == questions.count)
        var generator = SplitMix64(seed: 3)
        for ((of, wrt), answer) in zip(questions, answers) {
            #expect(answer.lhs?.expr == .partial(of: of, wrt: wrt), "\(of)/\(wrt)")
            #expect(answer.unknownNames.isEmpty, "\(answer.unknownNames)")
            let derivation = try network.derivation(of: of, wrt: wrt)
            // An independent sum over paths: Σ over paths of the product of edge values.
            var edge: [Expr: Double] = [:]
            for (from, to) in derivation.graph.edges {
                edge[.partial(of: derivation.graph.nodes[to].name, wrt: derivation.graph.nodes[from].name)] = Double.random(in: -1...1, using: &generator)
            }
            var paths: [Int: Double] = [derivation.wrt: 1]
            for index in derivation.wrt...derivation.of where index != derivation.wrt {
                let node = derivation.graph.nodes[index]
                paths[index] = node.inputs.reduce(0.0) { sum, input in
                    sum + (paths[input] ?? 0) * (edge[.partial(of: node.name, wrt: derivation.graph.nodes[input].name)] ?? 0)
                }
            }
            let expected = try #require(paths[derivation.of])
            let written = try answer.rhs.last?.expr.evaluate { edge[$0] }.get()
            #expect(abs((written ?? .nan) - expected) < 1e-9, "\(of)/\(wrt): \(String(describing: written)) vs \(expected)")
        }
    }

    /// The plugged-in answers at the given values: the symbolic form evaluated at the runtime's node
    /// values and the number shown both agree with the runtime's backward pass.
    @Test(arguments: ["example-3-bce.nn", "perceptron.nn"])
    func pluggedInAnswersAreTheGradient(_ name: String) throws {
        let network = try #require(Package.network(name))
        let runtime = try Runtime(network)
        let evaluation = runtime.forward(at: try Point(network: network))
        let gradients = runtime.backward(evaluation)
        var values: [String: Double] = [:]
        for (index, node) in network.nodes.enumerated() {
            for (component, value) in zip(node.componentNames, evaluation.value(index).scalars) { values[component] = value }
        }
        let answers = try Self.answers(network, after: "Plugged in")
        #expect(answers.count == 2 || answers.count == 3)
        for answer in answers {
            guard case .partial(let of, let wrt)? = answer.lhs?.expr else { Issue.record("no left-hand side"); continue }
            let expected = try #require(gradients[wrt]?.scalar)
            #expect(of == network.nodes[network.loss ?? 0].name)
            let symbolic = try answer.rhs[0].expr.evaluate(at: values).get()
            #expect(abs(symbolic - expected) < 1e-12, "\(of)/\(wrt)")
            let shown = try answer.rhs[answer.rhs.count - 1].expr.evaluate(at: [:]).get()
            #expect(abs(shown - expected) <= 0.5e-4 + 1e-12, "\(of)/\(wrt): shown \(shown)")
        }
    }
}
