import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import ChainRule

/// The Moodle export's Cloze questions: well-formed XML for every problem, answers equal to the
/// variant's numbers recomputed here, tolerances that respect the shown rounding, and escaping.
@Suite struct MoodleClozeTests {
    @Test func everyProblemGivesWellFormedMoodleXML() throws {
        let quiz = MoodleSupport.everyProblem
        #expect(quiz.sections.count == Package.problems.count)
        let document = try #require(MoodleSupport.document(quiz.xml), "the quiz is not well-formed XML")
        #expect(document.rootElement()?.name == "quiz")
        let all = document.rootElement()?.elements(forName: "question") ?? []
        #expect(all.count == quiz.questionCount + quiz.sections.count)
        #expect(MoodleSupport.questions(document, type: "category").count == quiz.sections.count)
        // Each problem on its own is well-formed too (the command exports one file or a folder).
        for url in Package.problems {
            let problem = try #require(MoodleSupport.problem(url))
            #expect(MoodleSupport.document(MoodleQuiz(problems: [problem]).xml) != nil, "\(url.lastPathComponent)")
        }
        // Problems with given or drawn values have their numbers asked, one Cloze per variant.
        let counts = Dictionary(uniqueKeysWithValues: quiz.sections.map { ($0.problem, $0.clozes.count) })
        #expect(counts["example-3-bce"] == MoodleSupport.variantCount)
        #expect(counts["perceptron"] == 1)
        #expect(counts["sigmoid-4-2-3-1"] == 1)
        #expect(counts["quiz-problem-3"] == 0)
    }

    @Test func clozeAnswersEqualTheVariantsNumbersRecomputed() throws {
        let quiz = MoodleSupport.everyProblem
        let document = try #require(MoodleSupport.document(quiz.xml))
        let texts = MoodleSupport.questions(document, type: "cloze").compactMap { MoodleSupport.text($0, "questiontext") }
        let clozes = quiz.sections.flatMap(\.clozes)
        #expect(texts.count == clozes.count)
        var checked = 0
        for (section, problem) in zip(quiz.sections, Package.problems.compactMap(MoodleSupport.problem)) {
            let variants = problem.variants.isEmpty ? [Variant(number: 0, network: problem.network, drawn: [])] : problem.variants
            for (cloze, variant) in zip(section.clozes, variants) {
                guard let index = clozes.firstIndex(where: { $0.idnumber == cloze.idnumber }) else { continue }
                let boxes = MoodleSupport.numericals(texts[index])
                #expect(boxes.count == cloze.blanks.count, "\(cloze.name)")
                let numbers = Recomputed(variant.network)
                for (blank, box) in zip(cloze.blanks, boxes) {
                    let expected = try #require(numbers.value(blank.column), "\(cloze.name): \(blank.column) not recomputed")
                    let scale = blank.exponent.map { pow(10, Double($0)) } ?? 1
                    #expect(abs(box.answer * scale - expected) <= 1e-12 * max(1, abs(expected)), "\(cloze.name): \(blank.column)")
                    checked += 1
                }
            }
        }
        #expect(checked > 100)
    }

    @Test func handWorkedExampleMatchesAVariant() throws {
        // Example 3 (2-2-1 sigmoid, BCE, η = 0.01), variant 2 worked by hand from its drawn values.
        let problem = try #require(MoodleSupport.problem(Package.problem("example-3-bce.nn")))
        let variant = problem.variants[1], net = variant.network
        func given(_ name: String) throws -> Double {
            let node = try #require(net.nodes.first { $0.componentNames.contains(name) })
            return try #require(node.value?.entries.first?.doubleValue)
        }
        let (x1, x2, w11, w12, b1) = (try given("x1"), try given("x2"), try given("w11"), try given("w12"), try given("b1"))
        let (w21, w22, b2, v1, v2, c, y) = (try given("w21"), try given("w22"), try given("b2"), try given("v1"), try given("v2"), try given("c"), try given("y"))
        let sigmoid = { (z: Double) in 1 / (1 + exp(-z)) }
        let h1 = sigmoid(w11 * x1 + w12 * x2 + b1), h2 = sigmoid(w21 * x1 + w22 * x2 + b2)
        let yhat = sigmoid(v1 * h1 + v2 * h2 + c)
        let loss = -y * log(yhat) - (1 - y) * log(1 - yhat)
        let delta = yhat - y, gradient = delta * v1 * h1 * (1 - h1) * x1
        let expected: [String: Double] = ["h1": h1, "h2": h2, "yhat": yhat, "L": loss, "dL/dv1": delta * h1, "dL/dw11": gradient,
                                          "w11 updated": w11 - 0.01 * gradient, "find dL/dz_yhat": delta, "find dL/dw11": gradient]
        let cloze = try #require(MoodleCloze(problem: "example-3-bce", variant: variant, plan: KeyPlan(network: problem.network)))
        let boxes = MoodleSupport.numericals(cloze.questionText)
        for (column, value) in expected {
            let k = try #require(cloze.blanks.firstIndex { $0.column == column }, "no box for \(column)")
            let scale = cloze.blanks[k].exponent.map { pow(10, Double($0)) } ?? 1
            #expect(abs(boxes[k].answer * scale - value) <= 1e-12, "\(column)")
        }
    }

