import Testing
@testable import Numbers

/// Correct decimal rounding of exact rationals (Rational+Decimal.swift): hand-checked values,
/// ties, carries, and MPFR's correctly rounded printing of a 4000-bit approximation.
@Suite struct RationalDecimalTests {
    @Test(arguments: [
        (1, 3, 4, "0.3333"), (2, 3, 4, "0.6667"), (-22, 7, 3, "-3.14"), (1, 7, 20, "0.14285714285714285714"),
        (1, 8, 10, "0.125"),           // exact: no zeros appended
        (1, 8, 2, "0.12"), (3, 8, 2, "0.38"), (5, 8, 2, "0.62"), (-1, 8, 2, "-0.12"),  // ties to even
        (999, 1000, 2, "1.0"), (9999, 1000, 3, "10.0"), (1999, 200, 3, "10.0"), (1997, 200, 3, "9.98"),  // carries, 9.995 and 9.985
        (1_000_001, 10_000_000, 3, "0.100"),  // rounded: the zeros are significant
        (1, 1, 5, "1"), (10, 1, 1, "10"), (1, 10, 3, "0.1"), (1, 10_000_000, 2, "1e-7"),
        (123_456_789, 1, 3, "123000000"), (0, 5, 3, "0"), (7, 1, 1, "7"), (95, 1, 1, "100"), (85, 1, 1, "80"),
    ] as [(Int, Int, Int, String)])
    func handChecked(numerator: Int, denominator: Int, digits: Int, expected: String) {
        #expect(Rational(numerator, denominator).formatted(significantDigits: digits) == expected)
    }

    @Test func exactness() {
        #expect(Rational(1, 8).decimalDigitsAndExponent(significantDigits: 3) == ("125", 0, true))
        #expect(Rational(1, 3).decimalDigitsAndExponent(significantDigits: 3) == ("333", 0, false))
        #expect(Rational(1234).decimalDigitsAndExponent(significantDigits: 2) == ("12", 4, false))
        #expect(Rational(1, 1000).decimalDigitsAndExponent(significantDigits: 1) == ("1", -2, true))
    }

    @Test func hugeAndTinyValues() {
        let big = BigInteger(10).power(300)
        #expect(Rational(big, BigInteger(3)).formatted(significantDigits: 5) == "3.3333e299")
        #expect(Rational(BigInteger(2), big * 3).formatted(significantDigits: 5) == "6.6667e-301")
        // Just below and just above a tie: 0.125 -+ 10^-300 at 2 digits.
        let eps = Rational(BigInteger.one, big)
        #expect((Rational(1, 8) - eps).formatted(significantDigits: 2) == "0.12")
        #expect((Rational(1, 8) + eps).formatted(significantDigits: 2) == "0.13")
    }

    @Test func agreesWithMPFR() {
        var rng = SplitMix64(seed: 2024)
        for bits in [20, 100, 600] {
            for _ in 0..<40 {
                let q = rng.rational(bits: bits)
                for n in [1, 2, 5, 16, 40] {
                    // 4000 bits hold about 1200 digits: a tie within them is not among these draws.
                    let mpfr = BigFloat(q, precision: 4000).formatted(significantDigits: n)
                    var ours = q.formatted(significantDigits: n)
                    // MPFR's layout drops trailing zeros; ours keeps them when they are significant.
                    if ours.contains(".") && !ours.contains("e") { while ours.hasSuffix("0") { ours.removeLast() }; if ours.hasSuffix(".") { ours.removeLast() } }
                    if ours.contains("e") {
                        let parts = ours.split(separator: "e")
                        var mantissa = String(parts[0])
                        if mantissa.contains(".") { while mantissa.hasSuffix("0") { mantissa.removeLast() }; if mantissa.hasSuffix(".") { mantissa.removeLast() } }
                        ours = mantissa + "e" + parts[1]
                    }
                    #expect(ours == mpfr, "\(q) to \(n) digits")
                }
            }
        }
    }
}
