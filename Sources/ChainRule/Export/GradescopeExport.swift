import Foundation

/// A Gradescope export: `autograder.zip` to upload as a programming assignment's autograder, with a
/// README and an answer template for students.
///
/// The zip holds `setup.sh`, `run_autograder`, the `chainrule` binary, `chainrule.json` (the problems
/// and the seed of their variants), `problems/NAME.nn`, the variants' expected answers
/// (`variants/NAME-answers.csv`, as `chainrule key --variants` writes them) and `roster.csv`. On
/// Gradescope, `run_autograder` runs `chainrule autograde gradescope /autograder`: the student is looked
/// up on the roster by e-mail or SID from `/autograder/submission_metadata.json`, the files in
/// `/autograder/submission/` are read as `chainrule grade` reads a student's document, and
/// `/autograder/results/results.json` gets the score and a test per question with Markdown feedback.
public enum GradescopeExport {
    /// The environment variable that moves the autograder root away from `/autograder` (for trying it).
    public static let rootVariable = "CHAINRULE_AUTOGRADER_ROOT"
    /// The configuration file in the zip.
    public static let configName = "chainrule.json"

    /// The export folder: `autograder.zip`, `README.md`, `answers-template.md`.
    public static func bundle(_ problems: [ExportProblem], roster: Roster?, binary: Data) throws(StoredZip.Failure) -> ExportBundle {
        var bundle = ExportBundle()
        bundle.add(.init("autograder.zip", data: try StoredZip.archive(autograder(problems, roster: roster, binary: binary))))
        bundle.add(.init("answers-template.md", text: template(problems)))
        bundle.add(.init("README.md", text: readme(problems, roster: roster)))
        return bundle
    }

    /// The files of the autograder zip.
    public static func autograder(_ problems: [ExportProblem], roster: Roster?, binary: Data) -> ExportBundle {
        var bundle = ExportBundle()
        bundle.add(.init("setup.sh", text: setup, executable: true))
        bundle.add(.init("run_autograder", text: runAutograder, executable: true))
        bundle.add(.init("chainrule", data: binary, executable: true))
        let seed = problems.lazy.compactMap(\.seed).first
        bundle.add(.init(configName, text: JSONValue.object([
            ("problems", .array(problems.map { .string($0.name + ".nn") })),
            ("seed", seed.map { .number(Double($0)) } ?? .null),
            ("roster", roster == nil ? .null : .string("roster.csv")),
        ]).serialized(pretty: true) + "\n"))
        for problem in problems {
            bundle.add(.init("problems/" + problem.name + ".nn", text: problem.source))
            if problem.isDrawn { bundle.add(.init("variants/" + problem.name + "-answers.csv", text: VariantAnswers.csv(problem.variants))) }
        }
        if let roster {
            let lines = ["student,variant"] + roster.entries.map { VariantAnswers.field($0.student) + "," + ($0.variant.map(String.init) ?? "") }
            bundle.add(.init("roster.csv", text: lines.joined(separator: "\n") + "\n"))
        }
        return bundle
    }

    /// `setup.sh`: the static binary needs nothing installed; it is made executable.
    static let setup = """
        #!/usr/bin/env bash
        # Written by chainrule export --to gradescope. The chainrule binary is self-contained (built with
        # --static-swift-stdlib): nothing to install.
        chmod +x /autograder/source/chainrule /autograder/source/run_autograder

        """

    /// `run_autograder`: grades with `chainrule autograde gradescope`; when that fails, still writes
    /// results saying so.
    static let runAutograder = GraderScript(
        comment: ["Written by chainrule export --to gradescope: ChainRule grades /autograder/submission/ against the",
                  "student's variant and writes /autograder/results/results.json. \(rootVariable) moves the root."],
        rootVariable: rootVariable, defaultRoot: "/autograder", binary: "$ROOT/source/chainrule", platform: "gradescope",
        fallback: .object([("score", .number(0)), ("output", .string(GraderScript.failed)), ("tests", .array([]))])).text

    /// A Markdown file for students: one heading per question, as the autograder reads them.
    static func template(_ problems: [ExportProblem]) -> String {
        var lines = ["# Answers", "",
                     "<!-- One heading per question, your answer below it. A derivative: a sum of products of partial symbols,",
                     "     dy/dc dc/dx2 + ... (or ∂y/∂c ∂c/∂x2, or LaTeX). A worked example: one line per quantity, NAME = VALUE",
                     "     (h1 = 0.5622, L = 0.2671, dL/dw11 = -0.0021, w11' = 0.2000). -->", ""]
        for problem in problems {
            for question in ClassQuestion.questions(of: problem.network, problem: problem.name) {
                lines += ["## " + question.id, "", ""]
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The README of the export.
    static func readme(_ problems: [ExportProblem], roster: Roster?) -> String {
        let drawn = problems.contains(where: \.isDrawn)
        var lines = ["# Gradescope autograder written by `chainrule export --to gradescope`", "",
                     "1. Create a **Programming Assignment** on Gradescope and upload `autograder.zip` as its autograder",
                     "   (Configure Autograder → Zip file upload; the Ubuntu base image will do).",
                     "2. Hand students their problems" + (drawn ? " (each their variant: `chainrule key PROBLEM --variants N --seed S`, as listed in `roster.csv`)" : "")
                        + " and `answers-template.md`; they submit one Markdown, LaTeX or text file with a heading per question.",
                     "3. Each submission is graded at once: a test per question with its points and feedback by path or by line.", ""]
        if drawn {
            lines += ["Students are found on `roster.csv` (\(roster?.entries.count ?? 0) students) by the e-mail or SID Gradescope gives;",
                      "a student not on it gets 0 points and a message to ask the instructor.", ""]
        }
        return lines.joined(separator: "\n")
    }
}
