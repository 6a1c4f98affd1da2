/// Resolves a written expression into a ``Formula`` with its shape, reporting unknown functions,
/// wrong argument counts and shape mismatches (naming both shapes).
enum FormulaResolver {
    /// The formula and shape of `expression`, or `nil` after reporting what is wrong.
    static func resolve(_ expression: SyntaxExpr, in builder: inout NetworkBuilder) -> (Formula, Shape)? {
        switch expression {
        case .number(let value, _):
            return (.constant(value), .scalar)
        case .name(let name, let location):
            if let constant = builder.constant(named: name) { return (constant.formula, .scalar) }
            guard let (index, shape) = builder.reference(name, at: location) else { return nil }
            return (.node(index), shape)
        case .index(let name, let index, let location):
            if let (node, shape) = builder.indexedNode(name, index) { return (.node(node), shape) }
            guard let (node, shape) = builder.reference(name, at: location) else { return nil }
            guard index.count == shape.rank, zip(index, shape.dimensions).allSatisfy({ 1...$1 ~= $0 }) else {
                let written = index.map(String.init).joined(separator: ",")
                builder.report(at: location, "index [\(written)] does not fit '\(name)', which is \(shape)")
                return nil
            }
            return (.component(node, index), .scalar)
        case .array(_, let location):
            builder.report(at: location, "an array can only be a value given with input, param, target or sample")
            return nil
        case .negate(let operand, _):
            return resolve(operand, in: &builder).map { (.negate($0.0), $0.1) }
        case .transpose(let operand, _):
            return resolve(operand, in: &builder).map { (.transpose($0.0), $0.1.transposed) }
        case .binary(.power, .name("e", _), let rhs, _) where builder.constant(named: "e") != nil:
            return resolve(rhs, in: &builder).map { (.apply(.exp, [$0.0]), $0.1) }
        case .binary(let op, let lhs, let rhs, let location):
            guard let (a, sa) = resolve(lhs, in: &builder), let (b, sb) = resolve(rhs, in: &builder) else { return nil }
            return binary(op, a, sa, b, sb, at: location, in: &builder)
        case .call(let name, let arguments, let location):
            return call(name, arguments, at: location, in: &builder)
        }
    }

    private static func binary(_ op: BinaryOperator, _ a: Formula, _ sa: Shape, _ b: Formula, _ sb: Shape,
                               at location: SourceLocation, in builder: inout NetworkBuilder) -> (Formula, Shape)? {
        if op == .multiply, sa.rank == 2 {
            guard let shape = Shape.matmul(sa, sb) else {
                builder.report(at: location, "shape mismatch: cannot multiply \(sa) by \(sb)")
                return nil
            }
            guard LineParser.fitsSizeLimit(shape.dimensions) else {
                builder.report(at: location, "the product of \(sa) by \(sb) is \(shape), too large: a value holds at most \(LineParser.maxNodeSize) numbers")
                return nil
            }
            return (.matmul(a, b), shape)
        }
        if op == .power {
            guard sb.count == 1 else {
                builder.report(at: location, "shape mismatch: an exponent must be a scalar, got \(sb)")
                return nil
            }
            return (.power(a, b), sa)
        }
        guard let shape = Shape.broadcast(sa, sb) else {
            let verb = ["+": "add", "-": "subtract", "*": "multiply", "/": "divide", "⊙": "multiply elementwise"][op.rawValue] ?? "combine"
            let joiner = op == .subtract ? "from" : op == .add ? "and" : "by"
            let (first, second) = op == .subtract ? (sb, sa) : (sa, sb)
            builder.report(at: location, "shape mismatch: cannot \(verb) \(first) \(joiner) \(second)")
            return nil
        }
        switch op {
        case .add: return (.add(a, b), shape)
        case .subtract: return (.subtract(a, b), shape)
        case .multiply, .hadamard: return (.multiply(a, b), shape)
        case .divide: return (.divide(a, b), shape)
        case .power: return nil
        }
    }

    /// `name(…)` where `name` is a node or parameter of the file: a product `x(y + 1)`, or, when the
    /// name is also a function's, an ambiguous use reported here.
    private static func shadowedCall(_ name: String, _ arguments: [SyntaxExpr], at location: SourceLocation,
                                     in builder: inout NetworkBuilder) -> (Formula, Shape)? {
        if BuiltinFunction.named(name) != nil {
            builder.report(at: location, "'\(name)' is a node of this file and also called as a function here: rename the node to call \(name)(…), or write '\(name) (…)' for a product")
            return nil
        }
        guard arguments.count == 1 else {
            builder.report(at: location, "'\(name)' is a node or parameter, not a function: write '\(name) * (…)' for a product")
            return nil
        }
        return resolve(.binary(.multiply, .name(name, location), arguments[0], location), in: &builder)
    }

