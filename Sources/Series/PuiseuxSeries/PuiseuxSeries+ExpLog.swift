import Numbers

extension PuiseuxSeries {
    /// exp; needs no positive powers of d. exp(a + O(t^k)) = exp(a) (1 + O(t^k)).
    public func exponential() throws -> PuiseuxSeries {
        try requireNoPositivePowers("exp")
        if isExactZero { return constant(.one) }
        let n = absoluteTermsFromZero
        let a = dense(count: n), ja = PuiseuxSeries.weighted(a)
        var w = [try C.exp(a[0])]
        for k in 1..<max(n, 1) {
            w.append(PuiseuxSeries.integratedConvolution(ja, w, k: k, precision: context.precision))
        }
        return fromDense(w)
    }

    /// log; needs a leading term c d^0 with c > 0 (a nonzero valuation would bring a log d term).
    public func logarithm() throws -> PuiseuxSeries {
        let c = try leadingCoefficient("log of")
        guard valuation == 0 else {
            throw ComputationError.domain(
                "log of a series with leading term d^(\(dExponent(ofTExponent: valuation))) has a log(d) term; not a Puiseux series")
        }
        guard try c.decidedSign() > 0 else { throw ComputationError.domain("log of a series with negative leading coefficient") }
        let n = absoluteTermsFromZero
        let a = dense(count: n)
        var w = [try C.log(c)], jw = [zeroCoefficient]
        let prec = context.precision
        for k in 1..<max(n, 1) {
            // a_0 w_k = a_k - (1/k) Σ_{j=1}^{k-1} j w_j a_{k-j}
            let s = jw.withUnsafeBufferPointer { pj in
                a.withUnsafeBufferPointer { pa in
                    C.convolution(pj, xStart: 1, pa, yEnd: k - 1, count: k - 1, initial: nil, subtract: false, precision: prec)
                }
            }
            let wk = try C.cancellingDifference(a[k], s.divided(by: k)) / c
            w.append(wk)
            jw.append(wk.multiplied(by: k))
        }
        return fromDense(w)
    }
}
