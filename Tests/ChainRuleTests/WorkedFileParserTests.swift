import Foundation
import Testing
@testable import ChainRule

/// The worked-example fixtures of Tests/ChainRuleTests/Fixtures (shared with the checker's tests).
enum WorkedFixture {
    /// The text of Fixtures/NAME.
    static func text(_ name: String) -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(name)
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }

    /// The source line `line` (1-based) of a text.
    static func line(_ line: Int, of text: String) -> String {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        return line >= 1 && line <= lines.count ? String(lines[line - 1]) : ""
    }
}

@Suite struct WorkedFileParserTests {
    /// The names of Problems/perceptron.nn and Problems/sigmoid-4-2-3-1.nn.
    static let perceptron = WorkedFileParser(knownNames: ["x1", "x2", "yhat", "w1", "w2", "b", "y", "L"])
    static let matrices = WorkedFileParser(knownNames: ["x", "W1", "b1", "W2", "b2", "W3", "b3", "a1", "a2", "a3", "y", "L"])

    /// Every entry's value location points at the text of its last number or array, and its name
    /// location at the written name.
    private func expectLocationsPointAtTheText(_ file: WorkedFile, _ text: String) {
        for entry in file.entries {
            let valueLine = Array(WorkedFixture.line(entry.location.line, of: text))
            let value = String(valueLine[(entry.location.column - 1)...])
            let first = value.first.map { $0 == "[" || $0 == "-" || $0.isNumber } ?? false
            #expect(first, "\(entry.name): \(value)")
            let nameLine = Array(WorkedFixture.line(entry.nameLocation.line, of: text))
            let written = String(nameLine[(entry.nameLocation.column - 1)...])
            #expect(written.contains(entry.writtenName), "\(entry.writtenName)")
        }
    }

