import ChainRule
import Foundation

/// `chainrule autograde prairielearn|gradescope ROOT`: the graders an export bundles call this on one
/// submission; it grades the answers with ChainRule and writes the platform's `results.json`.
enum AutogradeCommand {
    static let spec = CommandSpec(
        name: "autograde", summary: "grade one submission inside a platform's grader (used by exports)",
        synopsis: "prairielearn|gradescope ROOT",
        operands: 2...2,
        details: """
            prairielearn ROOT: ROOT is PrairieLearn's grading folder (/grade): the problem and the answer map
            in ROOT/tests/ (as chainrule export --to prairielearn writes them), the answers in
            ROOT/data/data.json; writes ROOT/results/results.json.
            gradescope ROOT: ROOT is Gradescope's /autograder: the problems, roster and chainrule.json in
            ROOT/source/ (as chainrule export --to gradescope zips them), the student in
            ROOT/submission_metadata.json, the files handed in in ROOT/submission/; writes
            ROOT/results/results.json. Exit 0 when the results are written
            (whatever the score), 65 when the problem or the answers cannot be read, 73 when the results
            cannot be written.
            """)

    static let command = CLI.Command(spec: spec) { arguments throws(Stop) in
        let (platform, root) = (arguments.positional[0], arguments.positional[1])
        switch platform {
        case "prairielearn": return try prairieLearn(root)
        case "gradescope": return try gradescope(root)
        default: throw spec.usageError("unknown platform '\(platform)' (expected prairielearn or gradescope)")
        }
    }

    /// PrairieLearn's external grading: ROOT/tests/chainrule.json, ROOT/tests/NAME.nn, ROOT/data/data.json.
    static func prairieLearn(_ root: String) throws(Stop) -> ExitCode {
        let tests = (root as NSString).appendingPathComponent("tests")
        let mapPath = (tests as NSString).appendingPathComponent(PrairieLearnChainRuleQuestion.mapName)
        guard let map = try json(mapPath) as? [String: Any], let problemName = map["problem"] as? String,
              let fields = map["answers"] as? [[String: Any]] else {
            throw Stop(.dataError, "\(mapPath): error: expected {\"problem\": NAME, \"answers\": [{\"name\", \"question\"}]}")
        }
        let problemPath = (tests as NSString).appendingPathComponent((problemName as NSString).lastPathComponent)
        let network = try Files.network(problemPath)
        let dataPath = (root as NSString).appendingPathComponent("data/data.json")
        let data = try json(dataPath) as? [String: Any]
        let submitted = data?["submitted_answers"] as? [String: Any] ?? [:]
        var answers: [(question: String, text: String, source: String)] = []
        for field in fields {
            guard let name = field["name"] as? String, let question = field["question"] as? String else { continue }
            guard let value = submitted[name] else { continue }
            let text = value as? String ?? "\(value)"
            if !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { answers.append((question, text, name)) }
        }
        let grade: StudentGrade
        do throws(ClassGrader.Failure) {
            let problem = ClassProblem(name: (problemName as NSString).deletingPathExtension, network: network, seed: nil)
            grade = try Autograder(problems: [problem]).grade(student: "student", variant: nil, answers: answers)
        } catch {
            throw Stop(.dataError, "\(problemPath): error: \(error.message)")
        }
        try writeResults(AutogradeResults.prairieLearn(grade), root: root)
        return .success
    }

    /// The JSON in `path`.
    static func json(_ path: String) throws(Stop) -> Any {
        guard let data = FileManager.default.contents(atPath: path) else { throw Stop(.noInput, "\(path): error: cannot read the file") }
        do { return try JSONSerialization.jsonObject(with: data) } catch {
            throw Stop(.dataError, "\(path): error: not JSON: \(error.localizedDescription)")
        }
    }

    /// Writes ROOT/results/results.json (creating the folder).
    static func writeResults(_ results: JSONValue, root: String) throws(Stop) {
        let folder = (root as NSString).appendingPathComponent("results")
        do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
            throw Stop(.cannotCreate, "\(folder): error: cannot create the folder: \(error.localizedDescription)")
        }
        try OutputFile.write(results.serialized(pretty: true) + "\n", to: (folder as NSString).appendingPathComponent("results.json"), force: true)
    }
}
