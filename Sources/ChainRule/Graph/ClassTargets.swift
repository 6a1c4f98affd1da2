/// Targets written as a class number, `target y = class 3`: a one-hot vector whose length is that of
/// the prediction it is compared with (in `cross_entropy`, `hinge`, `bce` or `mse`), known only when
/// that comparison is resolved.
struct ClassTargets {
    /// Class targets whose length is not known yet, with their class number and where they are declared.
    private(set) var pending: [String: (index: Int, location: SourceLocation)] = [:]

    /// Records `name` as the target of class `index` (1-based).
    mutating func declare(_ name: String, index: Int, at location: SourceLocation) {
        pending[name] = (index, location)
    }

    /// The one-hot value of the pending class target `name` shaped like `prediction`, or the message
    /// saying why it cannot be; `nil` when `name` is not a pending class target.
    mutating func settle(_ name: String, like prediction: Shape) -> (value: Tensor?, problem: String?)? {
        guard let (index, _) = pending.removeValue(forKey: name) else { return nil }
        guard prediction.rank == 1 else {
            return (nil, "'\(name)' is a class number, so it must be compared with a vector of scores or probabilities, got \(prediction)")
        }
        guard index <= prediction.count else {
            return (nil, "'\(name)' is class \(index), but there are only \(prediction.count) classes")
        }
        var entries = Array(repeating: Number.zero, count: prediction.count)
        entries[index - 1] = .one
        return (Tensor(shape: prediction, entries: entries), nil)
    }

    /// The class targets never compared with a prediction, in source order.
    var unsettled: [(name: String, location: SourceLocation)] {
        pending.map { ($0.key, $0.value.location) }.sorted { $0.location < $1.location }
    }
}
