import ChainRule

/// `chainrule derive FILE --form layers [--batch]`: the layer-wise matrix derivation.
extension DeriveCommand {
    /// How many samples a batch draws when the file gives no `sample` lines and no inputs.
    static let drawnBatchSize = 3

    static func layers(_ arguments: Arguments) throws(Stop) -> ExitCode {
        guard arguments.values["of"] == nil, arguments.values["wrt"] == nil else {
            throw spec.usageError("--form layers derives ∂L/∂(every weight and bias); drop --of and --wrt")
        }
        let path = arguments.positional[0]
        let network = try Files.network(path)
        let batch = arguments.flags.contains("batch"), plugIn = arguments.flags.contains("plug-in")
        let format = arguments.value("format", default: "text") ?? "text"
        guard let seed = arguments.value("seed", default: "0").flatMap(UInt64.init) else {
            throw spec.usageError("--seed takes a whole number from 0 to \(UInt64.max), got '\(arguments.value("seed") ?? "")'")
        }
        let derivation: LayerDerivation
        do throws(LayerError) { derivation = try LayerDerivation(network, batch: batch) } catch {
            throw Stop(.dataError, "\(path): error: \(error)")
        }
        var values: LayerValues?, notes: [String] = []
        if plugIn || format == "json" {
            do {
                (values, notes) = try numbers(network, derivation, seed: seed)
            } catch {
                if plugIn { throw Stop(.dataError, "\(path): error: \(error)") }
            }
        }
        let shown = plugIn ? values : nil
        let digits = network.digits ?? 4
        switch format {
        case "json": Console.out(LayerJSON.document(derivation, values: values, notes: notes).serialized())
        case "latex": Console.out((notes.map { "% note: " + $0 } + [LayerLaTeX(digits: digits).render(derivation, values: shown)]).joined(separator: "\n"))
        default: Console.out((shown == nil ? [] : notes.map { "note: " + $0 }).joined(separator: "\n") + (shown == nil || notes.isEmpty ? "" : "\n")
                             + LayerText(digits: digits).render(derivation, values: shown))
        }
        return .success
    }

    /// The one-hot vector at the largest entry.
    private static func oneHot(_ t: RealTensor) -> RealTensor {
        let top = t.scalars.indices.max { t.scalars[$0] < t.scalars[$1] } ?? 0
        return RealTensor(shape: t.shape, scalars: t.scalars.indices.map { $0 == top ? 1 : 0 })
    }

    /// Every line evaluated at the file's values, with what the file leaves symbolic drawn from `seed`
    /// (a batch without samples or inputs drawn as ``drawnBatchSize`` rows); notes say what was drawn.
    private static func numbers(_ network: Network, _ derivation: LayerDerivation, seed: UInt64) throws -> (LayerValues, [String]) {
        var point = try Point(network: network, seed: seed)
        var samples = network.samples.map { $0.mapValues(\.doubles) }
        let drawnTargets = point.drawn.compactMap(network.index(of:)).filter { network.nodes[$0].kind == .target }
        if derivation.isSoftmaxCrossEntropy {
            for target in drawnTargets { point.values[target] = point.values[target].map(oneHot) }
        }
        var notes: [String] = []
        let leafKinds: Set<NodeKind> = [.input, .target]
        let drawnData = point.drawn.filter { network[$0].map { leafKinds.contains($0.kind) } ?? false }
        if derivation.isBatch, samples.isEmpty, !drawnData.isEmpty {
            for k in 1...drawnBatchSize {
                let row = try Point(network: network, seed: seed &+ UInt64(k))
                var sample: [Int: [Double]] = [:]
                for (node, value) in row.values where leafKinds.contains(network.nodes[node].kind) {
                    let target = network.nodes[node].kind == .target && derivation.isSoftmaxCrossEntropy
                    sample[node] = target ? oneHot(value).scalars : value.scalars
                }
                samples.append(sample)
            }
            notes.append("a batch of \(drawnBatchSize) samples drawn at random (seed \(seed)) for " + drawnData.joined(separator: ", "))
        }
        let drawn = derivation.isBatch && !drawnData.isEmpty ? point.drawn.filter { !drawnData.contains($0) } : point.drawn
        if !drawn.isEmpty { notes.append("values drawn at random (seed \(seed)) for " + drawn.joined(separator: ", ")) }
        if derivation.isSoftmaxCrossEntropy, !drawnTargets.isEmpty { notes.append("drawn targets are one-hot (at their largest entry)") }
        return (try derivation.evaluate(leaves: point.values.mapValues(\.scalars), samples: samples), notes)
    }
}
