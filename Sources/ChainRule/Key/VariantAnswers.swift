import Foundation

/// The expected answers of every variant as one CSV for a grader: one row per variant with its
/// number, the drawn values, and every expected number (each node's value, the loss, each
/// parameter's gradient and updated value, per iteration; then each `find dA/dB`'s value), to 12
/// significant digits (``DisplayNumber/export(_:)``: full precision less arithmetic noise). Column names say what each number is: `h1`, `L`, `dL/dw11`, `w11 updated`,
/// `iteration 2: h1`, `find dL/dz_yhat`.
public enum VariantAnswers {
    /// How the header line starts (it marks the file as written by `chainrule key`).
    public static let headerStart = "variant,"

    /// The CSV text; `plan` is the problem's (made from any variant's network when not given).
    public static func csv(_ variants: [Variant], plan: KeyPlan? = nil) -> String {
        guard let first = variants.first else { return "variant\n" }
        let plan = plan ?? KeyPlan(network: first.network)
        let header = ["variant"] + first.drawnValues.map(\.name) + expected(first, plan: plan).map(\.column)
        var lines = [header.map(field).joined(separator: ",")]
        for variant in variants {
            let row = ["\(variant.number)"] + variant.drawnValues.map { DisplayNumber.string($0.value) }
                + expected(variant, plan: plan).map { DisplayNumber.export($0.value) }
            lines.append(row.map(field).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The expected numbers of one variant, named, in column order.
    public static func expected(_ variant: Variant, plan: KeyPlan) -> [(column: String, value: Double)] {
        let network = variant.network
        var result: [(column: String, value: Double)] = []
        if network.isFullyValued, !network.usesUnspecifiedActivation, let runtime = try? Runtime(network),
           let point = try? Point(network: network) {
            let training = runtime.train(from: point)
            let lossName = network.loss.map { network.nodes[$0].name } ?? "L"
            for (i, iteration) in training.iterations.enumerated() {
                let prefix = training.iterations.count > 1 ? "iteration \(i + 1): " : ""
                for (k, pass) in iteration.passes.enumerated() {
                    let rowPrefix = prefix + (iteration.passes.count > 1 ? "sample \(k + 1): " : "")
                    for (index, node) in network.nodes.enumerated() where node.formula != nil {
                        let value = pass.evaluation.value(index)
                        result += zip(node.componentNames, value.scalars).map { (rowPrefix + $0.0, $0.1) }
                    }
                }
                guard network.loss != nil else { continue }
                if iteration.passes.count > 1, let loss = iteration.loss { result.append((prefix + "mean " + lossName, loss)) }
                for index in network.indices(of: .parameter) {
                    let node = network.nodes[index]
                    result += zip(node.componentNames, iteration.gradient(index).scalars).map { (prefix + "d\(lossName)/d" + $0.0, $0.1) }
                }
                for index in network.indices(of: .parameter) {
                    guard let updated = iteration.updated[index] else { continue }
                    result += zip(network.nodes[index].componentNames, updated.scalars).map { (prefix + $0.0 + " updated", $0.1) }
                }
            }
        }
        for (of, wrt, value) in plan.derivativeValues(at: network) {
            if let value { result.append(("find d\(of)/d\(wrt)", value)) }
        }
        return result
    }

    /// A CSV field, quoted when it holds a comma, quote or line break.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
