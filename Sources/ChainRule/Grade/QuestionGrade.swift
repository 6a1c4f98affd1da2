/// One student's grade on one question: the score, the mistakes by name and the feedback in words.
public struct QuestionGrade: Hashable, Sendable {
    /// How the question fared.
    public enum Status: String, Hashable, Sendable {
        /// An answer was read and scored.
        case graded
        /// The answer could not be read: it scores 0 and is listed for a human.
        case unreadable
        /// No answer was handed in for the question.
        case notAnswered = "not answered"
    }

    /// The question.
    public var question: ClassQuestion
    /// How it fared.
    public var status: Status
    /// The fraction of the points earned, from 0 to 1.
    public var score: Double
    /// What the question is worth.
    public var points: Double
    /// The mistakes, by name (`missed path x1 → b → d → y`), each once.
    public var mistakes: [String]
    /// What a grader would write, line by line.
    public var feedback: [String]
    /// The answer graded (the last one handed in when there were several).
    public var answer: String?
    /// Where the answer graded was read (`FILE:LINE`).
    public var source: String?
    /// Every other answer handed in for the same question, with the score it would have earned.
    public var duplicates: [(source: String, score: Double)] = []

    /// Creates a grade.
    public init(question: ClassQuestion, status: Status, score: Double, points: Double, mistakes: [String],
                feedback: [String], answer: String?, source: String?) {
        self.question = question
        self.status = status
        self.score = score
        self.points = points
        self.mistakes = mistakes
        self.feedback = feedback
        self.answer = answer
        self.source = source
    }

    /// The points earned.
    public var earned: Double { score * points }

    /// Whether it earned full credit.
    public var isRight: Bool { status == .graded && score >= 1 - 1e-12 }

    /// Grades compare by value (duplicates by source and score).
    public static func == (a: QuestionGrade, b: QuestionGrade) -> Bool {
        a.question == b.question && a.status == b.status && a.score == b.score && a.points == b.points
            && a.mistakes == b.mistakes && a.feedback == b.feedback && a.answer == b.answer && a.source == b.source
            && a.duplicates.map(\.source) == b.duplicates.map(\.source) && a.duplicates.map(\.score) == b.duplicates.map(\.score)
    }

    /// Hashes what ``==`` compares, less the duplicates.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(question)
        hasher.combine(status)
        hasher.combine(score)
        hasher.combine(source)
    }
}

/// One student's grades on every question.
public struct StudentGrade: Hashable, Sendable {
    /// The student.
    public var student: String
    /// The variant the student was given (`nil`: the problems' own values).
    public var variant: Int?
    /// Whether the student handed in anything.
    public var submitted: Bool
    /// One grade per question, in question order.
    public var questions: [QuestionGrade]
    /// Answers to questions the assignment does not have, as written, with their sources.
    public var unknownQuestions: [(question: String, source: String)] = []

    /// Creates a student's grades.
    public init(student: String, variant: Int?, submitted: Bool, questions: [QuestionGrade]) {
        self.student = student
        self.variant = variant
        self.submitted = submitted
        self.questions = questions
    }

    /// The points earned in all.
    public var total: Double { questions.reduce(0) { $0 + $1.earned } }

    /// The points there were to earn.
    public var maximum: Double { questions.reduce(0) { $0 + $1.points } }

    /// Compares by value.
    public static func == (a: StudentGrade, b: StudentGrade) -> Bool {
        a.student == b.student && a.variant == b.variant && a.submitted == b.submitted && a.questions == b.questions
            && a.unknownQuestions.map(\.question) == b.unknownQuestions.map(\.question)
    }

    /// Hashes the student and the grades.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(student)
        hasher.combine(questions)
    }
}
