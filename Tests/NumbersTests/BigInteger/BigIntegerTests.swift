import Testing
@testable import Numbers

/// Construction, parsing, printing and copy-on-write of `BigInteger` (BigInteger.swift), against
/// machine integers and their decimal text.
@Suite struct BigIntegerTests {
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
}
