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
    /// The known names, to look one up in constant time (a 100,000-node chain has as many).
    private let nameSet: Set<String>
    /// Each key with the first known name that has it.
    private let byKey: [String: String]
    /// Each lowercased key with the known names that have it.
    private let byLowercasedKey: [String: [String]]
    /// The known names with their lowercased keys, for ``closest(to:)``.
    private let lowercasedKeys: [(name: String, key: [Character])]

    /// A matcher for the given known names.
    init(_ names: [String]) {
        self.names = names
        nameSet = Set(names)
        var byKey: [String: String] = [:]
        var byLowercasedKey: [String: [String]] = [:]
        for name in names {
            let key = AnswerNameMatcher.key(name)
            if byKey[key] == nil { byKey[key] = name }
            if byLowercasedKey[key.lowercased()]?.contains(name) != true { byLowercasedKey[key.lowercased(), default: []].append(name) }
        }
        self.byKey = byKey
        self.byLowercasedKey = byLowercasedKey
        lowercasedKeys = names.map { ($0, Array(AnswerNameMatcher.key($0).lowercased())) }
    }

    /// The known name a key matches only up to case, a hat or a layer superscript, with what differs;
    /// `nil` when there is none, or several (an ambiguous match is never guessed).
    func approximate(key: String) -> (name: String, difference: String)? {
        var candidates: [(String, String)] = [(key, "")]
        if key.hasSuffix("hat"), key.count > 3 { candidates.append((String(key.dropLast(3)), "a hat")) }
        if let layer = key.range(of: "^(") {
            let stripped = String(key[..<layer.lowerBound]) + (key[layer.upperBound...].split(separator: ")", maxSplits: 1).dropFirst().first.map(String.init) ?? "")
            candidates.append((stripped, "a layer superscript"))
        }
        for (candidate, difference) in candidates where !difference.isEmpty {
            if let name = byKey[candidate] { return (name, difference) }
        }
        for (candidate, difference) in candidates {
            guard let found = byLowercasedKey[candidate.lowercased()], found.count == 1 else { continue }
            return (found[0], difference.isEmpty ? "case" : "case and " + difference)
        }
        return nil
    }

    /// The known names closest to a key (fewest edits, at most 2 and fewer than the key's length), at
    /// most three, in the order of the known names.
    func closest(to key: String) -> [String] {
        let target = Array(key.lowercased())
        var best = Int.max
        var found: [String] = []
        for (name, key) in lowercasedKeys {
            let distance = AnswerNameMatcher.editDistance(target, key, limit: 2)
            guard distance <= 2, distance < max(target.count, 2) else { continue }
            if distance < best { (best, found) = (distance, []) }
            if distance == best, !found.contains(name) { found.append(name) }
        }
        return Array(found.prefix(3))
    }

    /// The Levenshtein distance of two texts, or `limit + 1` when it is larger than `limit`.
    static func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        guard abs(a.count - b.count) <= limit else { return limit + 1 }
        var previous = Array(0...b.count)
        for (i, ca) in a.enumerated() {
            var row = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, cb) in b.enumerated() {
                row[j + 1] = min(previous[j + 1] + 1, row[j] + 1, previous[j] + (ca == cb ? 0 : 1))
            }
            guard row.min() ?? 0 <= limit else { return limit + 1 }
            previous = row
        }
        return previous[b.count]
    }

    /// The known name for a key, preferring one spelled exactly as `written`.
    func resolve(key: String, written: String) -> String? {
        nameSet.contains(written) ? written : byKey[key]
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
