import Numbers

/// Series are scalars too, so the model code written for Double and BigFloat runs on them.
extension PuiseuxSeries: ElementaryScalar {
    public func constant(_ value: Rational) -> PuiseuxSeries {
        PuiseuxSeries(constant: C.constant(value, precision: context.precision), context: context)
    }

    public func pi() throws -> PuiseuxSeries {
        PuiseuxSeries(constant: try C.constant(.zero, precision: context.precision).pi(), context: context)
    }

    public static func sqrt(_ x: PuiseuxSeries) throws -> PuiseuxSeries { try x.squareRoot() }
    public static func exp(_ x: PuiseuxSeries) throws -> PuiseuxSeries { try x.exponential() }
    public static func log(_ x: PuiseuxSeries) throws -> PuiseuxSeries { try x.logarithm() }
    public static func sin(_ x: PuiseuxSeries) throws -> PuiseuxSeries { try x.sineAndCosine().sin }
    public static func cos(_ x: PuiseuxSeries) throws -> PuiseuxSeries { try x.sineAndCosine().cos }
    public static func asin(_ x: PuiseuxSeries) throws -> PuiseuxSeries { try x.arcsine() }
    public static func acos(_ x: PuiseuxSeries) throws -> PuiseuxSeries { try x.arccosine() }
    public static func atan(_ x: PuiseuxSeries) throws -> PuiseuxSeries { try x.arctangent() }
    public static func pow(_ x: PuiseuxSeries, _ exponent: Rational) throws -> PuiseuxSeries { try x.rationalPower(exponent) }
}
