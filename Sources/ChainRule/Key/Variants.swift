import Foundation

/// Numbered variants of a problem, a version for every student: each draws the values of the
/// inputs, parameters and targets that declare a range (`param w11 = 0.2 in [-1, 1] step 0.1`,
/// `input x1 in {0.5, 1, 2}`), the others keep the file's values.
///
/// Draws come from one ``SeededGenerator`` in variant order, so a seed gives the same variants on
/// every run, and variant K is the same whatever the count (``variant(_:of:seed:)`` rebuilds it on its
/// own, as `chainrule check --variant K --seed S` needs). A draw is redrawn when it repeats an
/// earlier variant, lands a ReLU, step, |·|, max or min on its kink, saturates a sigmoid (|z| > 6),
/// or gives a value that is not finite, in any iteration of the worked example.
public enum Variants {
    /// Why variants cannot be made.
    public enum Failure: Error, Hashable, Sendable, CustomStringConvertible {
        /// No input, parameter or target declares a range.
        case noRanges
        /// The ranges allow fewer distinct variants than asked.
        case tooFew(possible: Int, asked: Int)
        /// No acceptable draw was found for a variant.
        case noGoodDraw(variant: Int, attempts: Int)

        /// One line for the user.
        public var description: String {
            switch self {
            case .noRanges:
                "no input, parameter or target declares a range to draw from (write e.g. 'param w11 = 0.2 in [-1, 1] step 0.1')"
            case .tooFew(let possible, let asked):
                "the declared ranges allow only \(possible) distinct variants, fewer than the \(asked) asked"
            case .noGoodDraw(let variant, let attempts):
                "variant \(variant): \(attempts) draws in a row hit a kink, a saturated sigmoid or a repeat; widen the ranges"
            }
        }
    }

    /// Draws tried for one variant before giving up.
    public static let attemptLimit = 1000

    /// Variants 1…`count` of `network` for `seed`; `progress` is called after each one.
    public static func generate(network: Network, count: Int, seed: UInt64,
                                progress: (Int) -> Void = { _ in }) throws(Failure) -> [Variant] {
        let ranged = network.nodes.indices.filter { network.nodes[$0].kind.isLeaf && network.nodes[$0].range != nil }
        guard !ranged.isEmpty else { throw .noRanges }
        let possible = possibleCount(network)
        guard count <= possible else { throw .tooFew(possible: possible, asked: count) }
        guard count > 0 else { return [] }
        let checker = Checker(network: network)
        var generator = SeededGenerator(seed: seed)
        var seen = Set<[Number]>()
        var variants: [Variant] = []
        for number in 1...count {
            var accepted: [Int: Tensor]?
            for _ in 0..<attemptLimit {
                let values = Dictionary(uniqueKeysWithValues: ranged.map { index in
                    let node = network.nodes[index]
                    return (index, Tensor(shape: node.shape, entries: (0..<node.shape.count).map { _ in draw(node.range, &generator) }))
                })
                let key = ranged.flatMap { values[$0]?.entries ?? [] }
                guard !seen.contains(key), checker.accepts(values) else { continue }
                seen.insert(key)
                accepted = values
                break
            }
            guard let values = accepted else { throw .noGoodDraw(variant: number, attempts: attemptLimit) }
            var variant = network.settingValues(values)
            for index in variant.nodes.indices { variant.nodes[index].range = nil }
            variants.append(Variant(number: number, network: variant, drawn: ranged))
            progress(number)
        }
        return variants
    }

    /// Variant `number` (from 1) of `network` for `seed`: the same network ``generate(network:count:seed:progress:)``
    /// gives it in any run of at least `number` variants.
    public static func variant(_ number: Int, of network: Network, seed: UInt64) throws(Failure) -> Variant {
        let all = try generate(network: network, count: max(number, 1), seed: seed)
        return all[all.count - 1]
    }

    /// How many distinct variants the ranges allow (saturating at `Int.max`).
    public static func possibleCount(_ network: Network) -> Int {
        var total = 1
        for node in network.nodes where node.kind.isLeaf {
            guard let range = node.range else { continue }
            for _ in 0..<node.shape.count {
                let (product, overflow) = total.multipliedReportingOverflow(by: max(choiceCount(range), 1))
                total = overflow ? Int.max : product
            }
        }
        return total
    }

    /// How many values a range offers.
    static func choiceCount(_ range: ValueRange) -> Int {
        switch range {
        case .choices(let options): return options.count
        case .interval(let low, let high, let step):
            if let l = low.rational, let h = high.rational, let s = step.rational,
               let span = h.adding(l.negated), let steps = span.divided(by: s) {
                return Int((Double(steps.numerator) / Double(steps.denominator)).rounded(.down)) + 1
            }
            let steps = (high.doubleValue - low.doubleValue) / step.doubleValue
            return steps.isFinite && steps < Double(Int.max - 1) ? Int((steps + 1e-9).rounded(.down)) + 1 : Int.max
        }
    }

    /// One value from a range: low + k·step (exact when the bounds are) or one of the choices.
    static func draw(_ range: ValueRange?, _ generator: inout SeededGenerator) -> Number {
        guard let range else { return .zero }
        switch range {
        case .choices(let options):
            return options.isEmpty ? .zero : options[Int.random(in: 0..<options.count, using: &generator)]
        case .interval(let low, _, let step):
            let count = choiceCount(range)
            let k = count > 1 ? Int.random(in: 0..<count, using: &generator) : 0
            return low + Number(k) * step
        }
    }

    /// Tests draws numerically: compiled once, evaluated per draw.
    struct Checker {
        let network: Network
        let runtime: Runtime?
        /// Each sigmoid node with the node holding its argument z, when it is one.
        let sigmoids: [(node: Int, argument: Int?)]

        init(network: Network) {
            self.network = network
            runtime = network.usesUnspecifiedActivation ? nil : try? Runtime(network)
            sigmoids = network.nodes.indices.compactMap { index in
                guard case .apply(.sigmoid, let arguments)? = network.nodes[index].formula else { return nil }
                if arguments.count == 1, case .node(let z) = arguments[0] { return (index, z) }
                return (index, nil)
            }
        }

        /// A sigmoid saturates beyond |z| = 6.
        static let saturation = 6.0

        /// Whether the draw keeps every pass of the worked example away from kinks and saturation.
        func accepts(_ values: [Int: Tensor]) -> Bool {
            guard let runtime else { return true }
            var leaves: [Int: RealTensor] = [:]
            for (index, node) in network.nodes.enumerated() where node.kind.isLeaf {
                if let value = values[index] ?? node.value { leaves[index] = RealTensor(value) }
            }
            guard leaves.count == network.nodes.count(where: { $0.kind.isLeaf }) || !network.samples.isEmpty else { return true }
            let training = runtime.train(from: Point(values: leaves))
            for iteration in training.iterations {
                for pass in iteration.passes {
                    let evaluation = pass.evaluation
                    guard evaluation.nonFinite.isEmpty, pass.gradients?.nonFinite.isEmpty ?? true else { return false }
                    guard runtime.kinks(evaluation, within: 1e-9).isEmpty else { return false }
                    for (node, argument) in sigmoids {
                        // z itself, or recovered from σ(z) as log(a / (1 − a)).
                        let z = argument.map { evaluation.value($0).scalars } ?? evaluation.value(node).scalars.map { Foundation.log($0 / (1 - $0)) }
                        if z.contains(where: { !(Swift.abs($0) <= Checker.saturation) }) { return false }
                    }
                }
            }
            return true
        }
    }
}
