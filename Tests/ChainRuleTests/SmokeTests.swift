import Testing
@testable import ChainRule

@Test func rationalArithmeticIsExact() {
    let a = Rational(decimal: "0.2")!, b = Rational(decimal: "0.5")!
    #expect(a.multiplied(by: b) == Rational(1, 10))
}
