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
