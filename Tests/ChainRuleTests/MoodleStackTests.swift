import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import ChainRule

/// The Moodle export's STACK questions: the layout of STACK's own export, the teacher's answer's
/// paths against the graph's, and (where Maxima is installed) the response tree's Maxima code run on
/// right and wrong answers.
@Suite struct MoodleStackTests {
    /// The STACK export kept in ../shared/formats (beside the clone, or beside the worktrees).
    static let reference: URL? = ["../shared", "../../shared"].map {
        Package.root.appendingPathComponent($0).appendingPathComponent("formats/moodle-stack/CR-Diff-01-basic-1-b.xml").standardized
    }.first { FileManager.default.fileExists(atPath: $0.path) }

    @Test(.enabled(if: reference != nil, "skipped: ../shared/formats/moodle-stack/CR-Diff-01-basic-1-b.xml is not beside this clone"))
    func stackQuestionsHaveTheReferenceLayout() throws {
        let url = try #require(Self.reference)
        let reference = try #require(MoodleSupport.document(try String(contentsOf: url, encoding: .utf8)))
        let ours = try #require(MoodleSupport.document(MoodleSupport.everyProblem.xml))
        let expected = try #require(MoodleSupport.questions(reference, type: "stack").first)
        let questions = MoodleSupport.questions(ours, type: "stack")
        #expect(questions.count == MoodleSupport.everyProblem.sections.reduce(0) { $0 + $1.stacks.count })
        #expect(questions.count >= 15)
        let wanted = Self.layout(expected)
        for question in questions {
            let name = MoodleSupport.text(question, "name") ?? "?"
            let got = Self.layout(question)
            for (path, children) in wanted {
                // No random variables, so no deployed seeds (STACK deploys seeds only for random questions).
                let expectedChildren = path == "question" ? children.filter { $0 != "deployedseed" } : children
                #expect(got[path] == expectedChildren, "\(name): the children of \(path)")
            }
            #expect(Set(got.keys) == Set(wanted.keys), "\(name)")
        }
    }

    /// Each element path (`question/prt/node`) with its children's names, repeats removed, in order.
    static func layout(_ element: XMLElement, path: String = "question") -> [String: [String]] {
        var result: [String: [String]] = [:]
        var names: [String] = []
        for child in element.children?.compactMap({ $0 as? XMLElement }) ?? [] {
            guard let name = child.name else { continue }
            if names.last != name { names.append(name) }
            let childPath = path + "/" + name
            if child.children?.contains(where: { $0 is XMLElement }) == true, name != "text" {
                result.merge(layout(child, path: childPath)) { a, _ in a }
            }
        }
        result[path] = names
        return result
    }

    @Test func stackAnswersHaveTheGraphsPaths() throws {
        let quiz = MoodleSupport.everyProblem
        let document = try #require(MoodleSupport.document(quiz.xml))
        let variables = MoodleSupport.questions(document, type: "stack").compactMap { MoodleSupport.text($0, "questionvariables") }
        let stacks = quiz.sections.flatMap(\.stacks)
        #expect(variables.count == stacks.count)
        for (section, url) in zip(quiz.sections, Package.problems) {
            let network = try #require(Package.network(url.lastPathComponent))
            for stack in section.stacks {
                guard let k = stacks.firstIndex(where: { $0.idnumber == stack.idnumber }) else { continue }
                let lines = Self.assignments(variables[k])
                let answer = try #require(lines["ta"].flatMap(MaximaPolynomial.parse), "\(stack.name): ta")
                // The paths from B to A, by depth-first search over the graph's inputs, here.
                let graph = try network.derivation(of: stack.of, wrt: stack.wrt).graph
                let paths = Self.paths(graph, from: try #require(graph.index(of: stack.wrt)), to: try #require(graph.index(of: stack.of)))
                var expected: [[String]: Int] = [:]
                for path in paths {
                    let atoms = zip(path.dropFirst(), path).map { q, u in
                        "d_" + MoodleMaxima.identifier(graph.nodes[q].name) + "_d_" + MoodleMaxima.identifier(graph.nodes[u].name)
                    }
                    expected[atoms.sorted(), default: 0] += 1
                }
                #expect(answer.terms == expected, "\(stack.name)")
                #expect(stack.paths.count == paths.count)
                // p1…pn are the same paths, one each.
                let products = (1...paths.count).compactMap { lines["p\($0)"].flatMap(MaximaPolynomial.parse) }
                #expect(products.reduce(MaximaPolynomial.zero, +).terms == expected, "\(stack.name): p1…p\(paths.count)")
            }
        }
    }

    /// `name: value;` lines of Maxima code.
    static func assignments(_ code: String) -> [String: String] {
        var result: [String: String] = [:]
        for line in code.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            var value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if value.hasSuffix(";") { value.removeLast() }
            result[line[..<colon].trimmingCharacters(in: .whitespaces)] = value
        }
        return result
    }

