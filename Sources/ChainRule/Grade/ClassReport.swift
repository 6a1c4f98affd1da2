import Foundation

/// The class's numbers, computed once for `report.json`, `report.html` and `grades.csv`: the
/// distribution of totals, per question the share right and the most common mistakes, and the lists a
/// human should look at. Shares are over the students who handed something in.
public struct ClassReport: Sendable {
    /// One bar of the histogram: totals from `from` % up to `to` % (the last bar includes 100 %).
    public struct Bin: Hashable, Sendable {
        /// The lower bound, in percent.
        public var from: Int
        /// The upper bound, in percent.
        public var to: Int
        /// How many students.
        public var count: Int
    }

    /// A mistake made on a question, with how many students made it and one anonymous example.
    public struct Mistake: Hashable, Sendable {
        /// The mistake by name (`missed path x1 → b → d → y`).
        public var name: String
        /// How many students made it.
        public var count: Int
        /// Their share of the students who handed something in.
        public var share: Double
        /// One answer that makes it (no name attached).
        public var example: String
    }

    /// One question's numbers.
    public struct Question: Hashable, Sendable {
        /// The question's id.
        public var id: String
        /// What it is worth.
        public var points: Double
        /// How many students answered it.
        public var answered: Int
        /// How many earned full credit.
        public var right: Int
        /// Their share of the students who handed something in.
        public var shareRight: Double
        /// The mean score (fraction of the points) over the students who handed something in.
        public var meanScore: Double
        /// The most common mistakes, most common first (at most ``ClassReport/mistakeLimit``).
        public var mistakes: [Mistake]
    }

    /// How many mistakes per question the report lists.
    public static let mistakeLimit = 10
    /// The histogram's bar width in percent.
    public static let binWidth = 10

    /// The grades reported on.
    public let grades: ClassGrades
    /// The totals in percent of the maximum, of the students who handed something in.
    public let percents: [Double]
    /// The histogram of ``percents``.
    public let bins: [Bin]
    /// Per question.
    public let questions: [Question]

    /// The report on `grades`.
    public init(_ grades: ClassGrades) {
        self.grades = grades
        let present = grades.submitted
        let percents = present.map { $0.maximum > 0 ? 100 * $0.total / $0.maximum : 0 }
        self.percents = percents
        bins = stride(from: 0, to: 100, by: ClassReport.binWidth).map { from in
            let to = from + ClassReport.binWidth
            return Bin(from: from, to: to, count: percents.filter { $0 >= Double(from) - 1e-9 && ($0 < Double(to) - 1e-9 || (to == 100)) }.count)
        }
        let n = max(present.count, 1)
        questions = grades.questions.enumerated().map { k, question in
            let answers = present.map { $0.questions[k] }
            var counts: [String: Int] = [:], examples: [String: String] = [:], order: [String] = []
            for answer in answers {
                for name in answer.mistakes {
                    if counts[name] == nil { order.append(name); examples[name] = answer.answer ?? "" }
                    counts[name, default: 0] += 1
                }
            }
            let mistakes = order.enumerated().sorted { (counts[$0.element]!, -$0.offset) > (counts[$1.element]!, -$1.offset) }
                .prefix(ClassReport.mistakeLimit)
                .map { Mistake(name: $0.element, count: counts[$0.element] ?? 0, share: Double(counts[$0.element] ?? 0) / Double(n), example: examples[$0.element] ?? "") }
            let right = answers.filter(\.isRight).count
            return Question(id: question.id, points: answers.first?.points ?? 1, answered: answers.filter { $0.status != .notAnswered }.count,
                            right: right, shareRight: Double(right) / Double(n),
                            meanScore: answers.reduce(0) { $0 + $1.score } / Double(n), mistakes: Array(mistakes))
        }
    }

    /// The mean total in percent (0 with nobody).
    public var meanPercent: Double { percents.isEmpty ? 0 : percents.reduce(0, +) / Double(percents.count) }

    /// The median total in percent (0 with nobody).
    public var medianPercent: Double {
        let sorted = percents.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    /// A score for display: at most 4 decimals, no trailing zeros.
    public static func number(_ value: Double) -> String {
        var text = String(format: "%.4f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// A share as a whole percent (`31 %`).
    public static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded())) %" }

    /// `grades.csv`: a row per student (roster order) with the variant, the points per question, the
    /// total and a note (no submission, duplicates, unreadable answers, unknown questions).
    public var gradesCSV: String {
        var lines = [CSVTable.line(["student", "variant"] + grades.questions.map(\.id) + ["total", "maximum", "note"])]
        for student in grades.students {
            var notes: [String] = []
            if !student.submitted { notes.append("no submission") }
            let duplicated = student.questions.filter { !$0.duplicates.isEmpty }.count
            if duplicated > 0 { notes.append("several answers to \(duplicated) question\(duplicated == 1 ? "" : "s") (the last graded)") }
            let unreadable = student.questions.filter { $0.status == .unreadable }.count
            if unreadable > 0 { notes.append("\(unreadable) unreadable answer\(unreadable == 1 ? "" : "s")") }
            if !student.unknownQuestions.isEmpty { notes.append("\(student.unknownQuestions.count) answer(s) to unknown questions") }
            lines.append(CSVTable.line([student.student, student.variant.map(String.init) ?? ""]
                + student.questions.map { ClassReport.number($0.earned) }
                + [ClassReport.number(student.total), ClassReport.number(student.maximum), notes.joined(separator: "; ")]))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
