/// Escaping plain text (titles, comments, notes) for LaTeX, including the Unicode a course writes
/// (→, ·, ŷ, Greek letters), so that pdflatex never meets a character it cannot typeset.
public enum LaTeXText {
    private static let replacements: [Character: String] = [
        "\\": "\\textbackslash{}", "{": "\\{", "}": "\\}", "$": "\\$", "&": "\\&", "#": "\\#",
        "%": "\\%", "_": "\\_", "^": "\\^{}", "~": "\\~{}", "<": "\\textless{}", ">": "\\textgreater{}",
        "→": "$\\to$", "←": "$\\leftarrow$", "·": "$\\cdot$", "×": "$\\times$", "−": "$-$", "–": "--", "—": "---",
        "≈": "$\\approx$", "≤": "$\\le$", "≥": "$\\ge$", "∈": "$\\in$", "ℝ": "$\\mathbb{R}$", "∂": "$\\partial$",
        "Σ": "$\\Sigma$", "σ": "$\\sigma$", "δ": "$\\delta$", "η": "$\\eta$", "α": "$\\alpha$", "ŷ": "$\\hat{y}$",
        "ᵀ": "$^{\\top}$", "⊙": "$\\odot$", "′": "$'$", "½": "$\\frac{1}{2}$", "²": "$^2$", "³": "$^3$",
        "“": "``", "”": "''", "‘": "`", "’": "'", "…": "\\dots{}", "≠": "$\\neq$", "∇": "$\\nabla$",
    ]

    /// The text with LaTeX's special characters escaped, straight double quotes turned into opening
    /// and closing quotes, and other non-ASCII characters written as commands (or a `?` when there is
    /// none).
    public static func escape(_ text: String) -> String {
        var result = ""
        var quoteOpen = false
        for character in text {
            if character == "\"" {
                result += quoteOpen ? "''" : "``"
                quoteOpen.toggle()
            } else if let replacement = replacements[character] {
                result += replacement
            } else if character.isASCII {
                result.append(character)
            } else if let subscriptDigit = "₀₁₂₃₄₅₆₇₈₉".firstIndex(of: character) {
                result += "$_{\("₀₁₂₃₄₅₆₇₈₉".distance(from: "₀₁₂₃₄₅₆₇₈₉".startIndex, to: subscriptDigit))}$"
            } else {
                result += "?"
            }
        }
        return result
    }
}
