import Numbers

/// How much of a series is asked for: the meaning of `--terms N` and `--order EXP` in every
/// command (an expression's expansion, a family's coordinates, an eigenvalue, ...).
public enum SeriesLength: Equatable, Sendable {
    /// At least this many nonzero terms, counted from the series' leading term; fewer only
    /// where the series is known to end (an exact finite sum) or where what is known of it
    /// ends first (the O-term then says where). The O-term sits at the next nonzero term
    /// when that term is known.
    case terms(Int)
    /// Every term with exponent of d greater than this, and O(d^exponent).
    case order(Rational)

    /// How many powers of t = d^(-1/b), from the exponent `leading` down, a computation must
    /// have before `cut` can give what is asked: all exponents above the order, or (for
    /// `terms(n)`) n, which is enough only when none of them vanishes.
    public func powers(ramification b: Int, leading: Rational) -> Int {
        switch self {
        case .terms(let n): return n
        case .order(let q):
            // Powers k >= 0 with leading - k/b > q: k < (leading - q) b.
            guard let (p, r) = ((leading - q) * Rational(b)).intComponents, p > 0 else { return 0 }
            return (p + r - 1) / r
        }
    }

    /// The part of a series to print. `terms` are its known nonzero terms in decreasing powers
    /// of d (a decided zero is not a term); `known` is the exponent where what is known ends
    /// (the computation's O-term, or a coefficient it could not decide), nil for an exact
    /// finite sum. Returns the terms to print, the O-term's exponent (nil: none, the sum is
    /// exact) and how many asked-for terms are missing (0: complete).
    public func cut<Term>(_ terms: [Term], exponent: (Term) -> Rational, known: Rational?) -> SeriesCut<Term> {
        switch self {
        case .terms(let n):
            if terms.count > n { return SeriesCut(kept: Array(terms.prefix(n)), order: exponent(terms[n]), missing: 0) }
            return SeriesCut(kept: terms, order: known, missing: known == nil ? 0 : n - terms.count)
        case .order(let q):
            let kept = terms.filter { exponent($0) > q }
            guard let known else {
                let omitted = terms.count > kept.count
                return SeriesCut(kept: kept, order: omitted ? q : nil, missing: 0)
            }
            return known <= q ? SeriesCut(kept: kept, order: q, missing: 0) : SeriesCut(kept: kept, order: known, missing: 1)
        }
    }
}

/// What `SeriesLength.cut` keeps of a series.
public struct SeriesCut<Term> {
    /// The terms to print, in decreasing powers of d.
    public var kept: [Term]
    /// The exponent of the O-term; nil when the printed terms are the whole (exact) series.
    public var order: Rational?
    /// How many of the asked-for terms are not there (`terms(n)`: n minus those printed;
    /// `order`: 1 when what is known stops above the order); 0 when the cut is complete.
    public var missing: Int

    public var isComplete: Bool { missing == 0 }
}
