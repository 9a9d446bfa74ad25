#if canImport(Glibc)
import Glibc
#endif
import Numbers
import LinearAlgebra
import Landscape

/// A family's critical points at moderate d (200 ... 1600) in Double: the points the series
/// route reads its leading exponents and start coefficients from (`LeadingBehaviour.candidates`).
///
/// Why Double: the reading needs about four digits (slopes to the nearest 1/4, a start that the
/// series solve refines from its first stage), and Double keeps about nine after F_d's terms of
/// size d^2 cancel. The same path in MPFR cost 0.02-0.5 s per family, twice per `spectrum`
/// (Docs/performance.md); here it is the model's own generic code at a fraction of that. A path
/// that fails in Double (a step Newton cannot finish at double precision) is not an answer:
/// the caller falls back to MPFR (`FamilyCatalogue.criticalPoints`).
public enum ModerateDimensionPath {
    /// A point of the path: d and ξ (the pattern's coordinate order).
    public struct Point: PathPoint, Sendable {
        public let d: Double
        public let coordinates: [Double]
    }

    /// The family's critical points at each of `dimensions` (all above its seed dimension):
    /// Newton from the seed, then `LimitAnchoredContinuation` with quick steps.
    public static func points(of family: Family, at dimensions: [Double]) throws -> [Point] {
        // The quick steps' Newton (30 iterations, 10 halvings), as for the MPFR path to moderate d.
        let newton = NewtonSolver(maximumIterations: 30, maximumHalvings: 10)
        let pattern = family.pattern
        func solve(_ d: Double, _ start: [Double]) throws -> Point {
            let model = ReducedLoss(pattern: pattern, d: d)
            let (xi, _, _) = try newton.iterate(model: model, counts: pattern.entryCounts(d: d), d: d,
                                                start: start, bits: Double.significandBitCount + 1)
            guard xi.allSatisfy(\.isFinite) else { throw SolverError.notConverged("Newton left the finite numbers at d = \(d)") }
            return Point(d: d, coordinates: xi)
        }
        let seed = try solve(family.seedDimension, family.seed)
        guard (seed.coordinates[0] < 0 ? FamilyType.typeI : .typeII) == family.type else {
            throw SolverError.noCriticalPoint("\(family.name): Newton from the seed reached a point of the other type")
        }
        var path = LimitAnchoredContinuation()
        path.quickSteps = true
        path.trace = getenv("PUISEUX_TRACE") != nil
        return try path.follow(seed, limit: family.limit, to: dimensions, correct: solve)
    }
}
