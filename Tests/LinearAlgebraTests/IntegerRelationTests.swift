import Testing
import Numbers
@testable import LinearAlgebra

/// PSLQ: relations that exist are found (checked by evaluating them), none is invented for
/// numbers without a small relation.
@Suite struct IntegerRelationTests {
    static let bits = 256

    static func tol(_ digits: Int) -> BigFloat {
        var t = BigFloat(1, precision: bits)
        for _ in 0..<digits { t = try! t / BigFloat(10, precision: bits) }
        return t
    }

    /// alpha_0 = 1/2 - 2/pi^2 (paper 000): 2 pi^2 alpha_0 - pi^2 + 4 = 0, a relation among
    /// (alpha_0, 1, 1/pi^2) with coefficients (2, -1, 4) up to sign.
    @Test func findsAlphaZero() throws {
        let pi = BigFloat.pi(precision: Self.bits)
        let one = BigFloat(1, precision: Self.bits)
        let inversePiSquared = try one / (pi * pi)
        let alpha = BigFloat(Rational(1, 2), precision: Self.bits) - BigFloat(2, precision: Self.bits) * inversePiSquared
        let relation = try #require(try IntegerRelation.pslq([alpha, one, inversePiSquared], tolerance: Self.tol(60), maximumNorm: 1e6))
        let normalised = relation[0] < 0 ? relation.map { -$0 } : relation
        #expect(normalised == [2, -1, 4])
    }

    /// A relation with larger coefficients among five numbers: 17 sqrt2 - 5 sqrt3 + 12 pi - 29 e = r;
    /// PSLQ on (r, sqrt2, sqrt3, pi, e) returns it (checked by evaluating the relation).
    @Test func findsFiveTermRelation() throws {
        let b = Self.bits
        let s2 = try BigFloat.sqrt(BigFloat(2, precision: b)), s3 = try BigFloat.sqrt(BigFloat(3, precision: b))
        let pi = BigFloat.pi(precision: b), e = try BigFloat.exp(BigFloat(1, precision: b))
        let r = BigFloat(17, precision: b) * s2 - BigFloat(5, precision: b) * s3 + BigFloat(12, precision: b) * pi - BigFloat(29, precision: b) * e
        let x = [r, s2, s3, pi, e]
        let relation = try #require(try IntegerRelation.pslq(x, tolerance: Self.tol(60), maximumNorm: 1e6))
        let value = zip(relation, x).reduce(BigFloat(0, precision: b)) { $0 + BigFloat($1.0, precision: b) * $1.1 }
        #expect(value.magnitude.doubleValue < 1e-60)
        #expect(relation[0] != 0)
    }

    /// pi, e and sqrt 2 have no relation with coefficients below 10^6 (none is known at all):
    /// PSLQ must say so rather than return noise.
    @Test func noRelationAmongIndependentConstants() throws {
        let b = Self.bits
        let x = [BigFloat.pi(precision: b), try BigFloat.exp(BigFloat(1, precision: b)), try BigFloat.sqrt(BigFloat(2, precision: b))]
        #expect(try IntegerRelation.pslq(x, tolerance: Self.tol(60), maximumNorm: 1e6) == nil)
    }
}
