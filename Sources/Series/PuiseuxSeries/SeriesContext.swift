/// What a series needs to create constants and to truncate infinite expansions: the
/// coefficient precision in bits (ignored by exact coefficients) and how many terms (in t,
/// relative to the valuation) to keep when an operation on exact inputs has infinitely
/// many (1/(1 - t), sqrt(1 + t), exp(t)). Binary operations use the larger of each.
public struct SeriesContext: Equatable, Sendable {
    public var precision: Int
    public var relativeTerms: Int

    public init(precision: Int, relativeTerms: Int) {
        precondition(relativeTerms >= 1, "a series context keeps at least one term")
        self.precision = precision
        self.relativeTerms = relativeTerms
    }

    public func merged(with other: SeriesContext) -> SeriesContext {
        SeriesContext(precision: max(precision, other.precision), relativeTerms: max(relativeTerms, other.relativeTerms))
    }
}
