/// One number a student computes, named as the variants CSV names it (`h1`, `L`, `dL/dw11`,
/// `w11 updated`, `iteration 2: h1`, `find dL/dz_yhat`; see ``VariantAnswers``), with a name an
/// answer field can carry and a LaTeX label.
public struct ExportNumber: Hashable, Sendable {
    /// The column of the variants CSV.
    public var column: String
    /// A name of letters, digits and `_` only, distinct within the problem (`dL_dw11`, `it2_h1`).
    public var answerName: String
    /// The label in LaTeX: `h_{1}`, `\partial L/\partial w_{11}`, `w_{11}` (updated), with the
    /// iteration or sample in words.
    public var label: String

    /// The numbers for `columns` (in order), with distinct answer names; a `find dA/dB` whose value is
    /// already asked as a gradient (`dL/dw11`) is asked once.
    static func numbers(_ columns: [String], network: Network) -> [ExportNumber] {
        var used = Set<String>()
        let asked = Set(columns)
        return columns.filter { !($0.hasPrefix("find ") && asked.contains(String($0.dropFirst(5)))) }.map { column in
            let base = answerName(column)
            var name = base, k = 1
            while !used.insert(name).inserted {
                k += 1
                name = base + "_\(k)"
            }
            return ExportNumber(column: column, answerName: name, label: label(column, network: network))
        }
    }

    /// `iteration 2: sample 1: dL/dw11` → `it2_s1_dL_dw11`; anything but letters and digits becomes `_`.
    static func answerName(_ column: String) -> String {
        var text = column.replacingOccurrences(of: "iteration ", with: "it").replacingOccurrences(of: "sample ", with: "s")
        if text.hasPrefix("find ") { text = "find_" + text.dropFirst(5) }
        var name = String(text.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
        while name.contains("__") { name = name.replacingOccurrences(of: "__", with: "_") }
        name = String(name.drop { $0 == "_" }.reversed().drop { $0 == "_" }.reversed())
        if name.isEmpty || name.first?.isNumber == true { name = "n" + name }
        return name
    }

    /// The column as LaTeX.
    static func label(_ column: String, network: Network) -> String {
        var rest = Substring(column), context: [String] = []
        for word in ["iteration ", "sample "] where rest.hasPrefix(word) {
            guard let colon = rest.firstIndex(of: ":") else { break }
            context.append("\\text{\(rest[..<colon])}")
            rest = rest[rest.index(after: colon)...].drop { $0 == " " }
        }
        let loss = network.loss.map { network.nodes[$0].name } ?? "L"
        var body: String
        if rest.hasPrefix("find d"), let slash = rest.range(of: "/d") {
            let of = rest[rest.index(rest.startIndex, offsetBy: 6)..<slash.lowerBound], wrt = rest[slash.upperBound...]
            body = "\\partial " + SymbolName(String(of)).latex + "/\\partial " + SymbolName(String(wrt)).latex
        } else if rest.hasPrefix("d" + loss + "/d") {
            body = "\\partial " + SymbolName(loss).latex + "/\\partial " + SymbolName(String(rest.dropFirst(loss.count + 3))).latex
        } else if rest.hasSuffix(" updated") {
            body = SymbolName(String(rest.dropLast(8))).latex + "\\ \\text{(updated)}"
        } else if rest.hasPrefix("mean ") {
            body = "\\text{mean } " + SymbolName(String(rest.dropFirst(5))).latex
        } else {
            body = SymbolName(String(rest)).latex
        }
        return (context.isEmpty ? "" : context.joined(separator: ",\\ ") + ":\\ ") + body
    }
}
