import Foundation
import Testing
@testable import ChainRule

/// "No displayed update looks unchanged when it changed": random weights and tiny learning rates
/// (changes from 10⁻² down to 10⁻¹⁷ of the weight), every update line of the text worked example
/// read back as numbers, old against new, and the "(change …)" note checked in every display.
struct WorkedUpdateChangeTests {
    /// A random weight written with two decimals, never zero.
    static func weight(_ g: inout SplitMix64) -> String {
        let w = Double(Int.random(in: 5...95, using: &g)) / 100 * (Bool.random(using: &g) ? 1 : -1)
        return String(w)
    }

    /// A scalar 2-2-1 network or a vector 3-2-1 network with random weights and rate `10^exponent`.
    static func source(vector: Bool, exponent: Int, _ g: inout SplitMix64) -> String {
        let rate = "1e\(exponent)"
        func list(_ n: Int) -> String { (0..<n).map { _ in weight(&g) }.joined(separator: ", ") }
        if vector {
            return """
                input x[3] = [\(list(3))]
                param W1[3,2] = [[\(list(2))], [\(list(2))], [\(list(2))]], b1[2] = [\(list(2))]
                param W2[2,1] = [[\(list(1))], [\(list(1))]], b2[1] = [\(list(1))]
                a1 = sigmoid(W1^T x + b1)
                yhat = sigmoid(W2^T a1 + b2)
                target y[1] = [1]
                loss L = mse(yhat, y)
                rate \(rate)
                iterations 2
                find update
                """
        }
        return """
            input x1 = \(weight(&g)), x2 = \(weight(&g))
            param w11 = \(weight(&g)), w12 = \(weight(&g)), b1 = \(weight(&g)), w21 = \(weight(&g)), w22 = \(weight(&g)), b2 = \(weight(&g))
            param v1 = \(weight(&g)), v2 = \(weight(&g)), c = \(weight(&g))
            h1 = sigmoid(w11 x1 + w12 x2 + b1)
            h2 = sigmoid(w21 x1 + w22 x2 + b2)
            yhat = sigmoid(v1 h1 + v2 h2 + c)
            target y = 1
            loss L = (yhat - y)^2
            rate \(rate)
            iterations 2
            find update
            """
    }

    /// The numbers of a text value (`0.1`, `−6.41×10⁻⁵`, `[[0.1, 0.2], …]`), in order.
    static func numbers(_ text: String) -> [Double] {
        let superscripts: [Character: Character] = ["⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9", "⁻": "-"]
        let plain = String(text.map { superscripts[$0] ?? $0 }).replacingOccurrences(of: "−", with: "-")
            .replacingOccurrences(of: "×10", with: "e")
        let pattern = try! NSRegularExpression(pattern: #"-?[0-9]+(\.[0-9]+)?(e-?[0-9]+)?"#)
        return pattern.matches(in: plain, range: NSRange(plain.startIndex..., in: plain)).compactMap {
            Range($0.range, in: plain).flatMap { Double(plain[$0]) }
        }
    }

    /// One update line of the text read back: the old value shown, the new value shown, the change noted.
    struct ReadUpdate {
        var old: [Double], new: [Double], change: [Double]?
        init?(_ line: String) {
            guard line.contains(" ← ") else { return nil }
            var body = line
            var change: [Double]? = nil
            if let note = body.range(of: " (change ") {
                change = WorkedUpdateChangeTests.numbers(String(body[note.upperBound...].dropLast()))
                body = String(body[..<note.lowerBound])
            }
            let sides = body.components(separatedBy: " = ")
            guard sides.count == 3, let minus = sides[1].range(of: " − ") else { return nil }
            old = WorkedUpdateChangeTests.numbers(String(sides[1][..<minus.lowerBound]))
            new = WorkedUpdateChangeTests.numbers(sides[2])
            self.change = change
        }
    }

    @Test func noDisplayedUpdateLooksUnchangedWhenItChanged() throws {
        var g = SplitMix64(seed: 12)
        var noted = 0, widened = 0, lines = 0
        for trial in 0..<24 {
            let vector = trial % 2 == 1
            let exponent = -2 - trial % 16  // 10⁻² … 10⁻¹⁷
            let network = try LanguageFormsTests.network(Self.source(vector: vector, exponent: exponent, &g))
            let runtime = try Runtime(network)
            let training = runtime.train(from: try Point(network: network))
            let example = WorkedExample(training, runtime: runtime)
            let text = WorkedExampleText(digits: 4).render(example)
            let updates = example.blocks.flatMap(\.sections).flatMap(\.lines).filter(\.isUpdate)
            let read = text.split(separator: "\n").compactMap { ReadUpdate(String($0)) }
            try #require(read.count == updates.count, "trial \(trial): \(text)")
            for (shown, line) in zip(read, updates) {
                lines += 1
                // The truth: the runtime's values before and after (the data the printers are given).
                let before = try #require(line.old)
                let after: [Double] = switch line.steps.last {
                case .expr(.number(let n))?: [n.doubleValue]
                case .tensor(let t)?: t.scalars
                default: []
                }
                try #require(shown.old.count == before.count && shown.new.count == after.count, "trial \(trial)")
                var looksUnchanged = false
                for k in before.indices where before[k] != after[k] {
                    if shown.old[k] == shown.new[k] { looksUnchanged = true }
                }
                if shown.new.count > 0, zip(shown.new, after).contains(where: { abs($0 - $1) > 1e-3 * max(abs($1), 1e-300) }) {
                    Issue.record("trial \(trial): shown \(shown.new) for \(after)")
                }
                if looksUnchanged {
                    // Then the line says the change, and says it right (to 4 significant digits).
                    let change = try #require(shown.change, "trial \(trial): an update looks unchanged and says nothing: \(text)")
                    noted += 1
                    let truth = zip(after, before).map { $0 - $1 }
                    #expect(change.count == truth.count)
                    for (c, t) in zip(change, truth) { #expect(abs(c - t) <= 1e-3 * abs(t) + 1e-300, "trial \(trial): \(c) vs \(t)") }
                } else {
                    #expect(shown.change == nil, "trial \(trial): a visible change is noted again")
                    if zip(before, after).contains(where: { $0 != $1 && abs($1 - $0) < 1e-4 * abs($0) }) { widened += 1 }
                }
            }
            // Every display notes the same updates.
            let notes = read.filter { $0.change != nil }.count
            let latex = WorkedExampleLaTeX(digits: 4).render(example)
            let html = HTMLWorkedExample(digits: 4).render(example)
            #expect(latex.components(separatedBy: "(\\text{change }").count - 1 == notes, "trial \(trial)")
            #expect(html.components(separatedBy: "<span class=\"change\">(change ").count - 1 == notes, "trial \(trial)")
            let key = KeyLaTeX.document(KeyDocument(kind: .key, title: "t", sections: [AnswerKey.section(network)]))
            #expect(key.components(separatedBy: "(\\text{change }").count - 1 == notes, "trial \(trial)")
        }
        // The sizes span both cases: changes widened to more digits, and changes too small for them.
        #expect(lines >= 100)
        #expect(noted >= 10, "\(noted) notes")
        #expect(widened >= 10, "\(widened) widened")
    }
}
