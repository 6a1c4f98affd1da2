import ChainRule
import Foundation

extension AutogradeCommand {
    /// Gradescope: ROOT/source/chainrule.json with the problems and roster beside it,
    /// ROOT/submission_metadata.json (who), ROOT/submission/ (the files handed in); writes
    /// ROOT/results/results.json.
    static func gradescope(_ root: String) throws(Stop) -> ExitCode {
        let source = (root as NSString).appendingPathComponent("source")
        let configPath = (source as NSString).appendingPathComponent(GradescopeExport.configName)
        guard let config = try json(configPath) as? [String: Any], let names = config["problems"] as? [String] else {
            throw Stop(.dataError, "\(configPath): error: expected {\"problems\": [NAME.nn, …], \"seed\": S, \"roster\": FILE}")
        }
        let seed = (config["seed"] as? NSNumber).map { $0.uint64Value }
        var problems: [ClassProblem] = []
        for name in names {
            let path = (source as NSString).appendingPathComponent("problems/" + (name as NSString).lastPathComponent)
            problems.append(ClassProblem(name: (name as NSString).deletingPathExtension, network: try Files.network(path), seed: seed))
        }
        var roster: Roster?
        if let file = config["roster"] as? String {
            let path = (source as NSString).appendingPathComponent((file as NSString).lastPathComponent)
            let text = try Files.read(path)
            do throws(Diagnostic) { roster = try Roster.csv(text) } catch { throw Stop(.dataError, error.formatted(file: path, source: text)) }
        }
        let users = (try? json((root as NSString).appendingPathComponent("submission_metadata.json")) as? [String: Any])?["users"] as? [[String: Any]] ?? []
        let identities = users.flatMap { user in ["email", "sid", "name"].compactMap { user[$0] as? String }.filter { !$0.isEmpty } }
        var student = identities.first ?? "student", variant: Int?, notes: [String] = []
        if let roster {
            let entry = identities.lazy.compactMap { id in roster.entries.first { $0.student.lowercased() == id.lowercased() } }.first
            guard let entry else {
                let message = "You (\(identities.isEmpty ? "no e-mail or SID given" : identities.joined(separator: ", "))) are not on the roster of variants, so your answers cannot be graded against your variant. Please tell your instructor."
                try writeResults(.object([("score", .number(0)), ("output", .string(message)), ("output_format", .string("md")),
                                          ("visibility", .string("visible")), ("tests", .array([]))]), root: root)
                return .success
            }
            (student, variant) = (entry.student, entry.variant)
            if let variant { notes.append("Graded against variant \(variant), the one the roster gives \(entry.student).") }
        }
        let submissions = try documents((root as NSString).appendingPathComponent("submission"), student: student)
        if submissions.isEmpty { notes.append("No answers were found: submit one Markdown, LaTeX or text file with a heading per question.") }
        let grade: StudentGrade
        do throws(ClassGrader.Failure) {
            grade = try Autograder(problems: problems).grade(student: student, variant: variant, submissions: submissions)
        } catch {
            throw Stop(.dataError, "\(error.problem): error: \(error.message)")
        }
        try writeResults(AutogradeResults.gradescope(grade, notes: notes), root: root)
        return .success
    }

    /// The answers in the submitted files (`.md`, `.markdown`, `.tex`, `.txt`, also one folder down),
    /// in file-name order, read as `chainrule grade` reads a student's document.
    static func documents(_ folder: String, student: String) throws(Stop) -> [Submission] {
        let fm = FileManager.default
        let paths = ((try? fm.subpathsOfDirectory(atPath: folder)) ?? []).filter { path in
            path.split(separator: "/").count <= 2 && !path.split(separator: "/").contains { $0.hasPrefix(".") }
                && ["md", "markdown", "tex", "txt"].contains((path as NSString).pathExtension.lowercased())
        }.sorted()
        var submissions: [Submission] = []
        for path in paths {
            submissions += Submission.document(try Files.read((folder as NSString).appendingPathComponent(path)), student: student, file: path)
        }
        return submissions
    }
}
