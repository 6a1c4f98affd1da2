import ChainRule

/// `chainrule derive FILE --form layers [--batch]`: the layer-wise matrix derivation (``LayerDocument``).
extension DeriveCommand {
    static func layers(_ arguments: Arguments) throws(Stop) -> ExitCode {
        guard arguments.values["of"] == nil, arguments.values["wrt"] == nil else {
            throw spec.usageError("--form layers derives ∂L/∂(every weight and bias); drop --of and --wrt")
        }
        let path = arguments.positional[0]
        let network = try Files.network(path)
        guard let seed = arguments.value("seed", default: "0").flatMap(UInt64.init) else {
            throw spec.usageError("--seed takes a whole number from 0 to \(UInt64.max), got '\(arguments.value("seed") ?? "")'")
        }
        let format = LayerDocument.Format(rawValue: arguments.value("format", default: "text") ?? "text") ?? .text
        let batch = arguments.flags.contains("batch")
        if format == .html, batch { throw spec.usageError("--format html shows the single-sample derivation; drop --batch") }
        let name = path == "-" ? "<stdin>" : String(path.split(separator: "/").last ?? Substring(path))
        let document = LayerDocument(network: network, fileName: name, batch: batch, plugIn: arguments.flags.contains("plug-in"), seed: seed)
        let text: String
        do throws(LayerDocument.Failure) { text = try document.text(format) } catch {
            throw Stop(.dataError, "\(path): error: \(error)")
        }
        try write(text, arguments)
        return .success
    }
}
