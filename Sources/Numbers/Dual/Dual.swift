/// A forward-mode dual number: a value and its partial derivatives with respect to a fixed
/// list of seed directions, `value + Σ partials[i] ε_i` with ε_i ε_j = 0.
///
/// Generic over any `ElementaryScalar`, so `Dual<BigFloat>` gives exact (to rounding)
/// Jacobians at finite d and `Dual<Dual<T>>` second derivatives; no finite differences.
/// An empty `partials` array means all partials are zero (constants need no seed count).
public struct Dual<T: ElementaryScalar>: Sendable {
    public var value: T
    public var partials: [T]

    public init(_ value: T, partials: [T] = []) {
        self.value = value
        self.partials = partials
    }

    /// The i-th of n independent variables with the given value.
    public static func variable(_ value: T, index i: Int, count n: Int) -> Dual {
        let zero = value.constant(0), one = value.constant(1)
        return Dual(value, partials: (0..<n).map { $0 == i ? one : zero })
    }

    /// ∂/∂(seed i), zero when the partials were never seeded.
    public func partial(_ i: Int) -> T { i < partials.count ? partials[i] : value.constant(0) }

    /// Combines the partials of two operands: f(a, b) with ∂f = da * ∂a + db * ∂b.
    @inlinable static func chain(_ a: Dual, _ da: T, _ b: Dual, _ db: T) -> [T] {
        let n = Swift.max(a.partials.count, b.partials.count)
        if n == 0 { return [] }
        return (0..<n).map { i in
            switch (i < a.partials.count, i < b.partials.count) {
            case (true, true): return da * a.partials[i] + db * b.partials[i]
            case (true, false): return da * a.partials[i]
            case (false, true): return db * b.partials[i]
            case (false, false): return da.constant(0)
            }
        }
    }

    /// f(x) with derivative f'(x) = `derivative`.
    @inlinable func applying(_ value: T, derivative: T) -> Dual {
        Dual(value, partials: partials.map { derivative * $0 })
    }
}

extension Dual: ElementaryScalar {
    public static func + (lhs: Dual, rhs: Dual) -> Dual {
        let one = lhs.value.constant(1)
        return Dual(lhs.value + rhs.value, partials: chain(lhs, one, rhs, one))
    }
    public static func - (lhs: Dual, rhs: Dual) -> Dual {
        let one = lhs.value.constant(1)
        return Dual(lhs.value - rhs.value, partials: chain(lhs, one, rhs, -one))
    }
    public static func * (lhs: Dual, rhs: Dual) -> Dual {
        Dual(lhs.value * rhs.value, partials: chain(lhs, rhs.value, rhs, lhs.value))
    }
    public static prefix func - (operand: Dual) -> Dual {
        Dual(-operand.value, partials: operand.partials.map { -$0 })
    }
    public static func / (lhs: Dual, rhs: Dual) throws -> Dual {
        let q = try lhs.value / rhs.value
        let inverse = try rhs.value.constant(1) / rhs.value
        return Dual(q, partials: chain(lhs, inverse, rhs, -(q * inverse)))
    }

    public func constant(_ value: Rational) -> Dual { Dual(self.value.constant(value)) }
    public func pi() throws -> Dual { Dual(try value.pi()) }

    public static func sqrt(_ x: Dual) throws -> Dual {
        let r = try T.sqrt(x.value)
        return x.applying(r, derivative: try x.value.constant(1) / (r + r))
    }
    public static func exp(_ x: Dual) throws -> Dual {
        let e = try T.exp(x.value)
        return x.applying(e, derivative: e)
    }
    public static func log(_ x: Dual) throws -> Dual {
        x.applying(try T.log(x.value), derivative: try x.value.constant(1) / x.value)
    }
    public static func sin(_ x: Dual) throws -> Dual {
        x.applying(try T.sin(x.value), derivative: try T.cos(x.value))
    }
    public static func cos(_ x: Dual) throws -> Dual {
        x.applying(try T.cos(x.value), derivative: -(try T.sin(x.value)))
    }
    public static func asin(_ x: Dual) throws -> Dual {
        let one = x.value.constant(1)
        return x.applying(try T.asin(x.value), derivative: try one / T.sqrt(one - x.value * x.value))
    }
    public static func acos(_ x: Dual) throws -> Dual {
        let one = x.value.constant(1)
        return x.applying(try T.acos(x.value), derivative: -(try one / T.sqrt(one - x.value * x.value)))
    }
    public static func atan(_ x: Dual) throws -> Dual {
        let one = x.value.constant(1)
        return x.applying(try T.atan(x.value), derivative: try one / (one + x.value * x.value))
    }
    public static func pow(_ x: Dual, _ exponent: Rational) throws -> Dual {
        let v = try T.pow(x.value, exponent)
        let derivative = try T.pow(x.value, exponent - .one) * x.value.constant(exponent)
        return x.applying(v, derivative: derivative)
    }
}
