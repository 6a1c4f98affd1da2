import Foundation
import Testing
@testable import ChainRule

@Suite struct RenderJSONTests {
    @Test func stringsAreEscaped() {
        let value = JSONValue.string("a\"b\\c\nd\te\u{01}f/é∂")
        #expect(value.serialized() == #""a\"b\\c\nd\te\u0001f/é∂""#)
        let parsed = try? JSONSerialization.jsonObject(with: Data(value.serialized().utf8), options: [.fragmentsAllowed])
        #expect(parsed as? String == "a\"b\\c\nd\te\u{01}f/é∂")
    }

    @Test func keysKeepTheirOrder() {
        let value: JSONValue = ["z": 1, "a": [true, nil, 0.5], "m": ["k": "v"], "e": [], "o": .object([])]
        #expect(value.serialized(pretty: false) == #"{"z":1,"a":[true,null,0.5],"m":{"k":"v"},"e":[],"o":{}}"#)
        #expect(value.serialized() == """
            {
              "z": 1,
              "a": [
                true,
                null,
                0.5
              ],
              "m": {
                "k": "v"
              },
              "e": [],
              "o": {}
            }
            """)
        #expect(value["a"] == [true, nil, 0.5])
    }

    @Test func numbersAreValidJSON() throws {
        let numbers: [Double] = [3, -0.0, 0.1, 1e-7, -2.5e300, 9_007_199_254_740_994, 1.0 / 3]
        let text = JSONValue.array(numbers.map(JSONValue.number)).serialized(pretty: false)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [NSNumber])
        #expect(parsed.map(\.doubleValue) == numbers)
        #expect(JSONValue.number(3).serialized() == "3")
        #expect(JSONValue(.exact(Rational(1, 4)!)).serialized() == "0.25")
    }

    @Test func nonFiniteNumbersBecomeNull() {
        let value: JSONValue = ["ok": 1, "bad": [.number(.nan), .number(-.infinity)]]
        #expect(value.containsNonFiniteNumber)
        #expect(value.serialized(pretty: false) == #"{"ok":1,"bad":[null,null]}"#)
        #expect(!JSONValue.array([1, "x"]).containsNonFiniteNumber)
    }
}
