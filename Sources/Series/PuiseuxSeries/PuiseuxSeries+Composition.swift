import Numbers

extension PuiseuxSeries {
    /// f(g) for this series f, read as a power series in its own variable T
    /// (f = sum f_k T^k with T = t over its ramification; requires valuation >= 0), and g
    /// with positive valuation. Horner's rule; every intermediate is truncated at the O-term
    /// the result will have anyway (order(f) * val(g)), which keeps the cost O(n) products.
    public func composed(with g: PuiseuxSeries) throws -> PuiseuxSeries {
        guard isExactZero || valuation >= 0 else {
            throw ComputationError.domain("composition needs an outer series without positive powers")
        }
        guard let lead = g.coefficients.first, g.valuation > 0 else {
            throw ComputationError.domain("composition needs an inner series with positive valuation")
        }
        _ = lead
        let n = order ?? (valuation + coefficients.count)
        // O(T^N) becomes O(g^N) = O(t^(N val g)), in g's ramification.
        let cap = order.map { g.dExponent(ofTExponent: $0 * g.valuation) }
        var result = PuiseuxSeries(ramification: g.ramification, valuation: 0, coefficients: [],
                                   order: order.map { $0 * g.valuation }, context: context.merged(with: g.context))
        for k in stride(from: n - 1, through: 0, by: -1) {
            result = result * g + PuiseuxSeries(constant: coefficient(ofTExponent: k), context: context)
            if let cap { result = result.addingBigO(dExponent: cap) }
        }
        return result
    }
}
