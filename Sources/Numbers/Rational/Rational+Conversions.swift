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
        // Bytes, not Characters: a 200-digit coefficient is parsed for every certified decimal
        // printed (`CertifiedDecimal`), and grapheme-by-grapheme scanning was a fifth of
        // `expand --certified`'s time.
        if let slash = s.utf8.firstIndex(of: UInt8(ascii: "/")) {
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

    /// An exact decimal literal: optional sign, ASCII digits with an optional point, optional
    /// exponent ("e" or "E", at most 100000 in size).
    public init?(decimal s: String) {
        let bytes = Array(s.utf8)
        let (plus, minus, point, zero, nine) = (UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "0"), UInt8(ascii: "9"))
        var i = 0
        var negative = false
        if i < bytes.count, bytes[i] == plus || bytes[i] == minus { negative = bytes[i] == minus; i += 1 }
        var mantissa: [UInt8] = [], fractionDigits = 0, seenPoint = false
        while i < bytes.count, bytes[i] == point || (zero...nine).contains(bytes[i]) {
            if bytes[i] == point {
                if seenPoint { return nil }
                seenPoint = true
            } else {
                mantissa.append(bytes[i])
                if seenPoint { fractionDigits += 1 }
            }
            i += 1
        }
        guard !mantissa.isEmpty else { return nil }
        var exponent = 0
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            guard let e = Int(String(decoding: bytes[(i + 1)...], as: UTF8.self)), abs(e) <= 100_000 else { return nil }
            exponent = e
            i = bytes.count
        }
        guard i == bytes.count else { return nil }
        let r = Rational.makeRaw()
        guard __gmpz_set_str(puiseux_mpq_numref(r.pointer), String(decoding: mantissa, as: UTF8.self), 10) == 0 else { return nil }
        let shift = exponent - fractionDigits
        __gmpz_ui_pow_ui(puiseux_mpq_denref(r.pointer), 10, UInt(shift.magnitude))
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
        var body = Substring(s).utf8[...]
        if allowSign, let f = body.first, f == UInt8(ascii: "-") || f == UInt8(ascii: "+") { body = body.dropFirst() }
        return !body.isEmpty && body.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
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
