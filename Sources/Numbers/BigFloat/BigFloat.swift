import _CMPFR

/// Owns one `mpfr_t`; initialised and cleared only here.
@usableFromInline
final class BigFloatStorage: @unchecked Sendable {
    @usableFromInline let pointer: UnsafeMutablePointer<__mpfr_struct>

    @usableFromInline init(precision: Int) {
        pointer = .allocate(capacity: 1)
        mpfr_init2(pointer, mpfr_prec_t(precision))
    }

    deinit {
        mpfr_clear(pointer)
        pointer.deallocate()
    }
}

/// An arbitrary-precision binary floating-point number (MPFR) with its own precision in bits.
///
/// Value semantics (copy-on-write). A binary operation rounds to nearest at the larger
/// precision of its operands; integers and rationals enter exactly or correctly rounded.
/// There is no global default precision.
public struct BigFloat: Sendable {
    public static let minimumPrecision = 16
    public static let maximumPrecision = 1 << 24

    @usableFromInline var storage: BigFloatStorage

    @usableFromInline init(storage: BigFloatStorage) { self.storage = storage }

    /// Uninitialised (NaN) value of the given precision, for the caller to set.
    @usableFromInline static func makeRaw(precision: Int) -> BigFloat {
        BigFloat(storage: BigFloatStorage(precision: precision))
    }

    @usableFromInline var pointer: UnsafeMutablePointer<__mpfr_struct> { storage.pointer }

    /// Precision in bits.
    @inlinable public var precision: Int { puiseux_mpfr_prec(storage.pointer) }

    @usableFromInline mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) {
            let fresh = BigFloatStorage(precision: precision)
            mpfr_set(fresh.pointer, storage.pointer, MPFR_RNDN)
            storage = fresh
        }
    }

    /// Makes self unique with at least `bits` of precision (exactly, no rounding when growing).
    @usableFromInline mutating func makeUnique(atLeast bits: Int) {
        if bits > precision {
            let fresh = BigFloatStorage(precision: bits)
            mpfr_set(fresh.pointer, storage.pointer, MPFR_RNDN)
            storage = fresh
        } else {
            makeUnique()
        }
    }

    public init(_ value: Int, precision: Int) {
        self.init(storage: BigFloatStorage(precision: precision))
        mpfr_set_si(pointer, value, MPFR_RNDN)
    }

    public init(_ value: Rational, precision: Int) {
        self.init(storage: BigFloatStorage(precision: precision))
        _ = value.withMPQ { mpfr_set_q(pointer, $0, MPFR_RNDN) }
    }

    /// Exact when precision >= 53.
    public init(_ value: Double, precision: Int) {
        self.init(storage: BigFloatStorage(precision: precision))
        mpfr_set_d(pointer, value, MPFR_RNDN)
    }

    /// `value` rounded to nearest at `precision` bits.
    public init(_ value: BigFloat, precision: Int) {
        self.init(storage: BigFloatStorage(precision: precision))
        mpfr_set(pointer, value.pointer, MPFR_RNDN)
    }

    /// A decimal (or "n/d") string, correctly rounded. Nil if it does not parse.
    public init?(_ text: String, precision: Int) {
        let s = text.trimmingSpaces()
        if s.contains("/") {
            guard let q = Rational(s) else { return nil }
            self.init(q, precision: precision)
            return
        }
        // Validate the syntax exactly (MPFR would accept "inf", hex, leading junk...),
        // then let MPFR round the decimal correctly.
        guard Rational(decimal: s) != nil else { return nil }
        self.init(storage: BigFloatStorage(precision: precision))
        _ = mpfr_set_str(pointer, s.hasPrefix("+") ? String(s.dropFirst()) : s, 10, MPFR_RNDN)
    }

    /// pi correctly rounded at `precision` bits.
    public static func pi(precision: Int) -> BigFloat {
        let r = makeRaw(precision: precision)
        mpfrThreadCache.register()
        mpfr_const_pi(r.pointer, MPFR_RNDN)
        return r
    }

    public static func zero(precision: Int) -> BigFloat { BigFloat(0, precision: precision) }

    public var isZero: Bool { puiseux_mpfr_is_zero(pointer) != 0 }
    public var isFinite: Bool { mpfr_number_p(pointer) != 0 }
    public var isNaN: Bool { mpfr_nan_p(pointer) != 0 }
    public var sign: Int { Int(puiseux_mpfr_sgn(pointer)) }

    /// Binary exponent E with 2^(E-1) <= |x| < 2^E; nil for zero and non-finite values.
    @inlinable public var exponent: Int? {
        puiseux_mpfr_is_regular(storage.pointer) != 0 ? puiseux_mpfr_exp(storage.pointer) : nil
    }

    public var doubleValue: Double { mpfr_get_d(pointer, MPFR_RNDN) }

    /// The exact rational value (precondition: finite).
    public var exactRational: Rational {
        precondition(isFinite, "exactRational of a non-finite BigFloat")
        var q = Rational()
        q.withMutableMPQ { mpfr_get_q($0, pointer) }
        return q
    }

    /// A copy rounded to `bits` of precision.
    public func rounded(toPrecision bits: Int) -> BigFloat { BigFloat(self, precision: bits) }
}

extension Rational {
    /// Read-only access to the underlying mpq (for the MPFR layer).
    @inlinable func withMPQ<R>(_ body: (UnsafePointer<__mpq_struct>) throws -> R) rethrows -> R {
        try body(storage.pointer)
    }
    @inlinable mutating func withMutableMPQ<R>(_ body: (UnsafeMutablePointer<__mpq_struct>) throws -> R) rethrows -> R {
        makeUnique()
        return try body(storage.pointer)
    }
}

extension BigFloat {
    /// The address of the MPFR value, for the conversions of the ball layer (Balls), which
    /// cannot import MPFR's module itself. Writing through it is for freshly made values only.
    public var mpfrAddress: UnsafeMutableRawPointer { UnsafeMutableRawPointer(pointer) }
}
