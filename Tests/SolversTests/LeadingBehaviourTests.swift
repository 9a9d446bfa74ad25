#if canImport(Glibc)
import Glibc
#endif
import Testing
import Numbers
import Landscape
@testable import Solvers

/// `LeadingBehaviour.candidates` and its pieces against sequences whose limits are known in closed form.
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

    /// Points of Δ(S_d) at d = 200 ... 1600 with D_1 = -1 + 2/d and O_1 = y(d), no solve.
    static func points(_ y: (Double) -> Double) throws -> [CriticalPoint] {
        let pattern = try IsotropyPattern(smallBlocks: [], extraRows: 0)
        return [200.0, 400, 800, 1600].map { d in
            let b = { (x: Double) in BigFloat(x, precision: 128) }
            return CriticalPoint(pattern: pattern, d: b(d), coordinates: [b(-1 + 2 / d), b(y(d))], loss: b(0), gradientNorm: b(0), iterations: 0)
        }
    }

    /// A clean power: one candidate, the right exponents and coefficients.
    @Test func cleanSlopeGivesOneCandidate() throws {
        let list = try LeadingBehaviour.candidates(limit: [Rational(-1), .zero], points: try Self.points { 3 * pow($0, -0.5) }, names: ["D_1", "O_1"])
        #expect(list.count == 1)
        #expect(list[0].exponents == [Rational(1), Rational(1, 2)])
        #expect(abs(list[0].coefficients[1].doubleValue - 3) < 1e-6)
    }

    /// d^(-1/4) (1 + 3 d^(-1/4)): at d <= 1600 the local slopes (0.356, 0.345, 0.335, not yet
    /// geometric, so not extrapolated) lie between two quarters: both are candidates, the
    /// nearest (1/4) first, D_1's exponent in both. (With 30 instead of 3 the slope is 0.46 and
    /// reads as 1/2, wrongly and unflagged: that is what the series solve and the agreement with
    /// Newton reject, `SeriesFamilyExpansion.compute`.)
    @Test func ambiguousSlopeGivesBothNeighbours() throws {
        let list = try LeadingBehaviour.candidates(limit: [Rational(-1), .zero], points: try Self.points { pow($0, -0.25) * (1 + 3 * pow($0, -0.25)) }, names: ["D_1", "O_1"])
        #expect(list.map { $0.exponents[1] } == [Rational(1, 4), Rational(1, 2)])
        #expect(list.allSatisfy { $0.exponents[0] == Rational(1) })
    }
}
