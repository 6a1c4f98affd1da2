/// The text already printed for sums and products, and typeset names, so that a printer meets each
/// distinct sub-tree once: a factored form of a deep network repeats its shared sub-forms, the lines
/// of the steps form repeat what they do not substitute, and a file's questions repeat them again.
/// The key is the sub-tree's storage (see ``SharedExpr``): finding it costs the same for any size.
///
/// A printer holding a memo (``ExprPrinter/memo``) prints exactly what it prints without one. It is a
/// reference so that the copies a printer makes of itself (one per total style) share it; one memo
/// serves one printer configuration (digits, format) and is used by one thread at a time.
public final class PrintMemo: @unchecked Sendable {
    private struct Key: Hashable {
        var expr: SharedExpr
        var style: TotalStyle
    }

    private var texts: [Key: String] = [:]
    private var names: [String: String] = [:]

    /// An empty memo.
    public init() {}

    /// The text of `expr` in `style`, printed by `print` the first time it is asked.
    func text(_ expr: Expr, style: TotalStyle, _ print: () -> String) -> String {
        guard let shared = SharedExpr(expr) else { return print() }
        let key = Key(expr: shared, style: style)
        if let known = texts[key] { return known }
        let text = print()
        texts[key] = text
        return text
    }

    /// The typeset name `name`, typeset by `print` the first time it is asked.
    func name(_ name: String, _ print: () -> String) -> String {
        if let known = names[name] { return known }
        let text = print()
        names[name] = text
        return text
    }
}
