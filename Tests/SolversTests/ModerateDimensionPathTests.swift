import Testing
import Numbers
import Landscape
@testable import Solvers

/// `ModerateDimensionPath` (Double) against the MPFR path to the same d (`FamilyCatalogue.
/// criticalPoints`, 192 bits): the same critical points to the accuracy Double keeps after F_d's
/// d^2 cancellation, and hence the same leading-behaviour candidates.
@Suite struct ModerateDimensionPathTests {
    static let dimensions = [200.0, 400, 800, 1600]

    /// One regular (b = 2) and one degenerate (b = 4) family; their slowest coordinates leave the
    /// limit like d^(-1/4), so 1e-7 relative to the offset from the limit is far below what the
    /// slopes (to 1/16) and the start coefficients need.
    @Test(arguments: ["p1-m0-II", "p1-m1-I"])
    func agreesWithTheMPFRPath(name: String) throws {
        let family = try #require(FamilyCatalogue.named(name))
        let quick = try ModerateDimensionPath.points(of: family, at: Self.dimensions)
        let exact = try FamilyCatalogue.criticalPoints(of: family, at: Self.dimensions.map { BigFloat($0, precision: 192) }, precision: 192)
        for (q, e) in zip(quick, exact) {
            #expect(q.d == e.d.doubleValue)
            for (i, (x, y)) in zip(q.coordinates, e.coordinates).enumerated() {
                let offset = abs(y.doubleValue - family.limit[i].doubleValue)
                #expect(abs(x - y.doubleValue) < 1e-7 * offset, "\(name) coordinate \(i) at d = \(q.d)")
            }
        }
        let names = family.pattern.coordinates.map(\.description)
        let fromDouble = try LeadingBehaviour.candidates(limit: family.limit, points: quick, names: names)
        let fromMPFR = try LeadingBehaviour.candidates(limit: family.limit, points: exact, names: names)
        #expect(fromDouble.map(\.exponents) == fromMPFR.map(\.exponents))
        for (a, b) in zip(fromDouble, fromMPFR) {
            for (x, y) in zip(a.coefficients, b.coefficients) {
                #expect(abs(x.doubleValue - y.doubleValue) < 1e-6 * max(1, abs(y.doubleValue)))
            }
        }
    }

    /// A seed of the other type is refused, not followed.
    @Test func wrongTypeIsRefused() throws {
        let family = try #require(FamilyCatalogue.named("p1-m0-II"))
        let flipped = Family(name: "flipped", pattern: family.pattern, type: .typeI, limit: family.limit,
                             expectedRamification: family.expectedRamification, seed: family.seed, seedDimension: family.seedDimension)
        #expect(throws: SolverError.self) { try ModerateDimensionPath.points(of: flipped, at: Self.dimensions) }
    }
}
