import Testing
import Numbers
import Landscape
@testable import Solvers

/// `FamilyCatalogue.criticalPoint(of:at:)`: above `seriesStartDimension` the point is Newton's
/// from the family's series; it must be the point the continuation from the seed reaches (an
/// independent route), and the polish at the higher precision must stay on it.
@Suite struct FamilyCatalogueAtDimensionTests {
    @Test(arguments: ["p1-m0-II", "p0-m1-I"]) func seriesStartMatchesContinuation(_ name: String) throws {
        let family = try #require(FamilyCatalogue.named(name))
        let d = 3 * FamilyCatalogue.seriesStartDimension
        let (working, confirmation) = try FamilyCatalogue.criticalPoint(of: family, at: d, precision: 128, confirmation: 192)
        let continued = try FamilyCatalogue.criticalPoints(of: family, at: [BigFloat(d, precision: 128)], precision: 128)[0]
        for i in 0..<family.pattern.dimension {
            #expect(abs((working.coordinates[i] - continued.coordinates[i]).doubleValue) < 1e-30, "\(family.pattern.coordinates[i])")
            #expect(abs((confirmation.coordinates[i] - working.coordinates[i]).doubleValue) < 1e-30, "\(family.pattern.coordinates[i])")
        }
        #expect(confirmation.d.precision == 192)
    }
}
