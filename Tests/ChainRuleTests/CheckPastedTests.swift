import Foundation
import Testing
@testable import ChainRule

/// Worked solutions as handed in: the seeds' worked examples pasted verbatim (Markdown and LaTeX, no
/// edits) and checked against Problems/ (whose `notation` statements declare the courses' names). Each
/// known slip is found, and at least 90 % of the lines that carry a number are checked. Expected values
/// are recomputed here.
@Suite struct CheckPastedTests {
    private func sigmoid(_ z: Double) -> Double { 1 / (1 + exp(-z)) }

    private func check(_ network: String, _ fixture: String, fixtureNetwork: Bool = false) throws -> WorkedCheck {
        try WorkedFixture.check(network, fixture, fixtureNetwork: fixtureNetwork)
    }

    private func line(_ check: WorkedCheck, _ label: String, iteration: Int = 1) throws -> WorkedCheck.Line {
        try WorkedFixture.line(check, label, iteration: iteration)
    }

    /// At least 90 % of the lines that carry a number are checked, and the report says how many.
    private func expectCoverage(_ check: WorkedCheck, atLeast lines: Int) {
        let report = CheckReport(worked: check)
        let (full, part, _) = report.lineCoverage(check)
        let total = check.layout.numberLines.count
        #expect(total >= lines)
        #expect(Double(full + part) >= 0.9 * Double(total), "\(full) + \(part) of \(total)")
        #expect(report.text.contains("\(full + part) of \(total) lines that carry a number checked"))
    }

    @Test func example001() throws {
        let check = try check("perceptron.nn", "pasted-001-example.md")
        let z = try line(check, "z")
        #expect(z.status == .wrong)
        #expect(abs((z.components[0].expected ?? 0) - (0.2 * 0.5 + 0.4 * 0.3 + 0.1)) < 1e-12)
        #expect(check.lines.filter { $0.status == .wrong }.count == 1)
        #expect(try line(check, "\\hat{y}").status == .consistent)
        #expect(try line(check, "w_1′").status == .ok)
        #expect(try line(check, "\\mathbf{x}").status == .ok)
        #expect(check.diagnostics.isEmpty)
        expectCoverage(check, atLeast: 16)
        #expect(check.layout.count(.prose) >= 4)
    }

    @Test func example3Of002() throws {
        let check = try check("example-3-bce.nn", "pasted-002-example-3.md")
        let h1 = sigmoid(0.2 * 0.5 + 0.4 * 0.1 + 0.1), h2 = sigmoid(0.3 * 0.5 + 0.7 * 0.1 + 0.2)
        for (label, expected) in [("z_1^{(1)}", 0.2 * 0.5 + 0.4 * 0.1 + 0.1), ("z_2^{(1)}", 0.3 * 0.5 + 0.7 * 0.1 + 0.2),
                                  ("z_1^{(2)}", 0.6 * h1 + 0.9 * h2 + 0.3)] {
            let slip = try line(check, label)
            #expect(slip.status == .wrong, "\(label)")
            #expect(abs((slip.components[0].expected ?? 0) - expected) < 1e-12, "\(label)")
        }
        #expect(abs((try line(check, "z_1^{(2)}").arithmetic ?? 0) - (0.6 * 0.562 + 0.9 * 0.601 + 0.3)) < 1e-12)
        #expect(try line(check, "a_1^{(1)}").status == .consistent)
        #expect(try line(check, "σ′(z1^(1))").status == .consistent)
        #expect(check.lines.allSatisfy { $0.status != .unchecked })
        #expect(check.layout.proseNumbers.map(\.text) == ["Output: 0.766"])
        expectCoverage(check, atLeast: 50)
    }

