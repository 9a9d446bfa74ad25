/// Bounds that keep parsing and evaluation of untrusted input fast and within the stack.
/// Exceeding one is an `ExpressionError` naming the limit, never a crash or a hang.
public enum ExpressionLimits {
    /// Longest accepted input, in characters.
    public static let maximumLength = 10_000
    /// Deepest nesting of parentheses, calls, signs and exponents the parser follows.
    public static let maximumNesting = 200
    /// Greatest height of the syntax tree (long sums and products count too); evaluation
    /// recurses this deep.
    public static let maximumDepth = 1_000
    /// Largest |e| in a literal's decimal exponent (`1e1000`).
    public static let maximumDecimalExponent = 1_000
    /// Largest |value| of an exponent (`x^1024`, `x^(-2047/2)`).
    public static let maximumExponent = 1_024
    /// Largest denominator of a fractional exponent (`x^(p/q)` refines the ramification by q).
    public static let maximumExponentDenominator = 4_096
    /// Largest size, in decimal digits (numerator plus denominator), of an exact rational
    /// that evaluation will create by a power; beyond it an exact evaluation is refused
    /// (constants) or continued numerically (series).
    public static let maximumExactDigits = 100_000
}
