import Testing
@testable import ChainRule

/// Answers written as students write them (LaTeX, Unicode, ASCII, TeX's `\over`, `\partial{y}`,
/// `\mathrm{d}`, `•`, `\bigl(`, `$…$`, `Answer:`, trailing punctuation, names in the wrong case or in
/// the course's notation), on the quiz and on two DAGs of this file. Each answer's verdict is computed
/// here, independently of the checker: the answer's products of edges, as a multiset, against the paths
/// written out by hand.
@Suite struct StudentAnswerTests {
    /// An edge q ← u.
    typealias Edge = (q: String, u: String)

    /// A question with its paths written out by hand (node chains from the variable to the output).
    struct Question: Sendable {
        var source: String
        var of: String
        var wrt: String
        var paths: [[String]]
        /// How this course writes each node (the network's name when absent).
        var written: [String: String]
    }

    static let quiz = Package.source("quiz-problem-3.nn")

    /// Four paths, one of them through q1 and q3: an index sum over q_i alone misses it.
    static let indexed = """
        input x
        q1 = g(x)
        q2 = g(x)
        q3 = g(q1, x)
        y = g(q1, q2, q3)
        find dy/dx
        """

    /// A 2-2-1 network whose course writes a_j^{(1)} for the hidden units and ŷ for the output.
    static let layered = """
        input x1, x2
        h1 = g(x1, x2)
        h2 = g(x1, x2)
        yhat = g(h1, h2)
        notation a_1^{(1)} = h1, a_2^{(1)} = h2
        find dyhat/dx1
        """

    static let questions: [Question] = [
        Question(source: quiz, of: "y", wrt: "x2", paths: [["x2", "c", "y"], ["x2", "d", "y"], ["x2", "d", "e", "y"]],
                 written: ["x2": "x_2"]),
        Question(source: quiz, of: "y", wrt: "x1",
                 paths: [["x1", "a", "c", "y"], ["x1", "a", "d", "y"], ["x1", "b", "d", "y"], ["x1", "a", "d", "e", "y"],
                         ["x1", "b", "d", "e", "y"]],
                 written: ["x1": "x_{1}"]),
        Question(source: indexed, of: "y", wrt: "x", paths: [["x", "q1", "y"], ["x", "q2", "y"], ["x", "q3", "y"], ["x", "q1", "q3", "y"]],
                 written: ["q1": "q_1", "q2": "q_{2}", "q3": "q₃"]),
        Question(source: layered, of: "yhat", wrt: "x1", paths: [["x1", "h1", "yhat"], ["x1", "h2", "yhat"]],
                 written: ["h1": "a_1^{(1)}", "h2": "a_{2}^{(1)}", "yhat": "\\hat{y}", "x1": "x_1"]),
        Question(source: layered, of: "yhat", wrt: "x2", paths: [["x2", "h1", "yhat"], ["x2", "h2", "yhat"]],
                 written: ["h1": "a_1^{(1)}", "h2": "a_2^{(1)}", "yhat": "ŷ", "x2": "x₂"]),
    ]

    /// How a derivative and a product are written, and whether names are written in capitals.
    struct Style: Sendable {
        var partial: @Sendable (String, String) -> String
        var times: String
        var capitals = false
    }

    static let styles: [Style] = [
        Style(partial: { "∂\($0)/∂\($1)" }, times: " "),
        Style(partial: { "\\frac{\\partial \($0)}{\\partial \($1)}" }, times: " \\cdot "),
        Style(partial: { "d\($0)/d\($1)" }, times: " * "),
        Style(partial: { "{\\partial \($0) \\over \\partial \($1)}" }, times: " "),
        Style(partial: { "\\partial{\($0)}/\\partial{\($1)}" }, times: " • "),
        Style(partial: { "\\frac{\\mathrm{d}\($0)}{\\mathrm{d}\($1)}" }, times: " \\times "),
        Style(partial: { "\\dfrac{\\partial \($0)}{\\partial \($1)}" }, times: "\\,", capitals: true),
    ]

