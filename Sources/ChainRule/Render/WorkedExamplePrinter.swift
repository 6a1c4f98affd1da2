/// A printer of a ``WorkedExample`` for one output format (``WorkedExampleText``,
/// ``WorkedExampleLaTeX``, ``HTMLWorkedExample``), in the style of the other printer protocols: the
/// layout (parts in order, a block's sections, a line's sides, the digits an update needs, the change
/// an update's digits cannot show) is decided once, here, in the protocol's defaults; a conformer
/// supplies the format's pieces through hooks.
///
/// Sides dispatch by kind of ``WorkedExample/Step`` (``render(_:)-(WorkedExample.Step)``): scalar
/// expressions through the format's ``ExprPrinter``, layer notation through its ``LayerPrinter``,
/// values through ``value(_:transposed:entry:)``, combinations through ``operators``.
protocol WorkedExamplePrinter {
    /// The layer notation of this format (symbols and gradients of updates).
    associatedtype Notation: LayerPrinter

    /// Significant digits shown for computed numbers (raised line by line for updates).
    var digits: Int { get set }

    // MARK: Sides

    /// A scalar expression as a side.
    func expr(_ e: Expr) -> String
    /// A vector or matrix expression in layer notation as a side.
    func layer(_ e: LayerExpr) -> String
    /// The layer notation.
    var notation: Notation { get }
    /// A decimal string from ``DisplayNumber`` in this format (`−`, `× 10` to a power).
    func decimal(_ text: String) -> String
    /// One entry of a computed vector or matrix (default: ``decimal(_:)`` of the rounded value).
    func entry(_ value: Double) -> String
    /// A value of `shape`, `entry` giving the text of the entry at a row-major offset: one number
    /// bare, a vector as a column (a row when `transposed`), a matrix row by row; a large value
    /// abbreviated (``Abbreviation``), asking only for the entries shown.
    func value(_ shape: Shape, transposed: Bool, entry: (Int) -> String) -> String
    /// A computed vector or matrix as a side (default: ``value(_:transposed:entry:)`` of its entries).
    func tensor(_ t: RealTensor) -> String
    /// A column of several expressions (each entry's arithmetic).
    func column(_ items: [Expr]) -> String
    /// The operators and parentheses of a ``WorkedExample/Step/combination(_:)``.
    var operators: WorkedExample.CombinationStyle { get }
    /// `− η` between a parameter and its gradient in an update.
    var descentOperator: String { get }
    /// A combination or descent made a side (the HTML page wraps it in `<math>`).
    func side(_ math: String) -> String

    // MARK: Layout

    /// Between the parts of the example (notes, blocks, errors).
    var separator: String { get }
    /// After the last part of a streamed example (``WorkedExampleStream``).
    var trailer: String { get }
    /// The parts before the first block (title, notes).
    func preamble(_ example: WorkedExample) -> [String]
    /// The parts after the last block, one per error or together.
    func errors(_ errors: [String]) -> [String]
    /// A block from its heading and its sections' titles and printed lines (empty sections included).
    func block(_ heading: String, _ sections: [(title: String, lines: [String])]) -> String
    /// One printed line.
    func line(_ line: WorkedExample.PrintedLine) -> String
}

extension WorkedExamplePrinter {
    // MARK: Layout, shared

    /// The whole example: preamble, every block, then any errors (never left silent).
    func render(_ example: WorkedExample) -> String {
        (preamble(example) + example.blocks.map(render) + errors(example.errors)).joined(separator: separator)
    }

    /// One block.
    func render(_ block: WorkedExample.Block) -> String {
        self.block(block.heading, block.sections.map { (title: $0.title, lines: $0.lines.map(render)) })
    }

    /// One line: an update with as many digits as it takes to see its change, and the change itself
    /// where even ``DisplayNumber/maxUpdateDigits`` do not.
    func render(_ line: WorkedExample.Line) -> String {
        var shown = self
        shown.digits = line.shownDigits(digits)
        return self.line(WorkedExample.PrintedLine(
            lhs: shown.render(line.lhs), isUpdate: line.isUpdate, steps: line.steps.map(shown.render),
            symbolic: line.steps.dropLast().prefix(while: \.isSymbolic).count,
            change: line.hiddenChange.map(change)))
    }

    /// A change as a side: a number, or a vector or matrix of the entries' changes.
    func change(_ delta: RealTensor) -> String {
        delta.shape.count == 1 ? side(decimal(DisplayNumber.string(delta.scalars[0], digits: digits))) : tensor(delta)
    }

    // MARK: Sides, shared

    /// One side in this printer's format.
    func render(_ step: WorkedExample.Step) -> String {
        switch step {
        case .expr(let e): expr(e)
        case .tensor(let t): tensor(t)
        case .layer(let e): layer(e)
        case .entries(let items): items.count == 1 ? expr(items[0]) : column(items)
        case .combination(let operands):
            side(operators.render(operands) { operand in
                value(operand.value.shape, transposed: operand.transposed) {
                    decimal(DisplayNumber.string(operand.value.entries[$0], digits: digits))
                }
            })
        case .descent(let symbol): side(notation.symbol(symbol) + descentOperator + notation.render(.gradient(symbol)))
        }
    }

    /// A computed vector or matrix.
    func tensor(_ t: RealTensor) -> String { value(t.shape, transposed: false) { entry(t.scalars[$0]) } }

    /// The rounded value in this format.
    func entry(_ value: Double) -> String { decimal(DisplayNumber.string(value, digits: digits)) }
}

extension WorkedExample {
    /// A line with its sides printed, for a ``WorkedExamplePrinter``'s layout.
    struct PrintedLine {
        /// The quantity.
        var lhs: String
        /// Whether it is an update (`←`).
        var isUpdate: Bool
        /// The right-hand sides, the value last.
        var steps: [String]
        /// How many leading sides are formulas (symbols) rather than numbers.
        var symbolic: Int
        /// For an update whose change is below even ``DisplayNumber/maxUpdateDigits``: the change.
        var change: String?
    }
}
