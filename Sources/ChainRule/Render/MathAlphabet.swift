/// Letters in Unicode's Mathematical Alphanumeric Symbols (U+1D400 …), the way MathML Core writes a
/// styled letter: Chromium implements MathML Core, which honours `mathvariant` only as `normal` on a
/// single-letter `<mi>`, so `<mi mathvariant="bold">x</mi>` shows an italic x there; `<mi>𝐱</mi>`
/// shows a bold x in every browser.
enum MathAlphabet {
    /// `x` → `𝐱`, `W` → `𝐖`, `1` → `𝟏`, `δ` → `𝛅`: upright bold Latin letters, digits and Greek
    /// letters; other characters unchanged.
    static func bold(_ text: String) -> String {
        map(text, latinCapital: 0x1D400, latinSmall: 0x1D41A, greekCapital: 0x1D6A8, greekSmall: 0x1D6C2, digit: 0x1D7CE)
    }

    /// `x` → `𝒙`, `δ` → `𝜹`: bold italic Latin and Greek letters (digits upright bold); other
    /// characters unchanged.
    static func boldItalic(_ text: String) -> String {
        map(text, latinCapital: 0x1D468, latinSmall: 0x1D482, greekCapital: 0x1D71C, greekSmall: 0x1D736, digit: 0x1D7CE)
    }

    /// Each letter moved to its place in an alphabet starting at the given code points. The Latin bold
    /// and bold italic alphabets and the Greek ones (Α–Ω, α–ω, with ϴ and ς in the gaps of the basic
    /// block) have no holes, so the offset within the basic block is the offset within the alphabet.
    private static func map(_ text: String, latinCapital: UInt32, latinSmall: UInt32, greekCapital: UInt32,
                            greekSmall: UInt32, digit: UInt32) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            let v = scalar.value
            let mapped: UInt32? = switch v {
            case 0x41...0x5A: latinCapital + (v - 0x41)
            case 0x61...0x7A: latinSmall + (v - 0x61)
            case 0x391...0x3A9 where v != 0x3A2: greekCapital + (v - 0x391)
            case 0x3B1...0x3C9: greekSmall + (v - 0x3B1)
            case 0x30...0x39: digit + (v - 0x30)
            default: nil
            }
            return mapped.flatMap(Unicode.Scalar.init) ?? scalar
        }))
    }
}
