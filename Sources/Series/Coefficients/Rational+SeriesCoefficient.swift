import Numbers

extension Rational: SeriesCoefficient {
    public static var isExact: Bool { true }
    public var precision: Int { Int.max }
    public static func constant(_ value: Rational, precision: Int) -> Rational { value }
    public func multiplied(by n: Int) -> Rational { self * Rational(n) }
    public func divided(by n: Int) -> Rational { self * Rational(1, n) }
    public static func cancellingSum(_ a: Rational, _ b: Rational) -> Rational { a + b }
    public static func cancellingDifference(_ a: Rational, _ b: Rational) -> Rational { a - b }

    public static func convolution(
        _ x: UnsafeBufferPointer<Rational>, xStart: Int,
        _ y: UnsafeBufferPointer<Rational>, yEnd: Int, count: Int,
        initial: Rational?, subtract: Bool, precision: Int
    ) -> Rational {
        var sum = Rational.zero
        for i in 0..<count { sum += x[xStart + i] * y[yEnd - i] }
        let signed = subtract ? -sum : sum
        return initial.map { $0 + signed } ?? signed
    }

    public func decimalString(significantDigits digits: Int) -> String {
        BigFloat(self, precision: Swift.max(64, Int(Double(digits) * 3.33) + 16)).formatted(significantDigits: digits)
    }
}
