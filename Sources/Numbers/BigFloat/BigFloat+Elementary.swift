import _CMPFR

extension BigFloat: ElementaryScalar {
    public func pi() throws -> BigFloat { BigFloat.pi(precision: precision) }

    /// Applies a correctly rounded MPFR function and turns a NaN result into a domain error.
    @inlinable static func unary(
        _ x: BigFloat, _ name: String,
        _ op: (mpfr_ptr, mpfr_srcptr, mpfr_rnd_t) -> Int32
    ) throws -> BigFloat {
        guard !x.isNaN else { throw ComputationError.domain("\(name) of NaN") }
        mpfrThreadCache.register()
        let r = BigFloat.makeRaw(precision: x.precision)
        _ = op(r.storage.pointer, x.storage.pointer, MPFR_RNDN)
        guard !r.isNaN else { throw ComputationError.domain("\(name) outside its real domain") }
        return r
    }

    public static func sqrt(_ x: BigFloat) throws -> BigFloat { try unary(x, "sqrt", mpfr_sqrt) }
    /// The nearest integer (ties to even), at the same precision.
    public func roundedToInteger() throws -> BigFloat { try BigFloat.unary(self, "rint", mpfr_rint) }
    public static func exp(_ x: BigFloat) throws -> BigFloat { try unary(x, "exp", mpfr_exp) }
    public static func log(_ x: BigFloat) throws -> BigFloat {
        guard x.sign > 0 else { throw ComputationError.domain("log of a non-positive number") }
        return try unary(x, "log", mpfr_log)
    }
    public static func sin(_ x: BigFloat) throws -> BigFloat { try unary(x, "sin", mpfr_sin) }
    public static func cos(_ x: BigFloat) throws -> BigFloat { try unary(x, "cos", mpfr_cos) }
    public static func asin(_ x: BigFloat) throws -> BigFloat { try unary(x, "asin", mpfr_asin) }
    public static func acos(_ x: BigFloat) throws -> BigFloat { try unary(x, "acos", mpfr_acos) }
    public static func atan(_ x: BigFloat) throws -> BigFloat { try unary(x, "atan", mpfr_atan) }

    /// x^(p/q): the real q-th root (odd q allows x < 0), then the integer power p.
    public static func pow(_ x: BigFloat, _ exponent: Rational) throws -> BigFloat {
        guard let (p, q) = exponent.intComponents, q <= Int(UInt32.max) else {
            throw ComputationError.domain("exponent \(exponent) too large")
        }
        guard !x.isNaN else { throw ComputationError.domain("pow of NaN") }
        if x.isZero {
            guard p > 0 else { throw ComputationError.domain("0 to a non-positive power") }
            return BigFloat.zero(precision: x.precision)
        }
        if x.sign < 0 && q % 2 == 0 { throw ComputationError.domain("even root of a negative number") }
        // Work with guard bits so the two roundings stay below one final ulp in practice.
        let work = x.precision + 32
        let root = BigFloat.makeRaw(precision: work)
        mpfr_rootn_ui(root.pointer, x.pointer, UInt(q), MPFR_RNDN)
        let powered = BigFloat.makeRaw(precision: work)
        mpfr_pow_si(powered.pointer, root.pointer, p, MPFR_RNDN)
        return BigFloat(powered, precision: x.precision)
    }
}
