/// A whole class graded: every student's grades and everything a human should look at — students who
/// handed in nothing, submissions from students not on the roster, answers handed in twice, answers
/// that could not be read, answers to questions the assignment does not have.
public struct ClassGrades: Sendable {
    /// Submissions of a student not on the roster (not graded: the student's variant is unknown).
    public struct UnknownStudent: Hashable, Sendable {
        /// The student, as written.
        public var student: String
        /// Where each of the student's answers was read.
        public var sources: [String]
    }

    /// Several answers from one student to one question.
    public struct Duplicate: Hashable, Sendable {
        /// The student.
        public var student: String
        /// The question's id.
        public var question: String
        /// Where each answer was read, in order; the last is the one graded.
        public var sources: [String]
        /// The score each would earn, in the same order.
        public var scores: [Double]
    }

    /// An answer that could not be read.
    public struct Unreadable: Hashable, Sendable {
        /// The student.
        public var student: String
        /// The question's id.
        public var question: String
        /// Where it was read.
        public var source: String
        /// Why it could not be read.
        public var message: String
    }

    /// An answer to a question the assignment does not have.
    public struct UnknownQuestion: Hashable, Sendable {
        /// The student.
        public var student: String
        /// The question, as written.
        public var question: String
        /// Where it was read.
        public var source: String
    }

    /// The questions, in order (problems in the order given, each `find` in file order, then `worked`).
    public var questions: [ClassQuestion]
    /// Every student graded: the roster's, in its order (or, without a roster, every student who
    /// handed something in, in order of appearance).
    public var students: [StudentGrade]
    /// Roster students who handed in nothing (also in ``students``, with 0 points).
    public var missing: [String]
    /// Submissions from students not on the roster.
    public var unknownStudents: [UnknownStudent]
    /// Questions answered more than once by the same student.
    public var duplicates: [Duplicate]
    /// Answers that could not be read.
    public var unreadable: [Unreadable]
    /// Answers to questions the assignment does not have.
    public var unknownQuestions: [UnknownQuestion]

    /// The students who handed something in.
    public var submitted: [StudentGrade] { students.filter(\.submitted) }
}
