import Numbers

extension PuiseuxSeries {
    /// sin and cos together (one joint recurrence); need no positive powers of d.
    /// cos(a + e) = cos(a) - sin(a) e, and sin(a) has the valuation v of a when a(0) = 0, so
    /// then cos is known v steps further than sin: its O-term is ord(a) + v.
    public func sineAndCosine() throws -> (sin: PuiseuxSeries, cos: PuiseuxSeries) {
        try requireNoPositivePowers("sin/cos")
        if isExactZero { return (self, constant(.one)) }
        let n = absoluteTermsFromZero
        let extra = coefficients.isEmpty ? 0 : max(valuation, 0)
        let a = dense(count: n + extra), ja = PuiseuxSeries.weighted(a)
        var s = [try C.sin(a[0])], c = [try C.cos(a[0])]
        for k in 1..<max(n + extra, 1) {
            let sk = PuiseuxSeries.integratedConvolution(ja, c, k: k, precision: context.precision)
            let ck = PuiseuxSeries.integratedConvolution(ja, s, k: k, precision: context.precision, negate: true)
            s.append(sk)
            c.append(ck)
        }
        return (fromDense(Array(s.prefix(n))), fromDense(c))
    }

    /// Integrates g' = a' * h for a dense array `h` from t^0 of the same length as `a`.
    func integrating(derivativeFactor h: PuiseuxSeries, constant c0: C) throws -> PuiseuxSeries {
        let n = absoluteTermsFromZero
        let a = dense(count: n)
        let da = PuiseuxSeries(ramification: ramification, valuation: 0,
                               coefficients: PuiseuxSeries.tDerivative(a), order: max(n - 1, 0), context: context)
        let product = (da * h).truncated(tOrder: max(n - 1, 0))
        let r = lcm(ramification, product.ramification)
        let aligned = product.aligned(to: r)
        precondition(r == ramification, "derivative factor must not refine the ramification")
        let dense = (0..<max(n - 1, 0)).map { k -> C in
            let i = k - aligned.valuation
            return i >= 0 && i < aligned.coefficients.count ? aligned.coefficients[i] : zeroCoefficient
        }
        return fromDense(PuiseuxSeries.tIntegral(dense, constant: c0))
    }

    /// atan; for leading terms in positive powers of d uses atan(x) = ±pi/2 - atan(1/x).
    public func arctangent() throws -> PuiseuxSeries {
        if isExactZero { return self }
        if !coefficients.isEmpty && valuation < 0 {
            let halfPi = try pi().multiplied(by: try coefficients[0].decidedSign()).scaled(by: C.constant(Rational(1, 2), precision: context.precision))
            return halfPi - (try reciprocal().arctangent())
        }
        try requireNoPositivePowers("atan")
        let n = absoluteTermsFromZero
        let a = fromDense(dense(count: n)).truncated(tOrder: n)
        let factor = try (constant(.one) + a * a).truncated(tOrder: n).reciprocal()
        return try integrating(derivativeFactor: factor, constant: try C.atan(coefficient(ofTExponent: 0)))
    }

    /// asin and acos. Interior constant terms use the derivative 1/sqrt(1 - a^2); at the
    /// branch points the rules of MATH.md section 5: acos(a) = 2 asin(sqrt((1 - a)/2)) at +1,
    /// acos(a) = pi - acos(-a) at -1 (ramification may double).
    public func arcsine() throws -> PuiseuxSeries {
        switch try branchPoint("asin") {
        case .plusOne: return try pi().scaled(by: C.constant(Rational(1, 2), precision: context.precision)) - arccosine()
        case .minusOne: return -(try (-self).arcsine())
        case .interior: return try inverseTrigInterior(cosine: false)
        }
    }

    public func arccosine() throws -> PuiseuxSeries {
        switch try branchPoint("acos") {
        case .plusOne:
            let half = C.constant(Rational(1, 2), precision: context.precision)
            let e = (constant(.one) - self).scaled(by: half)
            if let lead = e.coefficients.first, try lead.decidedSign() < 0 {
                throw ComputationError.domain("acos of a series that exceeds 1 for large d")
            }
            return try e.squareRoot().arcsine().multiplied(by: 2)
        case .minusOne: return try pi() - (-self).arccosine()
        case .interior: return try inverseTrigInterior(cosine: true)
        }
    }

    enum BranchPoint { case interior, plusOne, minusOne }

    /// Decides whether the constant term is +1, -1 or inside (-1, 1), with the numeric-zero
    /// rule applied to 1 -+ a; outside [-1, 1] is a domain error.
    func branchPoint(_ operation: String) throws -> BranchPoint {
        try requireNoPositivePowers(operation)
        let minus = constant(.one) - self, plus = constant(.one) + self
        if minus.hasNoTerms || minus.valuation > 0 { return .plusOne }
        if plus.hasNoTerms || plus.valuation > 0 { return .minusOne }
        let a0 = coefficient(ofTExponent: 0)
        if try minus.coefficients[0].decidedSign() < 0 || plus.coefficients[0].decidedSign() < 0 {
            throw ComputationError.domain("\(operation) of a series whose constant term \(a0) is outside [-1, 1]")
        }
        return .interior
    }

    func inverseTrigInterior(cosine: Bool) throws -> PuiseuxSeries {
        // A coefficient type with its own kernel (balls: Arb's) does the whole series.
        if let fast = C.inverseTrigByKernel(dense(count: absoluteTermsFromZero), cosine: cosine, count: absoluteTermsFromZero, precision: context.precision) {
            return fromDense(fast)
        }
        // The constant first: over exact rationals acos(a0) (and asin(a0) but at 0) is not
        // rational, and throwing `inexact` here spares the series work below (a quarter of
        // an expansion of the peers' kernel series went into such doomed exact attempts).
        let a0 = coefficient(ofTExponent: 0)
        let c = try cosine ? C.acos(a0) : C.asin(a0)
        let n = absoluteTermsFromZero
        let a = fromDense(dense(count: n)).truncated(tOrder: n)
        let root = try (constant(.one) - a * a).truncated(tOrder: n).squareRoot()
        var factor = try root.reciprocal()
        if cosine { factor = -factor }
        return try integrating(derivativeFactor: factor, constant: c)
    }
}
