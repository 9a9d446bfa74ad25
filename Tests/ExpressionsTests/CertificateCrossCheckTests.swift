import Testing
import Numbers
import Balls
import Export

/// `CertificateCrossCheck`: a ball agrees with an independent 2P value within that value's own
/// error, and only then.
@Suite("CertificateCrossCheck")
struct CertificateCrossCheckTests {
    static let p = 256

    /// 1/3 enclosed at 4P bits, the value 1/3 at 2P bits, and that value moved by `relative`.
    static func third(movedBy relative: Int?) throws -> (Ball, BigFloat) {
        let ball = Ball(Rational(1, 3), precision: 4 * p)
        var value = BigFloat(Rational(1, 3), precision: 2 * p)
        if let relative { value = value + value * (try BigFloat.pow(BigFloat(2, precision: 2 * p), Rational(relative))) }
        return (ball, value)
    }

    @Test("a regular value: inside within 2P's rounding; 2^-400 off is a miss")
    func regular() throws {
        let (ball, exact) = try Self.third(movedBy: nil)
        #expect(CertificateCrossCheck.agrees(ball, confirmation: exact, precision: Self.p))
        let (_, wrong) = try Self.third(movedBy: -400)
        #expect(!CertificateCrossCheck.agrees(ball, confirmation: wrong, precision: Self.p))
    }

    /// A cluster's root at P = 256 is off by about 2^-128, at 2P by about 2^-256: given the P
    /// value, the 2P value's error is that square, and a 2P value off by 2^-250 agrees; off
    /// by 2^-200 (more than the square of the P value's 2^-128) it does not.
    @Test("a root that loses half its digits: the 2P value's error is the square of the P value's")
    func cluster() throws {
        let (ball, exact) = try Self.third(movedBy: nil)
        let working = exact + exact * (try BigFloat.pow(BigFloat(2, precision: 2 * Self.p), Rational(-128)))
        let (_, near) = try Self.third(movedBy: -250)
        #expect(CertificateCrossCheck.agrees(ball, confirmation: near, working: BigFloat(working, precision: Self.p), precision: Self.p))
        #expect(!CertificateCrossCheck.agrees(ball, confirmation: near, precision: Self.p))
        let (_, far) = try Self.third(movedBy: -200)
        #expect(!CertificateCrossCheck.agrees(ball, confirmation: far, working: BigFloat(working, precision: Self.p), precision: Self.p))
    }
}
