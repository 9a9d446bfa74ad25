import Testing
import Numbers
import Landscape
@testable import Solvers

/// `LimitAnchoredContinuation` against the tangent `Continuation` (a different predictor and
/// step rule): the same critical point at the same d.
@Suite struct LimitAnchoredContinuationTests {
    @Test func sameCriticalPointAsTangentContinuation() throws {
        let family = try #require(FamilyCatalogue.named("p0-m1-I"))
        let bits = 192
        let start = try NewtonSolver().solve(pattern: family.pattern, d: BigFloat(family.seedDimension, precision: bits),
                                             start: family.seed.map { BigFloat($0, precision: bits) })
        let target = BigFloat(500, precision: bits)
        let anchored = try LimitAnchoredContinuation().follow(start, limit: family.limit, to: [target])[0]
        let tangent = try Continuation().follow(start, to: target)
        #expect(anchored.d == target)
        for (x, y) in zip(anchored.coordinates, tangent.coordinates) {
            #expect((x - y).magnitude.doubleValue < 1e-40)
        }
    }

    /// The predictor interpolates through the exact limit: with the limit and one point on the
    /// line ξ = c + a u (u = d^(-1/4)), the prediction at any u is on that line.
    @Test func predictorInterpolatesThroughTheLimit() throws {
        let bits = 128
        let pattern = try IsotropyPattern.standard(p: 0, extraRows: 0)
        func point(_ d: Double) throws -> CriticalPoint {
            let u = try BigFloat.pow(BigFloat(d, precision: bits), Rational(-1, 4))
            return CriticalPoint(pattern: pattern, d: BigFloat(d, precision: bits),
                                 coordinates: [BigFloat(-1, precision: bits) + BigFloat(3, precision: bits) * u, u],
                                 loss: BigFloat(0, precision: bits), gradientNorm: BigFloat(0, precision: bits), iterations: 0)
        }
        let history = [try point(16), try point(81)]
        let predicted = try LimitAnchoredContinuation().prediction(at: BigFloat(10000, precision: bits),
                                                                   anchor: [Rational(-1), Rational(0)].map { BigFloat($0, precision: bits) },
                                                                   history: history[...])
        // u(10000) = 1/10: ξ = (-1 + 3/10, 1/10).
        #expect((predicted[0] - BigFloat(Rational(-7, 10), precision: bits)).magnitude.doubleValue < 1e-30)
        #expect((predicted[1] - BigFloat(Rational(1, 10), precision: bits)).magnitude.doubleValue < 1e-30)
    }
}
