/// Rewriting: substitution, generic bottom-up transforms, and folding a subexpression back into a name.
extension Expr {
    /// Applies `transform` to every subexpression, children first (in written order); `nil` keeps the
    /// (rebuilt) node. A node none of whose children changed is kept as it is (sharing its storage, so
    /// memoized walks still recognise it). An explicit stack, so any depth is fine.
    public func rewritten(_ transform: (Expr) -> Expr?) -> Expr {
        // Each frame: a node, its children, the rewritten children so far, and whether one changed.
        var frames: [(expr: Expr, children: [Expr], done: [Expr], changed: Bool)] = [(self, children, [], false)]
        while true {
            let top = frames.count - 1
            if frames[top].done.count < frames[top].children.count {
                let child = frames[top].children[frames[top].done.count]
                frames.append((child, child.children, [], false))
                continue
            }
            let frame = frames.removeLast()
            let rebuilt = frame.changed ? frame.expr.replacingChildren(frame.done) : frame.expr
            let transformed = transform(rebuilt)
            let result = transformed ?? rebuilt
            if frames.isEmpty { return result }
            frames[frames.count - 1].done.append(result)
            if transformed != nil || frame.changed { frames[frames.count - 1].changed = true }
        }
    }

    /// Replaces each `.symbol(name)` that has an entry in `values` (not simplified).
    public func substituting(_ values: [String: Expr]) -> Expr {
        rewritten { if case .symbol(let name) = $0 { values[name] } else { nil } }
    }

    /// Replaces every occurrence of `pattern` by `replacement`, outermost first: σ(z_h1) back to `h1`,
    /// or the pre-activation sum w₁x₁ + w₂x₂ + b back to `z_h1`.
    ///
    /// Besides whole subexpressions, a sum pattern matches when all its terms occur among a larger sum's
    /// terms (and a product pattern among a product's factors): they are replaced by one `replacement`
    /// where the first of them stood. Matching is structural, against `pattern` and its simplified form.
    public func folding(_ pattern: Expr, into replacement: Expr) -> Expr {
        let simplifiedPattern = pattern.simplified()
        let once = foldingExactly(pattern, into: replacement)
        return simplifiedPattern == pattern ? once : once.foldingExactly(simplifiedPattern, into: replacement)
    }

    private func foldingExactly(_ pattern: Expr, into replacement: Expr) -> Expr {
        if self == pattern { return replacement }
        guard !children.isEmpty else { return self }
        let folded = replacingChildren(children.map { $0.foldingExactly(pattern, into: replacement) })
        switch (folded, pattern) {
        case (.sum(let items), .sum(let parts)):
            return .sum(Expr.replacing(parts, in: items, by: replacement))
        case (.product(let items), .product(let parts)):
            return .product(Expr.replacing(parts, in: items, by: replacement))
        default:
            return folded
        }
    }

    /// `items` with one occurrence of each of `parts` removed and `replacement` put where the first
    /// stood, when all of `parts` occur; otherwise `items` unchanged.
    private static func replacing(_ parts: [Expr], in items: [Expr], by replacement: Expr) -> [Expr] {
        guard parts.count >= 2, parts.count < items.count else { return items }
        var remaining = items.map(Optional.some)
        var first: Int?
        for part in parts {
            guard let index = remaining.firstIndex(where: { $0 == part }) else { return items }
            remaining[index] = nil
            first = min(first ?? index, index)
        }
        if let first { remaining[first] = replacement }
        return remaining.compactMap { $0 }
    }
}
