/// How a name from a `.nn` file looks when typeset, shared by every printer.
///
/// A name is `head(_part)*` optionally followed by a component index `[i]` or `[i,j]`:
/// - the head's trailing digits become a subscript: `x1` → x₁, `w11` → w₁₁;
/// - each `_part` adds a subscript, itself read as a name: `b_c` → b_c, `z_h1` → z_{h_1},
///   `w_c_a` → w_{c,a}, `w1_c` → w_{1,c};
/// - a trailing `hat`, `tilde` or `bar` on a one-letter or Greek head is an accent: `yhat` → ŷ;
/// - Greek letter names become Greek letters: `alpha` → α, `delta_q` → δ_q, `Delta` → Δ;
/// - other multi-letter words stay one italic word: `loss` → \mathit{loss};
/// - a component index stays in brackets after the typeset name, as in the file: `a1[2]` → a_1[2],
///   `W[1,2]` → W[1,2]. Brackets keep `a1[2]` distinct from `a12` and `a_1_2`.
///
/// ``latex`` gives LaTeX; ``text`` keeps the name as written apart from Greek letters and accents
/// (`x1` stays `x1`, `yhat` → `ŷ`); the stored parts (``base``, ``accent``, ``subscripts``,
/// ``index``) are the structured form for other printers such as MathML.
public struct SymbolName: Hashable, Sendable {
    /// The main glyph(s) of a name.
    public enum Base: Hashable, Sendable {
        /// Latin letters: one letter (`x`) or a word (`loss`).
        case latin(String)
        /// A Greek letter by its LaTeX name (`alpha`, `Delta`).
        case greek(String)
        /// A run of digits (only as a subscript: the `11` of `w11`).
        case digits(String)
        /// Anything else, shown as written.
        case verbatim(String)
    }

    /// An accent over the base.
    public enum Accent: String, Hashable, Sendable, CaseIterable {
        /// ŷ, `\hat{y}`.
        case hat
        /// ỹ, `\tilde{y}`.
        case tilde
        /// ȳ, `\bar{y}`.
        case bar
    }

    /// The name as written.
    public let written: String
    /// The main glyph(s).
    public let base: Base
    /// The accent over the base, if any.
    public let accent: Accent?
    /// Subscripts in order: the head's digits first, then each `_part`.
    public let subscripts: [SymbolName]
    /// The component index as written inside the brackets (`["1", "2"]` for `W[1,2]`), or empty.
    public let index: [String]

    /// Reads a name.
    public init(_ name: String) {
        written = name
        var rest = Substring(name)
        var index: [String] = []
        if rest.hasSuffix("]"), let open = rest.firstIndex(of: "["), open != rest.startIndex {
            index = rest[rest.index(after: open)..<rest.index(before: rest.endIndex)]
                .split(separator: ",", omittingEmptySubsequences: false)
                .map { String($0.filter { $0 != " " }) }
            rest = rest[..<open]
        }
        self.index = index
        let parts = rest.split(separator: "_")
        guard let head = parts.first, !rest.hasPrefix("_") else {
            (base, accent, subscripts) = (.verbatim(String(rest)), nil, [])
            return
        }
        let letters = head.prefix { $0.isASCII && $0.isLetter }
        let digits = head.dropFirst(letters.count)
        if !digits.allSatisfy({ $0.isASCII && $0.isNumber }) {
            (base, accent) = (.verbatim(String(head)), nil)
            subscripts = parts.dropFirst().map { SymbolName(String($0)) }
            return
        }
        (base, accent) = letters.isEmpty ? (.digits(String(digits)), nil) : SymbolName.glyph(String(letters))
        let own = letters.isEmpty || digits.isEmpty ? [] : [SymbolName(String(digits))]
        subscripts = own + parts.dropFirst().map { SymbolName(String($0)) }
    }

    /// LaTeX (math mode): `x_1`, `w_{11}`, `\hat{y}`, `z_{h_1}`, `\delta_q`, `a_1[2]`.
    public var latex: String {
        var result = SymbolName.latex(base)
        if let accent { result = "\\\(accent.rawValue){\(result)}" }
        if !subscripts.isEmpty {
            let sub = subscripts.map(\.latex).joined(separator: ",")
            result += sub.count == 1 ? "_" + sub : "_{" + sub + "}"
        }
        if !index.isEmpty { result += "[" + index.joined(separator: ",") + "]" }
        return result
    }

    /// Unicode plain text: the name as written with Greek letters and accents (`x1`, `ŷ`, `δ_q`).
    public var text: String {
        guard !index.isEmpty, let open = written.firstIndex(of: "[") else {
            return written.split(separator: "_", omittingEmptySubsequences: false)
                .map { SymbolName.textPart($0) }.joined(separator: "_")
        }
        return SymbolName(String(written[..<open])).text + written[open...]
    }

    /// This name as a LaTeX subscript of something else: `_q` for `q`, `_{x_1}` for `x1` (for δ_q).
    public var latexSubscript: String {
        let inner = latex
        return inner.count == 1 ? "_" + inner : "_{" + inner + "}"
    }

    // MARK: Parts

    /// Greek letter names with their Unicode letters (`eta` is checked as a whole word, never as the
    /// tail of `beta`).
    static let greek: [String: Character] = UnicodeSpelling.greekNames

    /// The base and accent of a run of letters.
    private static func glyph(_ letters: String) -> (Base, Accent?) {
        for accent in Accent.allCases where letters.hasSuffix(accent.rawValue) {
            let stem = String(letters.dropLast(accent.rawValue.count))
            if stem.count == 1 { return (.latin(stem), accent) }
            if greek[stem] != nil { return (.greek(stem), accent) }
        }
        return (greek[letters] != nil ? .greek(letters) : .latin(letters), nil)
    }

    private static func latex(_ base: Base) -> String {
        switch base {
        case .latin(let s): s.count == 1 ? s : "\\mathit{\(s)}"
        case .greek(let s): "\\" + s
        case .digits(let s): s
        case .verbatim(let s): "\\mathrm{\(escaped(s))}"
        }
    }

    /// One `_`-separated part as text: a Greek or accented head replaced, the rest kept.
    private static func textPart(_ part: Substring) -> String {
        let letters = part.prefix { $0.isASCII && $0.isLetter }
        let tail = part.dropFirst(letters.count)
        guard !letters.isEmpty, tail.allSatisfy({ $0.isASCII && $0.isNumber }) else { return String(part) }
        let (base, accent) = glyph(String(letters))
        var head: String
        switch base {
        case .greek(let name): head = greek[name].map { String($0) } ?? name
        case .latin(let s), .digits(let s), .verbatim(let s): head = s
        }
        if let accent {
            head += ["hat": "\u{0302}", "tilde": "\u{0303}", "bar": "\u{0304}"][accent.rawValue] ?? ""
        }
        return head + tail
    }

    private static func escaped(_ s: String) -> String {
        var result = ""
        for c in s {
            switch c {
            case "\\": result += "\\backslash "
            case "{", "}", "$", "&", "#", "%": result += "\\" + String(c)
            case "^": result += "\\hat{}"
            case "~": result += "\\sim "
            default: result.append(c)
            }
        }
        return result
    }
}
