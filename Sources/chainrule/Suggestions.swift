/// "Did you mean …?" for mistyped commands, options and names: the candidates closest by edit distance.
enum Suggestions {
    /// The candidates within a small edit distance of `word` (at most a third of its length, at least 1,
    /// or a candidate that starts with it), closest first, at most `limit`.
    static func closest(to word: String, among candidates: [String], limit: Int = 3) -> [String] {
        let target = Array(word.lowercased())
        let allowed = max(1, target.count / 3)
        let scored = candidates.compactMap { candidate -> (String, Int)? in
            let distance = editDistance(target, Array(candidate.lowercased()))
            let prefix = target.count >= 2 && candidate.lowercased().hasPrefix(word.lowercased())
            return distance <= allowed || prefix ? (candidate, distance) : nil
        }
        var seen = Set<String>()
        return scored.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.map(\.0)
            .filter { seen.insert($0).inserted }.prefix(limit).map { $0 }
    }

    /// `; did you mean 'a' or 'b'?`, or empty when nothing is close.
    static func hint(for word: String, among candidates: [String], quote: (String) -> String = { "'\($0)'" }) -> String {
        let found = closest(to: word, among: candidates)
        guard !found.isEmpty else { return "" }
        let listed = found.map(quote)
        let text = listed.count == 1 ? listed[0] : listed.dropLast().joined(separator: ", ") + " or " + listed[listed.count - 1]
        return "; did you mean \(text)?"
    }

    /// Levenshtein distance with transpositions counted as one edit.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previousPrevious[j - 2] + 1)
                }
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
