/// A printer of the sides of a ``WorkedExample`` line for one output format: one method per kind of
/// ``WorkedExample/Step``, and ``render(_:)`` dispatching to them (as ``ExprPrinter`` does for `Expr`).
protocol WorkedStepPrinter {
    /// A scalar expression.
    func expr(_ e: Expr) -> String
    /// A whole value.
    func tensor(_ t: RealTensor) -> String
    /// A vector or matrix expression in layer notation.
    func layer(_ e: LayerExpr) -> String
    /// A column of expressions.
    func entries(_ items: [Expr]) -> String
    /// Values combined by operators.
    func combination(_ operands: [WorkedExample.Operand]) -> String
    /// `p − η ∂L/∂p`.
    func descent(_ symbol: LayerSymbol) -> String
}

extension WorkedStepPrinter {
    /// One side in this printer's format.
    func render(_ step: WorkedExample.Step) -> String {
        switch step {
        case .expr(let e): expr(e)
        case .tensor(let t): tensor(t)
        case .layer(let e): layer(e)
        case .entries(let items): entries(items)
        case .combination(let operands): combination(operands)
        case .descent(let symbol): descent(symbol)
        }
    }
}
