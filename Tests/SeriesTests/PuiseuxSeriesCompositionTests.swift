import Testing
import Numbers
@testable import Series

@Suite struct PuiseuxSeriesCompositionTests {
    @Test(arguments: [64, 256]) func composingTheExponentialSeriesEqualsExp(precision: Int) throws {
        // f(T) = exp(T) as a truncated power series; f(g) must equal exp(g) up to both O-terms.
        let ctx = SeriesContext(precision: precision, relativeTerms: 20)
        let t = PuiseuxSeries<BigFloat>(valuation: 1, coefficients: [BigFloat(1, precision: precision)], order: nil, context: ctx)
        let f = try t.exponential()
        var rng = SplitMix64(seed: 11)
        let g = Gen.exact(BigFloat.self, &rng, ramification: 2, valuation: 1, count: 8, precision: precision, budget: 20,
                          leading: BigFloat(Rational(1, 2), precision: precision))
        let composed = try f.composed(with: g)
        let direct = try g.exponential()
        #expect(composed.dOrder == g.dExponent(ofTExponent: f.order! * g.valuation))
        let diff = composed - direct
        let tolerance = Double(sign: .plus, exponent: -precision / 2, significand: 1)
        #expect(diff.coefficients.allSatisfy { abs($0.doubleValue) < tolerance }, "\(diff)")
        #expect(diff.order! >= min(composed.order!, direct.order!))
    }

    @Test func innerSeriesMustVanishAtInfinity() {
        let ctx = SeriesContext(precision: 64, relativeTerms: 8)
        let one = PuiseuxSeries<Rational>(constant: 1, context: ctx)
        #expect(throws: ComputationError.self) { try one.composed(with: one) }
    }
}
