import Foundation
import Testing
@testable import ChainRule

/// The page's picture of 004's 4-2-3-1 in headless Chromium at a desktop (1280 px) and a phone
/// (390 px) width: the rendered size of every label (weights, matrices, gradients, node names) is at
/// least 10 CSS px, and no rendered label box overlaps a node or another label.
@Suite("HTML picture in headless Chromium", .serialized,
       .enabled(if: HeadlessChromium.path != nil, "chromium is not installed: the picture is not measured in a browser"))
struct HTMLPictureBrowserTests {
    /// The probe: for the first picture, the smallest rendered font size (CSS px) of any text, the
    /// number of label boxes overlapping a node or another label, the picture's rendered width and
    /// whether its box scrolls; written to `data-picture` on the body.
    static let probe = #"""
        <script>addEventListener("load", () => setTimeout(() => {
          const svg = document.querySelector(".picture svg"), scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
          const texts = [...svg.querySelectorAll("text")];
          const smallest = Math.min(...texts.map(t => parseFloat(getComputedStyle(t).fontSize) * scale));
          const boxes = s => [...svg.querySelectorAll(s)].map(e => e.getBoundingClientRect());
          const labels = boxes("[id$=weights] text, [id$=matrices] > g, [id$=grads] text"), nodes = boxes("[id$=nodes] circle, [id$=nodes] rect");
          const meet = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
          let overlaps = 0;
          labels.forEach((a, i) => { nodes.forEach(n => { if (meet(a, n)) overlaps++; }); labels.slice(i + 1).forEach(b => { if (meet(a, b)) overlaps++; }); });
          const box = svg.parentElement;
          document.body.dataset.picture = [smallest.toFixed(2), overlaps, labels.length, Math.round(svg.getBoundingClientRect().width), box.scrollWidth > box.clientWidth ? 1 : 0].join(" ");
        }));</script></body>
        """#

    @Test(arguments: [1280, 390])
    func labelsStayLegible(_ width: Int) throws {
        let folder = try HTMLBrowserTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("picture.html")
        let html = try HTMLPageTests.page(["sigmoid-4-2-3-1.nn"])
        try html.replacingOccurrences(of: "</body>", with: Self.probe).write(to: page, atomically: true, encoding: .utf8)
        let loaded = try HTMLBrowserTests.browse(page.absoluteString, ["--window-size=\(width),1200", "--dump-dom"], in: folder)
        #expect(loaded.status == 0, "\(loaded.err.suffix(1500))")
        let value = loaded.out.components(separatedBy: "data-picture=\"").dropFirst().first?.prefix { $0 != "\"" } ?? ""
        let figures = value.split(separator: " ").compactMap { Double($0) }
        try #require(figures.count == 5, "the probe ran: \(value)")
        let (smallest, overlaps, labels, shown, scrolls) = (figures[0], figures[1], figures[2], figures[3], figures[4])
        print("picture of 4-2-3-1 at \(width) px: smallest text \(smallest) px, \(Int(labels)) labels, \(Int(overlaps)) overlaps, drawn \(Int(shown)) px wide\(scrolls == 1 ? ", scrolls" : "")")
        #expect(smallest >= HTMLPicture.leastLabelSize - 0.01, "labels are \(smallest) px at \(width) px")
        #expect(labels >= 5, "the weight labels and matrices are there")
        #expect(overlaps == 0, "rendered label boxes overlapping a node or a label at \(width) px")
        if width == 390 { #expect(scrolls == 1 && shown > 390, "the phone scrolls the picture instead of shrinking it") }
    }
}
