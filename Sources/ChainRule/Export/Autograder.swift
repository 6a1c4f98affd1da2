/// One student's answers graded as `chainrule grade` grades a class (``ClassGrader``, the same
/// rubric and feedback), for the platforms' autograders: PrairieLearn's external grader and
/// Gradescope's `run_autograder` call it once per submission.
public struct Autograder: Sendable {
    /// The class grader for the problems.
    public let grader: ClassGrader

    /// An autograder for `problems` under `rubric`.
    public init(problems: [ClassProblem], rubric: Rubric = Rubric()) throws(ClassGrader.Failure) {
        grader = try ClassGrader(problems: problems, rubric: rubric)
    }

    /// The grade of `student` (with `variant`, or the problems' own values) for `answers`: each a
    /// question as written (`dy/dx2`, `quiz-problem-3 dy/dx2`, `Q1`) and the text handed in.
    public func grade(student: String, variant: Int?, answers: [(question: String, text: String, source: String)]) throws(ClassGrader.Failure) -> StudentGrade {
        let submissions = answers.map { Submission(student: student, question: $0.question, answer: $0.text, file: $0.source, line: 1) }
        return try grade(student: student, variant: variant, submissions: submissions)
    }

    /// The grade of `student` for `submissions` (read from one of their documents, say).
    public func grade(student: String, variant: Int?, submissions: [Submission]) throws(ClassGrader.Failure) -> StudentGrade {
        let mine = submissions.map { s in Submission(student: student, question: s.question, answer: s.answer, file: s.file, line: s.line) }
        let grades = try grader.grade(mine, roster: Roster(entries: [Roster.Entry(student: student, variant: variant)]))
        return grades.students.first ?? StudentGrade(student: student, variant: variant, submitted: false, questions: [])
    }
}
