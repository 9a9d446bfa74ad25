import Testing
import Numbers
import Balls
@testable import Series

/// The series engine on balls: every coefficient of every operation's result is an enclosure.
/// The reference is the same operation on the same exact inputs with MPFR at 4x the precision.
@Suite("Puiseux series over balls")
struct BallSeriesTests {
    static let bits = 128

    static func ball(_ s: PuiseuxSeries<Rational>) -> PuiseuxSeries<Ball> {
        var context = s.context
        context.precision = bits
        return s.mapCoefficients(context: context) { Ball($0, precision: bits) }
    }

    /// Each ball coefficient contains the reference's (the reference widened by its own rounding:
    /// 2^(40 - 4P) times the largest coefficient), and the O-terms agree.
    static func expectEnclosed(_ b: PuiseuxSeries<Ball>, _ reference: PuiseuxSeries<BigFloat>, _ what: String) {
        #expect(b.dOrder == reference.dOrder, "\(what): O-terms differ")
        let scale = reference.coefficients.map(\.magnitude).reduce(BigFloat(1, precision: 4 * bits)) { max($0, $1) }
        let slack = scale * (try! BigFloat.pow(BigFloat(2, precision: 4 * bits), Rational(40 - 4 * bits)))
        for term in b.terms {
            let r = reference.terms.first { $0.dExponent == term.dExponent }?.coefficient ?? BigFloat(0, precision: 4 * bits)
            let widened = Ball(midpoint: term.coefficient.midpoint, radius: term.coefficient.radius + slack)
            #expect(widened.contains(r), "\(what): d^(\(term.dExponent)): \(r.formatted(significantDigits: 30)) not in \(term.coefficient)")
        }
        // No term of the reference is missing from the balls (a dropped term would be a wrong zero).
        for term in reference.terms where term.coefficient.magnitude > slack {
            #expect(b.terms.contains { $0.dExponent == term.dExponent }, "\(what): the balls lost d^(\(term.dExponent))")
        }
    }

    @Test("products, quotients, roots, exp, log and arctangent of random series are enclosed")
    func randomSeries() throws {
        var rng = SplitMix64(seed: 31)
        for _ in 0..<25 {
            let x = Gen.exact(Rational.self, &rng, ramification: 2, valuation: 0, count: 8, precision: Self.bits, budget: 16,
                              leading: Rational(Int.random(in: 1...3, using: &rng)))
            let y = Gen.exact(Rational.self, &rng, ramification: 3, valuation: 1, count: 8, precision: Self.bits, budget: 16)
            let (bx, by) = (Self.ball(x), Self.ball(y))
            let (fx, fy) = (PuiseuxSeries<BigFloat>(x, precision: 4 * Self.bits), PuiseuxSeries<BigFloat>(y, precision: 4 * Self.bits))
            Self.expectEnclosed(bx * by, fx * fy, "x * y")
            Self.expectEnclosed(try bx / by, try fx / fy, "x / y")
            Self.expectEnclosed(try bx.squareRoot(), try fx.squareRoot(), "sqrt x")
            Self.expectEnclosed(try bx.rationalPower(Rational(-2, 3)), try fx.rationalPower(Rational(-2, 3)), "x^(-2/3)")
            // Arb's kernels (`quotientByKernel`, `powerByKernel`): square root, inverse square
            // root and general power each have their own; a quotient by a series with a unit.
            Self.expectEnclosed(try bx.rationalPower(Rational(-1, 2)), try fx.rationalPower(Rational(-1, 2)), "x^(-1/2)")
            Self.expectEnclosed(try bx.rationalPower(Rational(5, 3)), try fx.rationalPower(Rational(5, 3)), "x^(5/3)")
            Self.expectEnclosed(try by / bx, try fy / fx, "y / x")
            Self.expectEnclosed(try bx.logarithm(), try fx.logarithm(), "log x")
            let small = try by / bx, smallF = try fy / fx
            Self.expectEnclosed(try small.exponential(), try smallF.exponential(), "exp(y/x)")
            Self.expectEnclosed(try small.arctangent(), try smallF.arctangent(), "atan(y/x)")
            // Arb's acos and asin series (`inverseTrigByKernel`), at 0 and inside (-1, 1).
            Self.expectEnclosed(try small.arccosine(), try smallF.arccosine(), "acos(y/x)")
            let third = small + small.constant(Rational(1, 3)), thirdF = smallF + smallF.constant(Rational(1, 3))
            Self.expectEnclosed(try third.arcsine(), try thirdF.arcsine(), "asin(1/3 + y/x)")
            Self.expectEnclosed(try third.arccosine(), try thirdF.arccosine(), "acos(1/3 + y/x)")
        }
    }

