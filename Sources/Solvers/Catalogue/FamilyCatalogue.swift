#if canImport(Glibc)
import Glibc
#endif
import Numbers
import Landscape

/// A regular family of critical points (MATH.md section 3): isotropy Δ(S_{d-s} x S_{n_2} x ...)
/// with m extra rows, type I (D_1 -> -1) or II (D_1 -> +1). The catalogue holds the eight of
/// paper 000 (isotropy Δ(S_{d-p} x S_p), p <= 1); a family given by a point may have any.
public struct Family: Sendable, CustomStringConvertible {
    /// Short name accepted by every command, e.g. "p1-m1-II".
    public let name: String
    /// The isotropy and the extra rows.
    public let pattern: IsotropyPattern
    /// s, the sum of the small blocks (p for Δ(S_{d-p} x S_p)).
    public var p: Int { pattern.smallTotal }
    public var extraRows: Int { pattern.extraRows }
    public let type: FamilyType
    /// c_inf in the paper's coordinate order (exact).
    public let limit: [Rational]
    /// The ramification b of the family's series: 4 for p = 1, m = 1, type I (paper 000,
    /// Example 2(3)) and for p = 1, m = 2, type I (found here: with b = 2 the numeric fit of
    /// NumericFamilyExpansion does not even reproduce the limit, with b = 4 it does to 15
    /// digits), 2 for the others. Solvers determine b themselves; this is what they are checked
    /// against. 0 for a family given by a point (`family(from:d:p:extraRows:precision:)`),
    /// whose b only the series route can tell.
    public let expectedRamification: Int
    /// A start for Newton at d = `seedDimension`: the limit moved off the kernel's singular set
    /// (rows exactly parallel to targets) by 0.003 (i + 1), or, where the family is still far
    /// from its limit at that d (type II with m >= 1: the extra rows), the rounded end point of
    /// gradient descent in the fixed-point space started from the limit plus noise of size 0.3.
    public let seed: [Double]
    public let seedDimension: Double

    public init(name: String, pattern: IsotropyPattern, type: FamilyType, limit: [Rational], expectedRamification: Int,
                seed: [Double], seedDimension: Double) {
        (self.name, self.pattern, self.type, self.limit) = (name, pattern, type, limit)
        (self.expectedRamification, self.seed, self.seedDimension) = (expectedRamification, seed, seedDimension)
    }

    public var description: String { "\(name): \(pattern), type \(type)" }
}

public enum FamilyCatalogue {
    static func offLimit(_ limit: [Rational]) -> [Double] {
        limit.enumerated().map { $1.doubleValue + 0.003 * Double($0 + 1) }
    }

    static func family(_ p: Int, _ m: Int, _ type: FamilyType, _ limit: [Rational], b: Int = 2, seed: [Double]? = nil) -> Family {
        // The catalogue's patterns are valid by construction.
        Family(name: "p\(p)-m\(m)-\(type)", pattern: try! IsotropyPattern.standard(p: p, extraRows: m), type: type, limit: limit,
               expectedRamification: b, seed: seed ?? offLimit(limit), seedDimension: 20)
    }

    /// The eight families, in the order of MATH.md section 3.
    public static let families: [Family] = {
        let h = Rational(1, 2)
        return [
            family(0, 0, .typeI, [-1, 0]),
            family(0, 1, .typeI, [-1, 0, 0]),
            family(1, 0, .typeI, [-1, 0, 0, 0, 1]),
            family(1, 0, .typeII, [1, 0, 0, 0, -1]),
            family(1, 1, .typeI, [-1, 0, 0, 0, h, 0, -h], b: 4),
            family(1, 1, .typeII, [1, 0, 0, 0, -1, 0, 0],
                   seed: [0.9983, -0.0043, 0.0947, 0.0322, -0.6618, 0.0461, -0.1773]),
            family(1, 2, .typeI, [-1, 0, 0, 0, h, 0, -h, 0, 0], b: 4),
            family(1, 2, .typeII, [1, 0, 0, 0, -1, 0, 0, 0, 0],
                   seed: [0.99827, -0.00431, 0.09473, 0.02969, -0.63489, 0.01202, -0.07580, 0.03677, -0.12853]),
        ]
    }()

    /// A family by name ("p1-m1-II"; case-insensitive), or nil.
    public static func named(_ name: String) -> Family? {
        families.first { $0.name.lowercased() == name.lowercased() }
    }

    /// The family's critical point at d = `seedDimension` (Newton from the seed) and then at
    /// each requested d, followed up by `LimitAnchoredContinuation` (steps of up to 10x in d,
    /// predicted from the exact limit) and down by the tangent `Continuation`.
    public static func criticalPoints(of family: Family, at dimensions: [BigFloat], precision: Int, quickSteps: Bool = false) throws -> [CriticalPoint] {
        let seedPoint = try NewtonSolver().solve(
            pattern: family.pattern, d: BigFloat(family.seedDimension, precision: precision),
            start: family.seed.map { BigFloat($0, precision: precision) })
        guard seedPoint.type == family.type else {
            throw SolverError.noCriticalPoint("\(family.name): Newton from the seed reached a type \(seedPoint.type) point")
        }
        do {
            var c = LimitAnchoredContinuation(); c.trace = getenv("PUISEUX_TRACE") != nil
            c.quickSteps = quickSteps
            return try c.follow(seedPoint, limit: family.limit, to: dimensions)
        } catch let error as SolverError {
            throw SolverError.notConverged("\(family.name): \(error)")
        }
    }
}
