import Foundation
import Testing
@testable import ChainRule

/// `chainrule export --to prairielearn` against PrairieLearn's own formats: every problem of Problems/
/// exported, each `info.json` validated with `jsonschema` against PrairieLearn's schema, each element's
/// attributes against the element's schema, `server.py`'s `generate()` run and its numbers compared with
/// the test's own forward and backward passes.
@Suite struct ExportPrairieLearnTests {
    static let formats = ExportSupport.formats("prairielearn")
    static let canValidate = formats != nil && ExportSupport.pythonHas(["jsonschema"])

    /// Every problem of Problems/ (4 variants, seed 7) and its export, made once for the suite.
    nonisolated(unsafe) static let shared: (problems: [ExportProblem], bundle: ExportBundle)? = {
        guard let problems = try? ExportSupport.problems() else { return nil }
        return (problems, PrairieLearnExport.bundle(problems, binary: ExportSupport.fakeBinary))
    }()

    /// Every problem exported into a fresh temporary course folder.
    static func exported() throws -> (folder: URL, bundle: ExportBundle, problems: [ExportProblem]) {
        let (problems, bundle) = try #require(shared)
        let folder = try ExportSupport.temporaryFolder("pl")
        try ExportSupport.write(bundle, to: folder)
        return (folder, bundle, problems)
    }

