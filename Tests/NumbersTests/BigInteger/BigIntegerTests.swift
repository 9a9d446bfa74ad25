import Testing
@testable import Numbers

/// `BigInteger` (GMP mpz) against `Rational` (GMP mpq, restricted to integers), against machine
/// integers where they fit, and against elementary recurrences (Pascal's rule, n! = n (n-1)!).
@Suite struct BigIntegerTests {
    /// A random integer of about `bits` bits as both types, through its decimal text.
    static func pair(_ rng: inout SplitMix64, bits: Int) -> (BigInteger, Rational) {
        let q = rng.bigInteger(bits: bits)
        return (BigInteger(q.description)!, q)
    }

    @Test func construction() {
        #expect(BigInteger().isZero && BigInteger.zero.description == "0")
        #expect(BigInteger(Int.min).description == String(Int.min))
        #expect(BigInteger(Int.max).description == String(Int.max))
        #expect(BigInteger(-5).sign == -1 && BigInteger(0).sign == 0 && BigInteger(7).sign == 1)
        let literal: BigInteger = 42
        #expect(literal == BigInteger(42))
        #expect(BigInteger(Int.max).intValue == Int.max)
        #expect((BigInteger(Int.max) + .one).intValue == nil)
    }

    @Test(arguments: [
        ("0", "0"), ("-0", "0"), ("+17", "17"), ("-17", "-17"), ("000123", "123"),
        ("123456789012345678901234567890", "123456789012345678901234567890"),
        ("", nil), ("-", nil), ("1.5", nil), ("1e5", nil), ("1/2", nil), ("12a", nil), (" 1", nil), ("0x10", nil), ("١٢", nil),
    ] as [(String, String?)])
    func parsing(text: String, expected: String?) {
        #expect(BigInteger(text)?.description == expected)
    }

    @Test func arithmeticAgreesWithRationalIntegers() {
        var rng = SplitMix64(seed: 16)
        for bits in [10, 62, 64, 200, 1000] {
            for _ in 0..<20 {
                let (a, p) = Self.pair(&rng, bits: bits), (b, q) = Self.pair(&rng, bits: bits / 2 + 1)
                #expect((a + b).description == (p + q).description)
                #expect((a - b).description == (p - q).description)
                #expect((a * b).description == (p * q).description)
                #expect((-a).description == (-p).description)
                #expect(a.magnitude.description == p.magnitude.description)
                #expect((a < b) == (p < q) && (a == b) == (p == q))
                #expect((a * 12345).description == (p * Rational(12345)).description)
                if !b.isZero {
                    #expect((a * b).dividedExactly(by: b) == a)
                    let (quotient, remainder) = a.quotientAndRemainder(dividingBy: b)
                    #expect(quotient * b + remainder == a)
                    #expect(remainder.magnitude < b.magnitude)
                    #expect(remainder.isZero || remainder.sign == a.sign, "remainder takes the sign of the dividend")
                }
                #expect((a * 360).dividedExactly(by: 360) == a)
                #expect(Rational(a) == p)
            }
        }
    }

    @Test func inPlaceOperatorsKeepValueSemantics() {
        let original = BigInteger(10)
        var copy = original
        copy += BigInteger(5)
        #expect(original == BigInteger(10) && copy == BigInteger(15))
        var other = original
        other -= .one
        #expect(original == BigInteger(10) && other == BigInteger(9))
        var product = original
        product *= BigInteger(-3)
        #expect(original == BigInteger(10) && product == BigInteger(-30))
        var scaled = original
        scaled.multiply(by: 7)
        #expect(original == BigInteger(10) && scaled == BigInteger(70))
        var row = [original, original]
        row[1].multiply(by: 2)
        #expect(row[0] == BigInteger(10) && row[1] == BigInteger(20) && original == BigInteger(10))
    }

    @Test func powersFactorialsAndBinomials() {
        // Powers against repeated multiplication.
        var p = BigInteger.one
        for n in 0...130 {
            #expect(BigInteger(-3).power(n) == p, "(-3)^\(n)")
            p *= BigInteger(-3)
        }
        #expect(BigInteger(0).power(0) == .one)
        // n! against the running product, C(n, k) against Pascal's rule row by row.
        var factorial = BigInteger.one
        var pascal: [BigInteger] = [.one]
        for n in 0...80 {
            if n > 0 { factorial.multiply(by: n) }
            #expect(BigInteger.factorial(n) == factorial, "\(n)!")
            for k in 0...n { #expect(BigInteger.binomial(n, k) == pascal[k], "C(\(n), \(k))") }
            #expect(BigInteger.binomial(n, -1).isZero && BigInteger.binomial(n, n + 1).isZero)
            pascal = (0...(n + 1)).map { k in (k > 0 ? pascal[k - 1] : .zero) + (k <= n ? pascal[k] : .zero) }
        }
        // 2^64 does not fit in a machine integer; its digits are those of 2 * 2^63.
        #expect(BigInteger(2).power(64).description == "18446744073709551616")
    }

    @Test func rationalFromIntegers() {
        let q = Rational(BigInteger(-84), BigInteger(36))
        #expect(q == Rational(-7, 3))
        #expect(q.integerComponents.numerator == BigInteger(-7) && q.integerComponents.denominator == BigInteger(3))
        #expect(Rational(BigInteger(5), BigInteger(-10)) == Rational(-1, 2))
        let big = BigInteger(10).power(40)
        #expect(Rational(big * 3, big * 7) == Rational(3, 7))
        #expect(Rational(big).description == big.description)
    }
}
