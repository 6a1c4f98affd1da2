import Foundation
import Testing
@testable import ChainRule

/// The one display rule for numbers (``DisplayNumber``): significant digits, scientific below 10⁻³ and
/// from 10⁶ up, updates that show their change, exports without float noise.
@Suite struct RenderNumberRuleTests {
    func exact(_ text: String) -> Number { .exact(Rational(decimal: text)!) }

    @Test func exactValuesNeedingMoreDigitsAreRounded() {
        #expect(DisplayNumber.string(exact("0.123456"), digits: 4) == "0.1235")
        #expect(DisplayNumber.string(.exact(Rational(1, 3)!), digits: 4) == "0.3333")
        #expect(DisplayNumber.string(exact("0.125"), digits: 2) == "0.13")  // half away from zero, exactly
        #expect(DisplayNumber.string(exact("-0.125"), digits: 2) == "-0.13")
        #expect(DisplayNumber.string(exact("12.345"), digits: 4) == "12.35")
        #expect(DisplayNumber.string(exact("0.00001234"), digits: 4) == "1.234e-05")
    }

    /// `digits` significant digits, trailing zeros kept, scientific below 10⁻³ and from 10⁶.
    @Test func significantDigitsEverywhere() {
        let sigma = 1 / (1 + exp(-5.1))  // σ(5.1) ≈ 0.99394
        #expect(DisplayNumber.string(sigma, digits: 4) == String(format: "%.4f", sigma))
        #expect(DisplayNumber.string(0.7 + 0.294, digits: 4) == "0.9940")  // 0.9940000000000001 in Double
        #expect(DisplayNumber.string(2.0, digits: 3) == "2.00")
        #expect(DisplayNumber.string(1.1781, digits: 4) == "1.178")
        #expect(DisplayNumber.string(12.3456, digits: 4) == "12.35")
        #expect(DisplayNumber.string(-0.04119, digits: 4) == "-0.04119")
        #expect(DisplayNumber.string(0.0012346, digits: 4) == "0.001235")
        #expect(DisplayNumber.string(123456.7, digits: 4) == "123457")
        #expect(DisplayNumber.string(0.99996, digits: 4) == "1.000")  // rounding up does not add a digit
        #expect(DisplayNumber.string(0.0, digits: 4) == "0")
        #expect(DisplayNumber.string(-0.0, digits: 4) == "0")
        // Every shown value is within half a unit of its last digit, and below 10⁶ has exactly `digits` digits.
        var generator = SplitMix64(seed: 12)
        for _ in 0..<500 {
            let value = Double.random(in: -1...1, using: &generator) * pow(10, Double(Int.random(in: -8...9, using: &generator)))
            guard value != 0 else { continue }
            for digits in 2...6 {
                let shown = DisplayNumber.string(value, digits: digits)
                let (mantissa, exponent) = DisplayNumber.scientificParts(shown)
                let magnitude = abs(value)
                if magnitude < 1e-3 { #expect(exponent != nil, "\(value) → \(shown)") }
                if magnitude >= 1e-3 && magnitude < 9e5 { #expect(exponent == nil, "\(value) → \(shown)") }
                let significant = mantissa.filter(\.isNumber).drop { $0 == "0" }
                // Whole numbers of more digits keep them all (123457); others show exactly `digits` (1.000 after rounding up).
                if magnitude < pow(10, Double(digits - 1)) { #expect(significant.count == digits, "\(value) → \(shown)") }
                let unit = pow(10, floor(log10(magnitude)) - Double(digits - 1))
                #expect(abs(Double(shown)! - value) <= 0.5 * unit * 1.000001 + (magnitude >= 1e3 ? 1 : 0), "\(value) → \(shown)")
            }
        }
    }

    @Test func tinyAndHugeValuesAreScientificInEveryFormat() {
        #expect(DisplayNumber.string(-0.00003456, digits: 4) == "-3.456e-05")
        #expect(DisplayNumber.string(0.00001, digits: 2) == "1.0e-05")
        #expect(DisplayNumber.string(2.5e7, digits: 4) == "2.500e+07")
        #expect(TextPrinter(digits: 4).number(.real(-4.119e-5)) == "−4.119×10⁻⁵")
        #expect(TextPrinter(digits: 4).number(.real(2.5e7)) == "2.500×10⁷")
        #expect(LaTeXPrinter(digits: 4).number(.real(-4.119e-5)) == "-4.119 \\times 10^{-5}")
        #expect(MathMLPrinter(digits: 4).number(.real(4.119e-5))
                == "<mrow><mn>4.119</mn><mo>×</mo><msup><mn>10</mn><mrow><mo>−</mo><mn>5</mn></mrow></msup></mrow>")
    }

    /// An update whose change is below the shown precision shows enough digits to differ.
    @Test func updatesShowTheirChange() throws {
        #expect(DisplayNumber.digits(showingChangeFrom: 0.1, to: 0.1 + 6.4e-6, digits: 4) == 5)  // 0.10001
        #expect(DisplayNumber.digits(showingChangeFrom: 0.1, to: 0.1 + 4.0e-6, digits: 4) == 6)  // 0.100004
        #expect(DisplayNumber.digits(showingChangeFrom: 0.2, to: 0.2005, digits: 4) == 4)
        #expect(DisplayNumber.digits(showingChangeFrom: 0.5, to: 0.5, digits: 4) == nil)
        // In the worked example of 004 the updates of W1 change it by about 10⁻⁵: no line shows old = new.
        let network = try #require(Package.network("perceptron.nn"))
        var slow = network
        slow.rate = .exact(Rational(decimal: "0.0001")!)
        for net in [network, slow] {
            let runtime = try Runtime(net)
            let example = WorkedExample(runtime.train(from: try Point(network: net)), runtime: runtime)
            let text = WorkedExampleText(digits: 4).render(example)
            var updates = 0
            for line in text.split(separator: "\n") where line.contains("←") {
                let parts = line.components(separatedBy: " = ")
                guard parts.count == 3, let old = parts[1].components(separatedBy: " − ").first else { continue }
                updates += 1
                #expect(Double(old.trimmingCharacters(in: .whitespaces)) != Double(parts[2]), "\(line)")
            }
            #expect(updates == 3)
        }
    }

    /// Reports and worked examples never write `e` notation or a decimal below 10⁻³ (both are ×10 style).
    @Test func noOutputMixesStyles() throws {
        for name in ["sigmoid-4-2-3-1.nn", "example-3-bce.nn"] {
            for command in ["verify", "run"] {
                let output = try Package.run([command, "Problems/" + name]).out
                #expect(output.range(of: #"[0-9]e[-+][0-9]"#, options: .regularExpression) == nil, "\(command) \(name)")
                #expect(output.range(of: #"(^|[^0-9.])0\.000[0-9]"#, options: .regularExpression) == nil, "\(command) \(name): a decimal below 10⁻³")
            }
        }
        let key = KeyLaTeX.document(KeyDocument(kind: .key, title: "t", sections: [AnswerKey.section(try #require(Package.network("sigmoid-4-2-3-1.nn")))]))
        #expect(key.range(of: #"[0-9]e[-+][0-9]"#, options: .regularExpression) == nil)
        #expect(key.range(of: #"(^|[^0-9.])0\.000[0-9]"#, options: .regularExpression) == nil)
    }

    /// Exports keep 12 significant digits as the shortest decimal: no float noise.
    @Test func exportsHaveNoFloatNoise() {
        #expect(DisplayNumber.export(0.1 + 0.27) == "0.37")
        #expect(DisplayNumber.export(0.8 * -0.1 + 1 * 0.2 + -0.07) == "0.05")
        #expect(DisplayNumber.export(1.0 / 3) == "0.333333333333")
        var generator = SplitMix64(seed: 5)
        for _ in 0..<200 {
            let value = Double.random(in: -10...10, using: &generator)
            let text = DisplayNumber.export(value)
            #expect(abs(Double(text)! - value) <= abs(value) * 5e-12, "\(value) → \(text)")
        }
    }

    /// The variants CSV of 002 Example 3 holds no number with float noise (a run of 0s or 9s).
    @Test func variantsCSVHasNoFloatNoise() throws {
        let network = try #require(Package.network("example-3-bce.nn"))
        let variants = try Variants.generate(network: network, count: 20, seed: 1)
        let csv = VariantAnswers.csv(variants)
        #expect(csv.range(of: #"(0000000|9999999)[0-9]"#, options: .regularExpression) == nil)
        #expect(csv.split(separator: "\n").count == 21)
    }
}
