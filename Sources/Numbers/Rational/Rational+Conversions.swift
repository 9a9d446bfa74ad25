import _CGMP

extension Rational: CustomStringConvertible, ExpressibleByIntegerLiteral, LosslessStringConvertible {
    public init(integerLiteral value: Int) { self.init(value) }

    /// "n/d" in lowest terms, or "n" for integers.
    public var description: String {
        let raw = __gmpq_get_str(nil, 10, pointer)!
        defer { puiseux_gmp_free_str(raw) }
        return String(cString: raw)
    }

    /// Parses "-3", "1/3", "-22/7", "0.125", "1.5e-3", "2E4" exactly. Nil on anything else
    /// (including a zero denominator).
    public init?(_ text: String) {
        let s = text.trimmingSpaces()
        guard !s.isEmpty else { return nil }
        if let slash = s.firstIndex(of: "/") {
            let num = String(s[..<slash]), den = String(s[s.index(after: slash)...])
            guard Rational.isInteger(num), Rational.isInteger(den, allowSign: false) else { return nil }
            let r = Rational.makeRaw()
            guard __gmpz_set_str(puiseux_mpq_numref(r.pointer), num.strippingPlus(), 10) == 0,
                  __gmpz_set_str(puiseux_mpq_denref(r.pointer), den, 10) == 0,
                  __gmpz_cmp_ui(puiseux_mpq_denref(r.pointer), 0) != 0 else { return nil }
            __gmpq_canonicalize(r.pointer)
            self = r
            return
        }
        guard let r = Rational(decimal: s) else { return nil }
        self = r
    }

    /// An exact decimal literal: optional sign, digits with an optional point, optional exponent.
    public init?(decimal s: String) {
        var chars = Substring(s)
        var negative = false
        if let f = chars.first, f == "+" || f == "-" { negative = f == "-"; chars = chars.dropFirst() }
        var mantissa = "", fractionDigits = 0, seenPoint = false, seenDigit = false
        while let c = chars.first, c.isASCII, c.isNumber || c == "." {
            if c == "." {
                if seenPoint { return nil }
                seenPoint = true
            } else {
                mantissa.append(c); seenDigit = true
                if seenPoint { fractionDigits += 1 }
            }
            chars = chars.dropFirst()
        }
        guard seenDigit else { return nil }
        var exponent = 0
        if let c = chars.first, c == "e" || c == "E" {
            chars = chars.dropFirst()
            guard let e = Int(String(chars)), abs(e) <= 100_000 else { return nil }
            exponent = e
            chars = ""
        }
        guard chars.isEmpty else { return nil }
        let r = Rational.makeRaw()
        guard __gmpz_set_str(puiseux_mpq_numref(r.pointer), mantissa, 10) == 0 else { return nil }
        let shift = exponent - fractionDigits
        __gmpz_ui_pow_ui(shift >= 0 ? puiseux_mpq_denref(r.pointer) : puiseux_mpq_denref(r.pointer), 10, UInt(shift.magnitude))
        if shift >= 0 {
            __gmpz_mul(puiseux_mpq_numref(r.pointer), puiseux_mpq_numref(r.pointer), puiseux_mpq_denref(r.pointer))
            __gmpz_set_ui(puiseux_mpq_denref(r.pointer), 1)
        }
        __gmpq_canonicalize(r.pointer)
        if negative { __gmpq_neg(r.pointer, r.pointer) }
        self = r
    }

    /// The exact value of a finite Double. Precondition: value is finite.
    public init(_ value: Double) {
        precondition(value.isFinite, "Rational from a non-finite Double")
        self.init(storage: RationalStorage())
        __gmpq_set_d(pointer, value)
    }

    /// Nearest Double (GMP truncates; the error is below one ulp, enough for screening).
    public var doubleValue: Double { __gmpq_get_d(pointer) }

    static func isInteger(_ s: String, allowSign: Bool = true) -> Bool {
        var body = Substring(s)
        if allowSign, let f = body.first, f == "-" || f == "+" { body = body.dropFirst() }
        return !body.isEmpty && body.allSatisfy { $0.isASCII && $0.isNumber }
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
    func strippingPlus() -> String { hasPrefix("+") ? String(dropFirst()) : self }
}
