/// Expressions, loosest to tightest: `+ -`; `* / ⊙` and juxtaposition (left to right, so `a / b c` is
/// `(a / b) c`, with a warning); unary `-`; `^` (right associative) and postfix `^T` or `ᵀ`; calls
/// `f(…)`, indexes `x[i]`, parentheses and arrays `[…]`.
extension LineParser {
    /// An expression with the height of its tree, so that size limits are checked as it is built.
    fileprivate struct Tree {
        var expr: SyntaxExpr
        var height = 1
    }

    /// Parses an expression that `token` (an operator, `=`, `(` or `,`) says must come next.
    mutating func parseRoot(after token: Token) throws(Diagnostic) -> SyntaxExpr {
        try parseSum(after: token).expr
    }

    private mutating func parseSum(after token: Token) throws(Diagnostic) -> Tree {
        var lhs = try parseProduct(after: token)
        while current.is("+") || current.is("-") {
            let op = advance()
            let rhs = try parseProduct(after: op)
            lhs = try combine(op.is("+") ? .add : .subtract, lhs, rhs, at: op)
        }
        return lhs
    }

    /// Factors joined by `*`, `/`, `⊙`, or nothing at all (`w11 x1`, `(1 - y) log(1 - yhat)`, `x 2`).
    /// A juxtaposed factor after a division of something other than two numbers (`a / b c`, but not
    /// `1/2 (ŷ − y)^2`) is warned about once.
    private mutating func parseProduct(after token: Token) throws(Diagnostic) -> Tree {
        var lhs = try parseUnary(after: token)
        var division: Token?
        while true {
            if current.is("*") || current.is("/") || current.is("⊙") {
                let op = advance()
                let rhs = try parseUnary(after: op)
                let numeric = lhs.expr.isNumberLiteral && rhs.expr.isNumberLiteral
                lhs = try combine(op.is("*") ? .multiply : op.is("/") ? .divide : .hadamard, lhs, rhs, at: op)
                if op.is("/"), !numeric { division = op }
            } else if current.startsOperand || startsNumericFactor {
                let start = current
                let rhs = try parseUnary(after: start)
                if let slash = division, warnings.isEmpty {
                    warnings.append(Diagnostic(.warning, at: start.location,
                        "'a / b c' reads as (a / b) c: juxtaposition binds like '*', left to right; write a / (b c) to divide by the product (the '/' is at column \(slash.location.column))"))
                }
                lhs = try combine(.multiply, lhs, rhs, at: start)
            } else {
                return lhs
            }
        }
    }

    /// Whether a number written after a factor is a juxtaposed factor (`x 2`, `f(x) 2.99^3`): not after
    /// another number (`0.5 2` is a missing operator) and not inside an array literal (`[1 2]` is a
    /// missing comma).
    private var startsNumericFactor: Bool {
        current.kind == .number && previous.kind != .number && openers.last?.is("[") != true
    }

    /// Leading minus signs, then a power. Every level of nesting passes through here, so the depth
    /// limit is checked here.
    private mutating func parseUnary(after token: Token) throws(Diagnostic) -> Tree {
        depth += 1
        defer { depth -= 1 }
        guard depth <= LineParser.maxDepth else {
            throw failure("the expression nests too deeply: at most \(LineParser.maxDepth) levels of brackets and powers")
        }
        var minuses: [Token] = []
        while current.is("-") { minuses.append(advance()) }
        var tree = try parsePower(after: minuses.last ?? token)
        for minus in minuses.reversed() {
            tree = try wrap(.negate(tree.expr, minus.location), tree, at: minus)
        }
        return tree
    }

    /// `base ^ exponent` (the exponent may itself be a power: right associative) or `base^T`.
    private mutating func parsePower(after token: Token) throws(Diagnostic) -> Tree {
        var base = try parsePrimary(after: token)
        while current.is("^") || current.is("ᵀ") {
            if current.is("ᵀ") {
                let mark = advance()
                base = try wrap(.transpose(base.expr, base.expr.location), base, at: mark)
                continue
            }
            let caret = advance()
            if current.kind == .name, current.text == "T", !peek(1).opensAdjacentBracket {
                advance()
                base = try wrap(.transpose(base.expr, base.expr.location), base, at: caret)
                continue
            }
            let exponent = try parseUnary(after: caret)
            return try combine(.power, base, exponent, at: caret)
        }
        return base
    }

