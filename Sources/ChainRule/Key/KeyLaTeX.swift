import Foundation

/// Writes a ``KeyDocument`` as a LaTeX document that pdflatex compiles with packages from Debian's
/// texlive-latex-base, -recommended and -pictures only: amsmath and amssymb, geometry, booktabs,
/// graphicx, TikZ and hyperref. One `\section` per problem, parts as `\subsection`, equations in
/// `align*`, the network as a TikZ picture scaled down to the text width when wider.
public enum KeyLaTeX {
    /// The text width in centimetres (A4 with 1.5 cm margins).
    static let textWidth = 18.0
    /// The tallest a network's picture is drawn, in centimetres.
    static let figureHeight = 5.0

    /// The whole document.
    public static func document(_ document: KeyDocument) -> String {
        var lines = ["% " + document.marker, "% Typeset with: pdflatex FILE.tex (run it twice for the table of contents)",
                     "\\documentclass[10pt]{article}",
                     "\\usepackage[a4paper,margin=1.5cm]{geometry}",
                     "\\usepackage{amsmath,amssymb}",
                     "\\usepackage{booktabs}",
                     "\\usepackage{graphicx}",
                     "\\usepackage{tikz}",
                     "\\usetikzlibrary{arrows.meta}",
                     "\\usepackage[hidelinks]{hyperref}",
                     "\\allowdisplaybreaks",
                     "\\setlength{\\parindent}{0pt}",
                     "\\setlength{\\parskip}{0.25\\baselineskip}",
                     "\\makeatletter\\g@addto@macro\\normalsize{\\setlength{\\abovedisplayskip}{4pt plus 2pt}\\setlength{\\belowdisplayskip}{4pt plus 2pt}}\\makeatother",
                     "\\renewcommand{\\labelitemi}{$\\bullet$}",
                     "\\title{" + LaTeXText.escape(document.title) + "}",
                     "\\author{}",
                     "\\date{}",
                     "\\begin{document}",
                     "\\maketitle"]
        if document.sections.count > 1 { lines += ["\\setcounter{tocdepth}{1}", "\\tableofcontents"] }
        for section in document.sections {
            lines.append("")
            lines.append("\\section{" + LaTeXText.escape(section.title) + "}")
            for (i, current) in section.blocks.enumerated() {
                // A display goes on directly after its paragraph; elsewhere it starts a paragraph of its
                // own, whose empty first line is taken back.
                if i > 0, case .paragraph = section.blocks[i - 1], case .math = current {
                    lines.append(block(current))
                    continue
                }
                lines.append("")
                if case .math = current { lines.append("\\vspace{-\\baselineskip}") }
                lines.append(block(current))
            }
        }
        lines.append("\\end{document}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// One block.
    static func block(_ block: KeyBlock) -> String {
        switch block {
        case .heading(let level, let inlines):
            return (level <= 1 ? "\\subsection{" : "\\subsubsection*{") + heading(inlines) + "}"
        case .paragraph(let inlines):
            return inline(inlines)
        case .list(let items):
            return "\\begin{itemize}\\setlength{\\itemsep}{1pt}\\setlength{\\parskip}{0pt}\n" + items.map { "\\item " + inline($0) }.joined(separator: "\n") + "\n\\end{itemize}"
        case .math(let rows):
            return "\\begin{align*}\n" + rows.map(math).joined(separator: " \\\\\n") + "\n\\end{align*}"
        case .figure(let layout):
            return figure(layout)
        case .table(let header, let rows):
            let columns = String(repeating: "l", count: header.count)
            var lines = ["\\begin{center}", "\\renewcommand{\\arraystretch}{1.3}", "\\begin{tabular}{" + columns + "}", "\\toprule",
                         header.map { LaTeXText.escape($0) }.joined(separator: " & ") + " \\\\", "\\midrule"]
            lines += rows.map { $0.map { inline([$0]) }.joined(separator: " & ") + " \\\\" }
            lines += ["\\bottomrule", "\\end{tabular}", "\\end{center}"]
            return lines.joined(separator: "\n")
        }
    }

    /// The network as TikZ, centred, scaled to the text width when wider.
    static func figure(_ layout: GraphLayout) -> String {
        let picture = TikZDrawing(layout: layout).text.trimmingCharacters(in: .newlines)
        let width = layout.width * TikZDrawing.scale, height = layout.height * TikZDrawing.scale
        // Scaled to fit the text width, and no taller than ``figureHeight`` (labels stay legible).
        let scale = min(1, (textWidth - 0.5) / width, figureHeight / height)
        let shown = scale >= 1 ? picture : "\\scalebox{" + TikZDrawing.number(scale) + "}{%\n" + picture + "%\n}"
        return "\\begin{center}\n" + shown + "\n\\end{center}"
    }

    /// Inline runs as LaTeX.
    static func inline(_ inlines: [KeyBlock.Inline]) -> String {
        inlines.map { run in
            switch run {
            case .text(let text): LaTeXText.escape(text)
            case .bold(let text): "\\textbf{" + LaTeXText.escape(text) + "}"
            case .math(let latex): "$" + math(latex) + "$"
            case .code(let text): "\\texttt{" + LaTeXText.escape(text) + "}"
            }
        }.joined()
    }

    /// A heading's runs, with mathematics given a plain alternative for the PDF's bookmarks.
    static func heading(_ inlines: [KeyBlock.Inline]) -> String {
        inlines.map { run in
            guard case .math(let latex) = run else { return inline([run]) }
            return "\\texorpdfstring{$" + math(latex) + "$}{" + bookmark(latex) + "}"
        }.joined()
    }

    /// Mathematics as pdflatex with amssymb typesets it: the indicator 𝟙 as a bold 1 (amssymb's
    /// `\mathbb` has no digits).
    static func math(_ latex: String) -> String {
        latex.replacingOccurrences(of: "\\mathbb{1}", with: "\\mathbf{1}")
    }

    /// `\frac{\partial L}{\partial w_{11}}` → `dL/dw11`.
    static func bookmark(_ latex: String) -> String {
        latex.replacingOccurrences(of: "}{", with: "/")
            .replacingOccurrences(of: #"\\partial\s*"#, with: "d", options: .regularExpression)
            .replacingOccurrences(of: #"\\[A-Za-z]+\s*"#, with: "", options: .regularExpression)
            .filter { !"{}_^\\$&%#~".contains($0) }
    }
}
