import Testing
@testable import ChainRule

@Suite("Graph: building networks")
struct GraphTests {
    @Test func quizNeuronsGetImplicitWeightsBiasesAndPreactivations() throws {
        let network = try #require(Package.network("quiz-problem-3.nn"))
        let d = try #require(network["d"])
        #expect(d.preactivation.map { network.nodes[$0].name } == "z_d")
        let z = try #require(network["z_d"])
        #expect(z.kind == .preactivation && z.isImplicit)
        let names = (z.formula?.references ?? []).map { network.nodes[$0].name }
        #expect(names == ["w_d_a", "a", "w_d_b", "b", "v_d_x2", "x2", "b_d"])
        #expect(network["w_d_a"]?.kind == .parameter)
        #expect(network.outputs.map { network.nodes[$0].name } == ["y"])
    }

    @Test func nodesAreTopologicallyOrdered() throws {
        for url in Package.problems {
            let network = try #require(Package.network(url.lastPathComponent), "\(url.lastPathComponent)")
            for (index, inputs) in network.inputs.enumerated() {
                #expect(inputs.allSatisfy { $0 < index }, "\(url.lastPathComponent): \(network.nodes[index].name)")
            }
        }
    }

    @Test func forwardReferencesAreAllowed() throws {
        let network = try Network.parse("input x\nb = a * 2\na = x + 1\n").get()
        #expect(network.nodes.map(\.name) == ["x", "a", "b"])
    }

    @Test func matrixShapesAreInferred() throws {
        let network = try #require(Package.network("sigmoid-4-2-3-1.nn"))
        #expect(network["a1"]?.shape == .vector(2))
        #expect(network["a2"]?.shape == .vector(3))
        #expect(network["z_a3"]?.shape == .vector(1))
        #expect(network["L"]?.shape == .scalar)
        #expect(network["W2"]?.value?.entries.count == 6)
        #expect(network.iterations == 2)
    }

    @Test func exactValuesAreKept() throws {
        let network = try #require(Package.network("perceptron.nn"))
        #expect(network["w1"]?.value == Tensor(.exact(Rational(1, 5)!)))
        #expect(network.rate == .exact(Rational(1, 100)!))
    }

    @Test func scalarViewSplitsVectorsAndFoldsPreactivations() throws {
        let network = try #require(Package.network("sigmoid-4-2-3-1.nn"))
        let graph = network.scalarGraph()
        let a1 = try #require(graph.index(of: "a1[2]"))
        let inputs = graph.nodes[a1].inputs.map { graph.nodes[$0].name }
        #expect(inputs == ["W1[1,2]", "x[1]", "W1[2,2]", "x[2]", "W1[3,2]", "x[3]", "W1[4,2]", "x[4]", "b1[2]"])
        #expect(graph.nodes[a1].preactivation?.name == "z_a1[2]")
        #expect(graph.index(of: "z_a1[2]") == nil)
        let full = network.scalarGraph(contractingPreactivations: false)
        let z = try #require(full.index(of: "z_a1[2]"))
        #expect(full.nodes[try #require(full.index(of: "a1[2]"))].inputs == [z])
    }

    @Test func scalarViewOfTheQuizHasTheElevenEdges() throws {
        let network = try #require(Package.network("quiz-problem-3.nn"))
        let graph = network.scalarGraph()
        let neural = graph.edges.filter { graph.nodes[$0.from].kind != .parameter }
            .map { graph.nodes[$0.from].name + "→" + graph.nodes[$0.to].name }
        #expect(neural == ["x1→a", "x1→b", "a→c", "x2→c", "a→d", "b→d", "x2→d", "d→e", "c→y", "d→y", "e→y"])
    }
}
