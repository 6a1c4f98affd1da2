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

    /// How many characters of a source line a report shows at most: a longer line is cut to a window
    /// around the caret, marked with `…` at the cut ends. A message longer than this is shortened too.
    public static let maxShownWidth = 160

    /// The compiler-style report: `FILE:LINE:COL: error: MESSAGE`, then the source line (or a window of
    /// ``maxShownWidth`` characters around the column, for a long line) and a caret under the column.
    public func formatted(file: String, source: String) -> String {
        let limit = Diagnostic.maxShownWidth
        let said = message.count <= 2 * limit ? message : String(message.prefix(limit)) + "…" + String(message.suffix(limit / 4))
        var report = "\(file):\(location.line):\(location.column): \(severity.rawValue): \(said)"
        let lines = source.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        if location.line >= 1, location.line <= lines.count {
            var text = lines[location.line - 1].replacingTabs()
            var caretColumn = max(1, min(location.column, text.count + 1))
            if text.count > limit {
                let characters = Array(text)
                let start = max(0, min(caretColumn - 1 - limit / 2, characters.count - limit))
                let end = min(characters.count, start + limit)
                text = (start > 0 ? "…" : "") + String(characters[start..<end]) + (end < characters.count ? "…" : "")
                caretColumn += (start > 0 ? 1 : 0) - start
            }
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