    private mutating func parsePrimary(after token: Token) throws(Diagnostic) -> Tree {
        let start = current
        switch start.kind {
        case .number:
            advance()
            return Tree(expr: .number(start.numberValue, start.location))
        case .name:
            if start.isKeyword {
                throw failure("'\(start.text)' is a keyword and cannot be used in an expression")
            }
            advance()
            if current.is("("), !current.spaced { return try parseCall(start) }
            if current.is("["), !current.spaced {
                return Tree(expr: .index(start.text, try parseIntegers(of: start, "index"), start.location))
            }
            return Tree(expr: .name(start.text, start.location))
        case .symbol where start.is("("):
            open()
            let inner = try parseSum(after: start)
            try close(start)
            return inner
        case .symbol where start.is("["):
            open()
            let elements = try parseList(after: start)
            try close(start)
            return Tree(expr: .array(elements.map(\.expr), start.location),
                        height: 1 + elements.map(\.height).max(by: <).orZero)
        default:
            let expected = "expected an expression after '\(token.text)'"
            throw failure(current.kind == .end ? expected : "\(expected), found \(current.quoted)")
        }
    }

    /// `name(arguments)`, the cursor on `(`.
    private mutating func parseCall(_ name: Token) throws(Diagnostic) -> Tree {
        let opener = open()
        let arguments = current.is(")") ? [] : try parseList(after: opener)
        try close(opener)
        return Tree(expr: .call(name.text, arguments.map(\.expr), name.location),
                    height: 1 + arguments.map(\.height).max(by: <).orZero)
    }

    /// Comma-separated expressions.
    private mutating func parseList(after opener: Token) throws(Diagnostic) -> [Tree] {
        var items = [try parseSum(after: opener)]
        while current.is(",") {
            let comma = advance()
            items.append(try parseSum(after: comma))
        }
        return items
    }

    private func combine(_ op: BinaryOperator, _ lhs: Tree, _ rhs: Tree, at token: Token) throws(Diagnostic)
        -> Tree {
        try wrap(.binary(op, lhs.expr, rhs.expr, lhs.expr.location), Tree(expr: lhs.expr, height: max(lhs.height, rhs.height)),
                 at: token)
    }

    /// `expr`, one level above `child`, unless that makes the tree too tall.
    private func wrap(_ expr: SyntaxExpr, _ child: Tree, at token: Token) throws(Diagnostic) -> Tree {
        guard child.height < LineParser.maxHeight else {
            throw Diagnostic(at: token.location,
                             "the expression is too large: more than \(LineParser.maxHeight) operations deep")
        }
        return Tree(expr: expr, height: child.height + 1)
    }
}

extension SyntaxExpr {
    /// Whether this is a number as written (`1/2 x` divides numbers only: no precedence surprise).
    fileprivate var isNumberLiteral: Bool {
        if case .number = self { return true }
        return false
    }
}

extension Token {
    /// Whether a factor can start here, so that juxtaposition (`w x`, `2 x`) means a product. A number
    /// cannot (`x 2`, `[1 2]` are more likely a missing operator or comma than a product), nor `in`
    /// (the range after a value: `w = 0.2 in [-1, 1] step 0.1`).
    var startsOperand: Bool {
        (kind == .name && text != "in") || kind == .invalid || self.is("(") || self.is("[")
    }

    /// Whether this is `(` or `[` written right after the previous token (a call or an index).
    var opensAdjacentBracket: Bool { (self.is("(") || self.is("[")) && !spaced }

    /// The literal's value: exact when it fits a `Rational`, else a `Double`.
    var numberValue: Number {
        if let exact = Rational(decimal: text) { return .exact(exact) }
        return .real(Double(text) ?? 0)
    }
}

extension Optional<Int> {
    fileprivate var orZero: Int { self ?? 0 }
}
