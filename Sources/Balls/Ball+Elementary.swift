import _CArb
import Numbers

/// Real elementary functions on balls (Arb: rigorous enclosures). Each decides its domain
/// three ways: inside (computed), outside (`ComputationError.domain`), or a ball that
/// straddles the boundary (`.undecidable`: more precision may decide it).
extension Ball: ElementaryScalar {
    public func pi() throws -> Ball {
        let r = Ball.raw(precision: precision)
        arb_const_pi(r.pointer, precision)
        return r
    }

    static func unary(_ x: Ball, _ op: (UnsafeMutablePointer<arb_struct>?, UnsafePointer<arb_struct>?, Int) -> Void) -> Ball {
        let r = Ball.raw(precision: x.precision)
        op(r.pointer, x.pointer, x.precision)
        return r
    }

    /// Where x lies with respect to [low, high] (nil: unbounded on that side).
    static func placement(_ x: Ball, low: Rational?, high: Rational?) -> (inside: Bool, outside: Bool) {
        let (lower, upper) = x.bounds
        let lo = low.map { BigFloat($0, precision: x.precision) }, hi = high.map { BigFloat($0, precision: x.precision) }
        let inside = (lo.map { lower >= $0 } ?? true) && (hi.map { upper <= $0 } ?? true)
        let outside = (lo.map { upper < $0 } ?? false) || (hi.map { lower > $0 } ?? false)
        return (inside, outside)
    }

    static func checked(_ name: String, _ x: Ball, low: Rational?, high: Rational?, strictLow: Bool = false) throws {
        let (inside, outside) = placement(x, low: low, high: high)
        if strictLow, x.certainSign != 1 {
            if x.certainSign == -1 || x.isZero { throw ComputationError.domain("\(name) of a nonpositive number") }
            throw ComputationError.undecidable("\(name) of a ball that contains 0 at \(x.precision) bits")
        }
        if inside { return }
        if outside { throw ComputationError.domain("\(name) outside its real domain") }
        throw ComputationError.undecidable("\(name) of a ball that straddles the edge of its domain at \(x.precision) bits")
    }

    public static func sqrt(_ x: Ball) throws -> Ball {
        if x.isZero { return x }
        try checked("sqrt", x, low: .zero, high: nil)
        return unary(x) { arb_sqrt($0, $1, $2) }
    }

    public static func exp(_ x: Ball) throws -> Ball { unary(x) { arb_exp($0, $1, $2) } }

    public static func log(_ x: Ball) throws -> Ball {
        try checked("log", x, low: nil, high: nil, strictLow: true)
        return unary(x) { arb_log($0, $1, $2) }
    }

    public static func sin(_ x: Ball) throws -> Ball { unary(x) { arb_sin($0, $1, $2) } }
    public static func cos(_ x: Ball) throws -> Ball { unary(x) { arb_cos($0, $1, $2) } }
    public static func atan(_ x: Ball) throws -> Ball { unary(x) { arb_atan($0, $1, $2) } }

    public static func asin(_ x: Ball) throws -> Ball {
        try checked("asin", x, low: -1, high: 1)
        return unary(x) { arb_asin($0, $1, $2) }
    }

    public static func acos(_ x: Ball) throws -> Ball {
        try checked("acos", x, low: -1, high: 1)
        return unary(x) { arb_acos($0, $1, $2) }
    }

    /// x^q, real branch: any x for a nonnegative integer q; x > 0 otherwise, or x < 0 when q has
    /// an odd denominator (x^q = ±|x|^q); 0^q = 0 for q > 0.
    public static func pow(_ x: Ball, _ q: Rational) throws -> Ball {
        if q.isZero { return Ball(1, precision: x.precision) }
        if let (p, d) = q.intComponents, d == 1, p > 0 {
            let r = Ball.raw(precision: x.precision)
            arb_pow_ui(r.pointer, x.pointer, UInt(p), x.precision)
            return r
        }
        if x.isZero {
            guard q.sign > 0 else { throw ComputationError.domain("0 to a negative power") }
            return x
        }
        switch x.certainSign ?? 0 {
        case 1:
            let r = Ball.raw(precision: x.precision)
            puiseux_arb_pow_mpq(r.pointer, x.pointer, q.mpqAddress, x.precision)
            return r
        case -1:
            guard let (p, d) = q.intComponents, d % 2 == 1 else {
                throw ComputationError.domain("a negative number to the power \(q)")
            }
            let magnitude = try pow(-x, q)
            return p % 2 == 0 ? magnitude : -magnitude
        default:
            throw ComputationError.undecidable("a ball that contains 0 to the power \(q) at \(x.precision) bits")
        }
    }
}
