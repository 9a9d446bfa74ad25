#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Double follows IEEE semantics (NaN/inf instead of throwing); it is the fast
/// screening type, never the one that backs printed digits.
extension Double: ElementaryScalar {
    @inlinable public func constant(_ value: Rational) -> Double { value.doubleValue }
    @inlinable public func pi() throws -> Double { Double.pi }
    @inlinable public static func sqrt(_ x: Double) throws -> Double { x.squareRoot() }
    @inlinable public static func exp(_ x: Double) throws -> Double { _puiseux_exp(x) }
    @inlinable public static func log(_ x: Double) throws -> Double { _puiseux_log(x) }
    @inlinable public static func sin(_ x: Double) throws -> Double { _puiseux_sin(x) }
    @inlinable public static func cos(_ x: Double) throws -> Double { _puiseux_cos(x) }
    @inlinable public static func asin(_ x: Double) throws -> Double { _puiseux_asin(x) }
    @inlinable public static func acos(_ x: Double) throws -> Double { _puiseux_acos(x) }
    @inlinable public static func atan(_ x: Double) throws -> Double { _puiseux_atan(x) }
    @inlinable public static func pow(_ x: Double, _ exponent: Rational) throws -> Double {
        let q = exponent.doubleValue
        if x < 0, exponent.denominatorIsOdd {
            let r = _puiseux_pow(-x, q)
            return exponent.numeratorIsOdd ? -r : r
        }
        return _puiseux_pow(x, q)
    }
}

// Free-function shims so the static members above can call libm without recursion.
@usableFromInline func _puiseux_exp(_ x: Double) -> Double { exp(x) }
@usableFromInline func _puiseux_log(_ x: Double) -> Double { log(x) }
@usableFromInline func _puiseux_sin(_ x: Double) -> Double { sin(x) }
@usableFromInline func _puiseux_cos(_ x: Double) -> Double { cos(x) }
@usableFromInline func _puiseux_asin(_ x: Double) -> Double { asin(x) }
@usableFromInline func _puiseux_acos(_ x: Double) -> Double { acos(x) }
@usableFromInline func _puiseux_atan(_ x: Double) -> Double { atan(x) }
@usableFromInline func _puiseux_pow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
