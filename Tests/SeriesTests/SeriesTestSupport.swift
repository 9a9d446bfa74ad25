import Numbers
@testable import Series


/// A coefficient type the generic law suite runs for, with a way to make random values.
protocol TestCoefficient: SeriesCoefficient {
    static func random(_ rng: inout SplitMix64, precision: Int) -> Self
}

extension Rational: TestCoefficient {
    static func random(_ rng: inout SplitMix64, precision: Int) -> Rational {
        Rational(Int.random(in: -9...9, using: &rng), Int.random(in: 1...7, using: &rng))
    }
}

extension BigFloat: TestCoefficient {
    static func random(_ rng: inout SplitMix64, precision: Int) -> BigFloat {
        // Non-dyadic values so that rounding noise is real.
        // |value| <= 1 keeps the random series well conditioned (coefficients do not grow).
        BigFloat(Rational(Int.random(in: -13...13, using: &rng), Int.random(in: 13...19, using: &rng)), precision: precision)
    }
}

enum Gen {
    /// An exact series with `count` random terms from t^valuation (leading term nonzero).
    static func exact<C: TestCoefficient>(
        _: C.Type, _ rng: inout SplitMix64, ramification: Int, valuation: Int, count: Int,
        precision: Int, budget: Int = 24, leading: C? = nil
    ) -> PuiseuxSeries<C> {
        var cs = (0..<count).map { _ in C.random(&rng, precision: precision) }
        // A leading coefficient of size >= the others: ill-conditioned series (small leading
        // term, growing tail) lose digits in every division recurrence; that is tested elsewhere.
        cs[0] = leading ?? C.constant(Rational(Int.random(in: 1...3, using: &rng) * (Bool.random(using: &rng) ? 1 : -1)), precision: precision)
        return PuiseuxSeries(ramification: ramification, valuation: valuation, coefficients: cs, order: nil,
                             context: SeriesContext(precision: precision, relativeTerms: budget))
    }
}

extension PuiseuxSeries {
    /// Exponent of t (over `ramification` b) of the first term where self and other differ
    /// below both orders, or nil if none does. Both are aligned to lcm of ramifications and
    /// the result is reported in d-exponent terms to be ramification independent.
    func firstDifferenceDExponent(_ other: PuiseuxSeries) -> Rational? {
        let diff = (self - other)
        return diff.coefficients.isEmpty ? nil : diff.dExponent(ofTExponent: diff.valuation)
    }
}
