import Testing
import Numbers
import Balls

@Suite("Ball: rigorous enclosures (Arb)")
struct BallTests {
    static let bits = 128

    /// A random rational of moderate size, not a dyadic fraction (so its ball has a radius).
    static func rational(_ g: inout SplitMix64, positive: Bool = false) -> Rational {
        let n = Int(g.next() % 2_000_001) - (positive ? 0 : 1_000_000)
        let d = 3 + 2 * Int(g.next() % 50_000)
        return Rational(positive ? max(n, 1) : n, d)
    }

    /// The value at 4x the precision must lie in the ball computed at P from the same exact
    /// inputs (widened by 2^(10 - 4P) relative: the reference's own rounding).
    static func expectContains(_ ball: Ball, _ reference: BigFloat, _ what: String) {
        let slack = reference.magnitude * (try! BigFloat.pow(BigFloat(2, precision: 4 * bits), Rational(10 - 4 * bits)))
        let widened = Ball(midpoint: ball.midpoint, radius: ball.radius + slack)
        #expect(widened.contains(reference), "\(what): \(reference.formatted(significantDigits: 40)) not in \(ball)")
        #expect(ball.accuracyBits > bits - 20, "\(what): only \(ball.accuracyBits) bits")
    }

    @Test("every operation's ball contains the value computed independently at 4x the precision")
    func containment() throws {
        var g = SplitMix64(seed: 13)
        for _ in 0..<200 {
            let (p, q) = (Self.rational(&g), Self.rational(&g))
            let (a, b) = (Ball(p, precision: Self.bits), Ball(q, precision: Self.bits))
            let (x, y) = (BigFloat(p, precision: 4 * Self.bits), BigFloat(q, precision: 4 * Self.bits))
            Self.expectContains(a + b, x + y, "+")
            Self.expectContains(a - b, x - y, "-")
            Self.expectContains(a * b, x * y, "*")
            if !q.isZero { Self.expectContains(try a / b, try x / y, "/") }
            Self.expectContains(try Ball.exp(a), try BigFloat.exp(x), "exp")
            Self.expectContains(try Ball.sin(a), try BigFloat.sin(x), "sin")
            Self.expectContains(try Ball.cos(a), try BigFloat.cos(x), "cos")
            Self.expectContains(try Ball.atan(a), try BigFloat.atan(x), "atan")
            let r = Self.rational(&g, positive: true)
            let (c, z) = (Ball(r, precision: Self.bits), BigFloat(r, precision: 4 * Self.bits))
            Self.expectContains(try Ball.sqrt(c), try BigFloat.sqrt(z), "sqrt")
            Self.expectContains(try Ball.log(c), try BigFloat.log(z), "log")
            Self.expectContains(try Ball.pow(c, Rational(-5, 3)), try BigFloat.pow(z, Rational(-5, 3)), "pow")
            let u = Rational(Int(g.next() % 1999) - 999, 1000)
            let (e, w) = (Ball(u, precision: Self.bits), BigFloat(u, precision: 4 * Self.bits))
            Self.expectContains(try Ball.asin(e), try BigFloat.asin(w), "asin")
            Self.expectContains(try Ball.acos(e), try BigFloat.acos(w), "acos")
        }
    }

    @Test("decisions are three-valued: exact zero, certainly nonzero, or unknown (an error to raise the precision on)")
    func threeValued() throws {
        let tiny = Ball(Rational(1, 3), precision: Self.bits) - Ball(Rational(1, 3), precision: Self.bits)
        #expect(!tiny.isZero && tiny.containsZero && tiny.certainSign == nil)
        let one = Ball(1, precision: Self.bits)
        #expect(Self.failure { try one / tiny } == .undecidable)
        #expect(Self.failure { try one / Ball(0, precision: Self.bits) } == .domain)
        #expect(Self.failure { try Ball.sqrt(tiny) } == .undecidable)
        #expect(Self.failure { try Ball.log(Ball(-2, precision: Self.bits)) } == .domain)
        #expect(Self.failure { try Ball.acos(one + tiny) } == .undecidable)
        #expect(Self.failure { try Ball.acos(Ball(2, precision: Self.bits)) } == .domain)
        // Exact operations stay exact: 1 - 1 is the exact zero, not a tiny ball.
        #expect((Ball(1, precision: Self.bits) - Ball(1, precision: Self.bits)).isZero)
        #expect(try Ball.sqrt(Ball(4, precision: Self.bits)).isExact)
    }

    enum Failure { case none, domain, undecidable, other }
    static func failure(_ body: () throws -> Ball) -> Failure {
        do { _ = try body(); return .none } catch ComputationError.domain { return .domain } catch ComputationError.undecidable { return .undecidable } catch { return .other }
    }

    @Test("where agreement between P and 2P bits prints a wrong zero, the ball says it does not know")
    func agreementCanBeWrong() {
        // (1 + 2^-300) - 1 = 2^-300. At 128 and at 256 bits MPFR rounds 1 + 2^-300 to 1, so both
        // computations give exactly 0 and agree on it: the agreement rule would print 0.
        let small = try! Rational(2).power(-300)
        for bits in [128, 256] {
            #expect((BigFloat(1 + small, precision: bits) - BigFloat(1, precision: bits)).isZero)
        }
        // The ball of 1 + 2^-300 at 128 bits has a radius; the difference contains 0 and 2^-300.
        let ball = Ball(1 + small, precision: 128) - Ball(1, precision: 128)
        #expect(!ball.isZero && ball.containsZero)
        #expect(ball.contains(BigFloat(small, precision: 512)))
    }

    @Test("rounded(toPrecision:): a ball at fewer bits that still contains every number of the original")
    func roundedKeepsTheEnclosure() throws {
        // 1/3 at 1024 bits, to 128: the rounding error moves into the radius.
        let third = Ball(Rational(1, 3), precision: 1024)
        let rounded = third.rounded(toPrecision: 128)
        #expect(rounded.precision == 128)
        #expect(rounded.contains(third))
        #expect(rounded.radius.doubleValue > 0 && rounded.radius.doubleValue < 1e-37)
        // The midpoint fits the new precision: rounding it again changes nothing.
        #expect(BigFloat(rounded.midpoint, precision: 128) == rounded.midpoint)
        // A ball with a radius keeps its whole width, and an exact dyadic stays exact.
        let wide = Ball(midpoint: BigFloat(Rational(2, 7), precision: 512), radius: BigFloat(1e-60, precision: 64), precision: 512)
        #expect(wide.rounded(toPrecision: 100).contains(wide))
        #expect(Ball(Rational(3, 8), precision: 512).rounded(toPrecision: 64).isExact)
    }
}
