import _CArb
import Numbers

/// Owns one Arb `arb_t` and the working precision of the operations that produce from it;
/// initialised and cleared only here.
@usableFromInline
final class BallStorage: @unchecked Sendable {
    @usableFromInline let pointer: UnsafeMutablePointer<arb_struct>
    @usableFromInline let precision: Int

    @usableFromInline init(precision: Int) {
        flintThreadCache.register()
        pointer = .allocate(capacity: 1)
        arb_init(pointer)
        self.precision = precision
    }

    deinit {
        arb_clear(pointer)
        pointer.deallocate()
    }
}

/// A real number known to lie in a ball [m - r, m + r] (Arb): the midpoint m an arbitrary
/// precision binary float, the radius r a low-precision upper bound rounded upwards. Every
/// operation returns a ball that contains the exact result for every pair of values in its
/// operands' balls, so an enclosure stays an enclosure through any computation.
///
/// Decisions are three-valued: a ball is *exactly* zero (`isZero`: midpoint and radius 0), is
/// certainly nonzero (`isCertainlyNonzero`), or *contains* zero without being zero (unknown).
/// Operations whose result depends on a decision the ball cannot make (division by a ball
/// containing zero, sqrt of a ball straddling 0) throw `ComputationError.undecidable`: the
/// caller raises the precision or reports it; nothing is guessed.
///
/// Value semantics (immutable storage); operations work at the larger precision of their
/// operands. Why Arb and not a ball of our own over MPFR: Docs/certified-digits.md (rigorous
/// elementary functions, and its series products 1.6-4.5x faster than our MPFR kernel).
public struct Ball: Sendable {
    @usableFromInline let storage: BallStorage

    @usableFromInline init(storage: BallStorage) { self.storage = storage }

    @usableFromInline var pointer: UnsafeMutablePointer<arb_struct> { storage.pointer }

    /// The working precision in bits of the operations on this ball.
    @inlinable public var precision: Int { storage.precision }

    /// A fresh ball (value 0) for an operation to write into.
    @usableFromInline static func raw(precision: Int) -> Ball { Ball(storage: BallStorage(precision: precision)) }

    /// The exact integer.
    public init(_ value: Int, precision: Int) {
        storage = BallStorage(precision: precision)
        arb_set_si(storage.pointer, value)
    }

    /// The rational, enclosed at `precision` bits (exact when it is a dyadic fraction that fits).
    public init(_ value: Rational, precision: Int) {
        storage = BallStorage(precision: precision)
        puiseux_arb_set_mpq(storage.pointer, value.mpqAddress, precision)
    }

    /// The exact value of an MPFR number (radius 0).
    public init(exactly value: BigFloat, precision: Int? = nil) {
        storage = BallStorage(precision: precision ?? value.precision)
        puiseux_arb_set_mpfr(storage.pointer, UnsafeRawPointer(value.mpfrAddress))
    }

    /// The ball with this midpoint and radius at least |radius| (both exact inputs).
    public init(midpoint: BigFloat, radius: BigFloat, precision: Int? = nil) {
        self.init(exactly: midpoint, precision: precision)
        let r = Ball(exactly: radius.magnitude)
        arb_add_error(pointer, r.pointer)
    }

    /// The same enclosure with another working precision (no rounding of the midpoint).
    public func withPrecision(_ bits: Int) -> Ball {
        let r = Ball.raw(precision: bits)
        arb_set(r.pointer, pointer)
        return r
    }

    /// The same number in a ball at `bits` of precision: the midpoint rounded to `bits`, the
    /// rounding error added to the radius (cheaper arithmetic, a wider enclosure).
    public func rounded(toPrecision bits: Int) -> Ball {
        let r = Ball.raw(precision: bits)
        arb_set_round(r.pointer, pointer, bits)
        return r
    }

    /// Exactly zero: midpoint and radius 0.
    public var isZero: Bool { arb_is_zero(pointer) != 0 }
    /// Zero is not in the ball.
    public var isCertainlyNonzero: Bool { arb_is_nonzero(pointer) != 0 }
    /// Zero is in the ball (it may or may not be zero).
    public var containsZero: Bool { arb_contains_zero(pointer) != 0 }
    /// The radius is 0: the ball is one number.
    public var isExact: Bool { arb_is_exact(pointer) != 0 }
    /// Neither NaN nor infinite (a failed operation gives an indeterminate ball).
    public var isFinite: Bool { arb_is_finite(pointer) != 0 }

    /// 1 or -1 when every number in the ball has that sign, 0 when the ball is exactly 0, nil
    /// when it contains 0 and more (the sign is unknown).
    public var certainSign: Int? {
        if arb_is_positive(pointer) != 0 { return 1 }
        if arb_is_negative(pointer) != 0 { return -1 }
        return isZero ? 0 : nil
    }

    /// Whether the exact value of `x` lies in the ball.
    public func contains(_ x: BigFloat) -> Bool {
        let v = Ball(exactly: x)
        return arb_contains(pointer, v.pointer) != 0
    }

    /// Whether every number of `other` lies in this ball.
    public func contains(_ other: Ball) -> Bool { arb_contains(pointer, other.pointer) != 0 }

    /// The midpoint, exactly (at the midpoint's own bit length, at least `precision`).
    public var midpoint: BigFloat {
        let r = BigFloat.zero(precision: max(precision, puiseux_arb_mid_bits(pointer) + 1))
        puiseux_arf_get_mpfr(r.mpfrAddress, puiseux_arb_mid(pointer), 0)
        return r
    }

    /// An upper bound on the radius (a 64-bit MPFR number, rounded upwards).
    public var radius: BigFloat {
        let r = BigFloat.zero(precision: 64)
        puiseux_arb_rad_get_mpfr(r.mpfrAddress, pointer)
        return r
    }

    /// The ball's ends: every number in it lies in [lower, upper] (each rounded outwards at
    /// `precision` bits).
    public var bounds: (lower: BigFloat, upper: BigFloat) {
        let lower = BigFloat.zero(precision: precision), upper = BigFloat.zero(precision: precision)
        puiseux_arb_bounds_mpfr(lower.mpfrAddress, upper.mpfrAddress, pointer, precision)
        return (lower, upper)
    }

    /// An upper bound on |x - y| over every x in this ball and y in `other` (a 64-bit MPFR
    /// number, rounded upwards).
    public func distanceBound(to other: Ball) -> BigFloat {
        let d = self - other
        let r = BigFloat.zero(precision: 64)
        puiseux_arb_abs_ubound_mpfr(r.mpfrAddress, d.pointer)
        return r
    }

    /// Relative accuracy in bits (Arb's estimate of the bits of the midpoint that are correct).
    public var accuracyBits: Int { Int(arb_rel_accuracy_bits(pointer)) }
}
