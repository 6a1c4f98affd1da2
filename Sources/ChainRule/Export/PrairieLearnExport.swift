import Foundation

/// A PrairieLearn export: a course-shaped folder to merge into a course repository.
///
/// - `questions/NAME/`: the numbers and plugged-in derivatives (``PrairieLearnQuestion``);
/// - `questions/NAME-chain-rule/`: the chain-rule answers, graded by ChainRule (``PrairieLearnChainRuleQuestion``);
/// - `serverFilesCourse/chainrule/`: the grader, the `chainrule` binary and its `run` script;
/// - `README.md`: what to copy where.
public enum PrairieLearnExport {
    /// The bundle for `problems`; `binary` is the `chainrule` executable the grader runs (a
    /// self-contained build: `swift build -c release --static-swift-stdlib`).
    public static func bundle(_ problems: [ExportProblem], binary: Data) -> ExportBundle {
        var bundle = ExportBundle()
        var folders: [String] = []
        var graded = false
        for problem in problems {
            let numbers = PrairieLearnQuestion(problem)
            if !numbers.isEmpty {
                bundle.add(numbers.files, under: "questions/" + problem.name)
                folders.append(problem.name)
            }
            let chain = PrairieLearnChainRuleQuestion(problem)
            if !chain.isEmpty {
                bundle.add(chain.files, under: "questions/" + chain.folderName)
                folders.append(chain.folderName)
                graded = true
            }
        }
        if graded {
            bundle.add(.init("serverFilesCourse/chainrule/run", text: runScript, executable: true))
            bundle.add(.init("serverFilesCourse/chainrule/chainrule", data: binary, executable: true))
        }
        bundle.add(.init("README.md", text: readme(folders, graded: graded)))
        return bundle
    }

    /// The environment variable that moves the grading root away from `/grade` (for trying the grader).
    public static let rootVariable = "CHAINRULE_GRADE_ROOT"

    /// The external grader's entry point: runs `chainrule autograde prairielearn` on the grading root;
    /// when that fails, still writes a `results.json` saying the submission could not be graded.
    public static let runScript = GraderScript(
        comment: ["PrairieLearn external grader written by chainrule export --to prairielearn: ChainRule grades the",
                  "chain-rule answers in /grade/data/data.json against the problem in /grade/tests/ and writes",
                  "/grade/results/results.json. \(rootVariable) moves the root (for trying it outside the container)."],
        rootVariable: rootVariable, defaultRoot: "/grade", binary: "$HERE/chainrule", platform: "prairielearn",
        fallback: .object([("gradable", .bool(false)), ("format_errors", .array([.string(GraderScript.failed)]))])).text

    /// The README of the export.
    static func readme(_ folders: [String], graded: Bool) -> String {
        var lines = ["# PrairieLearn questions written by `chainrule export --to prairielearn`", "",
                     "Copy each folder of `questions/` into your course's `questions/` folder"
                        + (graded ? ", and `serverFilesCourse/chainrule/` into your course's `serverFilesCourse/`." : "."),
                     "Then add the questions to an assessment by their folder names:", ""]
        lines += folders.map { "- `\($0)`" }
        lines += ["", "A `NAME` question asks the numbers (compared to the key's digits as significant digits) and the derivatives",
                  "with their local derivatives written out; `generate()` in its `server.py` gives each student one variant.",
                  "A `NAME-chain-rule` question asks each derivative as a sum of products of partial symbols; it is graded",
                  "externally by ChainRule (`serverFilesCourse/chainrule/run`), which names each missing, repeated or extra path.", ""]
        return lines.joined(separator: "\n")
    }
}
