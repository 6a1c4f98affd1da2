import Foundation

/// `report.html`: one self-contained page (no script, nothing fetched) with the score distribution
/// as an SVG histogram, per question the share of the class that got it right and the most common
/// mistakes by name with an anonymous example, and the lists for the instructor.
extension ClassReport {
    /// The page.
    public var html: String {
        let e = HTMLText.escaped
        let g = grades
        var body: [String] = []
        body.append("<h1>Class report</h1>")
        body.append("<p>\(g.students.count) students, \(g.submitted.count) handed something in; mean \(String(format: "%.1f", meanPercent)) %, median \(String(format: "%.1f", medianPercent)) % of the points.</p>")
        body.append("<h2>Scores</h2>")
        body.append(histogramSVG)
        body.append("<h2>Questions</h2>")
        body.append("<table><thead><tr><th scope=\"col\">question</th><th scope=\"col\">points</th><th scope=\"col\">answered</th><th scope=\"col\">right</th><th scope=\"col\">share right</th><th scope=\"col\">mean score</th></tr></thead><tbody>")
        for q in questions {
            body.append("<tr><td>\(e(q.id))</td><td>\(ClassReport.number(q.points))</td><td>\(q.answered)</td><td>\(q.right)</td><td>\(ClassReport.percent(q.shareRight))</td><td>\(ClassReport.percent(q.meanScore))</td></tr>")
        }
        body.append("</tbody></table>")
        body.append("<h2>Most common mistakes</h2>")
        for q in questions {
            body.append("<h3>\(e(q.id))</h3>")
            guard !q.mistakes.isEmpty else { body.append("<p>No mistakes.</p>"); continue }
            body.append("<ul class=\"mistakes\">")
            for m in q.mistakes {
                body.append("<li><strong>\(ClassReport.percent(m.share))</strong> \(e(m.name)) (\(m.count) student\(m.count == 1 ? "" : "s"))<details><summary>an example</summary><pre>\(e(m.example))</pre></details></li>")
            }
            body.append("</ul>")
        }
        body.append("<h2>For the instructor</h2>")
        body.append(list("Handed in nothing", g.missing.map(e)))
        body.append(list("Not on the roster (not graded)", g.unknownStudents.map { "\(e($0.student)): \($0.sources.map(e).joined(separator: ", "))" }))
        body.append(list("Several answers to one question (the last graded)", g.duplicates.map {
            "\(e($0.student)), \(e($0.question)): \(zip($0.sources, $0.scores).map { "\(e($0.0)) (score \(ClassReport.number($0.1)))" }.joined(separator: ", "))"
        }))
        body.append(list("Answers that could not be read (scored 0)", g.unreadable.map { "\(e($0.student)), \(e($0.question)) (\(e($0.source))): \(e($0.message))" }))
        body.append(list("Answers to unknown questions", g.unknownQuestions.map { "\(e($0.student)): '\(e($0.question))' (\(e($0.source)))" }))
        return """
            <!DOCTYPE html><!-- Class report written by chainrule grade -->
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Class report</title>
            <style>
            body{font-family:system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;color:#222}
            table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}
            pre{background:#f5f5f5;padding:.5rem;white-space:pre-wrap}.mistakes li{margin:.3rem 0}
            svg text{font-family:system-ui,sans-serif;font-size:12px}
            </style></head><body>
            \(body.joined(separator: "\n"))
            </body></html>

            """
    }

    /// The histogram of totals as inline SVG: one bar per ``binWidth`` percent, counts above the bars.
    public var histogramSVG: String {
        let width = 600.0, height = 260.0, left = 40.0, bottom = 40.0, top = 20.0
        let plotWidth = width - left - 10, plotHeight = height - bottom - top
        let most = max(bins.map(\.count).max() ?? 0, 1)
        let barWidth = plotWidth / Double(max(bins.count, 1))
        var parts = ["<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-labelledby=\"histogram-title\">",
                     "<title id=\"histogram-title\">Histogram of total scores in percent</title>",
                     "<line x1=\"\(left)\" y1=\"\(height - bottom)\" x2=\"\(width - 10)\" y2=\"\(height - bottom)\" stroke=\"#444\"/>",
                     "<line x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(height - bottom)\" stroke=\"#444\"/>"]
        for (k, bin) in bins.enumerated() {
            let h = plotHeight * Double(bin.count) / Double(most)
            let x = left + Double(k) * barWidth
            let y = height - bottom - h
            parts.append("<rect x=\(q(x + 2)) y=\(q(y)) width=\(q(barWidth - 4)) height=\(q(h)) fill=\"#3b6fb6\"><title>\(bin.from)–\(bin.to) %: \(bin.count)</title></rect>")
            if bin.count > 0 { parts.append("<text x=\(q(x + barWidth / 2)) y=\(q(y - 4)) text-anchor=\"middle\">\(bin.count)</text>") }
            parts.append("<text x=\(q(x)) y=\(q(height - bottom + 16)) text-anchor=\"middle\">\(bin.from)</text>")
        }
        parts.append("<text x=\(q(width - 10)) y=\(q(height - bottom + 16)) text-anchor=\"end\">100</text>")
        parts.append("<text x=\(q(left + plotWidth / 2)) y=\(q(height - 6)) text-anchor=\"middle\">total score (%)</text>")
        parts.append("<text x=\"12\" y=\(q(top + plotHeight / 2)) text-anchor=\"middle\" transform=\"rotate(-90 12 \(Int(top + plotHeight / 2)))\">students</text>")
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    private func q(_ x: Double) -> String { "\"" + ClassReport.number((x * 10).rounded() / 10) + "\"" }

    private func list(_ title: String, _ items: [String]) -> String {
        "<h3>\(title) (\(items.count))</h3>" + (items.isEmpty ? "<p>None.</p>" : "<ul>" + items.map { "<li>\($0)</li>" }.joined() + "</ul>")
    }
}
