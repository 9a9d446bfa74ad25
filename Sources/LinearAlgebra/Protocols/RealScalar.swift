import Numbers

/// A scalar whose sign can be asked for. `signum()` answers -1, 0 or +1 and throws
/// `ComputationError.undecidable` when the working precision cannot decide (a series
/// whose leading coefficient is numerically zero); Double and BigFloat always decide.
///
/// The landscape model needs exactly this much order: which side of zero an inner
/// product lies on (the angle branch) and whether a row is zero.
public protocol OrderedScalar: ElementaryScalar {
    func signum() throws -> Int
}

/// A real floating-point scalar with a total order, a magnitude and a unit roundoff:
/// what numerical linear algebra (pivoting, convergence tests) needs. Double and
/// `BigFloat` conform; exact and series types do not.
public protocol RealScalar: OrderedScalar, Comparable {
    var magnitude: Self { get }
    /// The unit roundoff 2^-p of this value's precision p (2^-53 for Double), in the
    /// context of `self`.
    var unitRoundoff: Self { get }
    /// self += a * b (a single rounding where the type has a fused operation).
    mutating func addProduct(_ a: Self, _ b: Self)
    /// self += a * b by the type's fastest in-place route, for O(n^3) kernels: for Double
    /// a multiply then an add (two roundings, but vectorisable; a fused multiply-add is a
    /// library call on x86-64 builds without FMA code generation), for `BigFloat` the
    /// default, `addProduct` (in place, no allocation when `self` is uniquely referenced).
    mutating func accumulateProduct(_ a: Self, _ b: Self)
    var doubleValue: Double { get }
    /// `value` in the context of `self` (rounded to its precision: exact for 53 bits or more),
    /// for step factors and tolerances that generic solvers compute in Double.
    func constant(approximately value: Double) -> Self
    /// The value as a `BigFloat`, exactly (at 53 bits for Double).
    var bigFloatValue: BigFloat { get }
}

extension RealScalar {
    @inlinable public mutating func accumulateProduct(_ a: Self, _ b: Self) { addProduct(a, b) }
}

extension Double: RealScalar {
    @inlinable public func signum() throws -> Int { self > 0 ? 1 : (self < 0 ? -1 : 0) }
    @inlinable public var unitRoundoff: Double { Double.ulpOfOne / 2 }
    @inlinable public mutating func addProduct(_ a: Double, _ b: Double) { self = self.addingProduct(a, b) }
    @inlinable public mutating func accumulateProduct(_ a: Double, _ b: Double) { self += a * b }
    @inlinable public var doubleValue: Double { self }
    @inlinable public func constant(approximately value: Double) -> Double { value }
    public var bigFloatValue: BigFloat { BigFloat(self, precision: 53) }
}

extension BigFloat: RealScalar {
    @inlinable public func signum() throws -> Int { sign }
    public var unitRoundoff: BigFloat {
        // 2^-p is exact at any precision >= 1.
        BigFloat((try? Rational(2).power(-precision)) ?? .zero, precision: precision)
    }
    public func constant(approximately value: Double) -> BigFloat { BigFloat(value, precision: precision) }
    @inlinable public var bigFloatValue: BigFloat { self }
}
