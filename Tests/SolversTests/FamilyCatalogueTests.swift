#if canImport(Glibc)
import Glibc
#endif
import Testing
import Numbers
import Landscape
@testable import Solvers

/// The eight families of paper 000 (MATH.md section 3): found at d = 20 from the catalogue's
/// seeds, of the catalogued type, heading to the catalogued limit. The full continuation to
/// d = 10 ... 1000 runs with PUISEUX_SLOW=1 (`make check`).
@Suite struct FamilyCatalogueTests {
    static let slow = Environment.isSlow

    @Test(arguments: FamilyCatalogue.families.map(\.name))
    func everyFamilyIsFoundAtTwenty(_ name: String) throws {
        let family = try #require(FamilyCatalogue.named(name))
        let point = try FamilyCatalogue.criticalPoints(of: family, at: [BigFloat(20, precision: 192)], precision: 192)[0]
        #expect(point.type == family.type)
        #expect(point.gradientNorm.doubleValue < 1e-45)
        // Within the O(d^(-1/b)) distance of the limit at d = 20 (b <= 4: 20^(-1/4) ~ 0.47).
        let distance = zip(point.coordinates, family.limit).map { abs($0.doubleValue - $1.doubleValue) }.max()!
        #expect(distance < 0.7, "\(name) at d = 20 is \(distance) from its limit")
    }

    @Test(.enabled(if: slow), arguments: FamilyCatalogue.families.map(\.name))
    func everyFamilyContinuesFromTenToOneThousand(_ name: String) throws {
        let family = try #require(FamilyCatalogue.named(name))
        let dimensions = [10, 20, 50, 100, 1000].map { BigFloat($0, precision: 256) }
        let points = try FamilyCatalogue.criticalPoints(of: family, at: dimensions, precision: 256)
        for point in points {
            #expect(point.gradientNorm.doubleValue < 1e-50, "\(name) at d = \(point.d)")
            #expect(point.type == family.type)
        }
        // Moving toward the limit as d grows.
        let distances = points.map { p in zip(p.coordinates, family.limit).map { abs($0.doubleValue - $1.doubleValue) }.max()! }
        #expect(distances.last! < distances.first!)
    }

    @Test func namesAreUniqueAndLookedUpCaseInsensitively() {
        #expect(Set(FamilyCatalogue.families.map(\.name)).count == 8)
        #expect(FamilyCatalogue.named("P1-M1-ii")?.type == .typeII)
        #expect(FamilyCatalogue.named("p7-m0-I") == nil)
    }
}

enum Environment {
    static var isSlow: Bool { (getenv("PUISEUX_SLOW").map { String(cString: $0) } ?? "") == "1" }
}
