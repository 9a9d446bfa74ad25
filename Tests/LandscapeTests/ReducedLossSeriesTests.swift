import Testing
import Numbers
import Series
@testable import Landscape

/// The reduced model is generic over the scalar: evaluated on Puiseux series (d = t^(-b)) along
/// a curve of points it must agree with the same model evaluated in MPFR at large numeric d.
@Suite struct ReducedLossSeriesTests {
    typealias S = PuiseuxSeries<BigFloat>
    static let bits = 256

    /// D = -1 + 2/d + 1/(3 d^(3/2)), O = 2/d (the Δ S_d family's leading shape, with a half-integer
    /// power so that the ramification is 2) and, for m = 1, E = 1/(5 sqrt d).
    func curve(_ pattern: IsotropyPattern, _ d: S) throws -> [S] {
        let root = try d.squareRoot()
        var xi = [d.constant(-1) + (try d.constant(2) / d) + (try d.constant(Rational(1, 3)) / (d * root)),
                  try d.constant(2) / d]
        if pattern.extraRows == 1 { xi.append(try d.constant(Rational(1, 5)) / root) }
        return xi
    }

    func numericCurve(_ pattern: IsotropyPattern, _ d: BigFloat) throws -> [BigFloat] {
        let root = try BigFloat.sqrt(d)
        var xi = [d.constant(-1) + (try d.constant(2) / d) + (try d.constant(Rational(1, 3)) / (d * root)),
                  try d.constant(2) / d]
        if pattern.extraRows == 1 { xi.append(try d.constant(Rational(1, 5)) / root) }
        return xi
    }

    /// Sum of the series' terms at a numeric d.
    func evaluate(_ s: S, at d: BigFloat) throws -> BigFloat {
        try s.terms.reduce(d.constant(0)) { sum, term in
            sum + term.coefficient * (try BigFloat.pow(d, term.dExponent))
        }
    }

    @Test(arguments: [0, 1]) func lossAndFieldAsSeries(m: Int) throws {
        let pattern = try IsotropyPattern.standard(p: 0, extraRows: m)
        let ctx = SeriesContext(precision: Self.bits, relativeTerms: 16)
        let d = S.d(context: ctx)
        let model = ReducedLoss(pattern: pattern, d: d)
        let xi = try curve(pattern, d)
        let loss = try model.loss(xi)
        let field = try model.field(xi)
        let order = try #require(loss.dOrder)
        #expect(order <= Rational(-3), "loss known to O(d^\(order)) only")
        for dValue in [1e6, 1e8] {
            let dn = BigFloat(dValue, precision: Self.bits)
            let numeric = ReducedLoss(pattern: pattern, d: dn)
            let xn = try numericCurve(pattern, dn)
            let lossError = abs((try evaluate(loss, at: dn) - numeric.loss(xn)).doubleValue)
            // The truncation error is O(d^order); allow a factor 100 on the next coefficient.
            let bound = 100 * (try BigFloat.pow(dn, order)).doubleValue
            #expect(lossError < bound, "loss at d = \(dValue): error \(lossError) vs bound \(bound)")
            for (i, f) in field.enumerated() {
                let fieldOrder = try #require(f.dOrder)
                let fieldError = abs((try evaluate(f, at: dn) - numeric.field(xn)[i]).doubleValue)
                #expect(fieldError < 100 * (try BigFloat.pow(dn, fieldOrder)).doubleValue,
                        "F_\(i) at d = \(dValue): error \(fieldError), O(d^\(fieldOrder))")
            }
        }
    }
}
