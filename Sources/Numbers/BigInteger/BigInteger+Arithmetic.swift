import _CGMP

extension BigInteger: AdditiveArithmetic {
    public static var zero: BigInteger { BigInteger(0) }
    public static var one: BigInteger { BigInteger(1) }

    @inlinable static func binary(
        _ a: BigInteger, _ b: BigInteger,
        _ op: (UnsafeMutablePointer<__mpz_struct>, UnsafePointer<__mpz_struct>, UnsafePointer<__mpz_struct>) -> Void
    ) -> BigInteger {
        let r = BigInteger.makeRaw()
        op(r.pointer, a.pointer, b.pointer)
        return r
    }

    public static func + (lhs: BigInteger, rhs: BigInteger) -> BigInteger { binary(lhs, rhs) { __gmpz_add($0, $1, $2) } }
    public static func - (lhs: BigInteger, rhs: BigInteger) -> BigInteger { binary(lhs, rhs) { __gmpz_sub($0, $1, $2) } }
    public static func * (lhs: BigInteger, rhs: BigInteger) -> BigInteger { binary(lhs, rhs) { __gmpz_mul($0, $1, $2) } }
    public static prefix func - (operand: BigInteger) -> BigInteger {
        let r = BigInteger.makeRaw()
        __gmpz_neg(r.pointer, operand.pointer)
        return r
    }

    // In place: a recurrence over a row of big numbers then allocates nothing per step.
    public static func += (lhs: inout BigInteger, rhs: BigInteger) {
        lhs.makeUnique()
        __gmpz_add(lhs.pointer, lhs.pointer, rhs.pointer)
    }
    public static func -= (lhs: inout BigInteger, rhs: BigInteger) {
        lhs.makeUnique()
        __gmpz_sub(lhs.pointer, lhs.pointer, rhs.pointer)
    }
    public static func *= (lhs: inout BigInteger, rhs: BigInteger) {
        lhs.makeUnique()
        __gmpz_mul(lhs.pointer, lhs.pointer, rhs.pointer)
    }

    /// self * n for a machine integer, in place.
    public mutating func multiply(by n: Int) {
        makeUnique()
        __gmpz_mul_si(pointer, pointer, n)
    }

    public static func * (lhs: BigInteger, rhs: Int) -> BigInteger {
        var r = lhs
        r.multiply(by: rhs)
        return r
    }

    /// self / divisor when the division leaves no remainder. Precondition: divisor != 0 divides self.
    public func dividedExactly(by divisor: BigInteger) -> BigInteger {
        precondition(!divisor.isZero, "division by zero")
        precondition(__gmpz_divisible_p(pointer, divisor.pointer) != 0, "\(divisor) does not divide \(self)")
        return BigInteger.binary(self, divisor) { __gmpz_divexact($0, $1, $2) }
    }

    /// self / n when the division leaves no remainder. Precondition: n > 0 divides self.
    public func dividedExactly(by n: Int) -> BigInteger {
        precondition(n > 0, "divisor must be positive")
        precondition(__gmpz_divisible_ui_p(pointer, UInt(n)) != 0, "\(n) does not divide \(self)")
        let r = BigInteger.makeRaw()
        __gmpz_divexact_ui(r.pointer, pointer, UInt(n))
        return r
    }

    /// The quotient rounded towards zero and the remainder (with the sign of self).
    /// Precondition: divisor != 0.
    public func quotientAndRemainder(dividingBy divisor: BigInteger) -> (quotient: BigInteger, remainder: BigInteger) {
        precondition(!divisor.isZero, "division by zero")
        let q = BigInteger.makeRaw(), r = BigInteger.makeRaw()
        __gmpz_tdiv_qr(q.pointer, r.pointer, pointer, divisor.pointer)
        return (q, r)
    }

    public var magnitude: BigInteger {
        let r = BigInteger.makeRaw()
        __gmpz_abs(r.pointer, pointer)
        return r
    }

    /// self^n. Precondition: n >= 0.
    public func power(_ n: Int) -> BigInteger {
        precondition(n >= 0, "negative power of an integer")
        let r = BigInteger.makeRaw()
        __gmpz_pow_ui(r.pointer, pointer, UInt(n))
        return r
    }

    /// n!. Precondition: n >= 0.
    public static func factorial(_ n: Int) -> BigInteger {
        precondition(n >= 0, "factorial of a negative number")
        let r = BigInteger.makeRaw()
        __gmpz_fac_ui(r.pointer, UInt(n))
        return r
    }

    /// The binomial coefficient C(n, k): 0 when k < 0 or k > n. Precondition: n >= 0.
    public static func binomial(_ n: Int, _ k: Int) -> BigInteger {
        precondition(n >= 0, "binomial of a negative number")
        guard (0...n).contains(k) else { return .zero }
        let r = BigInteger.makeRaw()
        __gmpz_bin_uiui(r.pointer, UInt(n), UInt(k))
        return r
    }
}

extension Rational {
    /// The integer as a rational.
    public init(_ value: BigInteger) {
        self.init(storage: RationalStorage())
        __gmpq_set_z(pointer, value.pointer)
    }

    /// numerator/denominator, reduced. Precondition: denominator != 0.
    public init(_ numerator: BigInteger, _ denominator: BigInteger) {
        precondition(!denominator.isZero, "Rational with zero denominator")
        self.init(storage: RationalStorage())
        __gmpz_set(puiseux_mpq_numref(pointer), numerator.pointer)
        __gmpz_set(puiseux_mpq_denref(pointer), denominator.pointer)
        __gmpq_canonicalize(pointer)
    }

    /// The numerator and the (positive) denominator in lowest terms.
    public var integerComponents: (numerator: BigInteger, denominator: BigInteger) {
        let n = BigInteger.makeRaw(), d = BigInteger.makeRaw()
        __gmpz_set(n.pointer, puiseux_mpq_numref(pointer))
        __gmpz_set(d.pointer, puiseux_mpq_denref(pointer))
        return (n, d)
    }
}
