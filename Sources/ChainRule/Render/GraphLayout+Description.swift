extension GraphLayout {
    /// The drawing in words, for the SVG `<desc>` and the comments of the other formats:
    /// `Neuron-level graph in 5 layers, left to right. Inputs: x₁, x₂. Layer 2: a, b. … Edges: x₁ → a, …`
    /// (long layers and edge lists shortened).
    public var summary: String {
        let names = graph.nodes.map(\.label.unicode)
        var sentences = [(graph.isScalar ? "Neuron-level graph" : "Graph of whole vectors")
                         + " in \(layers.count) layer\(layers.count == 1 ? "" : "s"), left to right."]
        for (l, layer) in layers.enumerated() where !layer.isEmpty {
            let kinds = Set(layer.map { graph.nodes[$0].kind })
            let heading = kinds == [.input] ? "Inputs" : kinds == [.loss] ? "Loss" : "Layer \(l + 1)"
            var items = layer.map { i in names[i] + (graph.nodes[i].caption.map { " " + $0.unicode } ?? "") }
            if items.count > 12 { items = items.prefix(3) + ["…", items[items.count - 1] + " (\(items.count) nodes)"] }
            sentences.append(heading + ": " + items.joined(separator: ", ") + ".")
        }
        let edgeText = graph.edges.map { e in
            names[e.from] + " → " + names[e.to] + (e.label.map { " (" + $0.unicode + ")" } ?? "")
        }
        if edgeText.count > 40 {
            sentences.append("\(edgeText.count) edges.")
        } else if !edgeText.isEmpty {
            sentences.append("Edges: " + edgeText.joined(separator: ", ") + ".")
        }
        if crossings > 0 { sentences.append("\(crossings) edge crossing\(crossings == 1 ? "" : "s").") }
        return sentences.joined(separator: " ")
    }
}
