import _CGMP

extension Rational {
    /// The digit string d1 d2 ... dn (no sign) and E with |self| = 0.d1d2...dn * 10^E after
    /// rounding to n significant digits, to nearest with ties to even (as MPFR's RNDN), and
    /// whether nothing was rounded away. Exact integer arithmetic: correct for every rational,
    /// also right next to a tie, where rounding a binary approximation first could go wrong.
    /// Zero gives ("0", 0, true). Precondition: n >= 1.
    public func decimalDigitsAndExponent(significantDigits n: Int) -> (digits: String, exponent10: Int, exact: Bool) {
        precondition(n >= 1, "at least one significant digit")
        guard !isZero else { return ("0", 0, true) }
        let (numerator, denominator) = integerComponents
        let a = numerator.magnitude
        // E with 10^(E-1) <= a/denominator < 10^E: the digit counts give it to within one or two.
        var e = Self.decimalLength(a) - Self.decimalLength(denominator)
        while Self.atLeast(a, denominator, e) { e += 1 }
        while !Self.atLeast(a, denominator, e - 1) { e -= 1 }
        // q = a * 10^(n - E) / denominator, rounded: the n digits.
        let shift = n - e
        let scaledA = shift >= 0 ? a * Self.power10(shift) : a
        let scaledD = shift >= 0 ? denominator : denominator * Self.power10(-shift)
        var (q, remainder) = scaledA.quotientAndRemainder(dividingBy: scaledD)
        let twice = remainder * 2
        if twice > scaledD || (twice == scaledD && q.isOdd) { q += .one }
        if q == Self.power10(n) {  // 9...9 rounded up to 10...0: one more power of ten
            q = Self.power10(n - 1)
            e += 1
        }
        return (q.description, e, remainder.isZero)
    }

    /// Correctly rounded to n significant digits (`decimalDigitsAndExponent`), laid out as
    /// `BigFloat.formatted` lays out ("0.0123", "1234.5", "1.2e-7"). Trailing zeros are dropped
    /// when the value is exact ("0.125") and kept when digits were rounded away, since they are
    /// then significant (2/3 to 3 digits: "0.667"; 0.1000001 to 3 digits: "0.100").
    public func formatted(significantDigits n: Int) -> String {
        if isZero { return "0" }
        let (digits, e, exact) = decimalDigitsAndExponent(significantDigits: n)
        return BigFloat.layout(negative: sign < 0, digits: digits, exponent10: e, keepingZeros: !exact)
    }

    /// Whether a / d >= 10^e (a, d > 0).
    static func atLeast(_ a: BigInteger, _ d: BigInteger, _ e: Int) -> Bool {
        e >= 0 ? a >= d * power10(e) : a * power10(-e) >= d
    }

    static func power10(_ k: Int) -> BigInteger { BigInteger(10).power(k) }

    /// GMP's count of decimal digits: exact or one too many.
    static func decimalLength(_ a: BigInteger) -> Int { Int(__gmpz_sizeinbase(a.pointer, 10)) }
}

extension BigInteger {
    var isOdd: Bool { __gmpz_tstbit(pointer, 0) == 1 }
}
