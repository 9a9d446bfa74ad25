import _CGMP

extension Rational: Equatable, Comparable, Hashable {
    public static func == (lhs: Rational, rhs: Rational) -> Bool { __gmpq_equal(lhs.pointer, rhs.pointer) != 0 }
    public static func < (lhs: Rational, rhs: Rational) -> Bool { __gmpq_cmp(lhs.pointer, rhs.pointer) < 0 }
    public func hash(into hasher: inout Hasher) { hasher.combine(description) }
}

extension Rational: ElementaryScalar {
    @inlinable static func binary(
        _ a: Rational, _ b: Rational,
        _ op: (UnsafeMutablePointer<__mpq_struct>, UnsafePointer<__mpq_struct>, UnsafePointer<__mpq_struct>) -> Void
    ) -> Rational {
        let r = Rational.makeRaw()
        op(r.pointer, a.pointer, b.pointer)
        return r
    }

    public static func + (lhs: Rational, rhs: Rational) -> Rational { binary(lhs, rhs) { __gmpq_add($0, $1, $2) } }
    public static func - (lhs: Rational, rhs: Rational) -> Rational { binary(lhs, rhs) { __gmpq_sub($0, $1, $2) } }
    public static func * (lhs: Rational, rhs: Rational) -> Rational { binary(lhs, rhs) { __gmpq_mul($0, $1, $2) } }
    public static prefix func - (operand: Rational) -> Rational {
        let r = Rational.makeRaw()
        __gmpq_neg(r.pointer, operand.pointer)
        return r
    }
    public static func / (lhs: Rational, rhs: Rational) throws -> Rational {
        guard !rhs.isZero else { throw ComputationError.domain("division by zero") }
        return binary(lhs, rhs) { __gmpq_div($0, $1, $2) }
    }

    public static func += (lhs: inout Rational, rhs: Rational) {
        lhs.makeUnique()
        __gmpq_add(lhs.pointer, lhs.pointer, rhs.pointer)
    }
    public static func -= (lhs: inout Rational, rhs: Rational) {
        lhs.makeUnique()
        __gmpq_sub(lhs.pointer, lhs.pointer, rhs.pointer)
    }
    public static func *= (lhs: inout Rational, rhs: Rational) {
        lhs.makeUnique()
        __gmpq_mul(lhs.pointer, lhs.pointer, rhs.pointer)
    }

    public func constant(_ value: Rational) -> Rational { value }

    /// 1/self; precondition: self != 0 (use `/` for a throwing version).
    public var reciprocal: Rational {
        precondition(!isZero, "reciprocal of zero")
        let r = Rational.makeRaw()
        __gmpq_inv(r.pointer, pointer)
        return r
    }

    public var magnitude: Rational {
        let r = Rational.makeRaw()
        __gmpq_abs(r.pointer, pointer)
        return r
    }

    /// self^n for an integer n (n < 0 needs self != 0).
    public func power(_ n: Int) throws -> Rational {
        if n < 0 && isZero { throw ComputationError.domain("0 to a negative power") }
        // n.magnitude, not -n: -Int.min would overflow.
        let base = n < 0 ? reciprocal : self
        let r = Rational.makeRaw()
        __gmpz_pow_ui(puiseux_mpq_numref(r.pointer), puiseux_mpq_numref_const(base.pointer), n.magnitude)
        __gmpz_pow_ui(puiseux_mpq_denref(r.pointer), puiseux_mpq_denref_const(base.pointer), n.magnitude)
        return r
    }

    /// The exact q-th root, or nil if self is not a q-th power of a rational.
    public func exactRoot(_ q: Int) -> Rational? {
        precondition(q >= 1)
        if q == 1 { return self }
        if sign < 0 && q % 2 == 0 { return nil }
        let r = Rational.makeRaw()
        let exactNum = __gmpz_root(puiseux_mpq_numref(r.pointer), puiseux_mpq_numref_const(pointer), UInt(q))
        let exactDen = __gmpz_root(puiseux_mpq_denref(r.pointer), puiseux_mpq_denref_const(pointer), UInt(q))
        return exactNum != 0 && exactDen != 0 ? r : nil
    }

    // Elementary functions are exact only at the few points where the value is rational.
    public func pi() throws -> Rational { throw ComputationError.inexact("pi is irrational") }

    public static func sqrt(_ x: Rational) throws -> Rational {
        guard x.sign >= 0 else { throw ComputationError.domain("sqrt of a negative number") }
        guard let r = x.exactRoot(2) else { throw ComputationError.inexact("sqrt(\(x)) is irrational") }
        return r
    }
    public static func pow(_ x: Rational, _ exponent: Rational) throws -> Rational {
        guard let (p, q) = exponent.intComponents else { throw ComputationError.inexact("exponent too large") }
        if x.isZero {
            guard p > 0 else { throw ComputationError.domain("0 to a non-positive power") }
            return Rational.zero
        }
        if x.sign < 0 && q % 2 == 0 { throw ComputationError.domain("even root of a negative number") }
        guard let root = x.exactRoot(q) else { throw ComputationError.inexact("\(x)^(\(exponent)) is irrational") }
        return try root.power(p)
    }
    public static func exp(_ x: Rational) throws -> Rational {
        guard x.isZero else { throw ComputationError.inexact("exp of a nonzero rational") }
        return .one
    }
    public static func log(_ x: Rational) throws -> Rational {
        guard x.sign > 0 else { throw ComputationError.domain("log of a non-positive number") }
        guard x == .one else { throw ComputationError.inexact("log(\(x)) is irrational") }
        return .zero
    }
    public static func sin(_ x: Rational) throws -> Rational {
        guard x.isZero else { throw ComputationError.inexact("sin of a nonzero rational") }
        return .zero
    }
    public static func cos(_ x: Rational) throws -> Rational {
        guard x.isZero else { throw ComputationError.inexact("cos of a nonzero rational") }
        return .one
    }
    public static func asin(_ x: Rational) throws -> Rational {
        guard x.magnitude <= .one else { throw ComputationError.domain("asin outside [-1, 1]") }
        guard x.isZero else { throw ComputationError.inexact("asin(\(x)) is not rational") }
        return .zero
    }
    public static func acos(_ x: Rational) throws -> Rational {
        guard x.magnitude <= .one else { throw ComputationError.domain("acos outside [-1, 1]") }
        guard x == .one else { throw ComputationError.inexact("acos(\(x)) is not rational") }
        return .zero
    }
    public static func atan(_ x: Rational) throws -> Rational {
        guard x.isZero else { throw ComputationError.inexact("atan of a nonzero rational") }
        return .zero
    }
}
