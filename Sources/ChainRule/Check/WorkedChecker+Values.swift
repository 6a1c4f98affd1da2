extension WorkedChecker {
    /// The same checker for a network of the same structure with other values (a variant of the
    /// problem): the symbolic parts — names, local partials, other losses' δs — are reused, only the
    /// runtime and the starting point are made anew. Grading a class builds one checker per problem
    /// and one of these per variant.
    public func withValues(of network: Network) throws(RuntimeError) -> WorkedChecker {
        try WorkedChecker(reusing: self, network: network)
    }

    private init(reusing base: WorkedChecker, network: Network) throws(RuntimeError) {
        self.network = network
        aliases = base.aliases
        parser = base.parser
        graph = base.graph
        partials = base.partials
        edgePartials = base.edgePartials
        consumers = base.consumers
        runtime = try Runtime(network)
        start = try Point(network: network)
        lossName = base.lossName
        alternatives = base.alternatives
    }
}
