import Foundation
@testable import ChainRule

/// Reading answer keys back in tests: the equations of a section as (left-hand side, final number).
enum KeyRows {
    /// Every equation of every display block: its left-hand side and the text after its last `=`
    /// (or `\leftarrow`), side-by-side equations split apart.
    static func equations(_ section: KeySection) -> [(lhs: String, rhs: String)] {
        section.blocks.flatMap { block -> [(lhs: String, rhs: String)] in
            guard case .math(let rows) = block else { return [] }
            return rows.flatMap { row -> [(lhs: String, rhs: String)] in
                let parts = row.contains("bmatrix") ? [row] : row.components(separatedBy: " & ")
                return parts.compactMap { part in
                    guard let amp = part.range(of: " &") else { return nil }
                    let lhs = String(part[..<amp.lowerBound])
                    let rest = part[amp.upperBound...]
                    let last = rest.components(separatedBy: "= ").last ?? ""
                    return (lhs, last.trimmingCharacters(in: .whitespacesAndNewlines))
                }
            }
        }
    }

    /// The final numbers of the equations whose left-hand side is `lhs`, in order.
    static func values(_ section: KeySection, _ lhs: String) -> [String] {
        equations(section).filter { $0.lhs == lhs && Double($0.rhs) != nil }.map(\.rhs)
    }

    /// The rows of the display block after the paragraph that starts with `label`, for each such paragraph.
    static func rows(after label: String, in section: KeySection) -> [[String]] {
        var result: [[String]] = []
        for (i, block) in section.blocks.enumerated() {
            guard case .paragraph(let inlines) = block, case .bold(let text)? = inlines.first, text.hasPrefix(label),
                  i + 1 < section.blocks.count, case .math(let rows) = section.blocks[i + 1] else { continue }
            result.append(rows)
        }
        return result
    }

    /// The text after the last `=` of every equation whose left-hand side is `lhs`, in order.
    static func finals(_ section: KeySection, _ lhs: String) -> [String] {
        equations(section).filter { $0.lhs == lhs && !$0.rhs.contains("\\in") }.map(\.rhs)
    }

    /// A column vector as the key shows it with 4 places.
    static func column(_ values: [Double]) -> String {
        "\\begin{bmatrix}" + values.map(shown).joined(separator: " \\\\ ") + "\\end{bmatrix}"
    }

    /// A matrix (rows) as the key shows it with 4 places.
    static func matrix(_ rows: [[Double]]) -> String {
        "\\begin{bmatrix}" + rows.map { $0.map(shown).joined(separator: " & ") }.joined(separator: " \\\\ ") + "\\end{bmatrix}"
    }

    /// A number as the key shows it with 4 places.
    static func shown(_ value: Double) -> String { LaTeXPrinter(digits: 4).number(.real(value)) }

    /// σ(z).
    static func sigmoid(_ z: Double) -> Double { 1 / (1 + exp(-z)) }

    /// A fresh temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chainrule-key-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
