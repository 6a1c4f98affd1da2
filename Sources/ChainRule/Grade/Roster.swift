/// The class list: every student, in order, with the variant number each was given (`chainrule key
/// --variants N --seed S` numbers them from 1), or none when everyone has the problems' own values.
public struct Roster: Hashable, Sendable {
    /// One student.
    public struct Entry: Hashable, Sendable {
        /// The student's name or id, as submissions write it.
        public var student: String
        /// The variant handed to the student; `nil` for the problems' own values.
        public var variant: Int?

        /// Creates an entry.
        public init(student: String, variant: Int?) {
            self.student = student
            self.variant = variant
        }
    }

    /// The students, in the roster's order.
    public var entries: [Entry]

    /// Creates a roster.
    public init(entries: [Entry]) { self.entries = entries }

    /// Reads a roster CSV: a header naming a `student` column (or `name`, `id`) and optionally a
    /// `variant` column (whole numbers from 1; empty for none); other columns are ignored. A student
    /// listed twice is an error.
    public static func csv(_ text: String) throws(Diagnostic) -> Roster {
        let rows = try CSVTable.rows(text)
        guard let header = rows.first else { throw Diagnostic(at: SourceLocation(line: 1, column: 1), "empty roster: expected a header 'student,variant'") }
        let names = header.fields.map { $0.trimmingSpaces.lowercased() }
        guard let s = names.firstIndex(where: { ["student", "name", "id", "student id"].contains($0) }) else {
            throw Diagnostic(at: SourceLocation(line: header.line, column: 1), "the roster's header must name a student column (got \(header.fields.joined(separator: ",")))")
        }
        let v = names.firstIndex(of: "variant")
        var entries: [Entry] = [], seen: [String: Int] = [:]
        for row in rows.dropFirst() {
            guard row.fields.count == names.count else {
                throw Diagnostic(at: SourceLocation(line: row.line, column: 1), "expected \(names.count) fields, got \(row.fields.count)")
            }
            let student = row.fields[s].trimmingSpaces
            guard !student.isEmpty else { throw Diagnostic(at: SourceLocation(line: row.line, column: 1), "a row without a student") }
            if let earlier = seen[student] {
                throw Diagnostic(at: SourceLocation(line: row.line, column: 1), "'\(student)' is listed twice (first on line \(earlier))")
            }
            seen[student] = row.line
            var variant: Int?
            if let v, !row.fields[v].trimmingSpaces.isEmpty {
                guard let k = Int(row.fields[v].trimmingSpaces), k >= 1, k <= 100_000 else {
                    throw Diagnostic(at: SourceLocation(line: row.line, column: 1), "the variant must be a whole number from 1 to 100000, got '\(row.fields[v])'")
                }
                variant = k
            }
            entries.append(Entry(student: student, variant: variant))
        }
        return Roster(entries: entries)
    }
}
