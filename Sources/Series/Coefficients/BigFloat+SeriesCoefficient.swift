import Numbers

extension BigFloat: SeriesCoefficient {
    public static var isExact: Bool { false }
    public static func constant(_ value: Rational, precision: Int) -> BigFloat { BigFloat(value, precision: precision) }

    public static func cancellingSum(_ a: BigFloat, _ b: BigFloat) -> BigFloat {
        applyingZeroRule(a + b, termExponent: Swift.max(a.exponent ?? Int.min, b.exponent ?? Int.min))
    }
    public static func cancellingDifference(_ a: BigFloat, _ b: BigFloat) -> BigFloat {
        applyingZeroRule(a - b, termExponent: Swift.max(a.exponent ?? Int.min, b.exponent ?? Int.min))
    }

    static func applyingZeroRule(_ r: BigFloat, termExponent: Int) -> BigFloat {
        guard let e = r.exponent, termExponent != Int.min else { return r }
        if NumericZeroRule.isCancelled(resultExponent: e, termExponent: termExponent, precision: r.precision) {
            return BigFloat.zero(precision: r.precision)
        }
        return r
    }

    public static func convolution(
        _ x: UnsafeBufferPointer<BigFloat>, xStart: Int,
        _ y: UnsafeBufferPointer<BigFloat>, yEnd: Int, count: Int,
        initial: BigFloat?, subtract: Bool, precision: Int
    ) -> BigFloat {
        let (value, largest) = BigFloat.convolution(
            x, xStart: xStart, y, yEnd: yEnd, count: count,
            initial: initial, subtract: subtract, precision: precision)
        return applyingZeroRule(value, termExponent: largest)
    }

    public static func truncatedProduct(_ a: [BigFloat], _ b: [BigFloat], count: Int, precision: Int) -> [BigFloat] {
        let byArb = Swift.min(a.count, b.count) >= arbProductLength && a.allSatisfy(\.isFinite) && b.allSatisfy(\.isFinite)
        let raw = byArb ? BigFloat.truncatedProductByArb(a, b, count: count, precision: precision)
                        : BigFloat.truncatedProduct(a, b, count: count, precision: precision)
        return raw.map { applyingZeroRule($0.value, termExponent: $0.largestTermExponent) }
    }

    /// The shorter factor's length from which a product goes through Arb's dot product: its
    /// exact copies of the operands cost about as much as MPFR's multiply-adds below it
    /// (measured: Docs/performance.md). Non-finite operands stay with MPFR, which propagates NaN.
    static let arbProductLength = 4

    public func decimalString(significantDigits digits: Int) -> String { formatted(significantDigits: digits) }
}

extension NumericZeroRule {
    /// 2^(-P/2) at precision P: the floor for results of computations that cancel over many
    /// steps (a Newton iteration's converged step, Horner sums, traces, F_d's d^2 pieces), which
    /// the local rule above cannot see. A term below this fraction of the pieces it was summed
    /// from is rounding residue; a true term that small shows up as a disagreement at 2P bits.
    public static func residueFloor(precision: Int) throws -> BigFloat {
        try BigFloat.pow(BigFloat(2, precision: precision), Rational(-precision / 2))
    }
}
