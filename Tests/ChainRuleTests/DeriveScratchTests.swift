import Testing
@testable import ChainRule
@Test func deriveScratch() throws {
    let t = TextPrinter()
    for (file, qs) in [("regression-1-5-1.nn", [("E", "v1"), ("E", "c"), ("E", "w1"), ("E", "b1"), ("E", "z_h1"), ("E", "yhat")]),
                       ("example-3-bce.nn", [("L", "z_yhat"), ("L", "w11"), ("L", "v1")]),
                       ("perceptron.nn", [("L", "w1")])] {
        let n = try #require(Package.network(file))
        for (of, wrt) in qs {
            let d = try n.derivation(of: of, wrt: wrt)
            let lp = LocalPartials(graph: d.graph, unitSums: n.unitSums)
            let f = d.factored()
            let v = NodeValues(graph: d.graph).flatMap { $0.value(of: f, partials: lp) }
            print(of, wrt, t.render(f), "=", t.render(lp.plugging(into: f)), v ?? .nan)
        }
    }
    let src = """
    input h1, h2
    p = softmax([[w11, w12], [w21, w22], [w31, w32]] [h1, h2])
    """
    _ = src
}
