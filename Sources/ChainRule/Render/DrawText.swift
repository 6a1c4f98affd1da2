import Foundation

/// A short label of a drawing (`x₁`, `w₁₁ = 0.2`, `a₁ ∈ ℝ³`) as runs of text on the baseline, in
/// subscript or in superscript, so that every drawing format can typeset it its own way.
///
/// Names go through ``SymbolName``, the one place that decides how names look.
public struct DrawText: Hashable, Sendable {
    /// Where a run sits.
    public enum Level: Int, Hashable, Sendable {
        /// On the baseline.
        case base = 0
        /// Lowered and smaller.
        case sub = 1
        /// Raised and smaller.
        case sup = -1
    }

    /// A stretch of text at one level.
    public struct Run: Hashable, Sendable {
        /// The characters.
        public var text: String
        /// Baseline, subscript or superscript.
        public var level: Level
    }

    /// The runs, in order.
    public var runs: [Run]
    /// The same text as LaTeX math (without `$`).
    public var latex: String

    /// Creates a label from runs and their LaTeX.
    public init(runs: [Run], latex: String) {
        self.runs = runs.filter { !$0.text.isEmpty }
        self.latex = latex
    }

    /// Plain text on the baseline; its LaTeX is `\text{…}`-free math (digits, signs, dots).
    public init(plain text: String, latex: String? = nil) {
        self.init(runs: [Run(text: text, level: .base)], latex: latex ?? text)
    }

    /// A name as the course writes it: `x1` → x with subscript 1, `yhat` → ŷ, `w_c_a` → w with
    /// subscript c,a, `a1[2]` → a with subscript 1, then [2].
    public init(name: String) {
        let symbol = SymbolName(name)
        var runs = [Run(text: DrawText.glyph(symbol), level: .base)]
        if !symbol.subscripts.isEmpty {
            runs.append(Run(text: symbol.subscripts.map(DrawText.flat).joined(separator: ","), level: .sub))
        }
        if !symbol.index.isEmpty { runs.append(Run(text: "[" + symbol.index.joined(separator: ",") + "]", level: .base)) }
        self.init(runs: runs, latex: symbol.latex)
    }

    /// `self` followed by `other`.
    public static func + (lhs: DrawText, rhs: DrawText) -> DrawText {
        DrawText(runs: lhs.runs + rhs.runs, latex: lhs.latex + rhs.latex)
    }

    /// The set a value of `shape` lives in: `∈ ℝ³`, `∈ ℝ^{4×2}`.
    public static func space(_ shape: Shape) -> DrawText {
        let dims = shape.dimensions.map(String.init)
        return DrawText(runs: [Run(text: "∈ ℝ", level: .base), Run(text: dims.joined(separator: "×"), level: .sup)],
                        latex: "\\in\\mathbb{R}" + (dims.isEmpty ? "" : "^{" + dims.joined(separator: "\\times ") + "}"))
    }

    /// One line of Unicode: subscripts and superscripts as Unicode characters where every character
    /// has one (x₁, w₁₁), otherwise `_{…}` and `^{…}` (w_{c,a}).
    public var unicode: String {
        runs.map { run in
            switch run.level {
            case .base: run.text
            case .sub: DrawText.map(run.text, DrawText.subscripts) ?? "_{" + run.text + "}"
            case .sup: DrawText.map(run.text, DrawText.superscripts) ?? "^{" + run.text + "}"
            }
        }.joined()
    }

    /// Whether ``unicode`` needed no `_{…}` or `^{…}` fallback.
    public var isPlainUnicode: Bool {
        runs.allSatisfy { run in
            switch run.level {
            case .base: true
            case .sub: DrawText.map(run.text, DrawText.subscripts) != nil
            case .sup: DrawText.map(run.text, DrawText.superscripts) != nil
            }
        }
    }

    /// The approximate width in ems (subscripts and superscripts at 70 %).
    public var width: Double {
        runs.reduce(0) { total, run in
            let glyphs = run.text.reduce(0.0) { $0 + DrawText.advance($1) }
            return total + glyphs * (run.level == .base ? 1 : 0.7)
        }
    }

    // MARK: Parts

    /// The base glyph with its accent precomposed where Unicode has one (ŷ).
    private static func glyph(_ symbol: SymbolName) -> String {
        var text: String
        switch symbol.base {
        case .latin(let s), .digits(let s), .verbatim(let s): text = s
        case .greek(let name): text = SymbolName.greek[name].map { String($0) } ?? name
        }
        if let accent = symbol.accent {
            text += ["hat": "\u{0302}", "tilde": "\u{0303}", "bar": "\u{0304}"][accent.rawValue] ?? ""
        }
        return text.precomposedStringWithCanonicalMapping
    }

    /// A subscript name flattened to one line: `h1` → `h1`, `c` → `c`.
    private static func flat(_ symbol: SymbolName) -> String {
        glyph(symbol) + symbol.subscripts.map(flat).joined(separator: ",")
            + (symbol.index.isEmpty ? "" : "[" + symbol.index.joined(separator: ",") + "]")
    }

    private static func map(_ text: String, _ table: [Character: Character]) -> String? {
        var result = ""
        for c in text {
            guard let mapped = table[c] else { return nil }
            result.append(mapped)
        }
        return result
    }

    private static let subscripts: [Character: Character] = Dictionary(uniqueKeysWithValues: zip(
        "0123456789+-=()aehijklmnoprstuvx", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ"))

    private static let superscripts: [Character: Character] = Dictionary(uniqueKeysWithValues: zip(
        "0123456789+-=()n", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿ"))

    /// A rough advance width in ems (DejaVu's, among the widest of common faces).
    private static func advance(_ c: Character) -> Double {
        if c == " " { return 0.32 }
        if "il.,:;|'!".contains(c) { return 0.34 }
        if "[]()".contains(c) { return 0.4 }
        if "mwMW".contains(c) { return 0.9 }
        if c.isUppercase { return 0.74 }
        return 0.64
    }
}
