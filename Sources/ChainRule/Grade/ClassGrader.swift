import Foundation

/// Grades a whole class: every submission against the student's own variant, with a ``Rubric``
/// (the library side of `chainrule grade`).
///
/// Symbolic answers are checked by ``AnswerChecker`` (one per question: the paths do not depend on the
/// values), worked solutions by ``WorkedChecker`` on the student's variant (one per variant used).
public struct ClassGrader: Sendable {
    /// Why a class cannot be graded.
    public struct Failure: Error, Hashable, Sendable, CustomStringConvertible {
        /// The problem concerned.
        public var problem: String
        /// What went wrong.
        public var message: String
        /// `problem: message`.
        public var description: String { "\(problem): \(message)" }
    }

    /// The problems, in order.
    public let problems: [ClassProblem]
    /// The rubric.
    public let rubric: Rubric
    /// Every question, in order.
    public let questions: [ClassQuestion]
    let checkers: [ClassQuestion: AnswerChecker]
    /// Per problem with a worked question, the checker of its own values (variants reuse its symbolic parts).
    let workedBases: [String: WorkedChecker]
    /// The match keys of each question's id and label.
    let keys: [(id: String, label: String)]

    /// A grader for `problems`; throws when a question cannot be checked (too many paths, a name that
    /// is not in the network).
    public init(problems: [ClassProblem], rubric: Rubric = Rubric()) throws(Failure) {
        self.problems = problems
        self.rubric = rubric
        questions = problems.flatMap(\.questions)
        var checkers: [ClassQuestion: AnswerChecker] = [:]
        for problem in problems {
            for question in problem.questions {
                guard case .derivative(let of, let wrt) = question.kind else { continue }
                do { checkers[question] = try AnswerChecker(network: problem.network, of: of, wrt: wrt) } catch {
                    throw Failure(problem: problem.name, message: "cannot check d\(of)/d\(wrt): \(error)")
                }
            }
        }
        self.checkers = checkers
        var bases: [String: WorkedChecker] = [:]
        for problem in problems where problem.questions.contains(where: { $0.kind == .worked }) {
            bases[problem.name] = try? WorkedChecker(network: problem.network)
        }
        workedBases = bases
        keys = questions.map { (ClassQuestion.matchKey($0.id), ClassQuestion.matchKey($0.label)) }
    }

    /// The question a written name means: its id, its label when only one question has it, or its
    /// number (`Q3`, `3`, `question 3`), compared without case or spaces.
    public func question(named written: String) -> ClassQuestion? {
        let key = ClassQuestion.matchKey(written)
        if let k = keys.firstIndex(where: { $0.id == key }) { return questions[k] }
        let byLabel = keys.indices.filter { keys[$0].label == key }
        if byLabel.count == 1 { return questions[byLabel[0]] }
        for prefix in ["question", "q", ""] where key.hasPrefix(prefix) {
            if let n = Int(key.dropFirst(prefix.count)), n >= 1, n <= questions.count { return questions[n - 1] }
        }
        return nil
    }

    /// Grades `submissions`; with a roster, its students (in its order) with their variants, else every
    /// student who handed something in. Throws when a variant cannot be drawn.
    public func grade(_ submissions: [Submission], roster: Roster?) throws(Failure) -> ClassGrades {
        var byStudent: [String: [Submission]] = [:]
        var order: [String] = []
        for submission in submissions {
            if byStudent[submission.student] == nil { order.append(submission.student) }
            byStudent[submission.student, default: []].append(submission)
        }
        let entries = roster?.entries ?? order.map { Roster.Entry(student: $0, variant: nil) }
        let listed = Set(entries.map(\.student))
        let networks = try variantNetworks(upTo: entries.compactMap(\.variant).max() ?? 0)
        var workedCheckers: [String: WorkedChecker] = [:]
        var grades = ClassGrades(questions: questions, students: [], missing: [], unknownStudents: [], duplicates: [],
                                 unreadable: [], unknownQuestions: [])
        for entry in entries {
            let mine = byStudent[entry.student] ?? []
            if mine.isEmpty { grades.missing.append(entry.student) }
            var student = StudentGrade(student: entry.student, variant: entry.variant, submitted: !mine.isEmpty, questions: [])
            var answers: [ClassQuestion: [Submission]] = [:]
            for submission in mine {
                if let q = question(named: submission.question) {
                    answers[q, default: []].append(submission)
                } else {
                    student.unknownQuestions.append((submission.question, submission.source))
                    grades.unknownQuestions.append(.init(student: entry.student, question: submission.question, source: submission.source))
                }
            }
            for question in questions {
                let network = network(for: question, variant: entry.variant, variants: networks)
                let handedIn = answers[question] ?? []
                guard let last = handedIn.last else {
                    student.questions.append(QuestionGrade(question: question, status: .notAnswered, score: 0, points: rubric.points(for: question.id),
                                                           mistakes: [], feedback: ["No answer was handed in."], answer: nil, source: nil))
                    continue
                }
                var grade = self.grade(last, question: question, network: network, workedCheckers: &workedCheckers, variant: entry.variant)
                if handedIn.count > 1 {
                    let others = handedIn.dropLast().map { s in
                        (s.source, self.grade(s, question: question, network: network, workedCheckers: &workedCheckers, variant: entry.variant).score)
                    }
                    grade.duplicates = others
                    grade.feedback.insert("\(handedIn.count) answers were handed in for this question; the last (\(last.source)) is graded, the others are listed for the instructor.", at: 0)
                    grades.duplicates.append(.init(student: entry.student, question: question.id, sources: handedIn.map(\.source),
                                                   scores: others.map(\.1) + [grade.score]))
                }
                if grade.status == .unreadable {
                    grades.unreadable.append(.init(student: entry.student, question: question.id, source: last.source,
                                                   message: grade.feedback.last ?? "cannot be read"))
                }
                student.questions.append(grade)
            }
            grades.students.append(student)
        }
        for name in order where !listed.contains(name) {
            grades.unknownStudents.append(.init(student: name, sources: byStudent[name, default: []].map(\.source)))
        }
        return grades
    }

