#if canImport(Glibc)
import Glibc
#endif
import Testing
import Numbers
@testable import Solvers

/// `LeadingBehaviour.guess`'s pieces against sequences whose limits are known in closed form.
@Suite struct LeadingBehaviourTests {
    /// s_n = 1/2 + 0.3 * 0.6^n converges geometrically: Aitken's Δ² gives 1/2 exactly (up to
    /// rounding); the last term alone is 0.3 * 0.6^4 = 0.039 off.
    @Test func aitkenOnGeometricConvergence() {
        let s = (1...4).map { 0.5 + 0.3 * pow(0.6, Double($0)) }
        #expect(abs(LeadingBehaviour.extrapolated(s) - 0.5) < 1e-12)
    }

    /// A sequence that turns (differences of both signs) is not extrapolated.
    @Test func noExtrapolationWhenTheSequenceTurns() {
        #expect(LeadingBehaviour.extrapolated([0.155, 0.134, 0.135]) == 0.135)
    }

    /// y = 2 + 5u - 7u^2 sampled at three u: the polynomial through them is y itself, so its value
    /// at 0 is 2.
    @Test func extrapolationToZeroOfAPolynomial() throws {
        let bits = 128
        let u = [0.3, 0.2, 0.1].map { BigFloat($0, precision: bits) }
        let y = u.map { BigFloat(2, precision: bits) + BigFloat(5, precision: bits) * $0 - BigFloat(7, precision: bits) * $0 * $0 }
        let zero = try LeadingBehaviour.extrapolatedToZero(u, y)
        #expect((zero - BigFloat(2, precision: bits)).magnitude.doubleValue < 1e-30)
    }
}