    /// The correct forward pass of the 4-2-3-1 network (W stored in×out, z = Wᵀa + b).
    private func forward004() -> (z2: [Double], a2: [Double], z3: Double) {
        let x = [1.0, 2, 3, 4], w1 = [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6], [0.7, 0.8]]
        let w2 = [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]], w3 = [0.1, 0.2, 0.3]
        let a1 = (0..<2).map { j in sigmoid((0..<4).reduce(0.1) { $0 + w1[$1][j] * x[$1] }) }
        let z2 = (0..<3).map { j in (0..<2).reduce(0.1) { $0 + w2[$1][j] * a1[$1] } }
        let a2 = z2.map(sigmoid)
        return (z2, a2, (0..<3).reduce(0.1) { $0 + w3[$1] * a2[$1] })
    }

    @Test func iteration1Of004UnderTheLossTheTextNames() throws {
        let check = try check("sigmoid-4-2-3-1-mse.nn", "pasted-004-iteration-1.md", fixtureNetwork: true)
        let (z2, _, z3) = forward004()
        let z2Line = try line(check, "z_2")
        #expect(z2Line.status == .wrong)
        #expect(zip(z2Line.components.compactMap(\.expected), z2).allSatisfy { abs($0 - $1) < 1e-12 })
        let z3Line = try line(check, "z_3")
        #expect(z3Line.status == .wrong && abs((z3Line.components[0].expected ?? 0) - z3) < 1e-12)
        let a3 = sigmoid(z3)
        let delta = try line(check, "∂L/∂z3")
        #expect(delta.status == .wrong)
        #expect(abs((delta.components[0].expected ?? 0) - (a3 - 1) * a3 * (1 - a3)) < 1e-12)
        #expect(delta.lossMismatch?.matches.first?.loss == .crossEntropy)
        #expect(check.layout.notes.contains { $0.contains("0-based") })
        #expect(try line(check, "W′[4,2]").entry.index == [4, 2])
        #expect(check.layout.readings.contains { $0.written == "W" && $0.name == "W1" })
        expectCoverage(check, atLeast: 29)
    }

    @Test func iteration2Of004() throws {
        let check = try check("sigmoid-4-2-3-1-mse.nn", "pasted-004-iteration-2.md", fixtureNetwork: true)
        #expect(check.lines.allSatisfy { $0.entry.iteration == 2 })
        let z3 = try line(check, "z_3", iteration: 2)
        #expect(z3.status == .wrong)
        #expect(abs((z3.arithmetic ?? 0) - (0.1248 * 0.6458 + 0.2265 * 0.6906 + 0.3281 * 0.7321 + 0.1384)) < 1e-12)
        expectCoverage(check, atLeast: 9)
    }

    /// A correct solution in the many ways students write one: every number checked and ok.
    @Test func theWaysStudentsWriteACorrectSolution() throws {
        let network = try #require(Package.network("perceptron.nn"))
        let z = 0.2 * 0.5 + 0.4 * 0.3 + 0.1, yhat = sigmoid(z), g = (yhat - 1) * yhat * (1 - yhat)
        let f = { (x: Double) in String(format: "%.4f", x) }
        let text = """
            ## Forward pass

            1. First the pre-activation:
            $$z = 0.2 \\cdot 0.5 + 0.4 \\cdot 0.3 + 0.1 = \(f(z))$$
            - then $\\hat{y} = \\sigma(z) \\approx \(f(yhat))$.
            \\[ \\frac{\\partial L}{\\partial \\hat{y}} = \\hat{y} - y = \(f(yhat - 1)), \\quad \\partial \\hat{y}/\\partial z = \(f(yhat * (1 - yhat))) \\]
            $$\\begin{aligned} \\frac{\\partial L}{\\partial w_1} &= \(f(g * 0.5)) \\\\ \\frac{\\partial L}{\\partial w_2} &≈ \(f(g * 0.3)) \\end{aligned}$$
            $dL/db = \(f(g))$; so we update:
            $$w_1 \\leftarrow 0.2 - 0.01 \\cdot (\(f(g * 0.5))) \\approx \(f(0.2 - 0.01 * g * 0.5))$$
            $$w_2^{+} = \(f(0.4 - 0.01 * g * 0.3)) \\; b^{\\text{new}} = \(f(0.1 - 0.01 * g))$$
            """
        let check = try WorkedChecker(network: network).check(text)
        let report = CheckReport(worked: check)
        #expect(check.lines.count == 10, "\(report.text)")
        #expect(check.correct, "\(report.text)")
        #expect(report.lineCoverage(check) == (7, 0, 0))
        #expect(check.layout.count(.prose) == 2)
    }

    @Test func unknownNamesInADerivativeAreErrorsWithTheClosestNames() throws {
        let network = try #require(Package.network("perceptron.nn"))
        let check = try WorkedChecker(network: network).check("$$\\frac{\\partial out_{o1}}{\\partial z} = 0.1868$$\n$$dfoo/dw_1 = 0.2$$\n$$dL/dw_3 = 0.2$$\n")
        #expect(check.lines.isEmpty)
        #expect(check.diagnostics.map(\.location.line) == [1, 2, 3])
        #expect(check.diagnostics[0].message.hasPrefix("unknown name 'out_{o1}' in the derivative"))
        #expect(check.diagnostics[2].message.contains("did you mean w1"))
        #expect(CheckReport(worked: check).text.contains("0 of 3 lines that carry a number checked"))
    }

    @Test func notationStatementsAreCheckedAgainstTheNetwork() throws {
        let base = "input x1, x2\nh = sigmoid(w1 x1 + w2 x2)\nparam w1 = 1, w2 = 2\n"
        let network = try Network.parse(base + "notation a^{(1)} = h, \\mathbf{x} = (x1, x2)\n").get()
        #expect(network.notation.map(\.key) == ["a^(1)", "x"])
        #expect(network.notation.map(\.targets) == [["h"], ["x1", "x2"]])
        guard case .failure(let errors) = Network.parse(base + "notation a^{(1)} = hh\n") else { Issue.record("accepted"); return }
        #expect(errors.list.first?.location == SourceLocation(line: 4, column: 10))
        #expect(errors.list.first?.message.contains("did you mean z_h, h?") == true)
        guard case .failure(let syntax) = Network.parse(base + "notation a^{(1)} h\n") else { Issue.record("accepted"); return }
        #expect(syntax.list.first?.message.hasPrefix("expected 'NAME = NETWORK_NAME'") == true)
    }
}

extension WorkedFixture {
    /// A fixture checked against a network of Problems/ (or of Fixtures/).
    static func check(_ network: String, _ fixture: String, fixtureNetwork: Bool = false) throws -> WorkedCheck {
        let source = fixtureNetwork ? text(network) : Package.source(network)
        let checker = try WorkedChecker(network: try Network.parse(source).get())
        return checker.check(text(fixture))
    }

    /// The first line labelled `label` (as the report labels it) in `iteration`.
    static func line(_ check: WorkedCheck, _ label: String, iteration: Int = 1) throws -> WorkedCheck.Line {
        let report = CheckReport(worked: check)
        return try #require(check.lines.first { report.label($0.entry) == label && $0.entry.iteration == iteration },
                            "\(label): \(check.lines.map { report.label($0.entry) })")
    }
}
