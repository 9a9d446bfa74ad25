import Numbers
import Balls
import Series

/// Krawczyk's test on a truncated system of series equations, shared by the family's
/// coefficients (`FamilyEnclosure`), an eigenvalue's (`SpectrumEnclosure.root`) and a cluster's
/// factor (`SpectrumEnclosure.cluster`). The unknowns are the first N coefficients in t of n
/// series (t^0 ... t^(N-1), t = d^(-1/b)); the equations the first N coefficients of each
/// F_j after the elimination that `SeriesLinearSystem` does with the Jacobian J at the centre
/// c̃ (Y = J(c̃)^(-1) applied as a series solve). With X = c̃ ± r,
///
///     K(X) = c̃ - Y F(c̃) + Y (J(c̃) - J(X)) (X - c̃),
///
/// every product a series product and every Y v a series solve, on balls. K(X) inside the
/// interior of X proves one root of the truncated system in X, and K(X) encloses it. Where the
/// system is triangular (the caller's argument: J invertible at t = 0 after the row scaling)
/// that root's coefficients are the true series' first N.
struct SeriesKrawczyk {
    typealias B = PuiseuxSeries<Ball>
    let ramification: Int
    /// N, the coefficients per series tested.
    let unknowns: Int
    let bits: Int

    struct Failure: Error { let reason: String }

    /// The enclosure (n x N balls) from `center` (n x N exact balls), `jacobian` = J(c̃), the
    /// Newton step Y F(c̃) (`step`, n series known to t^N), J over a box (`overBox`, given the
    /// box's n x N balls), `width` (the series Σ_l [-r_l, r_l] t^l) and `plain` (a series in the
    /// context without the valuation assumption). ε-inflation: r starts at 4 |step| at each
    /// order (the same for every series: a coefficient that is 0, with a step of 0, still
    /// receives the others' quadratic term), plus 2^16 ulps of the order's largest coefficient
    /// and `tiny`, so that the box is open even where everything is exactly 0; where K(X) is not
    /// inside X, r becomes 4 |K - c̃| there (at least twice r), and the test runs again, at most
    /// six times.
    func enclose(center: [[Ball]], jacobian: [[B]], step: [B], overBox: ([[Ball]]) throws -> [[B]],
                 width: ([Ball]) -> B, plain: (B) -> B) throws -> [[Ball]] {
        let n = center.count
        let floor = try BigFloat.pow(BigFloat(2, precision: 64), Rational(16 - bits))
        let tiny = try BigFloat.pow(BigFloat(2, precision: 64), Rational(-4 * bits))
        let zeroBall = Ball(0, precision: bits)
        let four = BigFloat(4, precision: 64), two = BigFloat(2, precision: 64)
        var radii = (0..<unknowns).map { l -> BigFloat in
            let stepSize = (0..<n).map { coefficient(step[$0], l).distanceBound(to: zeroBall) }.max()!
            let scale = (0..<n).map { BigFloat(center[$0][l].midpoint.magnitude, precision: 64) }.max()!
            return (stepSize + floor * scale + tiny) * four
        }.map { r in (0..<n).map { _ in r } }
        for _ in 0..<6 {
            let box = (0..<n).map { k in (0..<unknowns).map { Ball(midpoint: center[k][$0].midpoint, radius: radii[$0][k], precision: bits) } }
            let widths = (0..<n).map { k in width((0..<unknowns).map { Ball(midpoint: BigFloat(0, precision: bits), radius: radii[$0][k], precision: bits) }) }
            let over = try overBox(box)
            let spread = (0..<n).map { j in
                (0..<n).reduce(B(constant: Ball(0, precision: bits), context: widths[0].context)) { sum, k in
                    sum + (plain(jacobian[j][k]) - over[j][k]) * widths[k]
                }
            }
            let correction = try SeriesLinearSystem.solve(jacobian, spread)
            guard correction.allSatisfy(known) else { throw Failure(reason: "the Krawczyk correction is not known to t^\(unknowns)") }
            var inside = true
            var enclosure = center
            for k in 0..<n {
                for l in 0..<unknowns {
                    let value = center[k][l] - coefficient(step[k], l) + coefficient(correction[k], l)
                    enclosure[k][l] = value
                    let distance = value.distanceBound(to: center[k][l])
                    if !(distance < radii[l][k]) {
                        inside = false
                        radii[l][k] = max(radii[l][k] * two, distance * four)
                    }
                }
            }
            if inside { return enclosure }
        }
        throw Failure(reason: "the Krawczyk test did not contract")
    }

    /// Whether s is known (above its O-term) through t^(N-1).
    func known(_ s: B) -> Bool {
        s.dOrder.map { $0 <= Rational(-unknowns, ramification) } ?? true
    }

    /// [t^l] s (an exact 0 where s has no such term).
    func coefficient(_ s: B, _ l: Int) -> Ball {
        s.terms.first { $0.dExponent == Rational(-l, ramification) }?.coefficient ?? Ball(0, precision: s.precision)
    }
}
