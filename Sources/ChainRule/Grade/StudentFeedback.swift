/// One student's feedback as Markdown: what a grader would write, per question the points, the
/// verdict and what is wrong, then anything the instructor was told about the submission.
public enum StudentFeedback {
    /// The feedback file's text.
    public static func markdown(_ student: StudentGrade) -> String {
        var out = ["# Feedback for \(student.student)", ""]
        if let variant = student.variant { out += ["Variant \(variant).", ""] }
        guard student.submitted else {
            return (out + ["No submission was received: 0 of \(ClassReport.number(student.maximum)) points.", ""]).joined(separator: "\n")
        }
        out += ["**Total: \(ClassReport.number(student.total)) of \(ClassReport.number(student.maximum)) points.**", ""]
        for grade in student.questions {
            out.append("## \(grade.question.id): \(ClassReport.number(grade.earned)) of \(ClassReport.number(grade.points))")
            out.append("")
            if let answer = grade.answer, grade.status != .notAnswered {
                out += ["Your answer" + (grade.source.map { " (\($0))" } ?? "") + ":", "", "```"] + answer.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) + ["```", ""]
            }
            out += grade.feedback.map { "- " + $0 }
            for other in grade.duplicates {
                out.append("- Also handed in (\(other.source)), not graded: it would score \(ClassReport.number(other.score * grade.points)).")
            }
            if grade.status == .unreadable { out.append("- An instructor will look at this answer.") }
            out.append("")
        }
        for unknown in student.unknownQuestions {
            out.append("- An answer to '\(unknown.question)' (\(unknown.source)) matches no question of the assignment; an instructor will look at it.")
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// A file name for the student: letters, digits, `-`, `_` and `.` kept, anything else `_`.
    public static func fileName(_ student: String) -> String {
        let kept = student.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") ? $0 : "_" }
        let name = String(kept).trimmingCharacters(in: ".")
        return (name.isEmpty ? "student" : name) + ".md"
    }
}

extension String {
    fileprivate func trimmingCharacters(in character: Character) -> String {
        String(drop { $0 == character }.reversed().drop { $0 == character }.reversed())
    }
}

extension StudentFeedback {
    /// A distinct file name per student, in order (`-2`, `-3`, … added where two names sanitize alike).
    public static func fileNames(_ students: [String]) -> [String] {
        var used = Set<String>()
        return students.map { student in
            let base = fileName(student)
            var name = base, k = 1
            while !used.insert(name.lowercased()).inserted {
                k += 1
                name = String(base.dropLast(3)) + "-\(k).md"
            }
            return name
        }
    }
}
