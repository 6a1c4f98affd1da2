import Testing
@testable import ChainRule

@Suite struct ParserFuzzTests {
    /// Characters worth inserting: the language's own symbols, line breaks, odd Unicode.
    private static let alphabet: [Character] = Array("()[]{},=+-*/^#.∂ \t\n\r\0eT1x_dηé😀\u{301}\u{2028}") + ["\r\n"]

    /// One random edit of `source`: a character or a line deleted, duplicated or swapped, or a character inserted.
    private static func mutate(_ source: String, _ rng: inout SplitMix64) -> String {
        let operation = Int.random(in: 0..<7, using: &rng)
        if (3...5).contains(operation) {
            var lines = source.split(separator: "\n", omittingEmptySubsequences: false)
            let l = Int.random(in: 0..<lines.count, using: &rng)
            switch operation {
            case 3: lines.remove(at: l)
            case 4: lines.insert(lines[l], at: l)
            default: lines.swapAt(l, Int.random(in: 0..<lines.count, using: &rng))
            }
            return lines.joined(separator: "\n")
        }
        var chars = Array(source)
        let c = chars.isEmpty ? 0 : Int.random(in: 0..<chars.count, using: &rng)
        switch operation {
        case 0 where !chars.isEmpty: chars.remove(at: c)
        case 1 where !chars.isEmpty: chars.insert(chars[c], at: c)
        case 2 where !chars.isEmpty: chars.swapAt(c, Int.random(in: 0..<chars.count, using: &rng))
        default:
            let scalar = Unicode.Scalar(UInt32.random(in: 0..<0x3_0000, using: &rng)) ?? "?"
            let inserted = Bool.random(using: &rng) ? Character(scalar) : alphabet.randomElement(using: &rng) ?? "x"
            chars.insert(inserted, at: c)
        }
        return String(chars)
    }

    /// The length in characters of each line of `source`, split as the parser splits lines.
    private static func lineLengths(_ source: String) -> [Int] {
        var lengths = [0]
        for c in source {
            if c == "\n" || c == "\r\n" { lengths.append(0) } else { lengths[lengths.count - 1] += 1 }
        }
        return lengths
    }

    @Test func mutatedExamplesNeverTrapAndPointInsideTheSource() {
        var rng = SplitMix64(seed: 0x5EED_C4A1_2026)
        var failures: [String] = []
        for run in 0..<10_000 {
            var source = ParserExamples.all[run % ParserExamples.all.count]
            for _ in 0..<Int.random(in: 1...4, using: &rng) { source = Self.mutate(source, &rng) }
            let file = Parser.parse(source)
            if file.statements.isEmpty && file.diagnostics.isEmpty { failures.append("nothing for \(source.debugDescription)") }
            guard !file.diagnostics.isEmpty else { continue }
            let lengths = Self.lineLengths(source)
            for d in file.diagnostics {
                let (line, column) = (d.location.line, d.location.column)
                if line < 1 || line > lengths.count || column < 1 || column > lengths[line - 1] + 1 {
                    failures.append("\(d) outside \(source.debugDescription)")
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
    }

    @Test func pathologicalInputsReturn() {
        let inputs = [
            String(repeating: "[", count: 50_000),
            String(repeating: ")", count: 50_000),
            String(repeating: "a = (", count: 10_000),
            "a = " + String(repeating: "x^", count: 10_000) + "x",
            "a = " + String(repeating: "f(", count: 10_000),
            String(repeating: "\0", count: 1000),
            String(repeating: "é\u{301}", count: 10_000),
            "find " + String(repeating: "d", count: 100_000) + "/dx",
            String(repeating: "1.", count: 10_000),
            "input x in {" + String(repeating: "1,", count: 10_000) + "}",
        ]
        for source in inputs {
            let file = Parser.parse(source)
            #expect(!file.statements.isEmpty || !file.diagnostics.isEmpty)
        }
    }
}
