import Numbers
import Landscape

extension FamilyCatalogue {
    /// The catalogued family with this isotropy, number of extra rows and type, or nil.
    public static func family(p: Int, extraRows m: Int, type: FamilyType) -> Family? {
        families.first { $0.p == p && $0.extraRows == m && $0.type == type }
    }

    /// The family through a critical point given at a finite d (issue: "or a critical point at
    /// some finite d"). Newton polishes the point (it must move by less than 0.05 per
    /// coordinate: otherwise the point is not near a critical point), continuation follows it to
    /// d = 1e4, 1e6, 1e8, and each coordinate's limit is read off as the fraction with
    /// denominator <= 4 nearest to its value at 1e8, accepted only if the value is within 0.05
    /// of it and approaches it like a power of d (`limitApproachRatio`), or is already within
    /// 1e-12 of it. The result
    /// is the catalogued family with the same isotropy, type and limit when there is one;
    /// otherwise a new family named by `FamilyName` ("<blocks>-m<m>-<type>:<limit>") seeded by
    /// the polished point.
    public static func family(from point: [Double], d: Double, p: Int, extraRows m: Int, precision: Int) throws -> Family {
        try family(from: point, d: d, pattern: try IsotropyPattern.standard(p: p, extraRows: m), precision: precision)
    }

    /// How much closer to its limit a coordinate must be at d = 1e8 than at 1e6: a power law
    /// d^(-e) with e >= 1/9 shrinks the gap by 100^(-e) <= 0.6 (the catalogue's slowest
    /// coordinates have e = 1/4: 0.32). A coordinate that merely drifts towards a nearby
    /// fraction (d-2,1,1 points approach -0.650293..., which is within 0.05 of -2/3, and their gap
    /// to -2/3 shrank by one part in 10^4) is not read as having that limit.
    static let limitApproachRatio = 0.6

    /// The same for any isotropy and number of extra rows (`pattern`); a new family is named
    /// by `FamilyName`, e.g. "d-2,2-m0-I:-1,0,0,0,1,0".
    public static func family(from point: [Double], d: Double, pattern: IsotropyPattern, precision: Int) throws -> Family {
        let m = pattern.extraRows
        guard point.count == pattern.dimension else {
            throw SolverError.noCriticalPoint("the point has \(point.count) coordinates; \(pattern) with m = \(m) has \(pattern.dimension) (\(pattern.coordinates.map(\.description).joined(separator: ", ")))")
        }
        guard point.allSatisfy(\.isFinite), d.isFinite, d >= Double(pattern.minimumDimension) else {
            throw SolverError.noCriticalPoint("the point and d must be finite numbers, d >= \(pattern.minimumDimension)")
        }
        let start = point.map { BigFloat($0, precision: precision) }
        let polished: CriticalPoint
        do {
            polished = try NewtonSolver().solve(pattern: pattern, d: BigFloat(d, precision: precision), start: start)
        } catch {
            throw SolverError.noCriticalPoint("Newton from the given point does not converge at d = \(d) (\(error)): it is not near a critical point")
        }
        let moved = zip(polished.coordinates, start).map { ($0 - $1).magnitude.doubleValue }.max() ?? 0
        guard moved < 0.05 else {
            throw SolverError.noCriticalPoint("Newton from the given point ends \((moved * 1000).rounded() / 1000) away from it at d = \(d): it is not near a critical point (give more digits)")
        }
        let far = try Continuation().follow(polished, to: [1e4, 1e6, 1e8].map { BigFloat($0, precision: precision) })
        var limit: [Rational] = []
        for i in 0..<pattern.dimension {
            let x6 = far[1].coordinates[i].doubleValue, x8 = far[2].coordinates[i].doubleValue
            let candidates = (1...4).flatMap { q in (-2 * q...2 * q).map { Rational($0, q) } }
            let c = candidates.min { abs($0.doubleValue - x8) < abs($1.doubleValue - x8) }!
            let gap8 = abs(c.doubleValue - x8), gap6 = abs(c.doubleValue - x6)
            guard gap8 < 0.05, gap8 <= limitApproachRatio * gap6 || gap8 < 1e-12 else {
                throw SolverError.noCriticalPoint("coordinate \(pattern.coordinates[i]) of the followed critical point is \(x6) at d = 1e6 and \(x8) at d = 1e8: no limit with denominator <= 4 is approached like a power of d, so this is not a regular family")
            }
            limit.append(c)
        }
        if let known = families.first(where: { $0.pattern == pattern && $0.type == polished.type }),
           FamilyName.canonical(known.limit, pattern: pattern) == FamilyName.canonical(limit, pattern: pattern) { return known }
        return Family(name: FamilyName(pattern: pattern, type: polished.type, limit: limit).description, pattern: pattern, type: polished.type,
                      limit: limit, expectedRamification: 0,
                      seed: polished.coordinates.map(\.doubleValue), seedDimension: d)
    }
}
