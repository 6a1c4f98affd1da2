/// Matches names as students write them (`x_{1}`, `x₁`, `\hat{y}`, `w_{c,a}`) to a network's names (`x1`,
/// `yhat`, `w_c_a`) through a normalized key.
///
/// The key drops `_`, braces, commas and spaces, spells Greek letters out, writes accents as a suffix
/// (`ŷ` → `yhat`) and subscript digits as digits; a component index stays in brackets (`a1[2]`), so `a1[2]`
/// and `a12` stay apart. When several known names share a key, the one written exactly wins, else the
/// first in the list.
struct AnswerNameMatcher: Sendable {
    /// The known names in order.
    private let names: [String]
    /// Each key with the first known name that has it.
    private let byKey: [String: String]

    /// A matcher for the given known names.
    init(_ names: [String]) {
        self.names = names
        var byKey: [String: String] = [:]
        for name in names where byKey[AnswerNameMatcher.key(name)] == nil { byKey[AnswerNameMatcher.key(name)] = name }
        self.byKey = byKey
    }

    /// The known name for a key, preferring one spelled exactly as `written`.
    func resolve(key: String, written: String) -> String? {
        names.contains(written) ? written : byKey[key]
    }

    /// Known names whose keys, run together, make `key` (`x1x2` → `x1`, `x2`), fewest first; `nil` when
    /// there is no such split (keys longer than 64 characters are not tried).
    func split(_ key: String) -> [String]? {
        let chars = Array(key)
        guard chars.count > 1, chars.count <= 64 else { return nil }
        var best: [[String]?] = Array(repeating: nil, count: chars.count + 1)
        best[0] = []
        for end in 1...chars.count {
            for start in 0..<end {
                guard let prefix = best[start], let name = byKey[String(chars[start..<end])] else { continue }
                if best[end] == nil || prefix.count + 1 < best[end]?.count ?? .max { best[end] = prefix + [name] }
            }
        }
        return best[chars.count].flatMap { $0.count > 1 ? $0 : nil }
    }

    /// The key of a name written in `.nn` style or in Unicode: `w_c_a` → `wca`, `a1[2]` → `a1[2]`,
    /// `W1[1][2]` → `W1[1,2]`, `ŷ` → `yhat`.
    static func key(_ name: String) -> String {
        let head = name.prefix { $0 != "[" }
        let ignored: Set<Character> = ["_", "{", "}", ",", " "]
        let key = head.filter { !ignored.contains($0) }.map(AnswerLexer.key).joined()
        let index = name.dropFirst(head.count)
        return index.isEmpty ? key : key + indexKey(integers(in: index))
    }

    /// `[1,2]` for the component index 1, 2.
    static func indexKey(_ index: [String]) -> String { "[" + index.joined(separator: ",") + "]" }

    /// The runs of digits in a text.
    private static func integers(in text: Substring) -> [String] {
        text.split { !($0.isASCII && $0.isNumber) }.map(String.init)
    }

    /// A name written in Unicode respelled the way `.nn` files write names, keeping its `_`s: `ŷ` → `yhat`,
    /// `x₁` → `x1`, `η` → `eta`, `w_c_a` unchanged.
    static func plain(_ written: String) -> String {
        written.map { $0 == "_" ? "_" : AnswerLexer.key($0) }.joined()
    }
}
