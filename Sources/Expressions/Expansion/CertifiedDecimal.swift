import Numbers
import Balls

/// A ball printed as a decimal: the digits every number in it rounds to (both ends of the ball
/// round alike), with a decimal upper bound on |true - printed| (the ball's distance to the
/// printed value, rounded up). The one rule for certified digits: `expand --certified` and the
/// certified family coefficients both print through it.
public struct CertifiedDecimal: Sendable, Equatable {
    public let text: String
    public let digits: Int
    public let radius: String

    /// nil when the ball contains 0 (its sign is not known) or its ends differ in the first
    /// digit; at most `maximumDigits` digits (an exact ball gets all of them).
    public init?(_ ball: Ball, maximumDigits: Int) {
        guard ball.isFinite, ball.isCertainlyNonzero else { return nil }
        let (lower, upper) = ball.bounds
        let k = ball.isExact ? maximumDigits : Expansion.agreedDigits(lower, upper, maximumDigits: maximumDigits)
        guard k > 0 else { return nil }
        // One decimal conversion of the lower end for both the exact printed value and its text
        // (what `formatted(significantDigits: k)` writes).
        let (digits, exponent10) = lower.decimalDigitsAndExponent(significantDigits: k)
        guard let power = try? Rational(10).power(exponent10 - digits.count), let mantissa = Rational(decimal: digits) else { return nil }
        let printed = mantissa * power
        let value = ball.midpoint.sign < 0 ? -printed : printed
        let radius = ball.distanceBound(to: Ball(value, precision: 2 * ball.precision))
        text = BigFloat.layout(negative: lower.sign < 0, digits: digits, exponent10: exponent10)
        self.digits = k
        self.radius = radius.formattedUpperBound(significantDigits: 3)
    }
}