    /// `max(v)` over a vector's entries, or `max(a, b, c, …)` elementwise over three or more operands
    /// (two-argument maxima nested left to right).
    private static func extremum(_ reduction: Reduction, _ arguments: [SyntaxExpr], at location: SourceLocation,
                                 in builder: inout NetworkBuilder) -> (Formula, Shape)? {
        let name = reduction.name
        guard !arguments.isEmpty else {
            builder.report(at: location, "wrong number of arguments: \(name) takes a vector or two or more arguments, got 0")
            return nil
        }
        var resolved: [(Formula, Shape)] = []
        for argument in arguments {
            guard let r = resolve(argument, in: &builder) else { return nil }
            resolved.append(r)
        }
        if resolved.count == 1 { return (.reduce(reduction, [resolved[0].0]), .scalar) }
        let function: Function = reduction == .max ? .max : .min
        var (formula, shape) = resolved[0]
        for (next, nextShape) in resolved.dropFirst() {
            guard let joined = Shape.broadcast(shape, nextShape) else {
                builder.report(at: location, "shape mismatch: \(name) of \(shape) and \(nextShape)")
                return nil
            }
            (formula, shape) = (.apply(function, [formula, next]), joined)
        }
        return (formula, shape)
    }

    private static func call(_ name: String, _ arguments: [SyntaxExpr], at location: SourceLocation,
                             in builder: inout NetworkBuilder) -> (Formula, Shape)? {
        if builder.isDefined(name) { return shadowedCall(name, arguments, at: location, in: &builder) }
        guard let function = BuiltinFunction.named(name) else {
            let known = BuiltinFunction.allCases.map(\.rawValue).joined(separator: ", ")
            builder.report(at: location, "unknown function '\(name)' (known: \(known))")
            return nil
        }
        if function == .max || function == .min, arguments.count != 2 {
            return extremum(function == .max ? .max : .min, arguments, at: location, in: &builder)
        }
        let expected = function.arity ?? 1
        guard arguments.count == expected else {
            let extra = function.isActivation && arguments.count > 1
                ? "; a neuron \(name)(a, b, …) of node names must be a node's whole definition" : ""
            builder.report(at: location, "wrong number of arguments: \(name) takes \(expected), got \(arguments.count)\(extra)")
            return nil
        }
        var resolved: [(Formula, Shape)] = []
        for argument in arguments {
            if resolved.count == 1, [.crossEntropy, .hinge, .bce, .mse].contains(function),
               case .name(let target, _) = argument {
                builder.settleClassTarget(target, like: resolved[0].1, at: location)
            }
            guard let r = resolve(argument, in: &builder) else { return nil }
            resolved.append(r)
        }
        let (a, sa) = resolved[0]
        switch function {
        case .softmax:
            guard sa.rank == 1 else {
                builder.report(at: location, "softmax takes a vector, got \(sa)")
                return nil
            }
            return (.softmax(a), sa)
        case .sum:
            return (.sum(a), .scalar)
        case .norm, .mean:
            return (.reduce(function == .norm ? .norm : .mean, [a]), .scalar)
        case .hinge:
            let (b, sb) = resolved[1]
            guard sa.rank == 1, sb == sa else {
                builder.report(at: location, "shape mismatch: hinge takes a score vector and a one-hot target of the same size, got \(sa) and \(sb)")
                return nil
            }
            return (.reduce(.hinge, [a, b]), .scalar)
        case .bce, .crossEntropy, .mse:
            let (b, sb) = resolved[1]
            guard Shape.broadcast(sa, sb) != nil else {
                builder.report(at: location, "shape mismatch: \(name) compares \(sa) with \(sb)")
                return nil
            }
            return (function == .bce ? .bce(a, b) : function == .mse ? .mse(a, b) : .crossEntropy(a, b), .scalar)
        case .max, .min:
            let (b, sb) = resolved[1]
            guard let shape = Shape.broadcast(sa, sb) else {
                builder.report(at: location, "shape mismatch: \(name) of \(sa) and \(sb)")
                return nil
            }
            return (.apply(function == .max ? .max : .min, [a, b]), shape)
        default:
            return (.apply(function.scalarFunction ?? .identity, [a]), sa)
        }
    }
}
