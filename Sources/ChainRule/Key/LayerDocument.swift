/// What `chainrule derive FILE --form layers` writes: the layer-wise matrix derivation
/// (``LayerDerivation``) as text, LaTeX, JSON or an HTML page, its lines evaluated when asked
/// (`plugIn`; JSON always tries), with what the file leaves symbolic drawn from `seed`.
public struct LayerDocument: Sendable {
    /// An output format.
    public enum Format: String, Sendable, CaseIterable {
        /// Unicode text.
        case text
        /// LaTeX (`align*`).
        case latex
        /// JSON (``LayerJSON``).
        case json
        /// One HTML page (``HTMLPage``) with the network's picture and the derivation as MathML.
        case html
    }

    /// Why the document cannot be written.
    public enum Failure: Error, Sendable, CustomStringConvertible {
        /// The network is not a chain of layers with a loss.
        case notLayered(LayerError)
        /// The values cannot be computed (plugged in).
        case values(String)
        /// The HTML page shows one sample, not a batch.
        case batchPage

        /// One line for the user.
        public var description: String {
            switch self {
            case .notLayered(let error): "\(error)"
            case .values(let reason): reason
            case .batchPage: "the HTML page shows the single-sample derivation, not a batch"
            }
        }
    }

    /// How many samples a batch draws when the file gives no `sample` lines and no inputs.
    public static let drawnBatchSize = 3

    /// The network.
    public var network: Network
    /// The file's name, for the page's title.
    public var fileName: String
    /// Whether rows are samples (a batch of m).
    public var batch: Bool
    /// Whether every line is evaluated.
    public var plugIn: Bool
    /// The seed for values the file leaves symbolic.
    public var seed: UInt64

    /// Creates a document.
    public init(network: Network, fileName: String, batch: Bool = false, plugIn: Bool = false, seed: UInt64 = 0) {
        self.network = network
        self.fileName = fileName
        self.batch = batch
        self.plugIn = plugIn
        self.seed = seed
    }

    /// The document in `format`.
    public func text(_ format: Format) throws(Failure) -> String {
        if format == .html {
            guard !batch else { throw .batchPage }
            do throws(LayerError) { _ = try LayerDerivation(network) } catch { throw .notLayered(error) }
            var asked = network
            asked.questions = [Question(.layers, at: SourceLocation(line: 1, column: 1))]
            return HTMLPage(problems: [(fileName, asked)], forms: [], title: "ChainRule: " + fileName).html
        }
        let derivation: LayerDerivation
        do throws(LayerError) { derivation = try LayerDerivation(network, batch: batch) } catch { throw .notLayered(error) }
        var values: LayerValues?, notes: [String] = []
        if plugIn || format == .json {
            do {
                (values, notes) = try numbers(derivation)
            } catch {
                if plugIn { throw .values("\(error)") }
            }
        }
        let shown = plugIn ? values : nil
        let digits = network.digits ?? 4
        switch format {
        case .json: return LayerJSON.document(derivation, values: values, notes: notes).serialized()
        case .latex: return (notes.map { "% note: " + $0 } + [LayerLaTeX(digits: digits).render(derivation, values: shown)]).joined(separator: "\n")
        case .text, .html:
            return (shown == nil ? [] : notes.map { "note: " + $0 }).joined(separator: "\n") + (shown == nil || notes.isEmpty ? "" : "\n")
                + LayerText(digits: digits).render(derivation, values: shown)
        }
    }

    /// The one-hot vector at the largest entry.
    private static func oneHot(_ t: RealTensor) -> RealTensor {
        let top = t.scalars.indices.max { t.scalars[$0] < t.scalars[$1] } ?? 0
        return RealTensor(shape: t.shape, scalars: t.scalars.indices.map { $0 == top ? 1 : 0 })
    }

    /// Every line evaluated at the file's values, with what the file leaves symbolic drawn from `seed`
    /// (a batch without samples or inputs drawn as ``drawnBatchSize`` rows); notes say what was drawn.
    func numbers(_ derivation: LayerDerivation) throws -> (LayerValues, [String]) {
        var point = try Point(network: network, seed: seed)
        var samples = network.samples.map { $0.mapValues(\.doubles) }
        let drawnTargets = point.drawn.compactMap(network.index(of:)).filter { network.nodes[$0].kind == .target }
        if derivation.isSoftmaxCrossEntropy {
            for target in drawnTargets { point.values[target] = point.values[target].map(Self.oneHot) }
        }
        var notes: [String] = []
        let leafKinds: Set<NodeKind> = [.input, .target]
        let drawnData = point.drawn.filter { network[$0].map { leafKinds.contains($0.kind) } ?? false }
        if derivation.isBatch, samples.isEmpty, !drawnData.isEmpty {
            for k in 1...Self.drawnBatchSize {
                let row = try Point(network: network, seed: seed &+ UInt64(k))
                var sample: [Int: [Double]] = [:]
                for (node, value) in row.values where leafKinds.contains(network.nodes[node].kind) {
                    let target = network.nodes[node].kind == .target && derivation.isSoftmaxCrossEntropy
                    sample[node] = target ? Self.oneHot(value).scalars : value.scalars
                }
                samples.append(sample)
            }
            notes.append("a batch of \(Self.drawnBatchSize) samples drawn at random (seed \(seed)) for " + drawnData.joined(separator: ", "))
        }
        let drawn = derivation.isBatch && !drawnData.isEmpty ? point.drawn.filter { !drawnData.contains($0) } : point.drawn
        if !drawn.isEmpty { notes.append("values drawn at random (seed \(seed)) for " + drawn.joined(separator: ", ")) }
        if derivation.isSoftmaxCrossEntropy, !drawnTargets.isEmpty { notes.append("drawn targets are one-hot (at their largest entry)") }
        return (try derivation.evaluate(leaves: point.values.mapValues(\.scalars), samples: samples), notes)
    }
}
