import Numbers

extension PuiseuxSeries {
    /// sqrt of a series with positive leading coefficient. An odd valuation doubles the
    /// ramification. Relative precision is that of the input (or the context's budget for
    /// an exact input; an exact perfect square gives an exact result).
    public func squareRoot() throws -> PuiseuxSeries { try rationalPower(Rational(1, 2)) }

    /// self^(p/q), real branch: factor out c t^v, take c^(p/q) and (1 + u)^(p/q) by
    /// J.C.P. Miller's recurrence; t^(v p/q) refines the ramification by q when needed.
    public func rationalPower(_ exponent: Rational) throws -> PuiseuxSeries {
        guard let (p, q) = exponent.intComponents else { throw ComputationError.domain("exponent \(exponent) too large") }
        if q == 1 { return try power(p) }
        if coefficients.isEmpty {
            if isExactZero {
                guard p > 0 else { throw ComputationError.domain("0 to the power \(exponent)") }
                return self
            }
            guard p > 0 else { throw ComputationError.undecidable("negative power of \(self), whose leading term is unknown") }
            return PuiseuxSeries.bigO(tExponent: order! * p, ramification: ramification * q, context: context)
        }
        let c = coefficients[0]
        if try c.decidedSign() < 0 && q % 2 == 0 {
            throw ComputationError.domain("even root of a series with negative leading coefficient")
        }
        // An exact monomial's power is the exact monomial c^(p/q) t^(v p/q) (d^(-1/3) has no O-term).
        if isExact && coefficients.count == 1 {
            return PuiseuxSeries(ramification: ramification * q, valuation: valuation * p,
                                 coefficients: [try C.pow(c, exponent)], order: nil, context: context)
        }
        let n = relativePrecision ?? context.relativeTerms
        let a = Array(coefficients.prefix(n)) + [C](repeating: zeroCoefficient, count: max(0, n - coefficients.count))
        var w = try C.powerByKernel(a, exponent: exponent, count: max(n, 1), precision: context.precision) ?? [C.pow(c, exponent)]
        w.reserveCapacity(n)
        let ja = PuiseuxSeries.weighted(a)
        let rPlusOne = C.constant(exponent + .one, precision: context.precision)
        let prec = context.precision
        for k in w.count..<max(n, 1) {
            // k a_0 w_k = (r+1) Σ_{j=1}^k j a_j w_{k-j} - k Σ_{j=1}^k a_j w_{k-j}
            let (s1, s2): (C, C) = w.withUnsafeBufferPointer { pw in
                let m = min(k, a.count - 1)
                let s1 = ja.withUnsafeBufferPointer {
                    C.convolution($0, xStart: 1, pw, yEnd: k - 1, count: m, initial: nil, subtract: false, precision: prec)
                }
                let s2 = a.withUnsafeBufferPointer {
                    C.convolution($0, xStart: 1, pw, yEnd: k - 1, count: m, initial: nil, subtract: false, precision: prec)
                }
                return (s1, s2)
            }
            let numerator = C.cancellingDifference(rPlusOne * s1, s2.multiplied(by: k))
            w.append(try numerator / c.multiplied(by: k))
        }
        let unit = PuiseuxSeries(ramification: ramification, valuation: 0, coefficients: w, order: n, context: context)
        let spread = unit.aligned(to: ramification * q)  // the unit may have normalised to a smaller ramification
        var result = PuiseuxSeries(ramification: ramification * q, valuation: valuation * p,
                                   coefficients: spread.coefficients, order: spread.order.map { $0 + valuation * p },
                                   context: context)
        // An exact input whose root terminates (sqrt(d^2 + 2d + 1)) gives an exact result.
        if C.isExact && isExact, result.coefficients.count < n, p > 0 {
            let candidate = result.withoutOrder()
            if try candidate.power(q) == (try power(p)) { result = candidate }
        }
        return result
    }

    func withoutOrder() -> PuiseuxSeries {
        PuiseuxSeries(ramification: ramification, valuation: valuation, coefficients: coefficients, order: nil, context: context)
    }
}
