import Testing
@testable import Numbers

/// Printing, parsing and Double conversions of `Rational` (Rational+Conversions.swift).
@Suite struct RationalConversionsTests {
    @Test(arguments: [
        ("1/3", "1/3"), ("-22/7", "-22/7"), ("+22/7", "22/7"), ("6/-0", nil), ("0.125", "1/8"),
        ("1.5e-3", "3/2000"), ("2E4", "20000"), ("-3", "-3"), ("  -3  ", "-3"), ("10/4", "5/2"),
        ("0/9", "0"), ("-0", "0"), ("-0.0", "0"), (".5", "1/2"), ("5.", "5"), ("1e+2", "100"),
        ("-1.25E-1", "-1/8"), ("000123", "123"), ("12345678901234567890123", "12345678901234567890123"),
        ("1/0", nil), ("abc", nil), ("1..2", nil), ("", nil), ("   ", nil), ("1/", nil), ("/2", nil),
        ("1/-2", nil), ("1/2/3", nil), ("1.5/2", nil), ("1e", nil), ("e5", nil), ("--1", nil),
        ("+-1", nil), ("0x10", nil), ("inf", nil), ("nan", nil), (".", nil), ("1e2.5", nil),
        ("1 2", nil), ("1/ 2", nil), ("1,5", nil), ("½", nil), ("١٢", nil),
    ] as [(String, String?)])
    func parsing(text: String, expected: String?) {
        #expect(Rational(text)?.description == expected)
    }

    @Test func decimalInitializerRejectsFractions() {
        #expect(Rational(decimal: "1/3") == nil)
        #expect(Rational(decimal: "-0.001") == Rational(-1, 1000))
    }

    @Test func hugeExponentsAreRejectedNotComputed() {
        #expect(Rational("1e100001") == nil)
        #expect(Rational("1e-100000")?.denominator.description.count == 100_001)
    }

    @Test func descriptionRoundTrip() {
        var rng = SplitMix64(seed: 10)
        for _ in 0..<50 {
            let q = rng.rational(bits: 180)
            #expect(Rational(q.description) == q)
            #expect(Rational(q.description)?.description == q.description)
        }
    }

    @Test func integerLiteral() {
        let q: Rational = -17
        #expect(q == Rational(-17))
    }

    @Test func exactFromDouble() {
        #expect(Rational(0.1).description == "3602879701896397/36028797018963968")
        #expect(Rational(-0.75) == Rational(-3, 4))
        #expect(Rational(0.0) == .zero)
        #expect(Rational(-0.0) == .zero)
        #expect(Rational(Double.leastNonzeroMagnitude) == (try! Rational(2).power(-1074)))
        #expect(Rational(Double.greatestFiniteMagnitude).isInteger)
        var rng = SplitMix64(seed: 11)
        for _ in 0..<100 {
            let x = Double(bitPattern: rng.next() & ~(0x7FF << 52) | (UInt64.random(in: 900...1100, using: &rng) << 52))
            #expect(Rational(x).doubleValue == x)
        }
    }

    @Test func doubleValue() {
        #expect(Rational(1, 3).doubleValue == 1.0 / 3.0)
        #expect(Rational(-22, 7).doubleValue == -22.0 / 7.0)
        #expect(Rational(1, 3).doubleValue.isFinite)
        // GMP truncates: the result is within one ulp of the true value.
        let q = Rational(2, 3)
        #expect(abs(q.doubleValue - 2.0 / 3.0) <= (2.0 / 3.0).ulp)
    }
}
