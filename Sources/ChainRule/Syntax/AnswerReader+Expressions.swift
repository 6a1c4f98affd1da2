/// Expressions: sums, products, powers, numbers, brackets, fractions, roots and indicators.
///
/// Shapes are the canonical ones of ``Expr``: `a − b` is a sum with a −1 product, `a / b` and
/// `\frac{a}{b}` a product with b^−1, a negated number a negative number. One level of operators is
/// one flat `.sum` or `.product`; brackets keep their group as written.
extension AnswerReader {
    /// Terms joined by `+` and `-`; `after` is the token that called for an expression (for messages).
    mutating func readSum(after token: AnswerToken?) throws(Diagnostic) -> Expr {
        var terms = [try readTerm(after: token)]
        while current.is("+") || current.is("-") {
            let op = advance()
            let term = try readTerm(after: op)
            terms.append(op.is("-") ? -term : term)
        }
        return terms.count == 1 ? terms[0] : .sum(terms)
    }

    /// Leading signs, then a product.
    private mutating func readTerm(after token: AnswerToken?) throws(Diagnostic) -> Expr {
        var negative = false
        var last = token
        while current.is("+") || current.is("-") {
            if current.is("-") { negative.toggle() }
            last = advance()
        }
        let product = try readProduct(after: last)
        return negative ? -product : product
    }

    /// Factors joined by `*`, `/` or nothing (`a b`, `2x`, `\frac{∂y}{∂c} \frac{∂c}{∂x_2}`).
    mutating func readProduct(after token: AnswerToken?) throws(Diagnostic) -> Expr {
        var factors = [try readUnary(after: token)]
        while true {
            if current.is("*") || current.is("/") {
                let op = advance()
                let factor = try readUnary(after: op)
                factors.append(op.is("/") ? .power(factor, -1) : factor)
            } else if current.startsOperand {
                factors.append(try readUnary(after: previous))
            } else {
                return factors.count == 1 ? factors[0] : .product(factors)
            }
        }
    }

    /// Minus signs, then a power. Every level of nesting passes through here.
    mutating func readUnary(after token: AnswerToken?) throws(Diagnostic) -> Expr {
        try enter()
        defer { depth -= 1 }
        var negative = false
        var last = token
        while current.is("+") || current.is("-") {
            if current.is("-") { negative.toggle() }
            last = advance()
        }
        let power = try readPower(after: last)
        return negative ? -power : power
    }

    /// `base ^ exponent` (right associative), `base^{…}` or `base²`.
    private mutating func readPower(after token: AnswerToken?) throws(Diagnostic) -> Expr {
        let base = try readPrimary(after: token)
        if current.is("^") {
            let caret = advance()
            return .power(base, try readExponent(after: caret))
        }
        if current.kind == .superscript {
            let superscript = advance()
            guard let exponent = Rational(decimal: superscript.value) else {
                throw Diagnostic(at: superscript.location, "expected digits in the superscript \(superscript.quoted)")
            }
            return .power(base, .number(.exact(exponent)))
        }
        return base
    }

    /// What follows `^`: a braced group or a signed power.
    mutating func readExponent(after caret: AnswerToken) throws(Diagnostic) -> Expr {
        guard current.is("{") else { return try readUnary(after: caret) }
        try enter()
        defer { depth -= 1 }
        return try readGroup()
    }

    private mutating func readPrimary(after token: AnswerToken?) throws(Diagnostic) -> Expr {
        let start = current
        switch start.kind {
        case .number:
            advance()
            if start.value == "1", current.is("[") || current.is("\\{"), !current.spaced {
                let mark = self.mark
                if let step = try readIndicator(after: start, optional: true) { return step }
                reset(to: mark)
            }
            return try number(start)
        case .word:
            return try readNamed(after: token)
        case .command:
            switch start.value {
            case "frac": return try readFraction()
            case "sqrt": return try readRoot()
            case "hat", "tilde", "bar": return try readNamed(after: token)
            default: throw failure("unknown command '\(start.text)'")
            }
        case .symbol where start.closer != nil:
            return try readGroup()
        case .symbol where start.is("∂"):
            return try readSlashDerivative()
        case .symbol where start.is("∑"):
            return try readSummation()
        case .symbol where start.is("𝟙"):
            let one = advance()
            return try readIndicator(after: one, optional: false) ?? .one
        case .invalid:
            throw Diagnostic(at: start.location, start.value)
        default:
            let expected = token.map { "expected an expression after \($0.quoted)" } ?? "expected an expression"
            throw failure(expected, found: start)
        }
    }

