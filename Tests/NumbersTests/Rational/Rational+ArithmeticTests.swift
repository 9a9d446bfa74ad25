import Testing
@testable import Numbers

/// Field operations, ordering, powers, roots and the exact elementary points of `Rational`
/// (Rational+Arithmetic.swift).
@Suite struct RationalArithmeticTests {
    @Test func smallArithmetic() throws {
        #expect(Rational(1, 3) + Rational(1, 6) == Rational(1, 2))
        #expect(Rational(1, 3) - Rational(1, 2) == Rational(-1, 6))
        #expect(Rational(-2, 3) * Rational(9, 4) == Rational(-3, 2))
        #expect(try Rational(2, 3) / Rational(-4, 9) == Rational(-3, 2))
        #expect(-Rational(5, 7) == Rational(-5, 7))
        #expect(Rational(-5, 7).magnitude == Rational(5, 7))
        #expect(Rational(-5, 7).reciprocal == Rational(-7, 5))
        #expect(Rational(4).constant(Rational(1, 9)) == Rational(1, 9))
        #expect(Rational(4).constant(3) == Rational(3))
    }

    @Test func divisionByZeroIsADomainError() {
        expectDomainError { try Rational(1) / Rational.zero }
        expectDomainError { try Rational.zero / Rational(0, 5) }
    }

    @Test func fieldLawsOnLargeRandomValues() throws {
        var rng = SplitMix64(seed: 1)
        for _ in 0..<50 {
            let a = rng.rational(bits: 200), b = rng.rational(bits: 130), c = rng.rational(bits: 70)
            #expect((a + b) - b == a)
            #expect(try (a * b) / b == a)
            #expect(a * (b + c) == a * b + a * c)
            #expect((a + b) + c == a + (b + c))
            #expect(a * b == b * a)
            #expect(a + (-a) == .zero)
            #expect(a * a.reciprocal == .one)
        }
    }

    @Test func inPlaceMatchesOutOfPlace() {
        var rng = SplitMix64(seed: 2)
        for _ in 0..<20 {
            let a = rng.rational(bits: 150), b = rng.rational(bits: 90)
            var x = a
            x += b
            #expect(x == a + b)
            x = a
            x -= b
            #expect(x == a - b)
            x = a
            x *= b
            #expect(x == a * b)
        }
    }

    @Test func comparable() {
        let sorted = [Rational(-3), Rational(-1, 2), Rational(-1, 3), .zero, Rational(1, 3), Rational(1, 2), Rational(22, 7)]
        #expect(sorted.shuffled().sorted() == sorted)
        #expect(Rational(1, 3) < Rational(1, 2))
        #expect(!(Rational(1, 2) < Rational(2, 4)))
        #expect(Rational(1, 2) <= Rational(2, 4))
        #expect(Rational(-22, 7) > Rational(-4))
        #expect(Swift.max(Rational(1, 7), Rational(1, 8)) == Rational(1, 7))
    }

    @Test func hashableAgreesWithEquality() {
        let set: Set<Rational> = [Rational(1, 2), Rational(2, 4), Rational(-3, -6), Rational(1, 3)]
        #expect(set.count == 2)
        #expect(Rational(10, 4).hashValue == Rational(5, 2).hashValue)
    }

    @Test func power() throws {
        #expect(try Rational(2, 3).power(3) == Rational(8, 27))
        #expect(try Rational(-2, 3).power(3) == Rational(-8, 27))
        #expect(try Rational(-2, 3).power(2) == Rational(4, 9))
        #expect(try Rational(-2, 3).power(-3) == Rational(-27, 8))
        #expect(try Rational(7, 5).power(0) == .one)
        #expect(try Rational.zero.power(0) == .one)
        #expect(try Rational.zero.power(4) == .zero)
        #expect(try Rational(2).power(100).description == "1267650600228229401496703205376")
        expectDomainError { try Rational.zero.power(-1) }
        expectDomainError { try Rational.zero.power(Int.min) }
        // Int.min has no negation in Int; the exponent's magnitude is used instead.
        #expect(try Rational(-1).power(Int.min) == .one)
        #expect(try Rational(-1).power(Int.min + 1) == Rational(-1))
        #expect(try Rational.one.power(Int.max) == .one)
    }