    /// What surrounds an answer: the text before and after it, and whether it ends with punctuation.
    static let wrappers: [(before: String, after: String)] = [
        ("", ""), ("", "."), ("$", "$"), ("$$", ".$$"), ("\\[", ",\\]"), ("Answer: ", ""), ("\\(", "\\)."),
        ("Solution: $", "$;"), ("", "\\text{.}"), ("$$", "\\quad.$$"), ("", " ,"),
    ]

    /// The written answers of one question: the paths (all, reordered, one left out, one twice, one
    /// replaced by a product that is not a path), as lists of edges.
    static func variants(_ question: Question) -> [[[Edge]]] {
        let paths = question.paths.map(edges)
        var broken = paths
        broken[0] = [paths[0][0], paths.last?.last ?? paths[0][0]]
        return [
            paths,
            paths.reversed().map { $0.reversed() },
            Array(paths.dropLast()),
            paths + [paths[0]],
            broken,
        ]
    }

    /// The edges of a node chain, output side first.
    static func edges(_ chain: [String]) -> [Edge] {
        zip(chain.dropFirst(), chain).map { (q: $0, u: $1) }.reversed()
    }

    /// The verdict computed here: the answer's products, as sorted edge lists, form the same multiset as
    /// the paths.
    static func isCorrect(_ terms: [[Edge]], _ question: Question) -> Bool {
        func key(_ edges: [Edge]) -> [String] { edges.map { "\($0.q)←\($0.u)" }.sorted() }
        let written = terms.map(key).sorted { $0.lexicographicallyPrecedes($1) }
        let expected = question.paths.map { key(edges($0)) }.sorted { $0.lexicographicallyPrecedes($1) }
        return written == expected
    }

    static func text(_ terms: [[Edge]], _ question: Question, _ style: Style) -> String {
        func name(_ node: String) -> String {
            let written = question.written[node] ?? node
            guard style.capitals, !written.contains("\\"), !written.contains("^") else { return written }
            return written.prefix(1).uppercased() + written.dropFirst()
        }
        return terms.map { term in term.map { style.partial(name($0.q), name($0.u)) }.joined(separator: style.times) }
            .joined(separator: " + ")
    }

    @Test func everyAnswerIsReadAndJudgedRight() throws {
        var count = 0, punctuated = 0, correct = 0
        for (k, question) in Self.questions.enumerated() {
            let network = try Network.parse(question.source).get()
            let checker = try AnswerChecker(network: network, of: question.of, wrt: question.wrt)
            for (v, terms) in Self.variants(question).enumerated() {
                for (s, style) in Self.styles.enumerated() {
                    let wrapper = Self.wrappers[(k + v + s) % Self.wrappers.count]
                    let answer = wrapper.before + Self.text(terms, question, style) + wrapper.after
                    let expected = Self.isCorrect(terms, question)
                    let result = try checker.check(answer)
                    #expect(result.correct == expected, "\(answer): \(CheckReport(result).messages(result))")
                    if style.capitals {
                        #expect(result.findings.contains { if case .readAs = $0 { true } else { false } }, "\(answer)")
                    }
                    count += 1
                    if let last = answer.replacingOccurrences(of: "$", with: "").replacingOccurrences(of: "\\]", with: "")
                        .replacingOccurrences(of: "\\)", with: "").last, ".,;}".contains(last), wrapper.after.contains(where: { ".,;".contains($0) }) {
                        punctuated += 1
                    }
                    if expected { correct += 1 }
                }
            }
        }
        #expect(count >= 150)
        #expect(punctuated >= 20)
        #expect(correct >= 40 && count - correct >= 40)
    }

