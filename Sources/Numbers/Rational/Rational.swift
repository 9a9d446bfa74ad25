import _CGMP

/// Owns one canonical `mpq_t`. Created and cleared only here.
@usableFromInline
final class RationalStorage: @unchecked Sendable {
    @usableFromInline let pointer: UnsafeMutablePointer<__mpq_struct>

    @usableFromInline init() {
        pointer = .allocate(capacity: 1)
        __gmpq_init(pointer)
    }

    deinit {
        __gmpq_clear(pointer)
        pointer.deallocate()
    }
}

/// An exact rational number (GMP `mpq_t`), always in lowest terms with a positive
/// denominator. Value semantics: copies share storage until one of them is mutated.
public struct Rational: Sendable {
    @usableFromInline var storage: RationalStorage

    @usableFromInline init(storage: RationalStorage) { self.storage = storage }

    /// A fresh, zero-valued rational whose storage the caller fills in.
    @usableFromInline static func makeRaw() -> Rational { Rational(storage: RationalStorage()) }

    @usableFromInline var pointer: UnsafeMutablePointer<__mpq_struct> { storage.pointer }

    @usableFromInline mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) {
            let fresh = RationalStorage()
            __gmpq_set(fresh.pointer, storage.pointer)
            storage = fresh
        }
    }

    public init() { self.init(storage: RationalStorage()) }

    public init(_ value: Int) {
        self.init(storage: RationalStorage())
        __gmpq_set_si(pointer, value, 1)
    }

    /// numerator/denominator, reduced. Precondition: denominator != 0.
    public init(_ numerator: Int, _ denominator: Int) {
        precondition(denominator != 0, "Rational with zero denominator")
        self.init(storage: RationalStorage())
        if denominator > 0 {
            __gmpq_set_si(pointer, numerator, UInt(denominator))
        } else {
            __gmpq_set_si(pointer, numerator, UInt(denominator.magnitude))
            __gmpq_neg(pointer, pointer)
        }
        __gmpq_canonicalize(pointer)
    }

    public static var zero: Rational { Rational(0) }
    public static var one: Rational { Rational(1) }

    public var sign: Int { Int(puiseux_mpq_sgn(pointer)) }
    public var isZero: Bool { sign == 0 }
    public var isInteger: Bool { __gmpz_cmp_ui(puiseux_mpq_denref(pointer), 1) == 0 }

    public var numerator: BigIntegerString { BigIntegerString(mpz: puiseux_mpq_numref(pointer)) }
    public var denominator: BigIntegerString { BigIntegerString(mpz: puiseux_mpq_denref(pointer)) }

    /// The numerator and denominator as Ints, or nil if either does not fit.
    public var intComponents: (numerator: Int, denominator: Int)? {
        let n = puiseux_mpq_numref(pointer), d = puiseux_mpq_denref(pointer)
        guard __gmpz_fits_slong_p(n) != 0, __gmpz_fits_slong_p(d) != 0 else { return nil }
        return (__gmpz_get_si(n), __gmpz_get_si(d))
    }

    public var numeratorIsOdd: Bool { __gmpz_tstbit(puiseux_mpq_numref(pointer), 0) == 1 }
    public var denominatorIsOdd: Bool { __gmpz_tstbit(puiseux_mpq_denref(pointer), 0) == 1 }
}

/// The decimal digits of a GMP integer (numerator or denominator of a `Rational`).
public struct BigIntegerString: CustomStringConvertible, Sendable {
    public let description: String
    init(mpz: UnsafePointer<__mpz_struct>) {
        let raw = __gmpz_get_str(nil, 10, mpz)!
        description = String(cString: raw)
        puiseux_gmp_free_str(raw)
    }
}

extension Rational {
    /// The address of the GMP rational, for the conversions of the ball layer (read only).
    public var mpqAddress: UnsafeRawPointer { UnsafeRawPointer(pointer) }
}
