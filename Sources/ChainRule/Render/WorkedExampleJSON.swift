/// The numbers of a worked example as JSON, keyed by the names written in the file (implicit weights
/// `w_c_a`, `b_c`, pre-activations `z_NAME`): `{"iterations": [{"values", "loss", "deltas",
/// "gradients", "updated"}]}`. With a batch, each iteration lists its samples' values and losses and
/// gives the averaged loss and gradients. A network written with vectors and matrices also gets, per
/// pass, `"layers"`: each layer's z, a, δ, ∂L/∂W (a matrix in the file's orientation) and ∂L/∂b.
/// Full precision; non-finite numbers become `null` and are listed under `"errors"`.
public enum WorkedExampleJSON {
    /// The JSON document of a training run.
    public static func document(_ training: Training) -> JSONValue {
        let network = training.network
        func tensor(_ t: RealTensor) -> JSONValue {
            switch t.shape.rank {
            case 0: return .number(t.scalars[0])
            case 1: return .array(t.scalars.map(JSONValue.number))
            default:
                return .array(t.shape.rows(t.scalars).map { .array($0.map(JSONValue.number)) })
            }
        }
        func named(_ indices: [Int], _ value: (Int) -> RealTensor?) -> JSONValue {
            .object(indices.compactMap { i in value(i).map { (key: network.nodes[i].name, value: tensor($0)) } })
        }
        let layered = WorkedExample.LayerBuilder(network: network)
        let parameters = network.indices(of: .parameter)
        let computed = network.nodes.indices.filter { network.nodes[$0].formula != nil }
        var errors: [JSONValue] = []
        let iterations: [JSONValue] = training.iterations.enumerated().map { number, iteration in
            var members: [(key: String, value: JSONValue)] = []
            let samples = iteration.passes.map { pass -> JSONValue in
                errors += pass.evaluation.nonFinite.map { .string("iteration \(training.firstIteration + number): the value of \($0) is not a finite number") }
                var sample: [(key: String, value: JSONValue)] = [
                    (key: "values", value: named(Array(network.nodes.indices)) { pass.evaluation.value($0) }),
                    (key: "loss", value: pass.evaluation.loss.map(JSONValue.number) ?? .null),
                ]
                if let layered { sample.append((key: "layers", value: layered.json(pass.evaluation, pass.gradients))) }
                return .object(sample)
            }
            if samples.count == 1, let only = samples.first {
                members.append((key: "values", value: only["values"] ?? .null))
                if let layers = only["layers"] { members.append((key: "layers", value: layers)) }
            } else {
                members.append((key: "samples", value: .array(samples)))
            }
            members.append((key: "loss", value: iteration.loss.map(JSONValue.number) ?? .null))
            if network.loss != nil {
                members.append((key: "deltas", value: named(computed) { iteration.deltas[$0] }))
                members.append((key: "gradients", value: named(parameters) { iteration.deltas[$0] }))
            }
            members.append((key: "updated", value: named(parameters) { iteration.updated[$0] }))
            return .object(members)
        }
        var document: [(key: String, value: JSONValue)] = []
        if training.batchSize > 1 { document.append((key: "batch", value: .number(Double(training.batchSize)))) }
        if !training.start.drawn.isEmpty { document.append((key: "drawn", value: .array(training.start.drawn.map(JSONValue.string)))) }
        document.append((key: "iterations", value: .array(iterations)))
        let value = JSONValue.object(document)
        if value.containsNonFiniteNumber && errors.isEmpty { errors.append("some derivative is not a finite number") }
        if !errors.isEmpty { document.append((key: "errors", value: .array(errors))) }
        return .object(document)
    }
}