    /// `\sum_{i=1}^{n}` over indexed names, expanded before comparing: the sum alone misses the path
    /// through q1 and q3; with that path added it is correct.
    @Test func sumsOverIndexedNames() throws {
        let network = try Network.parse(Self.indexed).get()
        let checker = try AnswerChecker(network: network, of: "y", wrt: "x")
        let question = Self.questions[2]
        let sumTerms = (1...3).map { Self.edges(["x", "q\($0)", "y"]) }
        let throughQ3 = Self.edges(["x", "q1", "q3", "y"])
        let cases: [(String, [[Edge]])] = [
            ("\\sum_{i=1}^{3} \\frac{\\partial y}{\\partial q_i} \\frac{\\partial q_i}{\\partial x}.", sumTerms),
            ("\\sum_{i=1}^{n} ∂y/∂q_i ∂q_i/∂x", sumTerms),
            ("∑_{i=1}^{3} ∂y/∂q_{i} ∂q_{i}/∂x + ∂y/∂q_3 ∂q_3/∂q_1 ∂q_1/∂x.", sumTerms + [throughQ3]),
            ("$$\\sum_{j=1}^{n} \\frac{\\partial y}{\\partial q_j}\\frac{\\partial q_j}{\\partial x} + \\frac{\\partial y}{\\partial q_3}\\frac{\\partial q_3}{\\partial q_1}\\frac{\\partial q_1}{\\partial x}$$",
             sumTerms + [throughQ3]),
            ("\\sum_{i=1}^{2} ∂y/∂q_i ∂q_i/∂x + ∂y/∂q3 ∂q3/∂x + ∂y/∂q3 ∂q3/∂q1 ∂q1/∂x;", sumTerms + [throughQ3]),
            ("\\sum_{i=2}^{3} ∂y/∂q_i ∂q_i/∂x", Array(sumTerms.dropFirst())),
        ]
        for (answer, terms) in cases {
            let result = try checker.check(answer)
            #expect(result.correct == Self.isCorrect(terms, question), "\(answer): \(CheckReport(result).messages(result))")
        }
    }

    @Test func namesInTheWrongCaseAreReadAndSaidSo() throws {
        let network = try #require(Package.network("quiz-problem-3.nn"))
        let checker = try AnswerChecker(network: network, of: "y", wrt: "x2")
        let result = try checker.check("∂Y/∂C ∂C/∂X2 + ∂y/∂d ∂d/∂x2 + ∂y/∂e ∂e/∂d ∂d/∂x2.")
        #expect(result.correct)
        let messages = CheckReport(result).messages(result)
        #expect(messages.contains("read 'Y' (line 1, column 2) as y: it differs only by case"), "\(messages)")
        let unknown = try checker.check("∂y/∂k ∂k/∂x2")
        #expect(!unknown.correct)
        #expect(CheckReport(unknown).messages(unknown).first?.hasSuffix("did you mean a, b or c?") == true)
    }

    @Test func theVariableItselfHasDerivativeOne() throws {
        let network = try #require(Package.network("quiz-problem-3.nn"))
        let checker = try AnswerChecker(network: network, of: "y", wrt: "y")
        #expect(try checker.check("1.").correct)
        let wrong = try checker.check("dy/dc")
        #expect(!wrong.correct)
        #expect(CheckReport(wrong).messages(wrong).first == "missing the constant 1: ∂y/∂y = 1 (the quantity is the variable itself)")
    }

    @Test func unreadableAnswersKeepTheirPlace() throws {
        let network = try #require(Package.network("quiz-problem-3.nn"))
        let checker = try AnswerChecker(network: network, of: "y", wrt: "x2")
        let right = "∂y/∂c ∂c/∂x2 + ∂y/∂d ∂d/∂x2 + ∂y/∂e ∂e/∂d ∂d/∂x2"
        let text = "\(right).\n---\n∂y/∂c (∂c/∂x2\n---\n∂y/∂c ∂c/∂x2\n---\n+ +\n---\n\(right)\n"
        let verdicts = checker.checkAll(text)
        #expect(verdicts.map(\.index) == [1, 2, 3, 4, 5])
        #expect(verdicts.map(\.line) == [1, 3, 5, 7, 9])
        #expect(verdicts.map(\.verdict) == [.correct, .unreadable, .incorrect, .unreadable, .correct])
        #expect(verdicts[1].diagnostic?.location == SourceLocation(line: 3, column: 14))
        let report = CheckReport(verdicts: verdicts).text
        #expect(report.contains("answer 2 (line 3): unreadable: line 3, column 14: expected ')' to close '(' at 3:7"))
        #expect(report.contains("answer 5 (line 9): ∂y/∂x2: correct"))
        #expect(report.hasSuffix("2 of 5 answers correct, 1 incorrect, 2 unreadable"))
    }
}