    /// Every path from node `from` to node `to`, as node lists from `from`.
    static func paths(_ graph: ScalarGraph, from: Int, to: Int) -> [[Int]] {
        if from == to { return [[to]] }
        return graph.nodes[to].inputs.flatMap { input in paths(graph, from: from, to: input).map { $0 + [to] } }
    }

    static let maxima = Shell.which("maxima")

    @Test(.enabled(if: maxima != nil, "skipped: Maxima is not installed (apt-get install maxima; .ci/run does)"))
    func responseTreeMaximaFindsMissingRepeatedAndExtraPaths() throws {
        let quiz = MoodleSupport.everyProblem
        let stacks = quiz.sections.filter { ["quiz-problem-3", "example-3-bce"].contains($0.problem) }.flatMap(\.stacks)
        #expect(stacks.count == 4)
        for stack in stacks {
            let n = stack.paths.count
            let first = stack.paths[0].product, lone = String(first.split(separator: "*")[0])
            let cases: [(answer: String, equal: Bool, coefficients: [Int], extra: Bool, unknown: Int, polynomial: Bool)] = [
                ("ta", true, Array(repeating: 1, count: n), false, 0, true),
                ("expand(ta) - p1", false, [0] + Array(repeating: 1, count: n - 1), false, 0, true),
                ("ta + p1", false, [2] + Array(repeating: 1, count: n - 1), false, 0, true),
                ("ta - 2*p1", false, [-1] + Array(repeating: 1, count: n - 1), false, 0, true),
                ("ta + \(lone)*\(lone)", false, Array(repeating: 1, count: n), true, 0, true),
                ("ta + d_nowhere", false, Array(repeating: 0, count: n), false, 1, false),
                ("ta + 1/\(lone)", false, Array(repeating: 0, count: n), false, 0, false),
            ]
            let outputs = try Self.run(stack, answers: cases.map(\.answer))
            try #require(outputs.count == cases.count, "\(stack.name): \(outputs)")
            for (test, out) in zip(cases, outputs) {
                let values = out.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                try #require(values.count == 5, "\(stack.name) \(test.answer): \(out)")
                #expect(values[0] == (test.equal ? "true" : "false"), "\(stack.name) \(test.answer)")
                #expect(values[1] == "\(test.unknown)", "\(stack.name) \(test.answer)")
                #expect(values[2] == (test.polynomial ? "1" : "0"), "\(stack.name) \(test.answer)")
                #expect(values[3] == "[" + test.coefficients.map(String.init).joined(separator: ",") + "]", "\(stack.name) \(test.answer)")
                #expect((values[4] != "0") == test.extra, "\(stack.name) \(test.answer): extra \(values[4])")
            }
        }
    }

