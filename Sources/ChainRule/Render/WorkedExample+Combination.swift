extension WorkedExample {
    /// How a printer writes a ``Step/combination(_:)``: its operators and parentheses. The decisions
    /// (which operator between single numbers, which operands get parentheses) are made once, here.
    struct CombinationStyle {
        /// `+`, `−` with their spacing.
        var plus: String, minus: String
        /// `⊙` between vectors, `·` between single numbers.
        var hadamard: String, product: String
        /// `⊘` between vectors, `/` between single numbers.
        var divide: String, quotient: String
        /// Between factors of a matrix product or a number and a matrix.
        var times: String
        /// Wraps a negative single number written after an operator.
        var parenthesized: (String) -> String

        /// The operands, each written by `value`, joined by their operators.
        func render(_ operands: [Operand], _ value: (Operand) -> String) -> String {
            operands.map { operand in
                let single = operand.value.entries.count == 1
                var shown = value(operand)
                if single, operand.join != .first, operand.value.entries[0].isNegative { shown = parenthesized(shown) }
                let join = switch operand.join {
                case .first: ""
                case .plus: plus
                case .minus: minus
                case .hadamard: single ? product : hadamard
                case .divide: single ? quotient : divide
                case .times: times
                }
                return join + shown
            }.joined()
        }
    }
}
