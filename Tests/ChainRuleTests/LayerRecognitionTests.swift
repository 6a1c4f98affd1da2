import Testing
@testable import ChainRule

/// Reading networks as chains of dense layers, and the one-line reasons when they are not.
@Suite("Layers: recognition")
struct LayerRecognitionTests {
    static func chain(_ source: String) throws -> LayerChain {
        try LayerChain(try Network.parse(source).get())
    }

    static func reason(_ source: String) throws -> String {
        do {
            _ = try chain(source)
            return ""
        } catch let error as LayerError {
            return error.description
        }
    }

    @Test func reluFilesAreThreeOutByInLayers() throws {
        for (file, loss) in [("relu-4-3-2-1-regression.nn", LayerLoss.squaredError(.exact(Rational(1, 2)!))),
                             ("relu-4-3-2-1-classification.nn", .binaryCrossEntropy)] {
            let chain = try LayerChain(try #require(Package.network(file)))
            #expect(chain.layers.map(\.activation) == [.relu, .relu, file.contains("regression") ? .identity : .sigmoid])
            #expect(chain.layers.map(\.orientation) == [.outByIn, .outByIn, .outByIn])
            #expect(chain.layers.map(\.weightShape) == [LayerShape(.count(3), .count(4)), LayerShape(.count(2), .count(3)), LayerShape(.count(1), .count(2))])
            #expect(chain.loss == loss)
            #expect(chain.layers.map { chain.names($0.weights) } == [["W1"], ["W2"], ["W3"]])
            #expect(chain.layers.map { chain.names($0.bias ?? []) } == [["b1"], ["b2"], ["b3"]])
            #expect(chain.names(chain.targets) == ["y"])
        }
    }

    @Test func transposedWeightsKeepTheFileOrientation() throws {
        let chain = try LayerChain(try #require(Package.network("sigmoid-4-2-3-1.nn")))
        #expect(chain.layers.map(\.orientation) == [.inByOut, .inByOut, .inByOut])
        #expect(chain.layers.map(\.weightShape) == [LayerShape(.count(4), .count(2)), LayerShape(.count(2), .count(3)), LayerShape(.count(3), .count(1))])
        #expect(chain.loss == .binaryCrossEntropy)
        // W1 stored in×out: its row-major entries are W⁽¹⁾'s, unchanged.
        #expect(chain.layers[0].weights.map(chain.name) == ["W1[1,1]", "W1[1,2]", "W1[2,1]", "W1[2,2]", "W1[3,1]", "W1[3,2]", "W1[4,1]", "W1[4,2]"])
    }

    @Test func scalarNeuronsFormDenseLayers() throws {
        let chain = try LayerChain(try #require(Package.network("example-3-bce.nn")))
        #expect(chain.layers.count == 2)
        #expect(chain.layers[0].weights.map(chain.name) == ["w11", "w12", "w21", "w22"])
        #expect(chain.layers[0].inputs.map(chain.name) == ["x1", "x2"])
        #expect(chain.layers[0].bias?.map(chain.name) == ["b1", "b2"])
        #expect(chain.layers[0].outputs.map(chain.name) == ["h1", "h2"])
        #expect(chain.layers[1].weights.map(chain.name) == ["v1", "v2"])
        #expect(chain.layers[1].bias?.map(chain.name) == ["c"])
        #expect(chain.layers.map(\.activation) == [.sigmoid, .sigmoid])
        #expect(chain.loss == .binaryCrossEntropy)  // written out: −y log(ŷ) − (1 − y) log(1 − ŷ)
    }

    @Test func columnsFollowThePreviousLayerAndWrittenOutLosses() throws {
        // h2 lists its inputs in the other order; the output is a plain weighted sum (identity).
        // 'e' is declared: undeclared, it would be Euler's number.
        let chain = try Self.chain("""
            input x1, x2
            param e
            h1 = tanh(a x1 + b x2 + c)
            h2 = tanh(d x2 + e x1 + f)
            out = v2 h2 + v1 h1
            target y
            loss E = (out - y)^2
            """)
        #expect(chain.layers[0].weights.map(chain.name) == ["a", "b", "e", "d"])
        #expect(chain.layers[1].weights.map(chain.name) == ["v1", "v2"])
        #expect(chain.layers[1].bias == nil)
        #expect(chain.layers[1].activation == .identity)
        #expect(chain.loss == .squaredError(Number(1)))
        #expect(try LayerChain(try #require(Package.network("perceptron.nn"))).loss == .squaredError(.exact(Rational(1, 2)!)))
        #expect(try LayerChain(try #require(Package.network("regression-1-5-1.nn"))).layers.map(\.outSize) == [5, 1])
    }

    @Test func separatePreactivationNodesAndSoftmax() throws {
        let chain = try Self.chain("""
            input x[3]
            param W1[4,3], b1[4], W2[2,4], b2[2]
            z1 = W1 x + b1
            a1 = relu(z1)
            p = softmax(W2 a1 + b2)
            target t[2]
            loss L = -sum(t * log(p))
            """)
        #expect(chain.layers.map(\.activation) == [.relu, .softmax])
        #expect(chain.layers[0].preactivations.map(chain.name) == ["z1[1]", "z1[2]", "z1[3]", "z1[4]"])
        #expect(chain.loss == .crossEntropy)
    }

    @Test func reasonsForNetworksThatAreNotChains() throws {
        #expect(try Self.reason(Package.source("quiz-problem-3.nn")) == "not a chain of layers: the file has no loss")
        let skip = try Self.reason("""
            input x1, x2
            h1 = sigmoid(w1 x1 + w2 x2 + b1)
            yhat = sigmoid(v1 h1 + v2 x1 + c)
            target y
            loss L = bce(yhat, y)
            """)
        #expect(skip == "not a chain of layers: yhat takes h1, x1, not exactly the outputs h1 of the layer before")
        let mixed = try Self.reason("""
            input x1, x2
            h1 = sigmoid(w11 x1 + w12 x2 + b1)
            h2 = tanh(w21 x1 + w22 x2 + b2)
            yhat = v1 h1 + v2 h2 + c
            target y
            loss L = mse(yhat, y)
            """)
        #expect(mixed == "not a chain of layers: h1, h2 take the same inputs but use different activations")
        let regularised = try Self.reason("""
            input x
            yhat = sigmoid(w x + b)
            target y
            loss L = bce(yhat, y) + w^2
            """)
        #expect(regularised == "not a chain of layers: the loss uses 'w', which is neither the output nor a target")
        let product = try Self.reason("input u, v\np = u * v\ntarget y\nloss L = mse(p, y)\n")
        #expect(product == "not a chain of layers: 'p' is not an activation of a weighted sum W a + b of one layer's outputs")
        let hinge = try Self.reason("input x\nyhat = w x + b\ntarget y\nloss L = max(0, 1 - y yhat)\n")
        #expect(hinge.hasSuffix("the loss is not squared error, binary cross-entropy or cross-entropy of the output and target"))
        let softmaxMSE = try Self.reason("input x[2]\nparam W[2,2]\np = softmax(W x)\ntarget t[2]\nloss L = mse(p, t)\n")
        #expect(softmaxMSE == "not a chain of layers: a softmax output is read only with the cross-entropy loss")
    }

    /// A weight matrix that does not fit the layer before is stopped by the graph builder, naming both shapes.
    @Test func shapeMismatchNamesBothShapes() throws {
        let source = """
            input x[4]
            param W1[3,4], b1[3], W2[2,4], b2[2]
            a1 = relu(W1 x + b1)
            a2 = relu(W2 a1 + b2)
            target y[2]
            loss L = mse(a2, y)
            """
        guard case .failure(let diagnostics) = Network.parse(source) else {
            Issue.record("a 2×4 weight after a 3-wide layer was accepted")
            return
        }
        let message = diagnostics.description
        #expect(message.contains("[2,4]") && message.contains("[3]") && message.contains("shape mismatch"), "\(message)")
    }

    /// The layer form checks every line's shapes too: a product of unfitting matrices names both.
    @Test func layerExpressionShapesAreChecked() throws {
        let W = LayerExpr.symbol(LayerSymbol(.weight, layer: 2, shape: LayerShape(.count(2), .count(4))))
        let a = LayerExpr.symbol(LayerSymbol(.activation, layer: 1, shape: .column(3)))
        #expect(throws: LayerError.shapeMismatch("multiply", LayerShape(.count(2), .count(4)), .column(3))) { try LayerExpr.product([W, a]).shape() }
        #expect(LayerError.shapeMismatch("multiply", LayerShape(.count(2), .count(4)), .column(3)).description
                == "shape mismatch: cannot multiply ℝ^2×4 and ℝ^3")
        #expect(try LayerExpr.product([.transpose(W), .symbol(LayerSymbol(.delta, layer: 2, shape: .column(2)))]).shape() == .column(4))
    }
}
