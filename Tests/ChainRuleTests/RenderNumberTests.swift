import Foundation
import Testing
@testable import ChainRule

@Suite struct RenderNumberTests {
    func exact(_ text: String) -> Number { .exact(Rational(decimal: text)!) }

    @Test func exactInputsShowAsWritten() {
        #expect(DisplayNumber.string(exact("0.5"), digits: 4) == "0.5")
        #expect(DisplayNumber.string(exact("0.24"), digits: 4) == "0.24")
        #expect(DisplayNumber.string(exact("-3"), digits: 4) == "-3")
        #expect(DisplayNumber.string(exact("0.125")) == "0.125")
        // Hand arithmetic stays exact: 0.2·0.5 + 0.4·0.1 + 0.1.
        let z = exact("0.2") * exact("0.5") + exact("0.4") * exact("0.1") + exact("0.1")
        #expect(DisplayNumber.string(z, digits: 4) == "0.24")
    }

    @Test func exactValuesNeedingMorePlacesAreRounded() {
        #expect(DisplayNumber.string(exact("0.123456"), digits: 4) == "0.1235")
        #expect(DisplayNumber.string(.exact(Rational(1, 3)!), digits: 4) == "0.3333")
        #expect(DisplayNumber.string(.exact(Rational(2, 3)!)) == "\(2.0 / 3)")
        #expect(DisplayNumber.string(exact("0.125"), digits: 2) == "0.13")  // half away from zero, exactly
        #expect(DisplayNumber.string(exact("-0.125"), digits: 2) == "-0.13")
        #expect(DisplayNumber.string(.exact(Rational(2, 3)!), digits: 0) == "1")
        #expect(DisplayNumber.string(exact("0.00001234"), digits: 4) == "0.00001234")
    }

    @Test func computedValuesKeepTrailingZeros() {
        let sigma = 1 / (1 + exp(-5.1))  // σ(5.1) ≈ 0.99394
        #expect(DisplayNumber.string(sigma, digits: 4) == String(format: "%.4f", sigma))
        let computed = 0.7 + 0.294  // 0.9940000000000001 in Double
        #expect(DisplayNumber.string(computed, digits: 4) == "0.9940")
        #expect(DisplayNumber.string(2.0, digits: 3) == "2.000")
        #expect(DisplayNumber.string(0.0, digits: 4) == "0.0000")
        #expect(DisplayNumber.string(-0.0, digits: 4) == "0.0000")
        #expect(DisplayNumber.string(-0.0) == "0")
    }

    @Test func tinyValuesKeepSignificantDigits() {
        #expect(DisplayNumber.string(-0.00003456, digits: 4) == "-0.00003456")
        #expect(DisplayNumber.string(0.00001, digits: 2) == "0.000010")
        #expect(DisplayNumber.string(-1e-60, digits: 3) == "-1.00e-60")
        for value in [-1e-9, -4e-5, -0.00004999] {
            #expect(DisplayNumber.string(value, digits: 4) != "-0.0000")
            #expect(Double(DisplayNumber.string(value, digits: 4))! < 0)
        }
    }

    @Test func shortestRoundTrip() {
        for value in [0.1, 0.24000000000000002, 1.0 / 3, -2.5, 1e-5, 1.25e-7, 123456789.125, 1e17] {
            let shown = DisplayNumber.string(value)
            #expect(Double(shown) == value)
            #expect(!shown.contains("e"))
        }
        #expect(DisplayNumber.string(2.0) == "2")
        #expect(DisplayNumber.string(1e-5) == "0.00001")
        #expect(DisplayNumber.string(1e300) == "1e300")
        #expect(DisplayNumber.string(.infinity) == "inf")
        #expect(DisplayNumber.string(-.infinity, digits: 2) == "-inf")
        #expect(DisplayNumber.string(.nan) == "nan")
    }

    @Test func exactDecimals() {
        #expect(DisplayNumber.exactDecimal(Rational(1, 8)!) == "0.125")
        #expect(DisplayNumber.exactDecimal(Rational(-1, 40)!) == "-0.025")
        #expect(DisplayNumber.exactDecimal(Rational(25, 2)!) == "12.5")
        #expect(DisplayNumber.exactDecimal(Rational(1, 3)!) == nil)
        #expect(DisplayNumber.exactDecimal(Rational(1, 4096)!) == "0.000244140625")  // 12 places
        #expect(DisplayNumber.exactDecimal(Rational(1, 8192)!) == nil)  // 13 places
        #expect(DisplayNumber(.exact(Rational(-1, 3)!)) == .fraction(negative: true, numerator: 1, denominator: 3))
    }
}