    // MARK: Variants

    /// Each problem's variants 1…`count` (empty for a problem without a seed).
    private func variantNetworks(upTo count: Int) throws(Failure) -> [String: [Network]] {
        var networks: [String: [Network]] = [:]
        for problem in problems {
            guard let seed = problem.seed, count > 0 else { continue }
            do {
                networks[problem.name] = try Variants.generate(network: problem.network, count: count, seed: seed).map(\.network)
            } catch {
                throw Failure(problem: problem.name, message: "cannot draw \(count) variants: \(error.description)")
            }
        }
        return networks
    }

    private func network(for question: ClassQuestion, variant: Int?, variants: [String: [Network]]) -> Network {
        let problem = problems.first { $0.name == question.problem }
        if let variant, let list = variants[question.problem], list.indices.contains(variant - 1) { return list[variant - 1] }
        return problem?.network ?? Network(nodes: [])
    }

    // MARK: One answer

    private func grade(_ submission: Submission, question: ClassQuestion, network: Network,
                       workedCheckers: inout [String: WorkedChecker], variant: Int?) -> QuestionGrade {
        let points = rubric.points(for: question.id)
        func unreadable(_ message: String) -> QuestionGrade {
            QuestionGrade(question: question, status: .unreadable, score: 0, points: points, mistakes: [],
                          feedback: ["The answer could not be read: \(message)"], answer: submission.answer, source: submission.source)
        }
        guard !submission.answer.allSatisfy(\.isWhitespace) else { return unreadable("it is empty") }
        switch question.kind {
        case .derivative:
            guard let checker = checkers[question] else { return unreadable("the question cannot be checked") }
            let result: CheckResult
            do { result = try checker.check(submission.answer) } catch { return unreadable("line \(error.location.line), column \(error.location.column): \(error.message)") }
            let scored = AnswerScore(result, paths: checker.expectedOrder.count, rubric: rubric)
            return QuestionGrade(question: question, status: .graded, score: scored.score, points: points, mistakes: scored.mistakes,
                                 feedback: scored.feedback, answer: submission.answer, source: submission.source)
        case .worked:
            let drawn = problems.first { $0.name == question.problem }?.seed != nil ? variant : nil
            let key = question.problem + "#" + String(drawn ?? 0)
            if workedCheckers[key] == nil {
                workedCheckers[key] = drawn == nil ? workedBases[question.problem] : try? workedBases[question.problem]?.withValues(of: network)
            }
            guard let checker = workedCheckers[key] else { return unreadable("the problem cannot be run") }
            let check = checker.check(submission.answer)
            guard !check.lines.isEmpty else {
                return unreadable(check.diagnostics.first.map { "line \($0.location.line): \($0.message)" } ?? "no line of the form NAME = VALUE")
            }
            let scored = AnswerScore(worked: check, required: AnswerScore.workedQuantities(network))
            return QuestionGrade(question: question, status: .graded, score: scored.score, points: points, mistakes: scored.mistakes,
                                 feedback: scored.feedback, answer: submission.answer, source: submission.source)
        }
    }
}
