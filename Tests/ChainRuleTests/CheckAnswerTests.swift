import Testing
@testable import ChainRule

/// Checking derivative answers on Quiz Problem 3: the printed solution, and wrong variants with the
/// message a grader would write.
@Suite struct CheckAnswerTests {
    static let quiz = Package.network("quiz-problem-3.nn")

    private func checker(_ of: String, _ wrt: String, form: DerivativeForm? = nil) throws -> AnswerChecker {
        var checker = try AnswerChecker(network: try #require(Self.quiz), of: of, wrt: wrt)
        checker.form = form
        return checker
    }

    /// The verdict and messages on one answer.
    private func check(_ text: String, _ of: String = "y", _ wrt: String = "x2", form: DerivativeForm? = nil) throws
        -> (correct: Bool, messages: [String], result: CheckResult) {
        let result = try checker(of, wrt, form: form).check(text)
        return (result.correct, CheckReport(result).messages(result), result)
    }

    /// The correct ∂y/∂x2 and ∂y/∂x1 in plain text, paths written by hand from the quiz's edges.
    static let dx2 = "∂y/∂c ∂c/∂x2 + ∂y/∂d ∂d/∂x2 + ∂y/∂e ∂e/∂d ∂d/∂x2"
    static let dx1Expanded = "∂y/∂c ∂c/∂a ∂a/∂x1 + ∂y/∂d ∂d/∂a ∂a/∂x1 + ∂y/∂d ∂d/∂b ∂b/∂x1"
        + " + ∂y/∂e ∂e/∂d ∂d/∂a ∂a/∂x1 + ∂y/∂e ∂e/∂d ∂d/∂b ∂b/∂x1"

    // MARK: The solution

    @Test func everyLineOfTheSolutionIsCorrect() throws {
        for (text, wrt, steps) in [(AnswerParserTests.solution3a, "x2", 2), (AnswerParserTests.solution3b, "x1", 4)] {
            let (correct, messages, result) = try check(text, "y", wrt)
            #expect(correct, "\(messages)")
            #expect(result.steps.count == steps)
            #expect(result.steps.allSatisfy { $0.correct })
            #expect(messages.allSatisfy { $0.hasSuffix(": correct") || $0.contains("not factored") }, "\(messages)")
        }
    }

    @Test func eachSolutionLineAloneIsCorrect() throws {
        for (text, wrt) in [(AnswerParserTests.solution3a, "x2"), (AnswerParserTests.solution3b, "x1")] {
            let answer = try checker("y", wrt).parser.parse(text)
            for side in answer.rhs {
                let result = try checker("y", wrt).check(Answer(lhs: nil, rhs: [side]))
                #expect(result.correct, "\(side.expr)")
            }
        }
    }

    @Test func theExpandedPathsAreCorrectAndSaidNotFactored() throws {
        let derivation = try #require(Self.quiz).derivation(of: "y", wrt: "x1")
        let expandedCount = try derivation.expanded().partialCount
        let (correct, messages, _) = try check(Self.dx1Expanded, "y", "x1")
        #expect(correct)
        #expect(messages == ["correct, but not factored: it writes \(expandedCount) partial symbols, "
            + "the factored form \(derivation.factored().partialCount)"])
    }

    // MARK: Wrong variants

    @Test func aDroppedPathIsNamed() throws {
        let (correct, messages, result) = try check("∂y/∂c ∂c/∂x2 + ∂y/∂d ∂d/∂x2")
        #expect(!correct)
        #expect(messages == ["missing path x2 → d → e → y (∂y/∂e ∂e/∂d ∂d/∂x2)"])
        #expect(result.missing == [["x2", "d", "e", "y"]])
        #expect(result.extra.isEmpty)
    }

    @Test func aDoubledPathIsNamed() throws {
        let (correct, messages, result) = try check(Self.dx2 + " + ∂y/∂d ∂d/∂x2")
        #expect(!correct)
        #expect(messages == ["path x2 → d → y is written 2 times (∂y/∂d ∂d/∂x2); each path counts once"])
        #expect(result.extra == [["x2", "d", "y"]])
    }

    @Test func aWrongSignIsNamed() throws {
        let (correct, messages, _) = try check("∂y/∂c ∂c/∂x2 - ∂y/∂d ∂d/∂x2 + ∂y/∂e ∂e/∂d ∂d/∂x2")
        #expect(!correct)
        #expect(messages == ["path x2 → d → y has the wrong sign (−∂y/∂d ∂d/∂x2)"])
    }

    @Test func aHalvedPathIsNamed() throws {
        let (correct, messages, _) = try check(#"\frac{1}{2} \frac{\partial y}{\partial c}\frac{\partial c}{\partial x_2} + ∂y/∂d ∂d/∂x2 + ∂y/∂e ∂e/∂d ∂d/∂x2"#)
        #expect(!correct)
        #expect(messages == ["path x2 → c → y has coefficient 0.5 (∂y/∂c ∂c/∂x2); each path counts once"])
    }

    @Test func aWrongFactorBreaksTheChain() throws {
        let (correct, messages, result) = try check("∂y/∂c ∂c/∂x2 + ∂y/∂d ∂d/∂x2 + ∂y/∂e ∂e/∂d ∂c/∂x2")
        #expect(!correct)
        #expect(messages == [
            "missing path x2 → d → e → y (∂y/∂e ∂e/∂d ∂d/∂x2)",
            "∂y/∂e ∂e/∂d ∂c/∂x2 is not a path: a broken chain (x2 → c and d → e → y do not join)",
        ])
        #expect(result.extra == [["x2", "c", "d", "e", "y"]])
    }

    @Test func aProductOfSumsThatCrossesPathsIsNamed() throws {
        let (correct, messages, _) = try check("(∂y/∂c + ∂y/∂d)(∂c/∂x2 + ∂d/∂x2) + ∂y/∂e ∂e/∂d ∂d/∂x2")
        #expect(!correct)
        #expect(messages.contains("∂y/∂c ∂d/∂x2 is not a path: a broken chain (x2 → d and c → y do not join)"))
        #expect(messages.contains("∂y/∂d ∂c/∂x2 is not a path: a broken chain (x2 → c and d → y do not join)"))
        #expect(messages.count == 2)
    }

    @Test func aChainThatStopsShortIsNamed() throws {
        let (correct, messages, _) = try check("∂y/∂c ∂c/∂a + ∂y/∂d ∂d/∂x1 + ∂y/∂e ∂e/∂x1", "y", "x1")
        #expect(!correct)
        #expect(messages == [
            "missing path x1 → a → c → y (∂y/∂c ∂c/∂a ∂a/∂x1)",
            "∂y/∂c ∂c/∂a is not a path from the variable to the output: it runs a → c → y (from a to y)",
        ])
    }

    @Test func aTotalLeftUnexpandedIsFine() throws {
        // ∂e/∂x1 and ∂d/∂x1 are totals (x1 feeds e and d only through a and b): they stand for their paths.
        let (correct, messages, _) = try check("∂y/∂c ∂c/∂a ∂a/∂x1 + ∂y/∂d ∂d/∂x1 + ∂y/∂e ∂e/∂x1", "y", "x1")
        #expect(correct, "\(messages)")
        #expect(messages.isEmpty)
    }

    @Test func aTotalCountedTwiceRepeatsItsPaths() throws {
        // ∂e/∂x1 already holds the paths through d: adding ∂y/∂e ∂e/∂d ∂d/∂x1 counts them twice.
        let (correct, messages, _) = try check("∂y/∂c ∂c/∂x1 + ∂y/∂d ∂d/∂x1 + ∂y/∂e ∂e/∂x1 + ∂y/∂e ∂e/∂d ∂d/∂x1", "y", "x1")
        #expect(!correct)
        #expect(messages == [
            "path x1 → a → d → e → y is written 2 times (∂y/∂e ∂e/∂d ∂d/∂a ∂a/∂x1); each path counts once",
            "path x1 → b → d → e → y is written 2 times (∂y/∂e ∂e/∂d ∂d/∂b ∂b/∂x1); each path counts once",
        ])
    }

    @Test func aSymbolThatIsNeitherEdgeNorTotalIsNamed() throws {
        let (correct, messages, _) = try check(Self.dx2 + " + ∂y/∂c ∂c/∂a ∂a/∂x2")
        #expect(!correct)
        #expect(messages == ["∂a/∂x2 is not an edge (x2 is not a direct input of a) and cannot be a total derivative either: a does not depend on x2"])
    }

    @Test func aReversedPartialIsNamed() throws {
        let (correct, messages, _) = try check("∂c/∂y ∂c/∂x2 + ∂y/∂d ∂d/∂x2 + ∂y/∂e ∂e/∂d ∂d/∂x2")
        #expect(!correct)
        #expect(messages == ["∂c/∂y is not an edge (y is not a direct input of c) and cannot be a total derivative either: c does not depend on y",
                             "missing path x2 → c → y (∂y/∂c ∂c/∂x2)"])
    }

    @Test func aSkippedEdgeBreaksTheChain() throws {
        let (correct, messages, _) = try check("∂y/∂c ∂c/∂x2 + ∂y/∂d ∂d/∂x2 + ∂y/∂e ∂d/∂x2")
        #expect(!correct)
        #expect(messages == ["missing path x2 → d → e → y (∂y/∂e ∂e/∂d ∂d/∂x2)",
                             "∂y/∂e ∂d/∂x2 is not a path: a broken chain (x2 → d and e → y do not join)"])
    }

    @Test func aChainOnOneLineIsCheckedStepByStep() throws {
        let (correct, messages, _) = try check("∂y/∂x2 = ∂y/∂c ∂c/∂x2 + ∂y/∂d ∂d/∂x2 + ∂y/∂e ∂e/∂x2 = ∂y/∂c ∂c/∂x2")
        #expect(!correct)
        #expect(messages == ["step 1: correct", "step 2: missing path x2 → d → y (∂y/∂d ∂d/∂x2)",
                             "step 2: missing path x2 → d → e → y (∂y/∂e ∂e/∂d ∂d/∂x2)"])
    }

    @Test func anUnknownNameIsNamedWithItsColumn() throws {
        let text = "∂y/∂c ∂c/∂x_3 + ∂y/∂d ∂d/∂x2 + ∂y/∂e ∂e/∂d ∂d/∂x2"
        let column = try #require(Array(text).firstIndex(of: "x")) + 1
        let (correct, messages, _) = try check(text)
        #expect(!correct)
        #expect(messages == ["unknown name 'x_3' at line 1, column \(column); did you mean x1 or x2?", "missing path x2 → c → y (∂y/∂c ∂c/∂x2)"])
    }

    @Test func aConstantTermIsNamed() throws {
        let (correct, messages, _) = try check(Self.dx2 + " + 1")
        #expect(!correct)
        #expect(messages == ["the constant term 1 is not a path"])
    }

    @Test func aSquaredPartialIsNotAPath() throws {
        let (correct, messages, _) = try check("(∂y/∂c)^2 ∂c/∂x2 + ∂y/∂d ∂d/∂x2 + ∂y/∂e ∂e/∂d ∂d/∂x2")
        #expect(!correct)
        #expect(messages == [
            "missing path x2 → c → y (∂y/∂c ∂c/∂x2)",
            "∂y/∂c ∂y/∂c ∂c/∂x2 is not a path: a broken chain (x2 → c → y and c → y do not join)",
        ])
    }

    @Test func aValueWhereOnlyPartialsBelongIsNamed() throws {
        let (correct, messages, _) = try check("x1 ∂y/∂c ∂c/∂x2 + ∂y/∂d ∂d/∂x2 + ∂y/∂e ∂e/∂d ∂d/∂x2")
        #expect(!correct)
        #expect(messages == [
            "x1 is not a partial derivative along an edge (write ∂q/∂u symbols, or check with the local derivatives plugged in)",
            "missing path x2 → c → y (∂y/∂c ∂c/∂x2)",
        ])
    }

    @Test func aWrongLeftSideIsNamed() throws {
        let (correct, messages, _) = try check("∂y/∂x1 = ∂y/∂c ∂c/∂x2 + (∂y/∂d + ∂y/∂e ∂e/∂d) ∂d/∂x2")
        #expect(!correct)
        #expect(messages == ["the left-hand side is ∂y/∂x1, but the question asks for ∂y/∂x2"])
    }

    @Test func aChainIsCheckedLineByLine() throws {
        let text = """
            \\begin{aligned} \\frac{\\partial y}{\\partial x_2} &= \\frac{\\partial y}{\\partial c} \\frac{\\partial c}{\\partial x_2} + \\frac{\\partial y}{\\partial d} \\frac{\\partial d}{\\partial x_2} + \\frac{\\partial y}{\\partial e} \\frac{\\partial e}{\\partial x_2} \\\\
            &= \\frac{\\partial y}{\\partial c} \\frac{\\partial c}{\\partial x_2} + \\frac{\\partial y}{\\partial e} \\frac{\\partial e}{\\partial d} \\frac{\\partial d}{\\partial x_2} \\end{aligned}
            """
        let (correct, messages, _) = try check(text)
        #expect(!correct)
        #expect(messages == ["line 1: correct", "line 2: missing path x2 → d → y (∂y/∂d ∂d/∂x2)"])
    }

    @Test func aFactoredFormWithAMissingBranchIsNamed() throws {
        let (correct, messages, result) = try check("∂y/∂c ∂c/∂a ∂a/∂x1 + (∂y/∂d + ∂y/∂e ∂e/∂d) ∂d/∂a ∂a/∂x1", "y", "x1")
        #expect(!correct)
        #expect(messages == ["missing path x1 → b → d → y (∂y/∂d ∂d/∂b ∂b/∂x1)",
                             "missing path x1 → b → d → e → y (∂y/∂e ∂e/∂d ∂d/∂b ∂b/∂x1)"])
        #expect(result.missing == [["x1", "b", "d", "y"], ["x1", "b", "d", "e", "y"]])
    }

    @Test func aBareTotalIsCorrectButNotInEitherForm() throws {
        #expect(try check("∂y/∂x2").correct, "∂y/∂x2 is the total itself")
        let (correct, messages, _) = try check("∂y/∂x2", form: .factored)
        #expect(!correct)
        #expect(messages == ["not in factored form: it writes total derivatives (∂y/∂x2), not only partials along edges"])
    }

    @Test func theAskedFormIsEnforced() throws {
        let derivation = try #require(Self.quiz).derivation(of: "y", wrt: "x1")
        let expandedCount = try derivation.expanded().partialCount
        let factored = "∂y/∂c ∂c/∂a ∂a/∂x1 + (∂y/∂d + ∂y/∂e ∂e/∂d)(∂d/∂a ∂a/∂x1 + ∂d/∂b ∂b/∂x1)"
        #expect(try check(factored, "y", "x1", form: .factored).correct)
        #expect(try check(Self.dx1Expanded, "y", "x1", form: .expanded).correct)
        let notExpanded = try check(factored, "y", "x1", form: .expanded)
        #expect(!notExpanded.correct)
        #expect(notExpanded.messages == ["not in expanded form: the expanded form writes one product of partials per path, without parentheses"])
        let notFactored = try check(Self.dx1Expanded, "y", "x1", form: .factored)
        #expect(!notFactored.correct)
        #expect(notFactored.messages == ["not in factored form: it writes \(expandedCount) partial symbols, "
            + "the factored form \(derivation.factored().partialCount)"])
    }

    @Test func anUnreadableAnswerIsADiagnosticWithItsPosition() throws {
        let checker = try self.checker("y", "x2")
        let error = #expect(throws: Diagnostic.self) { try checker.check("∂y/∂c ∂c/∂x2 +", firstLine: 7) }
        #expect(error?.location.line == 7)
    }

    @Test func aliasesAndIdentity() throws {
        let checker = try self.checker("y", "y")
        #expect(try checker.check("1").correct, "∂y/∂y = 1")
        let zero = try self.checker("a", "x2")
        #expect(try zero.check("0").correct, "a does not depend on x2")
    }
}