    @Test(.enabled(if: maxima != nil, "skipped: Maxima is not installed (apt-get install maxima; .ci/run does)"))
    func questionTestsMatchTheTreeWalkedOnMaximasAnswers() throws {
        // Read each STACK question back from the XML, evaluate every node's AlgEquiv in Maxima for each
        // question test's input, walk the tree as STACK does, and compare with the test's expectations.
        let document = try #require(MoodleSupport.document(MoodleSupport.everyProblem.xml))
        let questions = MoodleSupport.questions(document, type: "stack").filter {
            let name = MoodleSupport.text($0, "name") ?? ""
            return name.hasPrefix("Quiz Problem 3") || name.hasPrefix("Example 3")
        }
        #expect(questions.count == 4)
        for question in questions {
            let name = MoodleSupport.text(question, "name") ?? "?"
            let prt = try #require(question.elements(forName: "prt").first)
            func leaf(_ element: XMLElement, _ key: String) -> String { element.elements(forName: key).first?.stringValue ?? "" }
            let nodes = prt.elements(forName: "node")
            let byName = Dictionary(uniqueKeysWithValues: nodes.map { (leaf($0, "name"), $0) })
            let tests = question.elements(forName: "qtest")
            // The right answer, and (with two paths or more) the answer missing its first path.
            #expect(tests.count == (nodes.count > 6 ? 2 : 1), "\(name)")
            let comparisons = nodes.map { "is(equal(" + leaf($0, "sans") + ", " + leaf($0, "tans") + "))" }.joined(separator: ", ")
            var script = "display2d: false$ linel: 10000$\n" + Self.statements(MoodleSupport.text(question, "questionvariables") ?? "") + "\n"
            for test in tests {
                let input = try #require(test.elements(forName: "testinput").first)
                script += "ans1: " + leaf(input, "value") + "$\n" + Self.statements(MoodleSupport.text(prt, "feedbackvariables") ?? "")
                    + "\nprint(sconcat(\"RESULT|\", string([" + comparisons + "])))$\n"
            }
            let result = try Shell.run(try #require(Self.maxima), ["--very-quiet", "--batch-string=" + script])
            let outcomes = result.out.split(separator: "\n").filter { $0.hasPrefix("RESULT|") }.map {
                $0.trimmingCharacters(in: .whitespaces).dropFirst(8).dropLast().split(separator: ",").map { $0 == "true" }
            }
            try #require(outcomes.count == tests.count, "\(name): \(result.out) \(result.err)")
            for (test, outcome) in zip(tests, outcomes) {
                var score = 0.0, note = "", current = "0", steps = 0
                while current != "-1", let node = byName[current], steps <= nodes.count {
                    let index = try #require(nodes.firstIndex { $0 === node })
                    let side = outcome[index] ? "true" : "false"
                    let value = Double(leaf(node, side + "score")) ?? .nan
                    switch leaf(node, side + "scoremode") {
                    case "+": score += value
                    case "-": score -= value
                    default: score = value
                    }
                    note = leaf(node, side + "answernote").trimmingCharacters(in: .whitespaces)
                    current = leaf(node, side + "nextnode")
                    steps += 1
                }
                let expected = try #require(test.elements(forName: "expected").first)
                #expect(abs(score - (Double(leaf(expected, "expectedscore")) ?? .nan)) < 1e-6, "\(name): \(leaf(test, "description"))")
                #expect(note == leaf(expected, "expectedanswernote"), "\(name): \(leaf(test, "description"))")
            }
        }
    }

    /// Maxima code with each `;` line ended by `$` (evaluated silently).
    static func statements(_ code: String) -> String {
        code.split(separator: "\n").map { $0.hasSuffix(";") ? $0.dropLast() + "$" : $0 + "$" }.joined(separator: "\n")
    }

    /// Runs the question variables, then per answer `ans1` set as STACK sets it and the feedback
    /// variables, in one Maxima process; per answer `is(sa = ea) | nu | ispoly | [c1, …] | extra`.
    static func run(_ stack: MoodleStack, answers: [String]) throws -> [String] {
        let coefficients = (1...stack.paths.count).map { "c\($0)" }.joined(separator: ",")
        var script = "display2d: false$ linel: 10000$\n" + statements(stack.questionVariables) + "\n"
        for answer in answers {
            script += "ans1: " + answer + "$\n" + statements(stack.feedbackVariables)
                + "\nprint(sconcat(\"RESULT|\", is(sa = ea), \"|\", nu, \"|\", ispoly, \"|\", string([\(coefficients)]), \"|\", string(extra)))$\n"
        }
        let result = try Shell.run(try #require(maxima), ["--very-quiet", "--batch-string=" + script])
        return result.out.split(separator: "\n").filter { $0.hasPrefix("RESULT|") }.map { String($0.dropFirst(7)) }
    }
}

/// A polynomial in Maxima atoms read from Maxima text (`+ - * ^`, parentheses, integers, atoms), for
/// checking the export's Maxima independently of how it was printed.
struct MaximaPolynomial: Equatable {
    /// Monomials (sorted atoms, repeated for powers) with their coefficients, zeros dropped.
    var terms: [[String]: Int] = [:]

    static let zero = MaximaPolynomial()

    static func + (a: MaximaPolynomial, b: MaximaPolynomial) -> MaximaPolynomial {
        var result = a
        for (monomial, c) in b.terms { result.terms[monomial, default: 0] += c }
        result.terms = result.terms.filter { $0.value != 0 }
        return result
    }

    static func * (a: MaximaPolynomial, b: MaximaPolynomial) -> MaximaPolynomial {
        var result = MaximaPolynomial()
        for (m, c) in a.terms { for (n, d) in b.terms { result.terms[(m + n).sorted(), default: 0] += c * d } }
        result.terms = result.terms.filter { $0.value != 0 }
        return result
    }

    static func parse(_ text: String) -> MaximaPolynomial? {
        var tokens: [String] = [], current = ""
        for c in text {
            if c.isLetter || c.isNumber || c == "_" { current.append(c); continue }
            if !current.isEmpty { tokens.append(current); current = "" }
            if "+-*^()".contains(c) { tokens.append(String(c)) } else if c != " " { return nil }
        }
        if !current.isEmpty { tokens.append(current) }
        var parser = Parser(tokens: tokens)
        guard let result = parser.sum(), parser.position == tokens.count else { return nil }
        return result
    }

    private struct Parser {
        let tokens: [String]
        var position = 0
        var next: String? { position < tokens.count ? tokens[position] : nil }

        mutating func sum() -> MaximaPolynomial? {
            guard var result = product() else { return nil }
            while let op = next, op == "+" || op == "-" {
                position += 1
                guard let term = product() else { return nil }
                result = result + (op == "-" ? MaximaPolynomial(terms: [[]: -1]) * term : term)
            }
            return result
        }

        mutating func product() -> MaximaPolynomial? {
            guard var result = power() else { return nil }
            while next == "*" {
                position += 1
                guard let factor = power() else { return nil }
                result = result * factor
            }
            return result
        }

        mutating func power() -> MaximaPolynomial? {
            guard let base = atom() else { return nil }
            guard next == "^" else { return base }
            position += 1
            guard let exponent = next.flatMap(Int.init), exponent >= 0 else { return nil }
            position += 1
            return (0..<exponent).reduce(MaximaPolynomial(terms: [[]: 1])) { acc, _ in acc * base }
        }

        mutating func atom() -> MaximaPolynomial? {
            guard let token = next else { return nil }
            position += 1
            if token == "-" { return atom().map { MaximaPolynomial(terms: [[]: -1]) * $0 } }
            if token == "(" {
                guard let inner = sum(), next == ")" else { return nil }
                position += 1
                return inner
            }
            if let n = Int(token) { return MaximaPolynomial(terms: n == 0 ? [:] : [[]: n]) }
            guard token.first?.isLetter == true else { return nil }
            return MaximaPolynomial(terms: [[token]: 1])
        }
    }
}
