import Testing
import Numbers
@testable import Series

/// The numeric-zero rule on cancellation-heavy inputs, in MPFR coefficients only (the exact
/// path would hide the problem): leading terms that cancel must disappear, so the valuation,
/// and everything divided by the result, is right.
@Suite struct NumericZeroRuleTests {
    typealias S = PuiseuxSeries<BigFloat>

    func context(_ bits: Int) -> SeriesContext { SeriesContext(precision: bits, relativeTerms: 12) }
    func c(_ q: Rational, _ bits: Int) -> BigFloat { BigFloat(q, precision: bits) }

    @Test(arguments: [64, 128, 256, 1024]) func rootCancellationWithNonDyadicCoefficients(bits: Int) throws {
        // sqrt(d^2/9 + d) - d/3 - 3/2 = -27/8 d^(-1) + ...: 1/9 and 1/3 are rounded, so the d^1 and
        // d^0 terms cancel only up to rounding noise, which the rule must remove.
        let ctx = context(bits)
        let d = S.d(context: ctx)
        let s = try (d * d * S(constant: c(Rational(1, 9), bits), context: ctx) + d).squareRoot()
            - d * S(constant: c(Rational(1, 3), bits), context: ctx) - S(constant: c(Rational(3, 2), bits), context: ctx)
        #expect(s.leadingDExponent == Rational(-1))
        #expect(abs(s.coefficients[0].doubleValue + 27.0 / 8) < 1e-12)
        // Dividing by it must not blow up on a noise leading term.
        let q = try S(constant: c(1, bits), context: ctx) / s
        #expect(q.leadingDExponent == Rational(1))
        #expect(abs(q.coefficients[0].doubleValue + 8.0 / 27) < 1e-12)
    }

    @Test(arguments: [64, 256]) func kernelRowNormsAlongTheDeltaSdFamily(bits: Int) throws {
        // a = -1 + 2/(3d), b = 2/(3d) (non-dyadic): nw2 = a^2 + (d-1) b^2 and ip = 2ab + (d-2) b^2
        // are 1 - 4/(3d) + ... and -4/(9 d) ...; check exact agreement with the rational
        // computation below the O-term, term by term, after the rule.
        let ctx = context(bits)
        let exactCtx = SeriesContext(precision: bits, relativeTerms: 12)
        let dq = PuiseuxSeries<Rational>.d(context: exactCtx)
        let third = PuiseuxSeries<Rational>(constant: Rational(2, 3), context: exactCtx)
        let aq = try PuiseuxSeries<Rational>(constant: -1, context: exactCtx) + third / dq
        let bq = try third / dq
        let nw2q = aq * aq + (dq - dq.constant(1)) * bq * bq
        let ipq = aq * bq.multiplied(by: 2) + (dq - dq.constant(2)) * bq * bq
        let nw2 = S(nw2q, precision: bits), ip = S(ipq, precision: bits)
        // The same from MPFR inputs.
        let d = S.d(context: ctx)
        let two3 = S(constant: c(Rational(2, 3), bits), context: ctx)
        let a = try S(constant: c(-1, bits), context: ctx) + two3 / d
        let b = try two3 / d
        let nw2n = a * a + (d - d.constant(1)) * b * b
        let ipn = a * b.multiplied(by: 2) + (d - d.constant(2)) * b * b
        #expect(nw2n.terms.map(\.dExponent) == nw2.terms.map(\.dExponent))
        #expect(ipn.terms.map(\.dExponent) == ip.terms.map(\.dExponent))
        // ip = 0 d^1 ... : its d^0 term cancels exactly in exact arithmetic; the MPFR one must too.
        #expect(ipn.leadingDExponent == ip.leadingDExponent)
        // acos at the branch point -1 needs 1 + a/sqrt(nw2) to lose its constant term.
        let cosine = try a / nw2n.squareRoot()
        let angle = try cosine.arccosine()
        #expect(angle.terms.first.map { abs($0.coefficient.doubleValue - Double.pi) < 1e-12 } == true)
    }

    @Test func ruleThresholdScalesWithPrecision() {
        #expect(NumericZeroRule.cancellationBits(64) == 48)
        #expect(NumericZeroRule.cancellationBits(256) == 192)
        #expect(NumericZeroRule.isCancelled(resultExponent: -50, termExponent: 0, precision: 64))
        #expect(!NumericZeroRule.isCancelled(resultExponent: -50, termExponent: 0, precision: 128))
    }
}
