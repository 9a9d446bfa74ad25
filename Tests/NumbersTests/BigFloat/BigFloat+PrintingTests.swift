import Testing
@testable import Numbers

/// Decimal output of `BigFloat` (BigFloat+Printing.swift).
@Suite struct BigFloatPrintingTests {
    @Test func piToThirtyDigits() {
        let pi = BigFloat.pi(precision: 256)
        #expect(pi.formatted(significantDigits: 30) == "3.14159265358979323846264338328")
        #expect(pi.formatted(significantDigits: 3) == "3.14")
        #expect((-pi).formatted(significantDigits: 5) == "-3.1416")
    }

    @Test(arguments: [
        ("0.0123", 10, "0.0123"), ("1234.5", 10, "1234.5"), ("1.2e-7", 10, "1.2e-7"),
        ("1234.56", 4, "1235"), ("1234.5", 4, "1234"), ("0.25", 1, "0.2"), ("0.75", 1, "0.8"), ("1234.5", 2, "1200"), ("9.96", 2, "10"), ("-9.96", 2, "-10"),
        ("0.000001", 5, "0.000001"), ("0.0000001", 5, "1e-7"), ("123456789012345678901", 25, "123456789012345678901"),
        ("1e20", 5, "100000000000000000000"), ("1e21", 5, "1e21"), ("-2.5e30", 5, "-2.5e30"),
        ("0.5", 1, "0.5"), ("7", 1, "7"), ("2/3", 6, "0.666667"),
    ] as [(String, Int, String)])
    func layout(value: String, digits: Int, expected: String) {
        let x = BigFloat(value, precision: 128)!
        #expect(x.formatted(significantDigits: digits) == expected)
    }

    @Test func specialValues() {
        #expect(BigFloat.zero(precision: 64).formatted(significantDigits: 10) == "0")
        #expect((-BigFloat.zero(precision: 64)).formatted(significantDigits: 10) == "0")
        #expect(BigFloat.makeRaw(precision: 64).formatted(significantDigits: 10) == "nan")
        let huge = BigFloat("1e100000", precision: 64)!
        var inf = huge
        for _ in 0..<40 { inf *= inf }   // overflows MPFR's exponent range
        #expect(inf.formatted(significantDigits: 5) == "inf")
        #expect((-inf).formatted(significantDigits: 5) == "-inf")
    }

    @Test func descriptionShowsTheDigitsThePrecisionDetermines() {
        #expect(BigFloat.decimalDigits(forBits: 53) == 15)
        #expect(BigFloat.decimalDigits(forBits: 256) == 77)
        #expect(BigFloat.decimalDigits(forBits: 1) == 1)
        #expect(BigFloat.pi(precision: 53).description == "3.14159265358979")
        #expect(BigFloat(Rational(1, 3), precision: 53).description == "0.333333333333333")
        #expect(BigFloat(1, precision: 53).description == "1")
        #expect(BigFloat(-40, precision: 16).description == "-40")
        #expect(BigFloat.pi(precision: 256).description.count == 78)  // 77 digits and the point
    }

    @Test func digitsAndExponent() {
        let (digits, exponent) = BigFloat(Rational(-3, 8), precision: 64).decimalDigitsAndExponent(significantDigits: 4)
        #expect(digits == "3750" && exponent == 0)
        let (d2, e2) = BigFloat(12345, precision: 64).decimalDigitsAndExponent(significantDigits: 3)
        #expect(d2 == "123" && e2 == 5)
    }

    @Test func printedDigitsParseBackToTheSameValue() {
        var rng = SplitMix64(seed: 50)
        for bits in [53, 100, 256] {
            for _ in 0..<10 {
                let x = BigFloat(rng.rational(bits: bits), precision: bits)
                // bits*log10(2) + 2 digits always identify a binary number of `bits` bits.
                let text = x.formatted(significantDigits: BigFloat.decimalDigits(forBits: bits) + 2)
                #expect(BigFloat(text, precision: bits) == x, "\(text)")
            }
        }
    }
}
