/// What a series needs to create constants and to truncate infinite expansions: the
/// coefficient precision in bits (ignored by exact coefficients) and how many terms (in t,
/// relative to the valuation) to keep when an operation on exact inputs has infinitely
/// many (1/(1 - t), sqrt(1 + t), exp(t)). Binary operations use the larger of each.
public struct SeriesContext: Equatable, Sendable {
    public var precision: Int
    public var relativeTerms: Int
    /// The valuation assumption of a certification run on balls: a leading coefficient that may
    /// be zero (a ball containing 0) and lies this many bits below the series' other
    /// coefficients is taken to be exactly 0, as exact cancellations (F_d's d^2 pieces at the
    /// family's limit, a cosine that tends to 1) are, instead of being a term of unknown sign.
    /// Only leading coefficients: every other ball keeps its radius. nil (the default): no
    /// assumption. A result keeps the stricter of its operands' (none if either has none: a
    /// residual combined with a Jacobian is not stripped); point coefficients are not affected
    /// (Docs/certified-digits.md, "The valuation assumption").
    public var zeroLeadingBallsBelowBits: Int?

    public init(precision: Int, relativeTerms: Int, zeroLeadingBallsBelowBits: Int? = nil) {
        precondition(relativeTerms >= 1, "a series context keeps at least one term")
        self.precision = precision
        self.relativeTerms = relativeTerms
        self.zeroLeadingBallsBelowBits = zeroLeadingBallsBelowBits
    }

    public func merged(with other: SeriesContext) -> SeriesContext {
        let below = zeroLeadingBallsBelowBits.flatMap { a in other.zeroLeadingBallsBelowBits.map { max(a, $0) } }
        return SeriesContext(precision: max(precision, other.precision), relativeTerms: max(relativeTerms, other.relativeTerms),
                             zeroLeadingBallsBelowBits: below)
    }
}
