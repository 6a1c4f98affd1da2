import Foundation

/// The Unicode spellings of lecture notes and PDFs that the `.nn` language reads as their ASCII forms.
///
/// Symbols: `−` (U+2212) is `-`, `·` and `×` are `*`, `⊙` (or `.*`) is the elementwise product, `ᵀ` is
/// the transpose `^T`. Inside names: subscript digits are digits (`W₁` is `W1`), Greek letters are
/// their names (`λ` is `lambda`, `π` is `pi`, `σ` is `sigma`), and a letter with a hat, tilde or bar
/// is the letter followed by `hat`, `tilde` or `bar` (`ŷ` is `yhat`).
enum UnicodeSpelling {
    /// The canonical symbol of a punctuation character written in its Unicode form.
    static let symbols: [Character: Unicode.Scalar] = [
        "−": "-", "–": "-", "·": "*", "×": "*", "⋅": "*", "∗": "*", "⊙": "⊙", "∘": "⊙", "ᵀ": "ᵀ",
    ]

    /// Greek letters by their names, as the `.nn` language and every printer spell them.
    static let greekNames: [String: Character] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "zeta": "ζ", "eta": "η",
        "theta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π",
        "rho": "ρ", "sigma": "σ", "tau": "τ", "upsilon": "υ", "phi": "φ", "chi": "χ", "psi": "ψ",
        "omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π",
        "Sigma": "Σ", "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
    ]

    /// The name of each Greek letter (`λ` → `lambda`); `ϵ`, `ϑ`, `ϕ` and `ς` are their common forms.
    static let greekLetters: [Character: String] = {
        var letters = Dictionary(uniqueKeysWithValues: greekNames.map { ($1, $0) })
        letters["ϵ"] = "epsilon"
        letters["ϑ"] = "theta"
        letters["ϕ"] = "phi"
        letters["ς"] = "sigma"
        return letters
    }()

    /// `₀`…`₉` → `0`…`9`.
    static func subscriptDigit(_ c: Character) -> Character? {
        guard let scalar = c.unicodeScalars.first, c.unicodeScalars.count == 1,
              (0x2080...0x2089).contains(scalar.value) else { return nil }
        return Character(Unicode.Scalar(scalar.value - 0x2080 + 48) ?? "0")
    }

    /// Whether `c` may continue a name although it is not a letter (a subscript digit).
    static func continuesName(_ c: Character) -> Bool { subscriptDigit(c) != nil }

    /// Whether `c` ends a name although it is a letter (`ᵀ` after `W` is a transpose).
    static func endsName(_ c: Character) -> Bool { c == "ᵀ" }

    /// A name's characters in their ASCII spelling (`W₁` → `W1`, `ŷ` → `yhat`, `λ` → `lambda`).
    static func asciiName<S: Sequence>(_ characters: S) -> String where S.Element == Character {
        var name = ""
        for c in characters {
            if c.isASCII { name.append(c) }
            else if let digit = subscriptDigit(c) { name.append(digit) }
            else if let greek = greekLetters[c] { name += greek }
            else if let accented = accented(c) { name += accented }
            else { name.append(c) }
        }
        return name
    }

    /// `ŷ` → `yhat`, `x̃` → `xtilde`, `x̄` → `xbar`: an ASCII letter with one combining accent.
    private static func accented(_ c: Character) -> String? {
        let scalars = Array(String(c).decomposedStringWithCanonicalMapping.unicodeScalars)
        guard scalars.count == 2, scalars[0].isASCII, Character(scalars[0]).isLetter else { return nil }
        let accent: String
        switch scalars[1].value {
        case 0x0302: accent = "hat"
        case 0x0303: accent = "tilde"
        case 0x0304, 0x0305: accent = "bar"
        default: return nil
        }
        return String(Character(scalars[0])) + accent
    }
}
