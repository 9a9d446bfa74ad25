import _CArb
import Numbers

extension Ball: ScalarField {
    @inlinable static func binary(_ a: Ball, _ b: Ball,
                                  _ op: (UnsafeMutablePointer<arb_struct>?, UnsafePointer<arb_struct>?, UnsafePointer<arb_struct>?, Int) -> Void) -> Ball {
        let bits = Swift.max(a.precision, b.precision)
        let r = Ball.raw(precision: bits)
        op(r.pointer, a.pointer, b.pointer, bits)
        return r
    }

    @inlinable public static func + (lhs: Ball, rhs: Ball) -> Ball { binary(lhs, rhs) { arb_add($0, $1, $2, $3) } }
    @inlinable public static func - (lhs: Ball, rhs: Ball) -> Ball { binary(lhs, rhs) { arb_sub($0, $1, $2, $3) } }
    @inlinable public static func * (lhs: Ball, rhs: Ball) -> Ball { binary(lhs, rhs) { arb_mul($0, $1, $2, $3) } }

    public static prefix func - (operand: Ball) -> Ball {
        let r = Ball.raw(precision: operand.precision)
        arb_neg(r.pointer, operand.pointer)
        return r
    }

    /// Throws `.domain` for an exact zero divisor and `.undecidable` for one that contains zero
    /// without being zero (its sign, hence the quotient, is unknown at this precision).
    public static func / (lhs: Ball, rhs: Ball) throws -> Ball {
        if rhs.isZero { throw ComputationError.domain("division by zero") }
        guard rhs.isCertainlyNonzero else {
            throw ComputationError.undecidable("division by a ball that contains zero at \(rhs.precision) bits")
        }
        return binary(lhs, rhs) { arb_div($0, $1, $2, $3) }
    }

    public func constant(_ value: Rational) -> Ball { Ball(value, precision: precision) }

    /// self * n and self / n for a machine integer n (n != 0 for division).
    public func multiplied(by n: Int) -> Ball {
        let r = Ball.raw(precision: precision)
        arb_mul_si(r.pointer, pointer, n, precision)
        return r
    }

    public func divided(by n: Int) -> Ball {
        precondition(n != 0, "division by the integer 0")
        let r = Ball.raw(precision: precision)
        arb_div_si(r.pointer, pointer, n, precision)
        return r
    }

    /// self + a * b in place (one enclosure of the sum).
    public mutating func addProduct(_ a: Ball, _ b: Ball) {
        let bits = Swift.max(precision, a.precision, b.precision)
        let r = Ball.raw(precision: bits)
        arb_set(r.pointer, pointer)
        arb_addmul(r.pointer, a.pointer, b.pointer, bits)
        self = r
    }
}

extension Ball: Equatable {
    /// The same ball (midpoint and radius), not numeric equality: two balls are equal as
    /// enclosures only when both are exact and equal.
    public static func == (lhs: Ball, rhs: Ball) -> Bool { arb_equal(lhs.pointer, rhs.pointer) != 0 }
}

extension Ball: CustomStringConvertible {
    /// Arb's "[m +/- r]" with up to the digits the precision carries.
    public var description: String { text(digits: BigFloat.decimalDigits(forBits: precision)) }

    /// Arb's text with at most `digits` digits of the midpoint ("[m +/- r]"; a ball known to all
    /// of them without the radius).
    public func text(digits: Int) -> String {
        guard let raw = arb_get_str(pointer, digits, 0) else { return "nan" }
        defer { flint_free(raw) }
        return String(cString: raw)
    }
}
