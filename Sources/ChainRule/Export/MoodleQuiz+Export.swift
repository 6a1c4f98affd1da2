extension MoodleQuiz {
    /// The quiz of the problems `chainrule export` reads: each with its drawn variants, or its own
    /// values (``ExportProblem/variants`` numbers those 0).
    public init(_ problems: [ExportProblem]) {
        self.init(problems: problems.map { Problem(name: $0.name, network: $0.network, variants: $0.variants.filter { $0.number > 0 }) })
    }

    /// The export folder: `quiz.xml`, and a `README.md` saying where to import it, what it holds and
    /// what was left out.
    public var bundle: ExportBundle {
        var bundle = ExportBundle()
        bundle.add(ExportBundle.File("quiz.xml", text: xml))
        bundle.add(ExportBundle.File("README.md", text: readme))
        return bundle
    }

    /// The folder's README.
    var readme: String {
        var lines = ["# ChainRule questions for Moodle", "",
                     "Import `quiz.xml` in Moodle: **Question bank → Import → Moodle XML format**, choose the file, Import.",
                     "The questions land in the categories `ChainRule/<problem>` of the course's question bank.", "",
                     "- **Cloze** (embedded answers, built into Moodle): the numbers of the worked example of each variant, one box per number,",
                     "  graded to the digits the answer key shows (half a unit of the last digit); very small or large values are asked as",
                     "  the number in front of a power of ten, because Moodle compares answers absolutely.",
                     "- **STACK** (needs the STACK question type, qtype_stack, with its Maxima back end): each `find dA/dB` as a sum of",
                     "  products of edge partials, typed as `d_y_d_c` for ∂y/∂c; the response tree scores it by paths and names every",
                     "  missing, repeated and extra path. Run STACK's question tests (two per question) after importing.", "",
                     "| problem | Cloze | STACK |", "| --- | --- | --- |"]
        lines += sections.map { "| \($0.problem) | \($0.clozes.count) | \($0.stacks.count) |" }
        let notes = sections.flatMap { section in section.notes.map { "- \(section.problem): " + $0 } }
        if !notes.isEmpty { lines += ["", "Left out:", ""] + notes }
        return lines.joined(separator: "\n") + "\n"
    }
}