    @Test func powerLaws() throws {
        var rng = SplitMix64(seed: 3)
        for _ in 0..<20 {
            let a = rng.rational(bits: 40)
            let m = Int.random(in: -6...6, using: &rng), n = Int.random(in: -6...6, using: &rng)
            #expect(try a.power(m) * a.power(n) == a.power(m + n))
            #expect(try a.power(m).power(n) == a.power(m * n))
        }
    }

    @Test func exactRoot() throws {
        #expect(Rational(8, 27).exactRoot(3) == Rational(2, 3))
        #expect(Rational(-8, 27).exactRoot(3) == Rational(-2, 3))
        #expect(Rational(9, 4).exactRoot(2) == Rational(3, 2))
        #expect(Rational(5).exactRoot(1) == Rational(5))
        #expect(Rational.zero.exactRoot(7) == .zero)
        #expect(Rational(-4).exactRoot(2) == nil)
        #expect(Rational(2).exactRoot(2) == nil)
        #expect(Rational(4, 3).exactRoot(2) == nil)   // numerator a square, denominator not
        #expect(Rational(3, 4).exactRoot(2) == nil)   // denominator a square, numerator not
        #expect(Rational(16, 81).exactRoot(4) == Rational(2, 3))
        var rng = SplitMix64(seed: 4)
        for q in 2...7 {
            let base = rng.rational(bits: 120)
            let p = try base.power(q)
            let expected = q % 2 == 0 ? base.magnitude : base
            #expect(p.exactRoot(q) == expected)
            #expect((p + .one).exactRoot(q) == nil)
        }
    }

    @Test func exactElementaryPoints() throws {
        #expect(try Rational.sqrt(Rational(9, 4)) == Rational(3, 2))
        #expect(try Rational.sqrt(.zero) == .zero)
        #expect(try Rational.pow(Rational(8, 27), Rational(2, 3)) == Rational(4, 9))
        #expect(try Rational.pow(Rational(8, 27), Rational(-2, 3)) == Rational(9, 4))
        #expect(try Rational.pow(Rational(-8), Rational(1, 3)) == Rational(-2))
        #expect(try Rational.pow(Rational(-8), Rational(2, 3)) == Rational(4))
        #expect(try Rational.pow(.zero, Rational(1, 2)) == .zero)
        #expect(try Rational.exp(.zero) == .one)
        #expect(try Rational.log(.one) == .zero)
        #expect(try Rational.sin(.zero) == .zero)
        #expect(try Rational.cos(.zero) == .one)
        #expect(try Rational.asin(.zero) == .zero)
        #expect(try Rational.acos(.one) == .zero)
        #expect(try Rational.atan(.zero) == .zero)
    }

    @Test func irrationalResultsAreInexact() {
        expectInexactError { try Rational.one.pi() }
        expectInexactError { try Rational.sqrt(Rational(2)) }
        expectInexactError { try Rational.pow(Rational(2), Rational(1, 3)) }
        expectInexactError { try Rational.exp(.one) }
        expectInexactError { try Rational.log(Rational(2)) }
        expectInexactError { try Rational.sin(.one) }
        expectInexactError { try Rational.cos(.one) }
        expectInexactError { try Rational.asin(Rational(1, 2)) }
        expectInexactError { try Rational.acos(.zero) }
        expectInexactError { try Rational.atan(.one) }
    }

    @Test func outsideTheDomainIsADomainError() {
        expectDomainError { try Rational.sqrt(Rational(-1)) }
        expectDomainError { try Rational.log(.zero) }
        expectDomainError { try Rational.log(Rational(-2)) }
        expectDomainError { try Rational.asin(Rational(2)) }
        expectDomainError { try Rational.acos(Rational(-3, 2)) }
        expectDomainError { try Rational.pow(Rational(-4), Rational(1, 2)) }
        expectDomainError { try Rational.pow(.zero, Rational(-1, 2)) }
    }
}
