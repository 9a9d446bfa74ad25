import _CMPFR

extension BigFloat: CustomStringConvertible {
    /// All the decimal digits the precision can distinguish.
    public var description: String { formatted(significantDigits: BigFloat.decimalDigits(forBits: precision)) }

    /// floor(bits * log10(2)): decimal digits that a `bits`-bit number determines.
    public static func decimalDigits(forBits bits: Int) -> Int { Swift.max(1, Int(Double(bits) * 0.30102999566398120)) }

    /// Correctly rounded to `n` significant decimal digits; positional for moderate
    /// exponents ("0.0123", "1234.5"), scientific otherwise ("1.2e-7"). Trailing zeros after
    /// the point are dropped.
    public func formatted(significantDigits n: Int) -> String {
        if isNaN { return "nan" }
        if !isFinite { return sign > 0 ? "inf" : "-inf" }
        if isZero { return "0" }
        let (digits, exp10) = decimalDigitsAndExponent(significantDigits: n)
        return BigFloat.layout(negative: sign < 0, digits: digits, exponent10: exp10)
    }

    /// A decimal upper bound on |self| with at most n significant digits (for error bounds).
    public func formattedUpperBound(significantDigits n: Int) -> String {
        if isZero { return "0" }
        let (digits, exp10) = magnitude.decimalDigitsAndExponent(significantDigits: n, upward: true)
        return BigFloat.layout(negative: false, digits: digits, exponent10: exp10)
    }

    /// The digit string d1 d2 ... dn (no sign) and E with value = 0.d1d2...dn * 10^E, rounded
    /// to nearest (or upwards).
    public func decimalDigitsAndExponent(significantDigits n: Int, upward: Bool = false) -> (String, Int) {
        var exp: mpfr_exp_t = 0
        let raw = mpfr_get_str(nil, &exp, 10, Swift.max(n, 1), pointer, upward ? MPFR_RNDU : MPFR_RNDN)!
        defer { mpfr_free_str(raw) }
        var s = String(cString: raw)
        if s.hasPrefix("-") { s.removeFirst() }
        return (s, Int(exp))
    }

    /// The text `formatted` writes for the digits d1 d2 ... dn with value 0.d1d2...dn * 10^E;
    /// trailing zeros dropped unless `keepingZeros` (a rounded value whose zeros are significant).
    public static func layout(negative: Bool, digits raw: String, exponent10 e: Int, keepingZeros: Bool = false) -> String {
        // Bytes: a Substring's count is a walk over its characters, once per trailing zero.
        var bytes = Array(raw.utf8)
        while !keepingZeros, bytes.count > 1, bytes.last == UInt8(ascii: "0") { bytes.removeLast() }
        func text(_ part: ArraySlice<UInt8>) -> String { String(decoding: part, as: UTF8.self) }
        let digits = text(bytes[...])
        let sign = negative ? "-" : ""
        let n = bytes.count
        if e > 0 && e <= 21 {
            if n <= e { return sign + digits + String(repeating: "0", count: e - n) }
            return sign + text(bytes[..<e]) + "." + text(bytes[e...])
        }
        if e <= 0 && e > -6 {
            return sign + "0." + String(repeating: "0", count: -e) + digits
        }
        let mantissa = n == 1 ? digits : text(bytes[..<1]) + "." + text(bytes[1...])
        return sign + mantissa + "e" + String(e - 1)
    }
}