    @Test func example001() throws {
        let text = WorkedFixture.text("worked-001.txt")
        let file = Self.perceptron.parse(text)
        #expect(file.diagnostics.isEmpty, "\(file.diagnostics)")
        #expect(file.iterations == [1])
        let summary = file.entries.map { "\($0.kind) \($0.name) \($0.numbers) \($0.decimals)" }
        #expect(summary == [
            "value x1 [0.5] [1]", "value x2 [0.3] [1]", "value w1 [0.2] [1]", "value w2 [0.4] [1]", "value b [0.1] [1]",
            "value y [1.0] [0]", "value eta [0.01] [2]",
            "value z [0.35] [2]", "value yhat [0.5866] [4]",
            "gradient(of: \"L\") yhat [-0.4134] [4]", "gradient(of: \"yhat\") z [0.2425] [4]",
            "gradient(of: \"z\") w1 [0.5] [1]", "gradient(of: \"z\") w2 [0.3] [1]", "gradient(of: \"z\") b [1.0] [0]",
            "gradient(of: \"L\") w1 [-0.0501] [4]", "gradient(of: \"L\") w2 [-0.03] [4]", "gradient(of: \"L\") b [-0.1002] [4]",
            "updated w1 [0.2005] [4]", "updated w2 [0.4003] [4]", "updated b [0.101] [4]",
        ])
        #expect(file.entries.allSatisfy { $0.shape == .scalar && $0.index.isEmpty && $0.iteration == 1 })
        let z = try #require(file.entries.first { $0.name == "z" && $0.kind == .value })
        #expect(z.arithmetic == "0.2·0.5 + 0.4·0.3 + 0.1")
        #expect(z.writtenName == "z")
        let yhat = try #require(file.entries.first { $0.name == "yhat" && $0.kind == .value })
        #expect(yhat.writtenName == "ŷ" && yhat.arithmetic == "σ(0.35)")
        #expect(file.entries.first { $0.name == "x1" }?.arithmetic == nil)
        // The arithmetic is an expression the answer parser reads.
        let parser = AnswerParser(knownNames: [])
        #expect(try parser.parseExpression(try #require(z.arithmetic))
            == .sum([.product([.fraction(1, 5), .fraction(1, 2)]), .product([.fraction(2, 5), .fraction(3, 10)]), .fraction(1, 10)]))
        expectLocationsPointAtTheText(file, text)
    }

    @Test func example004WithVectorsAndMatrices() throws {
        let text = WorkedFixture.text("worked-004.txt")
        let file = Self.matrices.parse(text)
        #expect(file.diagnostics.isEmpty, "\(file.diagnostics)")
        #expect(file.iterations == [1, 2])
        let byName = { (name: String, kind: WorkedEntry.Kind) in file.entries.first { $0.name == name && $0.kind == kind } }
        let x = try #require(byName("x", .value))
        #expect(x.shape == .vector(4) && x.numbers == [1, 2, 3, 4] && x.decimals == [0, 0, 0, 0])
        let w1 = try #require(byName("W1", .value))
        #expect(w1.shape == .matrix(rows: 4, columns: 2))
        #expect(w1.numbers == [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8])
        let w2 = try #require(byName("W2", .value))
        #expect(w2.shape == .matrix(rows: 2, columns: 3) && w2.numbers.count == 6)
        #expect(WorkedFixture.line(w2.location.line + 1, of: text).contains("[0.4, 0.5, 0.6]"))
        let w3 = try #require(byName("W3", .value))
        #expect(w3.shape == .matrix(rows: 3, columns: 1))
        #expect(byName("b3", .value)?.shape == .vector(1))
        #expect(byName("alpha", .value)?.writtenName == "α")
        let a2 = try #require(byName("a2", .value))
        #expect(a2.shape == .vector(3) && a2.decimals == [4, 4, 4] && a2.arithmetic == "σ(z2)")
        let z3 = try #require(byName("z3", .value))
        #expect(z3.shape == .scalar && z3.arithmetic == "0.1(0.6453) + 0.2(0.6892) + 0.3(0.7302) + 0.1")
        let dz3 = try #require(byName("z3", .gradient(of: "L")))
        #expect(dz3.arithmetic == "a3 - y = 0.6157 - 1")
        let dw1 = try #require(byName("W1", .gradient(of: "L")))
        #expect(dw1.shape == .matrix(rows: 4, columns: 2) && dw1.decimals == Array(repeating: 4, count: 8))
        #expect(dw1.numbers[1] == 0 && dw1.numbers[6] == -0.0004)
        let updates = file.entries.filter { $0.kind == .updated }
        #expect(updates.count == 3 + 6 + 8)
        #expect(updates.filter { $0.name == "W2" }.map(\.index) == [[1, 1], [1, 2], [1, 3], [2, 1], [2, 2], [2, 3]])
        #expect(updates.first?.index == [1, 1] && updates.first?.name == "W3")
        #expect(file.entries(inIteration: 1).count == 9 + 6 + 5 + 17 + 2)
        #expect(file.entries(inIteration: 2).count == 6 + 5)
        expectLocationsPointAtTheText(file, text)
    }

    @Test func fixtureNamesMatchTheirNetworks() throws {
        for (fixture, problem, unmatched) in [("worked-001.txt", "perceptron.nn", ["z", "eta"]),
                                              ("worked-004.txt", "sigmoid-4-2-3-1.nn", ["alpha", "z1", "z2", "z3"])] {
            let names = try #require(Package.network(problem)).nodes.map(\.name)
            let file = WorkedFileParser(knownNames: names).parse(WorkedFixture.text(fixture))
            let missing = Set(file.entries.map(\.name) + file.entries.compactMap {
                if case .gradient(let of) = $0.kind { of } else { nil }
            }).subtracting(names)
            #expect(missing == Set(unmatched), "\(fixture)")
        }
    }

    @Test func iterationsNamesAndRounding() {
        let text = """
            a = 1
            # a comment
            Iteration 2:
              dL/dW2[1,3] = 0.5   # trailing comment
            ∂L/∂x₁ = -0.00346
            w_1' ≈ 1.5e-3
            W2[2][1]' = 12
            ITERATION 3
            a = −2.50
            """
        let file = WorkedFileParser(knownNames: ["a", "W2", "x1", "w1"]).parse(text)
        #expect(file.diagnostics.isEmpty, "\(file.diagnostics)")
        #expect(file.iterations == [1, 2, 3])
        #expect(file.entries.map(\.iteration) == [1, 2, 2, 2, 2, 3])
        #expect(file.entries.map(\.name) == ["a", "W2", "x1", "w1", "W2", "a"])
        #expect(file.entries.map(\.kind) == [.value, .gradient(of: "L"), .gradient(of: "L"), .updated, .updated, .value])
        #expect(file.entries.map(\.index) == [[], [1, 3], [], [], [2, 1], []])
        #expect(file.entries.map(\.decimals) == [[0], [1], [5], [4], [0], [2]])
        #expect(file.entries.map(\.numbers) == [[1], [0.5], [-0.00346], [0.0015], [12], [-2.5]])
        #expect(file.entries[1].location == SourceLocation(line: 4, column: 17))
        #expect(file.entries[1].nameLocation == SourceLocation(line: 4, column: 3))
        #expect(file.entries(inIteration: 2).count == 4)
        // Without known names, names are respelled as .nn files write them.
        let plain = WorkedFileParser().parse("ŷ = 0.5\nx₁ = 1\nδ_q = 2")
        #expect(plain.entries.map(\.name) == ["yhat", "x1", "delta_q"])
    }

    @Test func malformedLinesAreReportedAndTheRestIsRead() {
        let text = """
            z 0.5
            = 3
            x =
            v = [1, 2
            W = [[1, 2], [3]]
            u = 0.3x
            3x = 1
            iteration two
            dL/d = 3
            m = [[[1]]]
            q = [1, [2]]
            r = = 2
            s = []
            t = 0.35 apples
            W[a] = 1
            ok = 7
            iteration 5
            iteration 4
            """
        let file = WorkedFileParser().parse(text)
        #expect(file.entries.map(\.name) == ["ok"])
        let expected: [(Int, Int, String)] = [
            (1, 1, "expected 'NAME = VALUE', 'dL/dNAME = VALUE', 'NAME' = VALUE' or 'iteration N'"),
            (2, 1, "expected a name before '='"),
            (3, 4, "expected a number or an array after '='"),
            (4, 10, "expected ']' to close the '[' at 4:5"),
            (5, 14, "the rows of a matrix must have the same length: this row has 1 numbers, the first has 2"),
            (6, 5, "expected a number, found '0.3x'"),
            (7, 1, "expected a name before '=', found '3x'"),
            (8, 1, "expected a whole number from 1 after 'iteration'"),
            (9, 1, "expected a name before '=', found 'dL/d'"),
            (10, 7, "arrays nest at most two deep (a matrix)"),
            (11, 5, "an array holds either numbers or rows, not both"),
            (12, 5, "expected arithmetic between the two '='"),
            (13, 6, "expected a number or '[', found ']'"),
            (14, 10, "expected a single number or array after the last '=', found 'apples'"),
            (15, 2, "expected a component index such as [1] or [1,3]"),
            (18, 1, "iteration 4 comes after iteration 5"),
        ]
        #expect(file.diagnostics.count == expected.count)
        for (diagnostic, (line, column, message)) in zip(file.diagnostics, expected) {
            #expect(diagnostic == Diagnostic(at: SourceLocation(line: line, column: column), message))
        }
    }

    @Test func randomTextNeverTraps() {
        var rng = SplitMix64(seed: 0x3_0D4_2026)
        let seed = WorkedFixture.text("worked-004.txt")
        let alphabet = Array("[],=≈'#/d∂ .-0123456789\nxiteration")
        for _ in 0..<300 {
            var chars = Array(seed)
            for _ in 0..<8 {
                let k = Int.random(in: 0..<chars.count, using: &rng)
                if Bool.random(using: &rng) { chars.remove(at: k) } else { chars.insert(alphabet.randomElement(using: &rng)!, at: k) }
            }
            let file = Self.matrices.parse(String(chars))
            for d in file.diagnostics { #expect(d.location.line >= 1 && d.location.column >= 1) }
        }
    }
}
