import Testing
@testable import ChainRule

@Suite struct RenderSymbolNameTests {
    @Test(arguments: [
        ("x1", "x_1", "x1"),
        ("w11", "w_{11}", "w11"),
        ("yhat", #"\hat{y}"#, "ŷ"),
        ("ytilde", #"\tilde{y}"#, "ỹ"),
        ("ybar", #"\bar{y}"#, "ȳ"),
        ("alpha", #"\alpha"#, "α"),
        ("beta", #"\beta"#, "β"),
        ("eta", #"\eta"#, "η"),
        ("theta", #"\theta"#, "θ"),
        ("lambda", #"\lambda"#, "λ"),
        ("mu", #"\mu"#, "μ"),
        ("sigma", #"\sigma"#, "σ"),
        ("Delta", #"\Delta"#, "Δ"),
        ("alpha1", #"\alpha_1"#, "α1"),
        ("etahat", #"\hat{\eta}"#, "η̂"),
        ("z_h1", "z_{h_1}", "z_h1"),
        ("w_c_a", "w_{c,a}", "w_c_a"),
        ("w1_c", "w_{1,c}", "w1_c"),
        ("b_c", "b_c", "b_c"),
        ("delta_q", #"\delta_q"#, "δ_q"),
        ("w_alpha", #"w_{\alpha}"#, "w_α"),
        ("a1[2]", "a_1[2]", "a1[2]"),
        ("W[1,2]", "W[1,2]", "W[1,2]"),
        ("W1[1,2]", "W_1[1,2]", "W1[1,2]"),
        ("yhat[3]", #"\hat{y}[3]"#, "ŷ[3]"),
        ("loss", #"\mathit{loss}"#, "loss"),
        ("E", "E", "E"),
        ("hat", #"\mathit{hat}"#, "hat"),
        ("x", "x", "x"),
    ])
    func namesTypeset(name: String, latex: String, text: String) {
        let symbol = SymbolName(name)
        #expect(symbol.latex == latex)
        #expect(symbol.text == text)
    }

    @Test func structuredForm() {
        let yhat = SymbolName("yhat")
        #expect(yhat.base == .latin("y") && yhat.accent == .hat && yhat.subscripts.isEmpty)
        let z = SymbolName("z_h1")
        #expect(z.base == .latin("z"))
        #expect(z.subscripts.map(\.written) == ["h1"])
        #expect(z.subscripts[0].subscripts.map(\.base) == [.digits("1")])
        let w = SymbolName("W1[1,2]")
        #expect(w.index == ["1", "2"] && w.subscripts.map(\.written) == ["1"])
        #expect(SymbolName("delta_q").base == .greek("delta"))
    }

    @Test func componentNamesStayDistinct() {
        let names = ["a1[2]", "a12", "a_1_2", "a1_2"]
        #expect(Set(names.map { SymbolName($0).latex }).count == 3)  // a_1_2 and a1_2 both mean a_{1,2}
        #expect(SymbolName("a1[2]").latex != SymbolName("a_1_2").latex)
    }

    @Test func oddNamesNeverCrash() {
        for name in ["", "_", "_x", "x_", "h1a", "x'", "[2]", "a[", "x__1", "{}"] {
            #expect(!SymbolName(name).latex.isEmpty || name.isEmpty)
        }
        #expect(SymbolName("h1a").latex == #"\mathrm{h1a}"#)
        #expect(SymbolName("x__1").latex == "x_1")
    }

    @Test func adjointSubscript() {
        #expect(SymbolName("q").latexSubscript == "_q")
        #expect(SymbolName("x1").latexSubscript == "_{x_1}")
    }
}
