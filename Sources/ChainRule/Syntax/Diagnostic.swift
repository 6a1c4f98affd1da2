/// A problem found in user input, tied to the place it was found.
///
/// Every stage reports bad input as diagnostics (data, never a crash); the command-line tool prints
/// them as `FILE:LINE:COL: error: MESSAGE`, the offending line and a caret (``formatted(file:source:)``).
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    /// How serious the problem is.
    public enum Severity: String, Hashable, Sendable {
        /// The input cannot be used.
        case error
        /// The input is usable but probably not what was meant.
        case warning
        /// Extra information attached to an error (for example the other end of a cycle).
        case note
    }

    /// Where the problem is.
    public var location: SourceLocation
    /// How serious it is.
    public var severity: Severity
    /// One sentence saying what is wrong (and, where it helps, what was expected).
    public var message: String

    /// Creates a diagnostic.
    public init(_ severity: Severity = .error, at location: SourceLocation, _ message: String) {
        self.location = location
        self.severity = severity
        self.message = message
    }

    /// `LINE:COL: error: MESSAGE`.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }

    /// The compiler-style report: `FILE:LINE:COL: error: MESSAGE`, then the source line and a caret
    /// under the column.
    public func formatted(file: String, source: String) -> String {
        var report = "\(file):\(location.line):\(location.column): \(severity.rawValue): \(message)"
        let lines = source.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        if location.line >= 1, location.line <= lines.count {
            let text = lines[location.line - 1].replacingTabs()
            let caretColumn = max(1, min(location.column, text.count + 1))
            report += "\n" + text + "\n" + String(repeating: " ", count: caretColumn - 1) + "^"
        }
        return report
    }
}

extension Substring {
    fileprivate func replacingTabs() -> String {
        String(map { $0 == "\t" ? " " : $0 })
    }
}
