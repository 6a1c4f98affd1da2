import Foundation
import Testing
@testable import ChainRule

/// Streamed training and `run` output (one pass at a time, the same text as the whole run), and the
/// runtime on a chain of 100,000 nodes (no recursion that grows with the graph).
@Suite("Runtime: streamed runs and long chains")
struct RuntimeStreamTests {
    static let batchSource = """
        input x[3]
        param W[2,3], b[2]
        a = sigmoid(W x + b)
        target y[2]
        loss L = mse(a, y)
        rate 0.1
        iterations 4
        sample x = [1, 2, 3], y = [0, 1]
        sample x = [0.5, -1, 2], y = [1, 1]
        """

    /// log of a value that goes negative: non-finite values to report, in every iteration.
    static let nonFiniteSource = """
        input x = 2
        param w = -1
        h = log(w * x)
        target y = 1
        loss L = mse(h, y)
        rate 0.1
        iterations 3
        """

    @Test("streamed passes are numbered from 1 and equal the collected run's")
    func streamedPassesEqualCollected() throws {
        let network = try Network.parse(RuntimeStreamTests.batchSource).get()
        let runtime = try Runtime(network)
        let point = try Point(network: network, seed: 1)
        let whole = runtime.train(from: point)
        var numbers: [Int] = []
        var losses: [Double?] = []
        let header = runtime.train(from: point) { part in
            numbers.append(part.firstIteration)
            #expect(part.iterations.count == 1)
            losses.append(part.iterations.first?.loss)
        }
        #expect(header.iterations.isEmpty)
        #expect(header.batchSize == 2)
        #expect(numbers == [1, 2, 3, 4])
        #expect(losses == whole.iterations.map(\.loss))
    }

    @Test("the streamed worked example is exactly the whole run's text, LaTeX and JSON", arguments: [0, 1])
    func streamEqualsWhole(_ which: Int) throws {
        let source = which == 0 ? RuntimeStreamTests.batchSource : RuntimeStreamTests.nonFiniteSource
        let network = try Network.parse(source).get()
        let runtime = try Runtime(network)
        let point = try Point(network: network, seed: 2)
        let whole = runtime.train(from: point)
        let example = WorkedExample(whole, runtime: runtime)
        let expected: [(WorkedExampleStream.Format, String)] = [
            (.text, WorkedExampleText(digits: 4).render(example) + "\n"),
            (.latex, WorkedExampleLaTeX(digits: 4).render(example)),
            (.json, WorkedExampleJSON.document(whole).serialized() + "\n"),
        ]
        for (format, text) in expected {
            var stream = WorkedExampleStream(format: format, digits: 4, runtime: runtime)
            var streamed = ""
            _ = runtime.train(from: point) { streamed += stream.part($0) }
            streamed += stream.finish()
            #expect(streamed == text, "\(format)")
            #expect(stream.errors == example.errors)
        }
        #expect(which == 0 ? example.errors.isEmpty : !example.errors.isEmpty)
    }

    @Test("a chain of 100,000 nodes: forward, backward (per sample and batched), local partials and kinks without recursion")
    func longChain() throws {
        let length = 100_000
        var lines = ["input x = 0.5", "param w = 0.9", "target y = 1", "h1 = sigmoid(w * x)"]
        for k in 2...length { lines.append("h\(k) = h\(k - 1) + 0.00001 * tanh(h\(k - 1))") }
        lines.append("loss L = mse(h\(length), y)")
        let network = try Network.parse(lines.joined(separator: "\n")).get()
        let runtime = try Runtime(network)
        let point = try Point(network: network)
        let evaluation = runtime.forward(at: point)
        // The oracle: the chain's value, its derivative along the chain, and each local partial, by a loop.
        var h = 1 / (1 + exp(-0.9 * 0.5)), derivative = h * (1 - h) * 0.5
        var locals: [Double] = []
        for _ in 2...length {
            let t = tanh(h)
            locals.append(1 + 0.00001 * (1 - t * t))
            derivative *= locals[locals.count - 1]
            h += 0.00001 * t
        }
        let last = try #require(network.index(of: "h\(length)")), w = try #require(network.index(of: "w"))
        let first = try #require(network.index(of: "h2"))
        #expect(RuntimeBatchTests.close(evaluation.value(last).scalars[0], h))
        let gradients = runtime.backward(evaluation)
        #expect(abs(derivative) > 0.01)
        #expect(RuntimeBatchTests.close(gradients[w].scalars[0], (h - 1) * derivative))
        #expect(gradients.nonFinite.isEmpty)
        #expect(runtime.kinks(evaluation).isEmpty)
        let batched = runtime.backward(runtime.forward(at: point, batch: []))
        #expect(RuntimeBatchTests.close(batched[w].scalars[0], gradients[w].scalars[0]))
        var wrong: [Int] = []
        for (k, expected) in locals.enumerated() where k.isMultiple(of: 97) {
            let node = first + k
            let partial = runtime.localPartials(evaluation, of: node)[node - 1]?.scalars[0] ?? .nan
            if !RuntimeBatchTests.close(partial, expected) { wrong.append(node) }
        }
        #expect(wrong.isEmpty, "local partials differ at \(wrong.prefix(5).map { network.nodes[$0].name })")
    }
}
