/// The arithmetic every layer above is generic over: Double, `BigFloat`, `Rational`,
/// dual numbers and `PuiseuxSeries` all conform, so the model is written once.
///
/// Division throws (`ComputationError.domain` on a zero divisor) because for exact and
/// series types a zero divisor is a reportable condition, not a NaN. Double keeps its
/// IEEE behaviour (its non-throwing `/` witnesses the requirement).
public protocol ScalarField: Sendable {
    static func + (lhs: Self, rhs: Self) -> Self
    static func - (lhs: Self, rhs: Self) -> Self
    static func * (lhs: Self, rhs: Self) -> Self
    static prefix func - (operand: Self) -> Self
    static func / (lhs: Self, rhs: Self) throws -> Self

    /// The exact rational `value` in the context of `self`: same precision for
    /// `BigFloat`, same coefficient precision for series, zero derivative for duals.
    func constant(_ value: Rational) -> Self
}

extension ScalarField {
    @inlinable public func constant(_ value: Int) -> Self { constant(Rational(value)) }
}

/// Real elementary functions. Each throws `ComputationError.domain` outside its real
/// domain, `.inexact` when the type cannot hold the result exactly (`Rational`), and
/// `.undecidable` when a branch cannot be decided at the working precision (series).
public protocol ElementaryScalar: ScalarField {
    /// pi in the context of `self` (throws `.inexact` for `Rational`).
    func pi() throws -> Self
    static func sqrt(_ x: Self) throws -> Self
    static func exp(_ x: Self) throws -> Self
    static func log(_ x: Self) throws -> Self
    static func sin(_ x: Self) throws -> Self
    static func cos(_ x: Self) throws -> Self
    static func asin(_ x: Self) throws -> Self
    static func acos(_ x: Self) throws -> Self
    static func atan(_ x: Self) throws -> Self
    /// x^q for a rational exponent q (real branch; negative base only for odd denominators).
    static func pow(_ x: Self, _ exponent: Rational) throws -> Self
}
