extension ClassGrades {
    /// What `chainrule grade` says on the terminal when it is done: how many students and questions
    /// were graded into `folder`, then each student or answer a person should look at (handed in
    /// nothing, not on the roster, several answers, unreadable, unknown question).
    ///
    /// ```
    /// chainrule grade: graded 30 students on 5 questions into out/ (grades.csv, feedback/, report.html, report.json)
    ///   handed in nothing: s07
    /// ```
    public func summary(folder: String) -> String {
        let grades = self
        var lines = ["chainrule grade: graded \(grades.students.count) student\(grades.students.count == 1 ? "" : "s") on \(grades.questions.count) question\(grades.questions.count == 1 ? "" : "s") into \(folder)/ (grades.csv, feedback/, report.html, report.json)"]
        if !grades.missing.isEmpty { lines.append("  handed in nothing: " + grades.missing.joined(separator: ", ")) }
        for unknown in grades.unknownStudents { lines.append("  not on the roster (not graded): \(unknown.student) (\(unknown.sources.joined(separator: ", ")))") }
        for duplicate in grades.duplicates { lines.append("  several answers: \(duplicate.student), \(duplicate.question) (\(duplicate.sources.joined(separator: ", ")); the last graded)") }
        for item in grades.unreadable { lines.append("  unreadable (scored 0): \(item.student), \(item.question) (\(item.source))") }
        for item in grades.unknownQuestions { lines.append("  unknown question: \(item.student), '\(item.question)' (\(item.source))") }
        return lines.joined(separator: "\n")
    }
}
