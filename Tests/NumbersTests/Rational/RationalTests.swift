import Testing
@testable import Numbers

/// Construction, canonical form and copy-on-write of `Rational` (Rational.swift).
@Suite struct RationalTests {
    @Test func zeroAndOne() {
        #expect(Rational().isZero)
        #expect(Rational.zero.description == "0")
        #expect(Rational.one.description == "1")
        #expect(Rational.zero.sign == 0 && Rational.one.sign == 1 && Rational(-3).sign == -1)
    }

    @Test(arguments: [
        (6, -4, "-3/2"), (-6, 4, "-3/2"), (-6, -4, "3/2"), (0, -5, "0"), (10, 5, "2"),
        (7, 1, "7"), (1, Int.min, "-1/9223372036854775808"), (Int.min, -1, "9223372036854775808"),
        (Int.max, Int.max, "1"), (Int.min, Int.min, "1"),
    ])
    func canonicalForm(numerator: Int, denominator: Int, expected: String) {
        let q = Rational(numerator, denominator)
        #expect(q.description == expected)
        // The denominator is always positive and coprime to the numerator.
        #expect(!q.denominator.description.hasPrefix("-"))
        #expect(q == (try! Rational(numerator) / Rational(denominator)))
    }

    @Test func numeratorAndDenominator() {
        let q = Rational(-84, 36)
        #expect(q.numerator.description == "-7")
        #expect(q.denominator.description == "3")
        #expect(!q.isInteger)
        #expect(Rational(12, 4).isInteger)
        #expect(Rational(0, 7).denominator.description == "1")
    }

    @Test func intComponents() {
        let c = Rational(-22, 7).intComponents
        #expect(c?.numerator == -22 && c?.denominator == 7)
        #expect(Rational(Int.min, -1).intComponents == nil)  // 2^63 does not fit
        #expect(Rational(Int.min).intComponents?.numerator == Int.min)
    }

    @Test func parity() {
        #expect(Rational(3, 4).numeratorIsOdd && !Rational(3, 4).denominatorIsOdd)
        #expect(!Rational(-2, 5).numeratorIsOdd && Rational(-2, 5).denominatorIsOdd)
        #expect(Rational(-1, 3).numeratorIsOdd)
    }

    @Test func copyOnWriteInPlaceOperators() {
        let original = Rational(1, 3)
        var copy = original
        copy += Rational(1, 6)
        #expect(original == Rational(1, 3))
        #expect(copy == Rational(1, 2))

        var other = original
        other -= .one
        #expect(original == Rational(1, 3) && other == Rational(-2, 3))
        var product = original
        product *= Rational(3)
        #expect(original == Rational(1, 3) && product == .one)
    }

    @Test func uniqueValueIsMutatedInPlace() {
        var q = Rational(5, 7)
        let before = ObjectIdentifier(q.storage)
        q += Rational(2, 7)
        q *= Rational(3)
        #expect(ObjectIdentifier(q.storage) == before)
        #expect(q == Rational(3))
    }

    @Test func sharedStorageUntilMutation() {
        let a = Rational(2, 9)
        var b = a
        #expect(ObjectIdentifier(a.storage) == ObjectIdentifier(b.storage))
        b += .zero
        #expect(ObjectIdentifier(a.storage) != ObjectIdentifier(b.storage))
        #expect(a == b)
    }
}
