/// The style sheet and the script every page carries inline, and the colours they use (each pair
/// of text and background meets WCAG AA: 4.5:1; outlines and highlights at least 3:1 on what they
/// sit on).
enum HTMLAssets {
    /// Body text.
    static let ink = "#111827"
    /// Secondary text (notes, file names).
    static let muted = "#4b5563"
    /// Links and the keyboard focus ring.
    static let link = "#1d4ed8"
    /// Table rules and section borders.
    static let rule = "#6b7280"
    /// The outline of highlighted edges and nodes in the picture.
    static let lit = "#c2410c"
    /// The background of a highlighted term or table row.
    static let highlight = "#fde68a"
    /// Table headings' background.
    static let headingBackground = "#f3f4f6"
    /// The background of the box that shows the node pointed at.
    static let infoBackground = "#eff6ff"
    /// The gradients written under the weights in the picture.
    static let gradient = "#b91c1c"
    /// The page.
    static let paper = "#ffffff"

    /// Text colour on background, for the contrast test: every pair of the style sheet.
    static let textPairs: [(text: String, background: String)] = [
        (ink, paper), (muted, paper), (link, paper), (ink, highlight), (ink, headingBackground),
        (ink, infoBackground), (gradient, paper), (link, infoBackground), (muted, headingBackground),
    ]
    /// Graphics on background (3:1): highlights and focus rings in the picture and around terms.
    static let graphicPairs: [(graphic: String, background: String)] = [
        (lit, paper), (link, paper), (rule, paper), (lit, "#dbeafe"), (lit, "#fef3c7"), (lit, "#fee2e2"),
        (link, "#dbeafe"), (link, "#fef3c7"), (link, "#fee2e2"), (link, highlight),
    ]

    /// The style sheet: screen and print.
    static let style = """
        body{font:16px/1.5 system-ui,sans-serif;color:\(ink);background:\(paper);max-width:64rem;margin:0 auto;padding:0 1rem 2rem}
        a{color:\(link)}
        h1,h2,h3,h4{line-height:1.25}
        .note,.file{color:\(muted)}
        section.problem{border-top:2px solid \(rule);margin-top:2rem;content-visibility:auto;contain-intrinsic-size:auto 2400px}
        figure{margin:1rem 0}
        svg{max-width:100%;height:auto}
        math[display=block]{margin:.35rem 0;width:fit-content;max-width:100%;overflow-x:auto;overflow-y:hidden}
        math{math-style:normal}
        .term{border-radius:3px}
        .term:focus,g.node:focus{outline:2px solid \(link);outline-offset:1px}
        .term.lit,tr.lit{background:\(highlight)}
        path.lit{stroke:\(lit);stroke-width:3.5}
        g.lit>circle,g.lit>rect{stroke:\(lit);stroke-width:3.5}
        .info{background:\(infoBackground);border-left:4px solid \(link);padding:.4rem .75rem;min-height:1.5em}
        table{border-collapse:collapse;margin:.5rem 0}
        caption{text-align:left;font-weight:bold;padding:.25rem 0}
        th,td{border:1px solid \(rule);padding:.15rem .5rem;text-align:left;vertical-align:middle}
        thead th{background:\(headingBackground)}
        dt{font-weight:bold;margin-top:.5rem}
        li{margin:.25rem 0}
        dd{margin-left:1.5rem}
        @media print{.info,.nomathml{display:none}section.problem+section.problem{break-before:page}
        figure,tr,math,svg{break-inside:avoid}svg{max-height:60vh}a{color:\(ink);text-decoration:none}.lit{background:none}}
        """

    /// The script: pointing at (hovering or focusing) a term lights up its paths; pointing at a node
    /// lights it up and shows its row of the node table in the problem's info box.
    static let script = """
        (() => {
          "use strict";
          const data = JSON.parse(document.getElementById("chainrule-links").textContent);
          let lit = [];
          const light = id => {
            const e = document.getElementById(id);
            if (e) { e.classList.add("lit"); lit.push(e); }
          };
          const point = target => {
            if (!(target instanceof Element)) return;
            lit.forEach(e => e.classList.remove("lit"));
            lit = [];
            const term = target.closest(".term");
            if (term && data.terms[term.id]) {
              light(term.id);
              data.terms[term.id].forEach(path => path.forEach(light));
              return;
            }
            const node = target.closest("g.node"), row = node && document.getElementById(data.nodes[node.id]);
            if (!row) return;
            light(node.id);
            light(row.id);
            const info = node.closest("section").querySelector(".info");
            const [name, ...rest] = Array.from(row.cells, cell => cell.innerHTML).filter(html => html !== "");
            info.innerHTML = name + ": &nbsp;" + rest.join(" &nbsp;·&nbsp; ");
          };
          document.addEventListener("pointerover", event => point(event.target));
          document.addEventListener("focusin", event => point(event.target));
          for (const info of document.querySelectorAll(".info")) {
            info.textContent = "Point at a node of the picture, or at a term of a sum, to link the two.";
            info.hidden = false;
          }
          if (!("MathMLElement" in window)) {
            document.body.insertAdjacentHTML("afterbegin",
              '<p class="nomathml">This browser does not typeset MathML: the formulas show as plain text.</p>');
          }
        })();
        """
}
