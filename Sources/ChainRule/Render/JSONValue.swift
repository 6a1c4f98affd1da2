/// A JSON document, built by every `--format json` output and serialized deterministically.
///
/// Objects keep their keys in the order given. Non-finite numbers cannot be written as JSON; they
/// serialize as `null`, and ``containsNonFiniteNumber`` lets callers report them.
public enum JSONValue: Sendable, Equatable {
    /// `null`.
    case null
    /// `true` / `false`.
    case bool(Bool)
    /// A number (integral values up to 2⁵³ print without a fraction).
    case number(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object, keys in order.
    case object([(key: String, value: JSONValue)])

    /// A `Number` as JSON (its full `Double` value).
    public init(_ number: Number) { self = .number(number.doubleValue) }

    /// Whether some number inside is NaN or infinite (and will serialize as `null`).
    public var containsNonFiniteNumber: Bool {
        switch self {
        case .number(let d): !d.isFinite
        case .array(let items): items.contains { $0.containsNonFiniteNumber }
        case .object(let members): members.contains { $0.value.containsNonFiniteNumber }
        case .null, .bool, .string: false
        }
    }

    /// The value of `key` in an object (the first, if repeated).
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The JSON text: `pretty` indents by two spaces with one member per line; otherwise compact.
    public func serialized(pretty: Bool = true) -> String {
        var out = ""
        write(to: &out, pretty: pretty, indent: "")
        return out
    }

    /// Structural equality, keys compared in order (NaN equals NaN so documents compare predictably).
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.number(let a), .number(let b)): a == b || (a.isNaN && b.isNaN)
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)):
            a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }

    private func write(to out: inout String, pretty: Bool, indent: String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let d): out += JSONValue.numberText(d)
        case .string(let s): out += JSONValue.quoted(s)
        case .array(let items):
            writeContainer(items, open: "[", close: "]", to: &out, pretty: pretty, indent: indent) { item, out, inner in
                item.write(to: &out, pretty: pretty, indent: inner)
            }
        case .object(let members):
            writeContainer(members, open: "{", close: "}", to: &out, pretty: pretty, indent: indent) { member, out, inner in
                out += JSONValue.quoted(member.key) + (pretty ? ": " : ":")
                member.value.write(to: &out, pretty: pretty, indent: inner)
            }
        }
    }

    private func writeContainer<T>(_ items: [T], open: String, close: String, to out: inout String, pretty: Bool,
                                   indent: String, element: (T, inout String, String) -> Void) {
        guard !items.isEmpty else { out += open + close; return }
        let inner = indent + "  "
        out += open
        for (i, item) in items.enumerated() {
            if i > 0 { out += "," }
            if pretty { out += "\n" + inner }
            element(item, &out, inner)
        }
        out += (pretty ? "\n" + indent : "") + close
    }

    private static func numberText(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        if d == d.rounded(), abs(d) < 9_007_199_254_740_992 { return String(Int64(d)) }
        return "\(d)"
    }

    private static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case let c where c.value < 0x20:
                let hex = String(c.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    /// `null`.
    public init(nilLiteral: ()) { self = .null }
    /// A boolean.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// An integer.
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    /// A number.
    public init(floatLiteral value: Double) { self = .number(value) }
    /// A string.
    public init(stringLiteral value: String) { self = .string(value) }
    /// An array.
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    /// An object, keys in the order written.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(elements.map { (key: $0.0, value: $0.1) })
    }
}
