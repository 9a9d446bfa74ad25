import Testing
import Numbers
import Balls
import Series
@testable import Export

/// `SpectrumEigenvalue(working:confirmation:precision:enclosure:)`: which terms are printed, with
/// which digits, and where the O-term goes, from two runs and/or a certificate.
@Suite struct SpectrumEigenvalueConfirmedTests {
    static let bits = 128
    static let context = SeriesContext(precision: bits, relativeTerms: 12)

    /// c_0 + c_1 d^(-1/2) + ... (t = d^(-1/2)) with the O-term after the last.
    static func series(_ c: [Double], order: Int) -> PuiseuxSeries<BigFloat> {
        PuiseuxSeries(ramification: 2, valuation: 0, coefficients: c.map { BigFloat($0, precision: bits) }, order: order, context: context)
    }

    static func balls(_ c: [(Double, Double)], order: Int) -> PuiseuxSeries<Ball> {
        var ballContext = context
        ballContext.precision = 2 * bits
        return PuiseuxSeries(ramification: 2, valuation: 0,
                             coefficients: c.map { Ball(midpoint: BigFloat($0.0, precision: 2 * bits), radius: BigFloat($0.1, precision: 64), precision: 2 * bits) },
                             order: order, context: ballContext)
    }

    @Test("certified terms carry their radius; without a second run a ball that holds 0 is a zero and the O-term is the certificate's")
    func certifiedWithoutSecondRun() throws {
        let working = Self.series([0.5, 1e-40, 0.25, 0.125], order: 4)
        // The second coefficient's ball holds 0 (the working value is noise); the enclosure is known to t^3 only.
        let enclosure = Self.balls([(0.5, 1e-60), (0, 1e-38), (0.25, 1e-60)], order: 3)
        let e = SpectrumEigenvalue(working: working, confirmation: nil, precision: Self.bits, enclosure: enclosure)
        #expect(e.terms.map(\.exponent) == [Rational(0), Rational(-1)])
        #expect(e.terms.allSatisfy { $0.certified })
        #expect(e.terms.allSatisfy { $0.digits > 30 })
        #expect(e.order == Rational(-3, 2))
        #expect(e.notCertifiedBecause == nil)
    }

    @Test("with a second run, uncertified terms show the digits both agree on and a disagreement ends the series")
    func twoRunsAndAReason() throws {
        let working = Self.series([0.5, 0.3, 0.25, 0.125], order: 4)
        // The twin differs by 1e-20 at d^(-1) (about 19 digits agree) and entirely at d^(-3/2).
        let twin = Self.series([0.5, 0.3, 0.25, 0.7], order: 4)
            + PuiseuxSeries.monomial(BigFloat(1e-20, precision: Self.bits), dExponent: Rational(-1), context: Self.context)
        let e = SpectrumEigenvalue(working: working, confirmation: twin, precision: Self.bits, notCertifiedBecause: "a reason")
        #expect(e.terms.map(\.exponent) == [Rational(0), Rational(-1, 2), Rational(-1)])
        #expect(e.terms.allSatisfy { !$0.certified })
        #expect(e.terms[2].digits < 25 && e.terms[2].digits >= 18)
        #expect(e.order == Rational(-3, 2) && e.endsAtDisagreement)
        #expect(e.notCertifiedBecause == "a reason")
        // A certificate covering the disagreeing power prints it certified instead.
        let enclosure = Self.balls([(0.5, 1e-60), (0.3, 1e-60), (0.25, 1e-60), (0.125, 1e-60)], order: 4)
        let certified = SpectrumEigenvalue(working: working, confirmation: twin, precision: Self.bits, enclosure: enclosure)
        #expect(certified.terms.count == 4 && certified.terms.allSatisfy { $0.certified })
        #expect(certified.order == Rational(-2) && !certified.endsAtDisagreement)
    }
}
