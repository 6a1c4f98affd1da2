/// One answer handed in: who, to which question (as written), the text, and where it was read.
public struct Submission: Hashable, Sendable {
    /// The student, as written.
    public var student: String
    /// The question, as written (`quiz-problem-3 dy/dx2`, `dy/dx2`, `Q3`).
    public var question: String
    /// The answer's text.
    public var answer: String
    /// The file it was read from.
    public var file: String
    /// The line of the file the answer starts on.
    public var line: Int

    /// Creates a submission.
    public init(student: String, question: String, answer: String, file: String, line: Int) {
        self.student = student
        self.question = question
        self.answer = answer
        self.file = file
        self.line = line
    }

    /// `FILE:LINE`, for reports.
    public var source: String { "\(file):\(line)" }

    /// Reads an LMS export: a CSV with a header naming the columns `student`, `question` and `answer`
    /// (in any order, any case; `name` or `id` for the student), one row per answer; answers may span
    /// lines inside quotes.
    public static func csv(_ text: String, file: String) throws(Diagnostic) -> [Submission] {
        let rows = try CSVTable.rows(text)
        guard let header = rows.first else { throw Diagnostic(at: SourceLocation(line: 1, column: 1), "empty submissions file: expected a header 'student,question,answer'") }
        let names = header.fields.map { $0.trimmingSpaces.lowercased() }
        func column(_ options: [String]) -> Int? { names.firstIndex { options.contains($0) } }
        guard let s = column(["student", "name", "id", "student id"]), let q = column(["question"]), let a = column(["answer", "response"]) else {
            throw Diagnostic(at: SourceLocation(line: header.line, column: 1), "the header must name the columns student, question and answer (got \(header.fields.joined(separator: ",")))")
        }
        var submissions: [Submission] = []
        for row in rows.dropFirst() {
            guard row.fields.count == names.count else {
                throw Diagnostic(at: SourceLocation(line: row.line, column: 1), "expected \(names.count) fields, got \(row.fields.count)")
            }
            // An answer in quotes starts on the row's line (a multi-line answer's own lines follow).
            submissions.append(Submission(student: row.fields[s].trimmingSpaces, question: row.fields[q].trimmingSpaces,
                                          answer: row.fields[a], file: file, line: row.line))
        }
        return submissions
    }

    /// Reads one student's document (Markdown or LaTeX): questions marked by headings (`## dy/dx2`,
    /// `\section*{dy/dx2}`; the heading names the question), or, without headings, answers separated by
    /// lines of `---`, taken as the questions in order (`Q1`, `Q2`, …). Text before the first heading
    /// (a name, a title) is not an answer.
    public static func document(_ text: String, student: String, file: String) -> [Submission] {
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        // LaTeX: the document ends at \end{document}; the preamble's lines are not answers.
        if let end = lines.firstIndex(where: { $0.trimmingSpaces == "\\end{document}" }) { lines = Array(lines[..<end]) }
        for k in lines.indices where isPreamble(lines[k]) { lines[k] = "" }
        let headings = lines.indices.compactMap { k in heading(lines[k]).map { (k, $0) } }
        guard !headings.isEmpty else {
            return AnswerParser.split(lines.joined(separator: "\n")).enumerated().map { k, part in
                Submission(student: student, question: "Q\(k + 1)", answer: part.text, file: file, line: part.line)
            }
        }
        return headings.enumerated().compactMap { n, entry in
            let (k, title) = entry
            let end = n + 1 < headings.count ? headings[n + 1].0 : lines.count
            var body = Array(lines[(k + 1)..<end])
            var first = k + 2
            while let line = body.first, line.allSatisfy(\.isWhitespace) { body.removeFirst(); first += 1 }
            while let line = body.last, line.allSatisfy(\.isWhitespace) || isRule(line) { body.removeLast() }
            return Submission(student: student, question: title, answer: body.joined(separator: "\n"), file: file, line: first)
        }
    }

    /// The title of a Markdown heading or a LaTeX sectioning command, if the line is one.
    static func heading(_ line: String) -> String? {
        let t = line.trimmingSpaces
        if t.hasPrefix("#") {
            let hashes = t.prefix { $0 == "#" }
            guard hashes.count <= 6, t.dropFirst(hashes.count).first == " " else { return nil }
            return t.dropFirst(hashes.count).trimmingSpaces
        }
        for command in ["\\section", "\\subsection", "\\subsubsection", "\\paragraph"] where t.hasPrefix(command) {
            var rest = t.dropFirst(command.count)
            if rest.first == "*" { rest = rest.dropFirst() }
            guard rest.first == "{", let close = rest.lastIndex(of: "}") else { return nil }
            return rest[rest.index(after: rest.startIndex)..<close].trimmingSpaces
        }
        return nil
    }

    /// A LaTeX line that sets up the document rather than answering (`\documentclass`, `\usepackage`,
    /// `\begin{document}`, `\maketitle`, `\title`, `\author`, `\date`).
    static func isPreamble(_ line: String) -> Bool {
        let t = line.trimmingSpaces
        return ["\\documentclass", "\\usepackage", "\\begin{document}", "\\maketitle", "\\title{", "\\author{", "\\date{"].contains { t.hasPrefix($0) }
    }

    /// A line of three or more dashes only (a Markdown rule between answers).
    static func isRule(_ line: String) -> Bool {
        let t = line.trimmingSpaces
        return t.count >= 3 && t.allSatisfy { $0 == "-" }
    }
}
