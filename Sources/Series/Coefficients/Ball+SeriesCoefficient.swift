import Numbers
import Balls

/// Balls as series coefficients: no numeric-zero rule (a ball knows how uncertain it is; a
/// coefficient is zero only when it is exactly zero), branch decisions three-valued
/// (`decidedSign` throws `.undecidable` for a ball containing 0), the hot loops in Arb.
extension Ball: SeriesCoefficient {
    public static var isExact: Bool { false }
    public static func constant(_ value: Rational, precision: Int) -> Ball { Ball(value, precision: precision) }

    public var sign: Int { certainSign ?? 0 }
    public static func leadingIsAssumedZero(_ coefficients: ArraySlice<Ball>, belowBits: Int) -> Bool {
        guard let first = coefficients.first, first.containsZero, !first.isZero else { return false }
        let zero = Ball(0, precision: 64)
        let scale = coefficients.dropFirst().map { $0.distanceBound(to: zero) }.max() ?? BigFloat(0, precision: 64)
        guard let e = scale.exponent else { return false }
        guard let f = first.distanceBound(to: zero).exponent else { return true }
        return f <= e - belowBits
    }

    public func decidedSign() throws -> Int {
        guard let s = certainSign else { throw ComputationError.undecidable("the sign of a ball that contains 0 at \(precision) bits") }
        return s
    }

    public static func cancellingSum(_ a: Ball, _ b: Ball) -> Ball { a + b }
    public static func cancellingDifference(_ a: Ball, _ b: Ball) -> Ball { a - b }

    public static func convolution(
        _ x: UnsafeBufferPointer<Ball>, xStart: Int,
        _ y: UnsafeBufferPointer<Ball>, yEnd: Int, count: Int,
        initial: Ball?, subtract: Bool, precision: Int
    ) -> Ball {
        sumOfProducts(x, xStart: xStart, y, yEnd: yEnd, count: count, initial: initial, subtract: subtract, precision: precision)
    }

    public static func truncatedProduct(_ a: [Ball], _ b: [Ball], count: Int, precision: Int) -> [Ball] {
        mullow(a, b, count: count, precision: precision)
    }

    public static func quotientByKernel(_ x: [Ball], _ y: [Ball], count: Int, precision: Int) -> [Ball]? {
        guard !x.isEmpty, let first = y.first, first.isCertainlyNonzero else { return nil }
        return quotientSeries(x, y, count: count, precision: precision)
    }

    public static func inverseTrigByKernel(_ a: [Ball], cosine: Bool, count: Int, precision: Int) -> [Ball]? {
        guard count > 0, let first = a.first, (Ball(1, precision: precision) - first * first).certainSign == 1 else { return nil }
        return inverseTrigSeries(a, cosine: cosine, count: count, precision: precision)
    }

    public static func powerByKernel(_ a: [Ball], exponent: Rational, count: Int, precision: Int) -> [Ball]? {
        guard let first = a.first, first.certainSign == 1 else { return nil }
        return powerSeries(a, exponent: exponent, count: count, precision: precision)
    }

    public func decimalString(significantDigits digits: Int) -> String { text(digits: digits) }
}
