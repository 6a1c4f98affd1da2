import Foundation

/// A mathematical constant a `.nn` file may use by name when no node or parameter has that name:
/// Euler's number `e` (so `e^x` is exp(x)) and `pi` (also written `π`).
public enum NamedConstant: String, CaseIterable, Hashable, Sendable {
    /// Euler's number e = exp(1).
    case e
    /// π, the ratio of a circle's circumference to its diameter.
    case pi

    /// How `show` names it.
    public var description: String {
        switch self {
        case .e: "Euler's number"
        case .pi: "the circle constant"
        }
    }

    /// The value in full double precision.
    public var value: Double {
        switch self {
        case .e: Foundation.exp(1)
        case .pi: Double.pi
        }
    }

    /// The formula standing for the constant: e is exp(1) (kept symbolic, so derivatives read e, not
    /// 2.718…), π its double value.
    var formula: Formula {
        switch self {
        case .e: .apply(.exp, [.constant(.one)])
        case .pi: .constant(.real(Double.pi))
        }
    }
}
