import Testing
@testable import Numbers

/// `BigInteger` arithmetic (BigInteger+Arithmetic.swift) against `Rational` (GMP mpq, restricted
/// to integers) and against elementary recurrences (Pascal's rule, n! = n (n-1)!, repeated products).
@Suite struct BigIntegerArithmeticTests {
    /// A random integer of about `bits` bits as both types, through its decimal text.
    static func pair(_ rng: inout SplitMix64, bits: Int) -> (BigInteger, Rational) {
        let q = rng.bigInteger(bits: bits)
        return (BigInteger(q.description)!, q)
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
