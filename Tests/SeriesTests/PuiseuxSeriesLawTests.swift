import Testing
import Numbers
@testable import Series

/// The identities of the foundation issue, for random series at three precisions and for
/// exact coefficients. "Agrees" means: every term below the O-term of the composite result
/// matches the input, and the O-term claimed is not beyond what the input supports.
@Suite struct PuiseuxSeriesLawTests {
    static let precisions = [64, 256, 1024]

    func check<C: TestCoefficient>(_ type: C.Type, precision: Int, seed: UInt64,
                                   _ body: (inout SplitMix64, Int) throws -> Void) rethrows {
        var rng = SplitMix64(seed: seed)
        for _ in 0..<6 { try body(&rng, precision) }
    }

    /// Asserts lhs == rhs + O(lhs.order): every coefficient of the difference below the
    /// O-term is zero (exact types) or at most 2^(-P/2) relative to max(1, |rhs|) (MPFR:
    /// rounding noise of a chain of operations, far above one ulp, far below any real term).
    func expectAgree<C>(_ lhs: PuiseuxSeries<C>, _ rhs: PuiseuxSeries<C>, _ label: String) {
        let diff = lhs - rhs
        for (k, c) in diff.coefficients.enumerated() where !c.isZero {
            let exponent = diff.valuation + k
            let tolerance = Double(sign: .plus, exponent: -lhs.precision / 2, significand: 1)
            let scale = max(1, abs(Double(rhs.coefficient(ofTExponent: exponent * rhs.ramification / diff.ramification).description) ?? 1))
            let size = abs(Double(c.description) ?? .infinity)
            #expect(C.isExact == false && size <= tolerance * scale,
                    "\(label): differs at t^\(exponent)/\(diff.ramification) by \(c): \(lhs) vs \(rhs)")
        }
    }

    @Test(arguments: precisions) func quotientTimesDivisor(precision: Int) throws {
        try check(BigFloat.self, precision: precision, seed: 1) { rng, p in
            let s = Gen.exact(BigFloat.self, &rng, ramification: Int.random(in: 1...3, using: &rng),
                              valuation: Int.random(in: -3...3, using: &rng), count: 12, precision: p)
            let u = Gen.exact(BigFloat.self, &rng, ramification: Int.random(in: 1...3, using: &rng),
                              valuation: Int.random(in: -2...2, using: &rng), count: 9, precision: p)
            let back = try (s * u) / u
            expectAgree(back, s, "(s*u)/u")
            #expect(back.order != nil)
        }
    }

    @Test(arguments: precisions) func squareOfSquareRoot(precision: Int) throws {
        try check(BigFloat.self, precision: precision, seed: 2) { rng, p in
            var s = Gen.exact(BigFloat.self, &rng, ramification: Int.random(in: 1...2, using: &rng),
                              valuation: Int.random(in: -3...3, using: &rng), count: 10, precision: p)
            if s.coefficients[0].sign < 0 { s = -s }
            let r = try s.squareRoot()
            expectAgree(r * r, s, "sqrt(s)^2")
        }
    }

    @Test(arguments: precisions) func expOfLog(precision: Int) throws {
        try check(BigFloat.self, precision: precision, seed: 3) { rng, p in
            let lead = BigFloat(Rational(Int.random(in: 2...9, using: &rng), 2), precision: p)
            let s = Gen.exact(BigFloat.self, &rng, ramification: Int.random(in: 1...3, using: &rng),
                              valuation: 0, count: 10, precision: p, leading: lead)
            expectAgree(try s.logarithm().exponential(), s, "exp(log(s))")
        }
    }

    @Test(arguments: precisions) func acosOfCos(precision: Int) throws {
        try check(BigFloat.self, precision: precision, seed: 4) { rng, p in
            // constant term in (0, pi) keeps acos(cos(s)) on the principal branch
            let lead = BigFloat(Rational(Int.random(in: 5...25, using: &rng), 10), precision: p)
            let s = Gen.exact(BigFloat.self, &rng, ramification: Int.random(in: 1...3, using: &rng),
                              valuation: 0, count: 10, precision: p, leading: lead)
            expectAgree(try s.sineAndCosine().cos.arccosine(), s, "acos(cos(s))")
        }
    }

    @Test(arguments: precisions) func acosOfCosAtTheBranchPoint(precision: Int) throws {
        // s with zero constant term: cos(s) -> 1 and acos takes the sqrt branch; acos(cos(s)) = |s|.
        try check(BigFloat.self, precision: precision, seed: 5) { rng, p in
            var s = Gen.exact(BigFloat.self, &rng, ramification: Int.random(in: 1...2, using: &rng),
                              valuation: Int.random(in: 1...3, using: &rng), count: 10, precision: p)
            if s.coefficients[0].sign < 0 { s = -s }
            expectAgree(try s.sineAndCosine().cos.arccosine(), s, "acos(cos(s)) at 1")
        }
    }

    @Test func exactIdentities() throws {
        try check(Rational.self, precision: 64, seed: 6) { rng, p in
            let s = Gen.exact(Rational.self, &rng, ramification: Int.random(in: 1...3, using: &rng),
                              valuation: Int.random(in: -3...3, using: &rng), count: 8, precision: p)
            let u = Gen.exact(Rational.self, &rng, ramification: Int.random(in: 1...3, using: &rng),
                              valuation: Int.random(in: -3...3, using: &rng), count: 6, precision: p)
            expectAgree(try (s * u) / u, s, "exact (s*u)/u")
            let sq = s * s
            expectAgree(try sq.squareRoot() * (s.coefficients[0].sign < 0 ? -1 : 1).asSeries(like: s), s, "exact sqrt(s^2)")
        }
    }
}

extension Int {
    func asSeries<C>(like s: PuiseuxSeries<C>) -> PuiseuxSeries<C> { s.constant(Rational(self)) }
}
