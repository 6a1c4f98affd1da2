import Foundation
import Testing
@testable import ChainRule

/// Seeded random mutations of valid answers: the parser must never trap or hang, and every location it
/// reports must lie inside the text.
@Suite struct AnswerFuzzTests {
    private static let parser = AnswerParser(knownNames: ["x1", "x2", "a", "b", "c", "d", "e", "y", "yhat", "z", "h1", "w_c_a"])

    /// Valid answers in the notations students use.
    private static let seeds: [String] = [
        AnswerParserTests.solution3a,
        AnswerParserTests.solution3b,
        #"\frac{\partial L}{\partial w_{c,a}} = \left(\hat{y} - y\right) \cdot \hat{y}(1 - \hat{y}) \cdot h_1"#,
        "∂y/∂x₁ = ∂y/∂c · ∂c/∂a · ∂a/∂x₁ + (∂y/∂d + ∂y/∂e ∂e/∂d)(∂d/∂a ∂a/∂x₁ + ∂d/∂b ∂b/∂x₁)",
        "dy/dx1 = dy/dc * dc/dx1 − 0.5·σ'(z)·1[z > 0] + g''(a)",
        #"\begin{align*} \delta_q &= \sigma(z)\bigl(1-\sigma(z)\bigr) \\ &= \mathbb{1}\{z>0\} + e^{-z} / \sqrt{2} + \log \hat y \end{align*}"#,
        "$$\\frac{1}{1+e^{-z}} \\approx 0.5866$$",
    ]

    /// Characters worth inserting: the syntax of both notations, line breaks, odd Unicode.
    private static let alphabet: [Character] = Array(#"\{}()[]_^'′$&=+-−*·/∂ 1dxeσ𝟙²₁ŷ\#u{302}😀"#) + ["\n", "\r\n", "\0"]
    private static let fragments = [#"\frac"#, #"\partial"#, #"\left("#, #"\right)"#, #"\begin{aligned}"#, #"\end{aligned}"#,
                                    #"\\"#, #"\hat{"#, #"\mathbb{1}"#, "^{(", "_{", "[z > 0]", #"\sigma'"#, "dy/d", #"\foo"#]

    /// One random edit: a character deleted, duplicated or swapped, or a character or fragment inserted.
    private static func mutate(_ text: String, _ rng: inout SplitMix64) -> String {
        var chars = Array(text)
        let c = chars.isEmpty ? 0 : Int.random(in: 0..<chars.count, using: &rng)
        switch Int.random(in: 0..<6, using: &rng) {
        case 0 where !chars.isEmpty: chars.remove(at: c)
        case 1 where !chars.isEmpty: chars.insert(chars[c], at: c)
        case 2 where !chars.isEmpty: chars.swapAt(c, Int.random(in: 0..<chars.count, using: &rng))
        case 3: chars.insert(contentsOf: fragments.randomElement(using: &rng) ?? "", at: c)
        case 4 where !chars.isEmpty: chars.removeSubrange(c..<min(chars.count, c + Int.random(in: 1...12, using: &rng)))
        default:
            let scalar = Unicode.Scalar(UInt32.random(in: 0..<0x3_0000, using: &rng)) ?? "?"
            chars.insert(Bool.random(using: &rng) ? Character(scalar) : alphabet.randomElement(using: &rng) ?? "x", at: c)
        }
        return String(chars)
    }

    /// Whether a location lies inside `text` (or just after the end of a line).
    private static func isInside(_ location: ChainRule.SourceLocation, _ text: String) -> Bool {
        var lengths = [0]
        for c in text {
            if c.isNewline { lengths.append(0) } else { lengths[lengths.count - 1] += 1 }
        }
        return location.line >= 1 && location.line <= lengths.count && location.column >= 1
            && location.column <= lengths[location.line - 1] + 1
    }

    @Test func mutatedAnswersNeverTrapAndPointInsideTheText() {
        var rng = SplitMix64(seed: 0xA_25E5_2026)
        var failures: [String] = []
        var (parsed, rejected) = (0, 0)
        for run in 0..<5_000 {
            var text = Self.seeds[run % Self.seeds.count]
            for _ in 0..<Int.random(in: 1...4, using: &rng) { text = Self.mutate(text, &rng) }
            do {
                let answer = try Self.parser.parse(text)
                parsed += 1
                let locations = ([answer.lhs].compactMap { $0 } + answer.rhs).map(\.location)
                    + answer.unknownNames.map(\.location)
                for location in locations where !Self.isInside(location, text) {
                    failures.append("\(location) outside \(text.debugDescription)")
                }
                if answer.rhs.isEmpty { failures.append("no right-hand side for \(text.debugDescription)") }
            } catch {
                rejected += 1
                if !Self.isInside(error.location, text) { failures.append("\(error) outside \(text.debugDescription)") }
                if error.message.isEmpty { failures.append("empty message for \(text.debugDescription)") }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(5).joined(separator: "\n"))")
        #expect(parsed > 500 && rejected > 500, "parsed \(parsed), rejected \(rejected)")
    }

    @Test func hugeAndDeepInputsEndQuickly() {
        let long = Array(repeating: "∂y/∂c ∂c/∂x1", count: 2_000).joined(separator: " + ")
        #expect((try? Self.parser.parse(long))?.rhs.count == 1)
        let deep = String(repeating: #"\frac{"#, count: 5_000)
        #expect(throws: Diagnostic.self) { try Self.parser.parse(deep) }
        let hats = String(repeating: #"\hat{"#, count: 5_000) + "y"
        #expect(throws: Diagnostic.self) { try Self.parser.parse(hats) }
        let subscripts = "z" + String(repeating: "_{h", count: 5_000)
        #expect(throws: Diagnostic.self) { try Self.parser.parse(subscripts) }
        let powers = "a" + String(repeating: "^a", count: 5_000)
        #expect(throws: Diagnostic.self) { try Self.parser.parse(powers) }
        let signs = String(repeating: "-", count: 100_000) + "a"
        #expect((try? Self.parser.parse(signs)) != nil)
    }
}
