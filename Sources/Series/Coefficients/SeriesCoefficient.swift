import Numbers

/// What `PuiseuxSeries` needs from its coefficients beyond field arithmetic: exactness,
/// precision, the numeric-zero rule, and in-place kernels for the O(n^2) inner loops.
///
/// The kernels decide numeric zeros (see `NumericZeroRule`): a result whose magnitude
/// shows that all but `NumericZeroRule.guardBits(precision)` of its bits cancelled is
/// returned as an exact zero. Exact types never cancel spuriously and return the true sum.
public protocol SeriesCoefficient: ElementaryScalar, Equatable, CustomStringConvertible {
    /// True for exact coefficient types (Rational): every result is exact.
    static var isExact: Bool { get }
    /// Bits of precision of this value (`Int.max` for exact types).
    var precision: Int { get }
    var isZero: Bool { get }
    /// Under the valuation assumption (`SeriesContext.zeroLeadingBallsBelowBits`): whether the
    /// first of `coefficients`, a series' leading one, is taken to be exactly 0. Never for
    /// points; for a ball, when it contains 0 and its largest value lies `belowBits` bits below
    /// the largest of the others.
    static func leadingIsAssumedZero(_ coefficients: ArraySlice<Self>, belowBits: Int) -> Bool
    /// -1, 0 or 1 (for a ball that contains 0 and more: 0; decisions use `decidedSign`).
    var sign: Int { get }
    /// The sign where a branch depends on it: -1, 0 or 1, or `ComputationError.undecidable`
    /// when the value cannot tell (a ball containing 0); more precision may decide it.
    func decidedSign() throws -> Int
    /// The rational `value` at `precision` bits (ignored by exact types).
    static func constant(_ value: Rational, precision: Int) -> Self
    /// self * n, self / n for machine integers (n != 0 for division).
    func multiplied(by n: Int) -> Self
    func divided(by n: Int) -> Self
    /// a + b and a - b with the numeric-zero rule applied to the result.
    static func cancellingSum(_ a: Self, _ b: Self) -> Self
    static func cancellingDifference(_ a: Self, _ b: Self) -> Self
    /// `initial ± Σ_{i=0}^{count-1} x[xStart + i] * y[yEnd - i]` at `precision` bits,
    /// accumulated in place, with the numeric-zero rule applied to the total.
    static func convolution(
        _ x: UnsafeBufferPointer<Self>, xStart: Int,
        _ y: UnsafeBufferPointer<Self>, yEnd: Int, count: Int,
        initial: Self?, subtract: Bool, precision: Int
    ) -> Self
    /// The first `count` coefficients of the product of two coefficient arrays (zero rule
    /// applied to each); the hot loop of series multiplication.
    static func truncatedProduct(_ a: [Self], _ b: [Self], count: Int, precision: Int) -> [Self]
    /// The first `count` coefficients of x / y, dense power series, by the type's own fast
    /// kernel; nil where it has none or cannot decide y[0] != 0 (series division then runs its
    /// recurrence, which says why).
    static func quotientByKernel(_ x: [Self], _ y: [Self], count: Int, precision: Int) -> [Self]?
    /// The first `count` coefficients of a^exponent, a dense power series, real branch, by the
    /// type's own fast kernel; nil where it has none or a[0] is not certainly positive (the
    /// recurrence then runs).
    static func powerByKernel(_ a: [Self], exponent: Rational, count: Int, precision: Int) -> [Self]?
    /// The first `count` coefficients of acos(a) (`cosine`) or asin(a), a dense power series
    /// with |a[0]| < 1, by the type's own fast kernel; nil where it has none or cannot decide
    /// |a[0]| < 1 (the series formula then runs).
    static func inverseTrigByKernel(_ a: [Self], cosine: Bool, count: Int, precision: Int) -> [Self]?
    /// Decimal text of the value with at most `digits` significant digits.
    func decimalString(significantDigits digits: Int) -> String
}

extension SeriesCoefficient {
    /// Point values (MPFR, rationals) always know their sign.
    public func decidedSign() throws -> Int { sign }
    public static func leadingIsAssumedZero(_ coefficients: ArraySlice<Self>, belowBits: Int) -> Bool { false }
    public static func quotientByKernel(_ x: [Self], _ y: [Self], count: Int, precision: Int) -> [Self]? { nil }
    public static func powerByKernel(_ a: [Self], exponent: Rational, count: Int, precision: Int) -> [Self]? { nil }
    public static func inverseTrigByKernel(_ a: [Self], cosine: Bool, count: Int, precision: Int) -> [Self]? { nil }

    public static func truncatedProduct(_ a: [Self], _ b: [Self], count: Int, precision: Int) -> [Self] {
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                (0..<count).map { k in
                    let lo = Swift.max(0, k - pb.count + 1), hi = Swift.min(k, pa.count - 1)
                    return convolution(pa, xStart: lo, pb, yEnd: k - lo, count: Swift.max(0, hi - lo + 1),
                                       initial: nil, subtract: false, precision: precision)
                }
            }
        }
    }
}
