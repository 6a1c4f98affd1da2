import Foundation

/// A rough estimate of how wide LaTeX math source typesets, in points at 11pt, so that long
/// equations can be broken before pdflatex reports an overfull line. It errs on the wide side.
enum LaTeXWidth {
    /// The estimated width of `latex` (math mode, display style).
    static func of(_ latex: String) -> Double {
        var scanner = Scanner(characters: Array(latex))
        return scanner.width(until: nil, scale: 1)
    }

    private static let glyph: [Character: Double] = [
        "+": 13, "-": 13, "=": 15, "<": 15, ">": 15, "(": 4.5, ")": 4.5, "[": 3.5, "]": 3.5, ".": 3,
        ",": 5, "'": 3, "/": 5.5, "|": 3, "&": 0, " ": 0, "~": 4, ":": 6, ";": 5, "!": 3.5,
    ]

    private static let commands: [String: Double] = [
        "partial": 6, "cdot": 8, "times": 13, "leftarrow": 17, "to": 17, "quad": 11, "qquad": 22,
        ",": 2, ":": 2.5, ";": 3, " ": 4, "top": 8, "infty": 11, "in": 12, "le": 15, "ge": 15, "approx": 15,
        "lvert": 3, "rvert": 3, "big": 0, "Big": 0, "bigl": 0, "bigr": 0, "textstyle": 0, "displaystyle": 0,
        "sum": 12, "prod": 12, "log": 17, "exp": 18, "tanh": 24, "max": 22, "min": 20, "mathrm": 0,
        "{": 5.5, "}": 5.5, "backslash": 5.5, "dots": 15, "ldots": 15, "cdots": 15, "neq": 15, "odot": 12,
    ]

    private struct Scanner {
        let characters: [Character]
        var position = 0

        init(characters: [Character]) { self.characters = characters }

        var atEnd: Bool { position >= characters.count }

        /// Widths up to `end` (a closing brace) or the end of input.
        mutating func width(until end: Character?, scale: Double) -> Double {
            var total = 0.0
            while !atEnd {
                let c = characters[position]
                if c == end { position += 1; return total }
                position += 1
                switch c {
                case "{": total += width(until: "}", scale: scale)
                case "_", "^": total += argument(scale: scale * (scale < 1 ? 0.8 : 0.72))
                case "\\": total += command(scale: scale)
                default:
                    if let w = LaTeXWidth.glyph[c] { total += w * scale }
                    else if c.isNumber { total += 5.5 * scale }
                    else { total += 6 * scale }
                }
            }
            return total
        }

        /// One argument: a braced group or a single character or command.
        mutating func argument(scale: Double) -> Double {
            skipSpaces()
            guard !atEnd else { return 0 }
            let c = characters[position]
            position += 1
            if c == "{" { return width(until: "}", scale: scale) }
            if c == "\\" { return command(scale: scale) }
            return (LaTeXWidth.glyph[c] ?? (c.isNumber ? 5.5 : 6)) * scale
        }

        /// A braced group read as raw text.
        mutating func rawGroup() -> String {
            skipSpaces()
            guard !atEnd, characters[position] == "{" else { return "" }
            var depth = 0, text = ""
            while !atEnd {
                let c = characters[position]
                position += 1
                if c == "{" { depth += 1; if depth == 1 { continue } }
                if c == "}" { depth -= 1; if depth == 0 { break } }
                text.append(c)
            }
            return text
        }

        mutating func skipSpaces() {
            while !atEnd, characters[position] == " " { position += 1 }
        }

        /// The width of a command after its backslash.
        mutating func command(scale: Double) -> Double {
            guard !atEnd else { return 0 }
            var name = ""
            while !atEnd, characters[position].isLetter { name.append(characters[position]); position += 1 }
            if name.isEmpty {
                let c = characters[position]
                position += 1
                return c == "\\" ? 0 : (LaTeXWidth.commands[String(c)] ?? 5) * scale
            }
            switch name {
            case "frac", "dfrac", "tfrac":
                let top = argument(scale: scale), bottom = argument(scale: scale)
                return max(top, bottom) + 2.5 * scale
            case "left", "right":
                skipSpaces()
                if !atEnd { position += 1 }
                return 5 * scale
            case "hat", "tilde", "bar", "mathit", "mathbf", "boldsymbol", "mathcal":
                return argument(scale: scale)
            case "mathbb": return argument(scale: scale) * 1.2
            case "operatorname", "text", "textbf", "mathrm", "emph", "textit":
                return Double(rawGroup().count) * 6 * scale
            case "begin":
                let environment = rawGroup()
                return self.environment(environment, scale: scale)
            case "end":
                _ = rawGroup()
                return 0
            default:
                return (LaTeXWidth.commands[name] ?? 7) * scale
            }
        }

        /// A matrix (columns side by side) or an aligned block (the widest row).
        mutating func environment(_ name: String, scale: Double) -> Double {
            let body = rawBody(name)
            let rows = body.components(separatedBy: "\\\\")
            let cells = rows.map { $0.split(separator: "&", omittingEmptySubsequences: false).map { LaTeXWidth.of(String($0)) * scale } }
            if name.hasSuffix("matrix") {
                let columns = cells.map(\.count).max() ?? 0
                let widths = (0..<columns).map { k in cells.map { $0.indices.contains(k) ? $0[k] : 0 }.max() ?? 0 }
                return widths.reduce(0, +) + Double(max(columns - 1, 0)) * 11 * scale + 14 * scale
            }
            return cells.map { $0.reduce(0, +) }.max() ?? 0
        }

        /// The source up to the matching `\end{name}`, consumed.
        mutating func rawBody(_ name: String) -> String {
            let closing = Array("\\end{" + name + "}")
            var depth = 0, text = ""
            let opening = Array("\\begin{" + name + "}")
            while !atEnd {
                if characters[position...].starts(with: opening) { depth += 1 }
                if characters[position...].starts(with: closing) {
                    if depth == 0 { position += closing.count; return text }
                    depth -= 1
                }
                text.append(characters[position])
                position += 1
            }
            return text
        }
    }
}
