/// The answer to `find layers`: the layer-wise matrix derivation.
///
/// LAYERS — the single place where the layer-wise derivation is embedded in answer keys. The
/// derivation itself (Derive/Layer*.swift, Render/Layer*.swift) is being written separately; when it
/// lands, ``blocks`` returns its lines as `KeyBlock.math` rows (one `align` row per equation, LaTeX
/// source), with `.paragraph`s for the prose between them. Nothing else in Key needs to change.
struct LayerAnswer {
    /// The network asked about.
    var network: Network
    /// Decimal places shown.
    var digits: Int

    /// The blocks under the question's heading.
    var blocks: [KeyBlock] {
        [.paragraph([.text("The layer-wise matrix derivation is not available in this version of ChainRule; the component questions below are answered with the chain rule.")])]
    }
}
