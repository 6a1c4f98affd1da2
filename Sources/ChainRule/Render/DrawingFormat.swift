/// The formats `chainrule draw` writes.
public enum DrawingFormat: String, CaseIterable, Sendable {
    /// A standalone SVG 1.1 document (``SVGDrawing``).
    case svg
    /// A TikZ `tikzpicture` (``TikZDrawing``).
    case tikz
    /// A Graphviz digraph (``DOTDrawing``).
    case dot
    /// A Mermaid flowchart (``MermaidDrawing``).
    case mermaid

    /// The drawing of `layout` in this format.
    public func text(_ layout: GraphLayout) -> String {
        switch self {
        case .svg: SVGDrawing(layout: layout).text
        case .tikz: TikZDrawing(layout: layout).text
        case .dot: DOTDrawing(layout: layout).text
        case .mermaid: MermaidDrawing(layout: layout).text
        }
    }
}