    @Test("a branch the balls cannot decide is an error, not a guess")
    func undecidedBranch() throws {
        // 1/3 - 1/3 rounded: a ball around 0 that is not exactly 0, as a leading coefficient.
        let third = Ball(Rational(1, 3), precision: Self.bits)
        let context = SeriesContext(precision: Self.bits, relativeTerms: 8)
        let s = PuiseuxSeries(ramification: 1, valuation: 0, coefficients: [third - third, third], order: nil, context: context)
        #expect(throws: ComputationError.self) { try s.logarithm() }
        do { _ = try s.logarithm() } catch ComputationError.undecidable { } catch { Issue.record("expected undecidable, got \(error)") }
        do { _ = try s.reciprocal() } catch ComputationError.undecidable { } catch { Issue.record("expected undecidable, got \(error)") }
    }

    /// `SeriesContext.zeroLeadingBallsBelowBits`: only a leading ball that contains 0 and lies
    /// that many bits below the series' other coefficients is taken to be 0; a ball as wide as a
    /// residual stays, interior balls stay, and without the context nothing is dropped.
    @Test("the valuation assumption drops only leading balls that contain 0 far below the rest")
    func valuationAssumption() throws {
        let bits = 512
        func ball(_ radiusExponent: Int) -> Ball {
            Ball(midpoint: BigFloat(0, precision: bits), radius: try! BigFloat.pow(BigFloat(2, precision: 64), Rational(radiusExponent)), precision: bits)
        }
        let one = Ball(1, precision: bits), three = Ball(3, precision: bits)
        func series(_ coefficients: [Ball], below: Int?) -> PuiseuxSeries<Ball> {
            PuiseuxSeries(valuation: -2, coefficients: coefficients, order: nil,
                          context: SeriesContext(precision: bits, relativeTerms: 8, zeroLeadingBallsBelowBits: below))
        }
        // 0 ± 2^-400 at d^2 and d^1, then 1 d^0: both dropped at 256 bits below; the series starts at d^0.
        let exact = series([ball(-400), ball(-400), one, ball(-400), three], below: 256)
        #expect(exact.leadingDExponent == 0)
        #expect(exact.coefficients.count == 3 && exact.coefficients[1].containsZero && !exact.coefficients[1].isZero)
        // 0 ± 2^-100 (a residual's size) is kept at the same threshold: its sign stays unknown.
        #expect(series([ball(-100), one], below: 256).leadingDExponent == 2)
        // ... and dropped by a threshold of 64 bits (the box's).
        #expect(series([ball(-100), one], below: 64).leadingDExponent == 1)
        // No assumption: nothing but exact zeros is dropped.
        #expect(series([ball(-400), one], below: nil).leadingDExponent == 2)
        // Points are never affected.
        let points = PuiseuxSeries<BigFloat>(valuation: -1, coefficients: [BigFloat(1e-300, precision: bits), BigFloat(1, precision: bits)], order: nil,
                                             context: SeriesContext(precision: bits, relativeTerms: 8, zeroLeadingBallsBelowBits: 256))
        #expect(points.leadingDExponent == 1)
        // A result keeps the stricter threshold of its operands, and none if either has none.
        let a = SeriesContext(precision: bits, relativeTerms: 8, zeroLeadingBallsBelowBits: 256)
        let b = SeriesContext(precision: bits, relativeTerms: 8, zeroLeadingBallsBelowBits: 64)
        #expect(a.merged(with: b).zeroLeadingBallsBelowBits == 256)
        #expect(a.merged(with: SeriesContext(precision: bits, relativeTerms: 8)).zeroLeadingBallsBelowBits == nil)
    }
}
