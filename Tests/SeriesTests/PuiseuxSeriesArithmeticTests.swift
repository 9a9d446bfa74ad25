import Testing
import Numbers
@testable import Series

@Suite struct PuiseuxSeriesNormalisationTests {
    let ctx = SeriesContext(precision: 128, relativeTerms: 16)

    @Test func ramificationIsMinimal() {
        // t^2 + t^4 over b = 4 is d^(-1/2) + d^(-1) over b = 2.
        let s = PuiseuxSeries<Rational>(ramification: 4, valuation: 2, coefficients: [1, 0, 1], order: 6, context: ctx)
        #expect(s.ramification == 2)
        #expect(s.valuation == 1)
        #expect(s.order == 3)
        #expect(s.terms.map { $0.dExponent } == [Rational(-1, 2), Rational(-1)])
    }

    @Test func leadingAndTrailingZerosAreDropped() {
        let s = PuiseuxSeries<Rational>(valuation: -2, coefficients: [0, 0, 3, 0, 5, 0], order: nil, context: ctx)
        #expect(s.valuation == 0)
        #expect(s.coefficients == [3, 0, 5])
        let cut = PuiseuxSeries<Rational>(valuation: 0, coefficients: [1, 2, 3, 4], order: 2, context: ctx)
        #expect(cut.coefficients == [1, 2])
    }

    @Test func mixedRamificationsCombineOverTheLcm() throws {
        let half = PuiseuxSeries<Rational>.monomial(1, dExponent: Rational(1, 2), context: ctx)   // d^(1/2)
        let third = PuiseuxSeries<Rational>.monomial(1, dExponent: Rational(-1, 3), context: ctx) // d^(-1/3)
        let sum = half + third
        #expect(sum.ramification == 6)
        #expect(sum.terms.map { $0.dExponent } == [Rational(1, 2), Rational(-1, 3)])
        let product = half * third
        #expect(product.ramification == 6)
        #expect(product.terms.map { $0.dExponent } == [Rational(1, 6)])
    }

    @Test func productOrderIsValuationAware() {
        // (t + O(t^3)) * (t^2 + O(t^5)) = t^3 + O(t^5): min(3 + 2, 5 + 1)
        let a = PuiseuxSeries<Rational>(valuation: 1, coefficients: [1], order: 3, context: ctx)
        let b = PuiseuxSeries<Rational>(valuation: 2, coefficients: [1], order: 5, context: ctx)
        #expect((a * b).order == 5)
        #expect((a + b).order == 3)
    }

    @Test func exactDivisionByMonomialStaysExact() throws {
        let s = PuiseuxSeries<Rational>(valuation: -2, coefficients: [1, 3], order: nil, context: ctx)
        let q = try s / PuiseuxSeries<Rational>.d(context: ctx)
        #expect(q.isExact)
        #expect(q.valuation == -1)
    }

    @Test func divisionByZeroIsADomainError() {
        let zero = PuiseuxSeries<Rational>(valuation: 0, coefficients: [], order: nil, context: ctx)
        #expect(throws: ComputationError.self) { try PuiseuxSeries<Rational>.d(context: ctx) / zero }
    }

    @Test func copiesAreIndependent() {
        var a = PuiseuxSeries<Rational>.d(context: ctx)
        let b = a
        a = a + a
        #expect(b.coefficients == [1])
        #expect(a.coefficients == [2])
    }
}
