import Numbers

/// Paper 004's comparison of critical subspaces with global-minimum subspaces for a minimal
/// width r* over the widths m = A ... B (section 4.3): the ratios of equation 5,
/// R_k(r*, m) = G(r* - k, m) / T(r*, m) for k = 1 ... r* - 1, and the sum of equation 6,
/// sum_k a_k R_k(r*, m) against its bound ((r* - 1)/r*)^m, with a_k = C(r* - 1, k - 1), the
/// largest numbers of critical points of width r* - k that the inequality allows. All exact.
public struct SubspaceRatios: Sendable {
    public struct Row: Sendable {
        public var m: Int
        /// R_k(r*, m) at index k - 1.
        public var ratios: [Rational]
        /// sum_k a_k R_k(r*, m).
        public var weightedSum: Rational
        /// ((r* - 1)/r*)^m.
        public var bound: Rational
        /// Whether equation 6 holds at this m: weightedSum <= bound.
        public var holds: Bool { weightedSum <= bound }
    }

    public let minimalWidth: Int
    public let widths: ClosedRange<Int>
    public let rows: [Row]

    /// a_k = C(r* - 1, k - 1).
    public static func weight(minimalWidth: Int, k: Int) -> BigInteger { .binomial(minimalWidth - 1, k - 1) }

    /// Precondition: 2 <= r* <= A (T(r*, m) needs m >= r*; k runs over 1 ... r* - 1).
    /// `progress` is told each width as its row starts (a long table takes seconds).
    public init(minimalWidth rStar: Int, widths: ClosedRange<Int>, progress: (Int) -> Void = { _ in }) {
        precondition(rStar >= 2 && rStar <= widths.lowerBound, "SubspaceRatios needs 2 <= r* <= the smallest m")
        (minimalWidth, self.widths) = (rStar, widths)
        let weights = (1..<rStar).map { Self.weight(minimalWidth: rStar, k: $0) }
        let factorials = (0...rStar).map(BigInteger.factorial)
        var rows: [Row] = [], row = StirlingRow()
        // One pass of the Stirling recurrence serves every m of the range.
        while row.n < widths.lowerBound { row.advance() }
        while true {
            let m = row.n
            progress(m)
            let total = SubspaceCount(r: rStar, row: row).expansionSubspaces
            // G(r* - k, m) = (r* - k)! S(m, r* - k).
            let multipliers = (1..<rStar).map { k in row[rStar - k] * factorials[rStar - k] }
            let weighted = zip(weights, multipliers).reduce(BigInteger.zero) { $0 + $1.0 * $1.1 }
            rows.append(Row(m: m, ratios: multipliers.map { Rational($0, total) }, weightedSum: Rational(weighted, total),
                            bound: Rational(BigInteger(rStar - 1).power(m), BigInteger(rStar).power(m))))
            if m == widths.upperBound { break }
            row.advance()
        }
        self.rows = rows
    }

    /// The first m of the range with R_k(r*, m) < 1, per k (index k - 1); nil when there is none.
    public var firstBelowOne: [Int?] {
        (0..<(minimalWidth - 1)).map { i in rows.first { $0.ratios[i] < .one }?.m }
    }

    /// The first m of the range where the sum of equation 6 is below 1.
    public var sumFirstBelowOne: Int? { rows.first { $0.weightedSum < .one }?.m }

    /// The smallest m from which equation 6 holds at every width up to the end of the range;
    /// nil when it fails at the last one.
    public var holdsFrom: Int? {
        guard let lastFailure = rows.last(where: { !$0.holds }) else { return widths.lowerBound }
        return lastFailure.m < widths.upperBound ? lastFailure.m + 1 : nil
    }

    /// The widths of the range where equation 6 fails.
    public var failures: [Int] { rows.filter { !$0.holds }.map(\.m) }
}