    @Test func tolerancesAreNeverZeroNorWiderThanTheShownRounding() throws {
        let quiz = MoodleSupport.everyProblem
        var scaled = 0
        for cloze in quiz.sections.flatMap(\.clozes) {
            for (blank, box) in zip(cloze.blanks, MoodleSupport.numericals(cloze.questionText)) {
                #expect(box.tolerance > 0, "\(blank.column)")
                // Half a unit in the last of `digits` significant digits of the number typed.
                let typed = blank.exponent.map { blank.value / pow(10, Double($0)) } ?? blank.value
                var magnitude = typed == 0 ? 0 : Int(floor(log10(abs(typed))))
                // 0.99996 to 4 digits is 1.000: the rounding carries into the next decade.
                if abs(typed) >= pow(10, Double(magnitude + 1)) - pow(10, Double(magnitude - blank.digits + 1)) / 2 { magnitude += 1 }
                let unit = pow(10, Double(magnitude - blank.digits + 1))
                #expect(box.tolerance <= unit / 2 * (1 + 1e-9), "\(blank.column): tolerance \(box.tolerance), shown \(blank.shown)")
                // The shown value is accepted, and (Moodle widens by 1e-14·max(1, |answer|)) zero is not.
                let shown = try #require(Double(blank.shownAnswer))
                #expect(abs(shown - box.answer) <= box.tolerance * (1 + 1e-9), "\(blank.column)")
                if blank.value != 0 { #expect(abs(box.answer) > box.tolerance + 1e-14 * max(1, abs(box.answer)), "\(blank.column)") }
                // Scientific displays are asked as a mantissa, so no answer is below 10⁻³.
                if blank.value != 0 { #expect(abs(box.answer) >= 1e-3) }
                if blank.exponent != nil { scaled += 1 }
            }
        }
        #expect(scaled > 0, "sigmoid-4-2-3-1's ∂L/∂W⁽¹⁾ entries (about 10⁻⁴) are asked as mantissas")
    }

    @Test func feedbackEscapingSurvivesMoodlesParsing() throws {
        let nasty = #"a}b#c~d/e"f\g{1:NUMERICAL:=1}h&i<j>\}"#
        let sub = "{1:NUMERICAL:=2.5:0.05#" + MoodleCloze.feedback(nasty) + "}"
        let boxes = MoodleSupport.numericals("<p>x</p>" + sub + " tail }")
        #expect(boxes.count == 1)
        #expect(boxes.first.map { MoodleSupport.moodleFeedback($0.feedback) } == nasty)
        #expect(!MoodleCloze.feedback(nasty).contains("~"))
        // Text outside the boxes never starts a sub-question.
        #expect(MoodleSupport.numericals(MoodleCloze.guarded("{1:NUMERICAL:=3:0.5#x}")).isEmpty)
        #expect(MoodleCloze.guarded("\\frac{1}{2} {12:x}") == "\\frac{1}{2} &#123;12:x}")
    }

    @Test func cdataKeepsTextContainingItsTerminator() throws {
        var xml = MoodleXML()
        xml.open("quiz")
        xml.text("questiontext", "<p>a]]>b</p>\u{1}", format: "html", cdata: true)
        xml.close("quiz")
        let document = try #require(MoodleSupport.document(xml.text))
        let text = document.rootElement()?.elements(forName: "questiontext").first?.elements(forName: "text").first?.stringValue
        #expect(text == "<p>a]]>b</p>")
    }
}

/// A variant's numbers recomputed from the runtime, by the variants CSV's column names.
private struct Recomputed {
    let network: Network
    let training: Training?

    init(_ network: Network) {
        self.network = network
        training = (try? Runtime(network)).flatMap { runtime in (try? Point(network: network)).map { runtime.train(from: $0) } }
    }

    /// The node and component holding a scalar name.
    func locate(_ name: String) -> (node: Int, component: Int)? {
        for (i, node) in network.nodes.enumerated() {
            if let k = node.componentNames.firstIndex(of: name) { return (i, k) }
        }
        return nil
    }

    func value(_ column: String) -> Double? {
        guard let training else { return nil }
        var rest = Substring(column), iteration = 0, sample = 0
        if rest.hasPrefix("iteration "), let colon = rest.firstIndex(of: ":") {
            iteration = (Int(rest.dropFirst(10).prefix { $0.isNumber }) ?? 1) - 1
            rest = rest[rest.index(colon, offsetBy: 2)...]
        }
        if rest.hasPrefix("sample "), let colon = rest.firstIndex(of: ":") {
            sample = (Int(rest.dropFirst(7).prefix { $0.isNumber }) ?? 1) - 1
            rest = rest[rest.index(colon, offsetBy: 2)...]
        }
        guard training.iterations.indices.contains(iteration) else { return nil }
        let step = training.iterations[iteration]
        let pass = step.passes[sample]
        let loss = network.loss.map { network.nodes[$0].name } ?? "L"
        let name = String(rest)
        if name.hasPrefix("find d" + loss + "/d") {
            let first = training.iterations[0].passes[0]
            return locate(String(name.dropFirst(6 + loss.count + 2))).flatMap { first.gradients?[$0.node].scalars[$0.component] }
        }
        if name.hasSuffix(" updated") {
            return locate(String(name.dropLast(8))).flatMap { step.updated[$0.node]?.scalars[$0.component] }
        }
        if name.hasPrefix("d" + loss + "/d") {
            return locate(String(name.dropFirst(loss.count + 3))).map { step.gradient($0.node).scalars[$0.component] }
        }
        if name == "mean " + loss { return step.loss }
        return locate(name).map { pass.evaluation.value($0.node).scalars[$0.component] }
    }
}
