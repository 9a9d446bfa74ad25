import Numbers
import Landscape

extension FamilyCatalogue {
    /// From this d on, a family's critical point is Newton's from the value of its series
    /// (`SeriesFamilyExpansion.newtonPoint`), not the end of a continuation from the seed: it is
    /// the first of the checkpoints where every series is compared with Newton (agreement within
    /// its truncation error, 1e-6 or better there), so Newton starts inside its basin.
    public static let seriesStartDimension = SeriesFamilyExpansion.checkpointDimensions[0]
    /// From this d on the start comes from a shorter series (`shortStartTerms` terms in t): p1-m2-I
    /// at d = 1e6 1.02 -> 0.89 s, the same point (the eigenvalues agree on every digit printed).
    public static let shortStartDimension = 1e6
    public static let shortStartTerms = 10

    /// The family's critical point at one d, at `precision` bits and polished at `confirmation`
    /// bits (Newton from the first, no second continuation): for d >= `seriesStartDimension`
    /// from the family's series (8 terms), below it by continuation from the seed.
    public static func criticalPoint(of family: Family, at d: Double, precision: Int, confirmation: Int) throws -> (working: CriticalPoint, confirmation: CriticalPoint) {
        let working: CriticalPoint
        if d >= seriesStartDimension {
            // From d = 1e6 on a series of `shortStartTerms` terms in t is start enough (t <= 0.032
            // for b = 4; the family's own verification computed Newton's point at 1e6 already);
            // a staged solve that cannot fix every coefficient that short falls back to 12.
            let expansion: SeriesFamilyExpansion
            if d >= shortStartDimension, let short = try? SeriesFamilyExpansion.compute(family, terms: shortStartTerms - 4, precision: precision, minimumInternalTerms: shortStartTerms) {
                expansion = short
            } else {
                expansion = try SeriesFamilyExpansion.compute(family, terms: 8, precision: precision)
            }
            let at = BigFloat(d, precision: precision)
            working = try expansion.checkpoints.first { $0.d == at && $0.precision == precision } ?? expansion.newtonPoint(at: at)
        } else {
            working = try criticalPoints(of: family, at: [BigFloat(d, precision: precision)], precision: precision)[0]
        }
        let polished = try NewtonSolver().solve(pattern: family.pattern, d: BigFloat(d, precision: confirmation),
                                                start: working.coordinates.map { BigFloat($0, precision: confirmation) })
        guard polished.type == family.type else {
            throw SolverError.noCriticalPoint("\(family.name) at d = \(d): the polish at \(confirmation) bits left the family")
        }
        return (working, polished)
    }

    /// The catalogue family a critical point at integer d belongs to: one with its isotropy whose
    /// own point at d has the same loss (to 1e-10); nil when none has.
    public static func member(isotropy: IsotropyPattern, d: Int, loss: Double) -> Family? {
        families.first { family in
            guard family.pattern.smallBlocks == isotropy.smallBlocks, family.extraRows == isotropy.extraRows,
                  let point = try? criticalPoint(of: family, at: Double(d), precision: 128, confirmation: 192).working else { return false }
            return abs(point.loss.doubleValue - loss) < 1e-10
        }
    }
}
