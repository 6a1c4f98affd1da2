/// Targets written as a class number, `target y = class 3`: a one-hot vector whose length is that of
/// the prediction it is compared with (in `cross_entropy`, `hinge`, `bce` or `mse`), known only when
/// that comparison is resolved. A target given as a class number only in `sample` rows
/// (`sample x = …, y = class 2`) takes its length the same way, with no value of its own.
struct ClassTargets {
    /// Class targets whose length is not known yet, with their class number (`nil` when only samples
    /// give one) and where they are declared.
    private(set) var pending: [String: (index: Int?, location: SourceLocation)] = [:]

    /// Records `name` as the target of class `index` (1-based).
    mutating func declare(_ name: String, index: Int, at location: SourceLocation) {
        pending[name] = (index, location)
    }

    /// Records that a sample row gives `name` as a class number (its length is then the prediction's).
    mutating func declareInSample(_ name: String, at location: SourceLocation) {
        if pending[name] == nil { pending[name] = (nil, location) }
    }

    /// The shape and one-hot value (none for a target classed only in samples) of the pending class
    /// target `name` compared with `prediction`, or the message saying why it cannot be; `nil` when
    /// `name` is not a pending class target.
    mutating func settle(_ name: String, like prediction: Shape) -> (shape: Shape, value: Tensor?, problem: String?)? {
        guard let (index, _) = pending.removeValue(forKey: name) else { return nil }
        guard prediction.rank == 1 else {
            return (prediction, nil, "'\(name)' is a class number, so it must be compared with a vector of scores or probabilities, got \(prediction)")
        }
        guard let index else { return (prediction, nil, nil) }
        guard index <= prediction.count else {
            return (prediction, nil, "'\(name)' is class \(index), but there are only \(prediction.count) classes")
        }
        return (prediction, Self.oneHot(index, count: prediction.count), nil)
    }

    /// The one-hot vector of class `index` (1-based) among `count`.
    static func oneHot(_ index: Int, count: Int) -> Tensor {
        var entries = Array(repeating: Number.zero, count: count)
        entries[index - 1] = .one
        return Tensor(shape: Shape([count]), entries: entries)
    }

    /// The class targets never compared with a prediction, in source order.
    var unsettled: [(name: String, location: SourceLocation)] {
        pending.map { ($0.key, $0.value.location) }.sorted { $0.location < $1.location }
    }
}
