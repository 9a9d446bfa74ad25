import _CGMP

/// Owns one `mpz_t`. Created and cleared only here.
@usableFromInline
final class BigIntegerStorage: @unchecked Sendable {
    @usableFromInline let pointer: UnsafeMutablePointer<__mpz_struct>

    @usableFromInline init() {
        pointer = .allocate(capacity: 1)
        __gmpz_init(pointer)
    }

    deinit {
        __gmpz_clear(pointer)
        pointer.deallocate()
    }
}

/// An exact integer of any size (GMP `mpz_t`), for counts that overflow `Int` (the numbers of
/// affine subspaces of paper 004 pass 2^63 at m = 21). Value semantics: copies share storage
/// until one of them is mutated.
public struct BigInteger: Sendable {
    @usableFromInline var storage: BigIntegerStorage

    @usableFromInline init(storage: BigIntegerStorage) { self.storage = storage }

    /// A fresh, zero-valued integer whose storage the caller fills in.
    @usableFromInline static func makeRaw() -> BigInteger { BigInteger(storage: BigIntegerStorage()) }

    @usableFromInline var pointer: UnsafeMutablePointer<__mpz_struct> { storage.pointer }

    @usableFromInline mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) {
            let fresh = BigIntegerStorage()
            __gmpz_set(fresh.pointer, storage.pointer)
            storage = fresh
        }
    }

    public init() { self.init(storage: BigIntegerStorage()) }

    public init(_ value: Int) {
        self.init(storage: BigIntegerStorage())
        __gmpz_set_si(pointer, value)
    }

    /// -1, 0 or 1.
    public var sign: Int { Int(puiseux_mpz_sgn(pointer)) }
    public var isZero: Bool { sign == 0 }

    /// The value as an Int, or nil if it does not fit.
    public var intValue: Int? { __gmpz_fits_slong_p(pointer) != 0 ? __gmpz_get_si(pointer) : nil }
}

extension BigInteger: Equatable, Comparable, Hashable {
    public static func == (lhs: BigInteger, rhs: BigInteger) -> Bool { __gmpz_cmp(lhs.pointer, rhs.pointer) == 0 }
    public static func < (lhs: BigInteger, rhs: BigInteger) -> Bool { __gmpz_cmp(lhs.pointer, rhs.pointer) < 0 }
    public func hash(into hasher: inout Hasher) { hasher.combine(description) }
}

extension BigInteger: CustomStringConvertible, ExpressibleByIntegerLiteral, LosslessStringConvertible {
    public init(integerLiteral value: Int) { self.init(value) }

    /// Every decimal digit, with a leading "-" when negative: counts print in full.
    public var description: String {
        let raw = __gmpz_get_str(nil, 10, pointer)!
        defer { puiseux_gmp_free_str(raw) }
        return String(cString: raw)
    }

    /// Parses an optionally signed run of decimal digits ("-123", "+7"); nil on anything else.
    public init?(_ text: String) {
        guard Rational.isInteger(text) else { return nil }
        let r = BigInteger.makeRaw()
        guard __gmpz_set_str(r.pointer, text.strippingPlus(), 10) == 0 else { return nil }
        self = r
    }
}
