import Testing
@testable import ChainRule

@Suite("Algebra: terms over a common denominator")
struct AlgebraDenominatorTests {
    let y = Expr.symbol("y"), p = Expr.symbol("yhat")

    @Test func termsSharingADenominatorAreWrittenOverItOnce() {
        let oneMinusP = Expr.sum([.one, .product([.integer(-1), p])])
        let expanded = Expr.sum([
            .power(oneMinusP, .integer(-1)),
            .product([.integer(-1), y, .power(p, .integer(-1))]),
            .product([.integer(-1), y, .power(oneMinusP, .integer(-1))]),
        ])
        let collected = expanded.collectedOverDenominators
        #expect(TextPrinter().render(collected) == "(1 − y)/(1 − ŷ) − y/ŷ")
        for (yv, pv) in [(0.3, 0.8), (1.0, 0.25), (0.0, 0.6)] {
            let values = ["y": yv, "yhat": pv]
            let a = try? expanded.evaluate(at: values).get(), b = try? collected.evaluate(at: values).get()
            #expect(a != nil && abs((a ?? 0) - (b ?? 1)) < 1e-12, "the value is unchanged")
        }
    }

    @Test func sumsWithoutSharedDenominatorsStayAsTheyAre() {
        let sum = Expr.sum([p, .product([.integer(-1), y])])
        #expect(sum.collectedOverDenominators == sum)
        let single = Expr.sum([.product([y, .power(p, .integer(-1))]), .one])
        #expect(single.collectedOverDenominators == single)
    }

    @Test func theCrossEntropyDerivativeReadsAsInTheTextbook() throws {
        let network = try #require(Package.network("example-3-bce.nn"))
        let derivation = try network.derivation(of: "L", wrt: "yhat")
        let partials = LocalPartials(graph: derivation.graph, unitSums: network.unitSums)
        #expect(TextPrinter().render(partials.plugging(into: derivation.factored())) == "(1 − y)/(1 − ŷ) − y/ŷ")
    }
}
