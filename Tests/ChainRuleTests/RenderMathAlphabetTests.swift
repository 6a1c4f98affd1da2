import Testing
@testable import ChainRule

/// Bold vectors in MathML as MathML Core shows them: Unicode's mathematical bold letters, not
/// `mathvariant="bold"` (which Chromium ignores).
struct RenderMathAlphabetTests {
    /// Every letter maps to the character Unicode names as its bold (italic) form.
    @Test func lettersMapToTheirNamedMathematicalForms() {
        let latin = (0x41...0x5A).map { Unicode.Scalar($0)! } + (0x61...0x7A).map { Unicode.Scalar($0)! }
        let greek = ((0x391...0x3A9).filter { $0 != 0x3A2 } + Array(0x3B1...0x3C9)).map { Unicode.Scalar($0)! }
        func name(_ s: String) -> String { s.unicodeScalars.first?.properties.name ?? "" }
        for letter in latin + greek {
            let plain = letter.properties.name ?? ""
            // "LATIN SMALL LETTER X" → "MATHEMATICAL BOLD SMALL X"; "GREEK SMALL LETTER DELTA" → "… BOLD SMALL DELTA".
            let rest = plain.replacingOccurrences(of: "LATIN ", with: "").replacingOccurrences(of: "GREEK ", with: "")
                .replacingOccurrences(of: "LETTER ", with: "")
            #expect(name(MathAlphabet.bold(String(letter))) == "MATHEMATICAL BOLD " + rest, "\(letter)")
            #expect(name(MathAlphabet.boldItalic(String(letter))) == "MATHEMATICAL BOLD ITALIC " + rest, "\(letter)")
        }
        #expect(name(MathAlphabet.bold("1")) == "MATHEMATICAL BOLD DIGIT ONE")
        #expect(MathAlphabet.bold("(1)") == "(𝟏)")
    }

    /// The layer notation of the 4-2-3-1 network: vectors bold by character, scalars and weights not.
    @Test func vectorsAreBoldCharactersInMathML() throws {
        let derivation = try LayerDerivation(try #require(Package.network("sigmoid-4-2-3-1.nn")))
        let mathml = derivation.lines.map { line in ([line.lhs] + line.forms).map(LayerMathML().render).joined() }.joined()
        #expect(!mathml.contains(#"mathvariant="bold"#))
        for bold in ["<mi>𝐳</mi>", "<mi>𝐚</mi>", "<mi>𝐱</mi>", "<mi>𝐛</mi>", "<mi>𝜹</mi>"] {
            #expect(mathml.contains(bold), "\(bold)")
        }
        // The output z⁽³⁾ is a scalar: italic, as in LaTeX.
        #expect(mathml.contains("<mi>z</mi>") && mathml.contains("<mi>W</mi>"))
    }
}
