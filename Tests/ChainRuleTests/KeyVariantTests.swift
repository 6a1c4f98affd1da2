import Foundation
import Testing
@testable import ChainRule

/// Problem variants: draws from the declared ranges, redraws at kinks and saturation, rebuilding one
/// variant on its own, and the grader's CSV.
@Suite("Key: variants")
struct KeyVariantTests {
    static func network(_ source: String) throws -> Network { try Network.parse(source).get() }

    @Test func valuesComeFromTheRangesAndTheRestStays() throws {
        let network = try #require(Package.network("example-3-bce.nn"))
        #expect(network["w11"]?.value == Tensor(.exact(Rational(1, 5)!)) && network["w11"]?.range != nil)
        let variants = try Variants.generate(network: network, count: 30, seed: 4)
        #expect(variants.map(\.number) == Array(1...30))
        for variant in variants {
            let w11 = try #require(variant.network["w11"]?.value?.entries.first?.rational)
            #expect(w11 >= Rational(-1)! && w11 <= Rational(1)!)
            #expect((w11.multiplied(by: Rational(10)!))?.isInteger == true, "on the 0.1 grid, exactly")
            #expect([Number(0), Number(1)].contains(try #require(variant.network["y"]?.value?.entries.first)))
            #expect(variant.network["L"] != nil && variant.network.rate == network.rate)
            #expect(variant.network.nodes.allSatisfy { $0.range == nil })
        }
        #expect(Set(variants.map { $0.drawnValues.map(\.value) }).count == 30)
    }

    @Test func variantKIsTheSameAlone() throws {
        let network = try #require(Package.network("example-3-bce.nn"))
        let all = try Variants.generate(network: network, count: 12, seed: 99)
        let seventh = try Variants.variant(7, of: network, seed: 99)
        #expect(seventh == all[6])
        #expect(try Variants.generate(network: network, count: 12, seed: 100) != all)
    }

    @Test func drawsAtAKinkAreRedrawn() throws {
        // z = w x is 0 whenever x = 0: only x = ±1 are acceptable.
        let network = try Self.network("input x in {-1, 0, 1}\nh = relu(w x)\nparam w = 1\ntarget y = 1\nloss L = 1/2 (h - y)^2\n")
        let variants = try Variants.generate(network: network, count: 2, seed: 1)
        #expect(Set(variants.compactMap { $0.network["x"]?.value?.entries.first }) == [Number(-1), Number(1)])
        #expect(throws: Variants.Failure.noGoodDraw(variant: 3, attempts: Variants.attemptLimit)) {
            try Variants.generate(network: network, count: 3, seed: 1)
        }
    }

    @Test func saturatingSigmoidsAreRedrawn() throws {
        let network = try Self.network("input x = 1\nh = sigmoid(w x)\nparam w in [-10, 10] step 1\ntarget y = 1\nloss L = 1/2 (h - y)^2\n")
        let variants = try Variants.generate(network: network, count: 13, seed: 5)
        let drawn = variants.compactMap { $0.network["w"]?.value?.entries.first?.doubleValue }
        #expect(drawn.count == 13 && drawn.allSatisfy { abs($0) <= 6 })
        #expect(throws: Variants.Failure.tooFew(possible: 3, asked: 4)) {
            try Variants.generate(network: try Self.network("input x in {1, 2, 3}\nh = sigmoid(x)\n"), count: 4, seed: 1)
        }
        #expect(throws: Variants.Failure.noRanges) { try Variants.generate(network: try #require(Package.network("perceptron.nn")), count: 1, seed: 1) }
    }

    @Test func csvHasEveryExpectedNumber() throws {
        let network = try #require(Package.network("example-3-bce.nn"))
        let variants = try Variants.generate(network: network, count: 3, seed: 2)
        let csv = VariantAnswers.csv(variants)
        let rows = csv.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        #expect(rows.count == 4)
        let header = rows[0]
        for column in ["variant", "x1", "w11", "y", "h1", "z_yhat", "L", "dL/dw11", "dL/dc", "w11 updated", "find dL/dz_yhat", "find dL/dw11"] {
            #expect(header.contains(column), "\(column)")
        }
        // Row 2 against a recomputation from the drawn values.
        let v = variants[1].network
        func value(_ name: String) throws -> Double { try #require(v[name]?.value?.entries.first?.doubleValue) }
        let h1 = KeyRows.sigmoid(try value("w11") * value("x1") + value("w12") * value("x2") + value("b1"))
        let h2 = KeyRows.sigmoid(try value("w21") * value("x1") + value("w22") * value("x2") + value("b2"))
        let yhat = KeyRows.sigmoid(try value("v1") * h1 + value("v2") * h2 + value("c"))
        let y = try value("y")
        let expected: [String: Double] = [
            "h1": h1, "yhat": yhat, "L": -y * log(yhat) - (1 - y) * log(1 - yhat), "find dL/dz_yhat": yhat - y,
            "dL/dw11": try (yhat - y) * value("v1") * h1 * (1 - h1) * value("x1"),
            "c updated": try value("c") - 0.01 * (yhat - y),
        ]
        for (column, number) in expected {
            let index = try #require(header.firstIndex(of: column))
            #expect(abs((Double(rows[2][index]) ?? .nan) - number) < 1e-12, "\(column)")
        }
        let w11 = try #require(v["w11"]?.value?.entries.first)
        let column = try #require(header.firstIndex(of: "w11"))
        #expect(rows[2][0] == "2" && rows[2][column] == DisplayNumber.string(w11))
    }

    @Test func csvFieldsAreQuoted() {
        #expect(VariantAnswers.field("W1[1,2]") == "\"W1[1,2]\"")
        #expect(VariantAnswers.field("a \"b\"") == "\"a \"\"b\"\"\"")
        #expect(VariantAnswers.field("h1") == "h1")
    }

    @Test func rangesAfterValuesParse() throws {
        let network = try Self.network("input x = 0.5 in {0.5, 1}\nh = sigmoid(w x)\nparam w = 0.2 in [-1, 1] step 0.1\n")
        #expect(network["x"]?.value == Tensor(.exact(Rational(1, 2)!)) && network["x"]?.range == .choices([.exact(Rational(1, 2)!), Number(1)]))
        #expect(network["w"]?.range != nil && network["w"]?.value != nil)
    }
}
