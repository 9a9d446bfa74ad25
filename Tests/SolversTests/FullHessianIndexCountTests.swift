import Testing
import Numbers
import LinearAlgebra
import Landscape
@testable import Solvers

/// `FullHessianIndex`: the index counted on the kd x kd Hessian agrees with the isotypic count
/// (a different computation: four fixed-point Jacobians and the degrees of the components)
/// where both apply, and gives the index for the isotropies the isotypic count does not cover.
@Suite struct FullHessianIndexCountTests {
    /// p1-m0-II and p1-m1-I at d = 10: the full Hessian's negative count is the isotypic index.
    @Test(arguments: ["p1-m0-II", "p1-m1-I", "p0-m1-I"])
    func agreesWithTheIsotypicCount(_ name: String) throws {
        let family = try #require(FamilyCatalogue.named(name))
        let point = try #require(try FamilyCatalogue.criticalPoints(of: family, at: [BigFloat(10, precision: 128)], precision: 128).first)
        let full = try #require(try FullHessianIndex.count(point))
        let isotypic = try RestrictedSpectrum(point).index(q: 10 - family.p)
        #expect(full.negatives == isotypic.total, "\(name): full \(full.negatives), isotypic \(isotypic)")
        #expect(full.smallest > FullHessianIndex.undecidedBelow([full.smallest]))
    }

    /// Δ(S_{d-2} x S_1 x S_1) and Δ(S_{d-2} x S_2) at d = 10: every point the finder reports has
    /// a full index, at least its restricted index (those eigenvalues are Hessian eigenvalues),
    /// and a non-integer d has none.
    @Test(arguments: [[1, 1], [2]])
    func otherIsotropiesGetAnIndex(_ small: [Int]) throws {
        let pattern = try IsotropyPattern(smallBlocks: small, extraRows: 0)
        let found = try CriticalPointFinder(starts: 4).find(pattern: pattern, d: Rational(10), precision: 128, type: nil)
        #expect(!found.isEmpty)
        for result in found {
            let index = try #require(result.classification.index, "\(pattern): no index")
            #expect(index.components == nil)
            #expect(index.total >= result.classification.restrictedIndex)
            #expect(result.classification.isMinimum == (index.total == 0 && result.classification.isNondegenerate))
        }
        let point = try #require(found.first).point
        let off = try NewtonSolver().solve(pattern: pattern, d: BigFloat(Rational(21, 2), precision: 128), start: point.coordinates)
        #expect(try FullHessianIndex.count(off) == nil)
    }
}
