import _CMPFR

extension BigFloat: Equatable, Comparable {
    /// Numeric equality (precision is not compared; NaN != NaN).
    public static func == (lhs: BigFloat, rhs: BigFloat) -> Bool { mpfr_equal_p(lhs.pointer, rhs.pointer) != 0 }
    public static func < (lhs: BigFloat, rhs: BigFloat) -> Bool { mpfr_less_p(lhs.pointer, rhs.pointer) != 0 }
}

extension BigFloat: ScalarField {
    @inlinable static func binary(
        _ a: BigFloat, _ b: BigFloat,
        _ op: (mpfr_ptr, mpfr_srcptr, mpfr_srcptr, mpfr_rnd_t) -> Int32
    ) -> BigFloat {
        let r = BigFloat.makeRaw(precision: Swift.max(a.precision, b.precision))
        _ = op(r.storage.pointer, a.storage.pointer, b.storage.pointer, MPFR_RNDN)
        return r
    }

    @inlinable public static func + (lhs: BigFloat, rhs: BigFloat) -> BigFloat { binary(lhs, rhs, mpfr_add) }
    @inlinable public static func - (lhs: BigFloat, rhs: BigFloat) -> BigFloat { binary(lhs, rhs, mpfr_sub) }
    @inlinable public static func * (lhs: BigFloat, rhs: BigFloat) -> BigFloat { binary(lhs, rhs, mpfr_mul) }
    @inlinable public static prefix func - (operand: BigFloat) -> BigFloat {
        let r = BigFloat.makeRaw(precision: operand.precision)
        mpfr_neg(r.storage.pointer, operand.storage.pointer, MPFR_RNDN)
        return r
    }
    public static func / (lhs: BigFloat, rhs: BigFloat) throws -> BigFloat {
        guard !rhs.isZero else { throw ComputationError.domain("division by zero") }
        return binary(lhs, rhs, mpfr_div)
    }

    // In-place forms reuse the left operand's limbs when it is uniquely referenced.
    @inlinable public static func += (lhs: inout BigFloat, rhs: BigFloat) {
        lhs.makeUnique(atLeast: rhs.precision)
        mpfr_add(lhs.storage.pointer, lhs.storage.pointer, rhs.storage.pointer, MPFR_RNDN)
    }
    @inlinable public static func -= (lhs: inout BigFloat, rhs: BigFloat) {
        lhs.makeUnique(atLeast: rhs.precision)
        mpfr_sub(lhs.storage.pointer, lhs.storage.pointer, rhs.storage.pointer, MPFR_RNDN)
    }
    @inlinable public static func *= (lhs: inout BigFloat, rhs: BigFloat) {
        lhs.makeUnique(atLeast: rhs.precision)
        mpfr_mul(lhs.storage.pointer, lhs.storage.pointer, rhs.storage.pointer, MPFR_RNDN)
    }

    /// self + a*b with a single rounding, in place.
    @inlinable public mutating func addProduct(_ a: BigFloat, _ b: BigFloat) {
        makeUnique(atLeast: Swift.max(a.precision, b.precision))
        mpfr_fma(storage.pointer, a.storage.pointer, b.storage.pointer, storage.pointer, MPFR_RNDN)
    }

    public func constant(_ value: Rational) -> BigFloat { BigFloat(value, precision: precision) }

    public var magnitude: BigFloat {
        let r = BigFloat.makeRaw(precision: precision)
        mpfr_abs(r.pointer, pointer, MPFR_RNDN)
        return r
    }

    /// self * q for an exact rational q (one rounding per mpfr call).
    public func multiplied(by q: Rational) -> BigFloat {
        let r = BigFloat.makeRaw(precision: precision)
        _ = q.withMPQ { mpfr_mul_q(r.pointer, pointer, $0, MPFR_RNDN) }
        return r
    }

    /// self / n for a nonzero machine integer.
    public func divided(by n: Int) -> BigFloat {
        precondition(n != 0, "division by the integer zero")
        let r = BigFloat.makeRaw(precision: precision)
        mpfr_div_si(r.pointer, pointer, n, MPFR_RNDN)
        return r
    }

    /// self * n for a machine integer (exact product rounded once).
    public func multiplied(by n: Int) -> BigFloat {
        let r = BigFloat.makeRaw(precision: precision)
        mpfr_mul_si(r.pointer, pointer, n, MPFR_RNDN)
        return r
    }
}