    /// The value of a number token: exact when it fits a ``Rational``.
    private func number(_ token: AnswerToken) throws(Diagnostic) -> Expr {
        if let exact = Rational(decimal: token.value) { return .number(.exact(exact)) }
        guard let value = Double(token.value), value.isFinite else {
            throw Diagnostic(at: token.location, "the number \(token.quoted) is too large")
        }
        return .number(.real(value))
    }

    /// `( … )`, `[ … ]`, `{ … }` or `\{ … \}`, the cursor on the opener.
    mutating func readGroup() throws(Diagnostic) -> Expr {
        let opener = advance()
        if opener.is("{"), let partial = try readOverDerivative() { return partial }
        let inner = try readSum(after: opener)
        if opener.is("{"), current.kind == .command, current.value == "over" {
            let over = advance()
            let denominator = try readSum(after: over)
            try close(opener, "'{'")
            return inner / denominator
        }
        try close(opener, "'\(opener.text)'")
        return inner
    }

    /// Consumes the closer of `opener`, or throws `expected ')' to close '(' at L:C`; `described` is the
    /// opener as the message shows it (`'\\frac{'`), written at `location` (by default the opener's).
    mutating func close(_ opener: AnswerToken, _ described: String, at location: SourceLocation? = nil)
        throws(Diagnostic) {
        let closer = opener.closer ?? ")"
        guard current.is(closer) else {
            let at = location ?? opener.location
            throw failure("expected '\(closer)' to close \(described) at \(at)", found: current)
        }
        advance()
    }

    /// `\frac{numerator}{denominator}` (also `\dfrac`, `\tfrac`), or a derivative written as one.
    private mutating func readFraction() throws(Diagnostic) -> Expr {
        let frac = advance()
        guard current.is("{") else { throw failure("expected '{' after '\(frac.text)'", found: current) }
        let open = advance()
        if let partial = try readFractionDerivative(frac, open) { return partial }
        let numerator = try readSum(after: open)
        try close(open, "'\(frac.text){'", at: frac.location)
        let denominator = try readDenominator(of: frac)
        return numerator / denominator
    }

    /// The `{…}` after the numerator of a fraction.
    mutating func readDenominator(of frac: AnswerToken) throws(Diagnostic) -> Expr {
        guard current.is("{") else {
            throw failure("expected '{' and the denominator of '\(frac.text)'", found: current)
        }
        return try readGroup()
    }

    /// `\sqrt{x}` as x^(1/2).
    private mutating func readRoot() throws(Diagnostic) -> Expr {
        let sqrt = advance()
        guard current.is("{") else { throw failure("expected '{' after '\(sqrt.text)'", found: current) }
        return .power(try readGroup(), .fraction(1, 2))
    }

    /// The indicator `1[z > 0]`, `𝟙\{z > 0\}`, `\mathbb{1}_{z>0}` or `\mathbb{1}(0 < z)` as `step(z)`, the
    /// cursor after the `1`. When `optional` and the brackets hold no comparison, returns `nil` (the
    /// caller rewinds and reads `1 · […]`).
    private mutating func readIndicator(after one: AnswerToken, optional: Bool) throws(Diagnostic) -> Expr? {
        if current.is("_"), peek(1).is("{") { advance() }
        guard current.closer != nil else {
            throw failure("expected '[' and a condition such as z > 0 after \(one.quoted)", found: current)
        }
        let opener = advance()
        var argument = try readSum(after: opener)
        if current.is(">") || current.is("≥") {
            let comparison = advance()
            try expectZero(after: comparison)
        } else if current.is("<") || current.is("≤"), argument.numberValue?.isZero == true {
            let comparison = advance()
            argument = try readSum(after: comparison)
        } else if optional {
            return nil
        } else {
            throw failure("expected '> 0' in the indicator \(one.quoted)[z > 0]", found: current)
        }
        try close(opener, "'\(opener.text)'")
        return .apply(.step, [argument])
    }

    private mutating func expectZero(after comparison: AnswerToken) throws(Diagnostic) {
        guard current.kind == .number, Rational(decimal: current.value) == .zero else {
            throw failure("expected 0 after \(comparison.quoted): an indicator reads 1[z > 0]", found: current)
        }
        advance()
    }
}