    @Test func everyProblemGetsItsQuestions() throws {
        let (folder, bundle, problems) = try Self.exported()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(problems.count == Package.problems.count && problems.count >= 7)
        for problem in problems {
            let network = problem.network
            let derivatives = network.questions.contains { if case .derivative = $0.kind { true } else { false } }
            let valued = network.isFullyValued && !network.usesUnspecifiedActivation
            #expect((bundle["questions/\(problem.name)-chain-rule/info.json"] != nil) == derivatives, "\(problem.name)")
            if valued { #expect(bundle["questions/\(problem.name)/server.py"] != nil, "\(problem.name)") }
            #expect(bundle["questions/\(problem.name)/info.json"] != nil || bundle["questions/\(problem.name)-chain-rule/info.json"] != nil)
        }
        #expect(bundle["serverFilesCourse/chainrule/run"]?.executable == true)
        #expect(bundle["serverFilesCourse/chainrule/chainrule"]?.executable == true)
        // Re-exporting keeps every question's UUID (PrairieLearn ties records to it); no two questions share one.
        let source = Package.source("perceptron.nn")
        let again = try ExportProblem(name: "perceptron", network: Network.parse(source).get(), source: source)
        #expect(PrairieLearnQuestion(again).files["info.json"]?.data == bundle["questions/perceptron/info.json"]?.data)
        let infos = bundle.files.filter { $0.path.hasSuffix("info.json") }
        let uuids = infos.compactMap { $0.text?.split(separator: "\"").drop { $0 != "uuid" }.dropFirst(2).first }
        #expect(Set(uuids).count == infos.count && infos.count >= 10)
    }

    @Test(.enabled(if: canValidate, "needs ../shared/formats/prairielearn and Python's jsonschema (pip install jsonschema)"))
    func infoJSONValidatesAgainstPrairieLearnsSchema() throws {
        let (folder, bundle, _) = try Self.exported()
        defer { try? FileManager.default.removeItem(at: folder) }
        let infos = bundle.files.filter { $0.path.hasSuffix("/info.json") }.map { folder.appendingPathComponent($0.path).path }
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            checker = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
            bad = 0
            for path in sys.argv[2:]:
                for error in checker.iter_errors(json.load(open(path))):
                    bad += 1
                    print(path, error.message)
            print("validated", len(sys.argv) - 2, "errors", bad)
            """
        let result = try ExportSupport.python(script, [Self.formats!.appendingPathComponent("infoQuestion.json").path] + infos)
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.hasSuffix("validated \(infos.count) errors 0\n"), "\(result.out)")
        // The schema really checks: a misspelt property is refused.
        let broken = folder.appendingPathComponent("broken.json")
        try Data(#"{"uuid": "not-a-uuid", "type": "v3", "title": "t", "topic": "t", "gradingMethod": "Outside"}"#.utf8).write(to: broken)
        let refused = try ExportSupport.python(script, [Self.formats!.appendingPathComponent("infoQuestion.json").path, broken.path])
        #expect(refused.out.contains("validated 1 errors") && !refused.out.contains("errors 0"), "\(refused.out)")
    }

    @Test(.enabled(if: canValidate, "needs ../shared/formats/prairielearn and Python's jsonschema (pip install jsonschema)"))
    func elementAttributesMatchTheElementSchemas() throws {
        let (folder, bundle, _) = try Self.exported()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pages = bundle.files.filter { $0.path.hasSuffix("/question.html") }.map { folder.appendingPathComponent($0.path).path }
        let script = """
            import json, sys, os, html.parser, jsonschema
            formats = sys.argv[1]
            schemas = {name: json.load(open(os.path.join(formats, name + ".json"))) for name in ("pl-number-input", "pl-symbolic-input")}
            # pl-string-input has no schema among the reference formats: its documented attributes.
            string_input = {"answers-name", "label", "display", "size", "placeholder", "weight", "correct-answer"}
            counts, errors = {}, []
            class Page(html.parser.HTMLParser):
                def handle_starttag(self, tag, attrs):
                    attributes = dict(attrs)
                    if tag in schemas or tag == "pl-string-input":
                        counts[tag] = counts.get(tag, 0) + 1
                    if tag in schemas:
                        for error in jsonschema.Draft4Validator(schemas[tag]).iter_errors(attributes):
                            errors.append((self.path, tag, error.message))
                        for key in ("digits", "size", "weight"):
                            if key in attributes and not attributes[key].isdigit():
                                errors.append((self.path, tag, key + " is not an integer"))
                    if tag == "pl-string-input" and not set(attributes) <= string_input:
                        errors.append((self.path, tag, sorted(set(attributes) - string_input)))
            names = set()
            for path in sys.argv[2:]:
                page = Page()
                page.path = path
                page.feed(open(path).read())
            for error in errors:
                print(*error)
            print(json.dumps(counts, sort_keys=True), "errors", len(errors))
            """
        let result = try ExportSupport.python(script, [Self.formats!.path] + pages)
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.hasSuffix("errors 0\n"), "\(result.out)")
        // Every kind of input is used; the count of number inputs is the numbers the problems ask.
        let numbers = try #require(Self.shared).problems.reduce(0) { $0 + $1.numbers.count }
        #expect(result.out.contains("\"pl-number-input\": \(numbers)"), "\(result.out)")
        #expect(result.out.contains("\"pl-symbolic-input\"") && result.out.contains("\"pl-string-input\""), "\(result.out)")
    }

    /// Runs `generate()` of a question's `server.py` with Python's `random` seeded by each of `seeds`;
    /// the `data` dicts it filled.
    static func generate(_ folder: URL, seeds: Range<Int>) throws -> [[String: Any]] {
        let script = """
            import json, random, sys, importlib.util
            spec = importlib.util.spec_from_file_location("server", sys.argv[1])
            server = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(server)
            out = []
            for seed in range(int(sys.argv[2]), int(sys.argv[3])):
                random.seed(seed)
                data = {"params": {}, "correct_answers": {}, "submitted_answers": {}, "variant_seed": seed}
                server.generate(data)
                out.append(data)
            print(json.dumps(out))
            """
        let result = try ExportSupport.python(script, [folder.appendingPathComponent("server.py").path, "\(seeds.lowerBound)", "\(seeds.upperBound)"])
        guard result.status == 0, let list = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [[String: Any]] else {
            Issue.record("server.py failed: \(result.err)")
            return []
        }
        return list
    }

    @Test(.enabled(if: ExportSupport.pythonHas(["json"]), "needs python3"))
    func generateGivesTheStudentsVariantsNumbers() throws {
        let (folder, _, problems) = try Self.exported()
        defer { try? FileManager.default.removeItem(at: folder) }
        let problem = try #require(problems.first { $0.name == "example-3-bce" })
        let generated = try Self.generate(folder.appendingPathComponent("questions/example-3-bce"), seeds: 0..<12)
        #expect(generated.count == 12)
        var seen = Set<Int>()
        for data in generated {
            let params = try #require(data["params"] as? [String: Any]), answers = try #require(data["correct_answers"] as? [String: Any])
            let number = try #require(params["variant"] as? Int)
            seen.insert(number)
            // The variant as `chainrule key --variants 4 --seed 7` draws it, and its numbers by the test's own passes.
            let variant = try Variants.variant(number, of: problem.network, seed: 7)
            let given = try #require(params["given"] as? [String: String])
            var values: [String: Double] = [:]
            for (name, value) in variant.drawnValues { values[name] = value.doubleValue }
            #expect(Set(given.keys) == Set(values.keys))
            for (name, value) in values { #expect(Double(given[name] ?? "") == value, "\(name)") }
            for (name, expected) in GradeOracle.worked(values) {
                let key = name.hasSuffix("'") ? String(name.dropLast()) + "_updated" : name.replacingOccurrences(of: "/", with: "_")
                let got = try #require(answers[key] as? Double, "\(key)")
                #expect(abs(got - expected) <= 1e-12 * max(1, abs(expected)), "variant \(number) \(key): \(got) vs \(expected)")
            }
            let dz = try #require(answers["find_dL_dz_yhat"] as? Double)
            #expect(abs(dz - (GradeOracle.worked(values).first { $0.name == "yhat" }!.value - values["y"]!)) < 1e-12)
        }
        #expect(seen.count >= 3 && seen.isSubset(of: Set(1...4)), "\(seen)")
    }

    @Test(.enabled(if: ExportSupport.pythonHas(["sympy"]), "needs Python's sympy (pip install sympy)"))
    func pluggedInAnswersEvaluateToTheGradients() throws {
        let (folder, _, _) = try Self.exported()
        defer { try? FileManager.default.removeItem(at: folder) }
        // perceptron: one variant, its own values; ŷ by hand, dL/dw1 = (ŷ − y) ŷ (1 − ŷ) x1.
        let data = try #require(try Self.generate(folder.appendingPathComponent("questions/perceptron"), seeds: 0..<1).first)
        let answers = try #require(data["correct_answers"] as? [String: Any])
        let (x1, x2, w1, w2, b, y) = (0.5, 0.3, 0.2, 0.4, 0.1, 1.0)
        let yhat = 1 / (1 + exp(-(w1 * x1 + w2 * x2 + b)))
        let delta = (yhat - y) * yhat * (1 - yhat)
        for (name, expected) in [("dL_dw1", delta * x1), ("dL_dw2", delta * x2), ("dL_db", delta)] {
            let symbolic = try #require(answers["plug_" + name] as? String)
            let script = "import sympy, sys; print(float(sympy.sympify(sys.argv[1]).subs({'yhat': \(yhat), 'y': \(y), 'x1': \(x1), 'x2': \(x2)})))"
            let value = try ExportSupport.python(script, [symbolic])
            #expect(abs((Double(value.out.trimmingCharacters(in: .whitespacesAndNewlines)) ?? .nan) - expected) < 1e-12, "\(name): \(symbolic) → \(value.out) \(value.err)")
            #expect(abs((answers[name] as? Double ?? .nan) - expected) < 1e-12, "\(name)")
            #expect(answers["find_" + name] == nil, "asked once, as the gradient")
        }
    }

    @Test func aGraderThatCannotRunStillWritesResults() throws {
        let (folder, _, _) = try Self.exported()  // its chainrule is not a real executable
        defer { try? FileManager.default.removeItem(at: folder) }
        let root = folder.appendingPathComponent("grade-root")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let run = try Shell.run("/usr/bin/env", [PrairieLearnExport.rootVariable + "=" + root.path, folder.appendingPathComponent("serverFilesCourse/chainrule/run").path])
        #expect(run.status == 0)
        let results = try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("results/results.json"))) as? [String: Any]
        #expect(results?["gradable"] as? Bool == false)
        #expect((results?["format_errors"] as? [String])?.first?.contains("could not grade") == true)
    }
}
