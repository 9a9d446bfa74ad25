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

    /// Δ(S_{d-2} x S_1 x S_1), Δ(S_{d-2} x S_2) and Δ(S_{d-3} x S_3) at d = 10: every point the
    /// finder reports has a full index, at least its restricted index (those eigenvalues are
    /// Hessian eigenvalues), equal to the negatives of the kd x kd Hessian; a non-integer d has none.
    @Test(arguments: [[1, 1], [2], [3]])
    func otherIsotropiesGetAnIndex(_ small: [Int]) throws {
        let pattern = try IsotropyPattern(smallBlocks: small, extraRows: 0)
        let found = try CriticalPointFinder(starts: 4).find(pattern: pattern, d: Rational(10), precision: 128, type: nil)
        #expect(!found.isEmpty)
        for result in found {
            let index = try #require(result.classification.index, "\(pattern): no index")
            // Single-index blocks: counted through the isotypic components; a pair: on the full Hessian.
            #expect((index.components != nil) == pattern.smallBlocksAreSingletons)
            #expect(index.total >= result.classification.restrictedIndex)
            #expect(result.classification.isMinimum == (index.total == 0 && result.classification.isNondegenerate))
            // The isotypic count (twists included) against the kd x kd Hessian's.
            if let full = try FullHessianIndex.count(result.point) { #expect(index.total == full.negatives, "\(pattern): \(index.total) vs \(full.negatives)") }
        }
        let point = try #require(found.first).point
        let off = try NewtonSolver().solve(pattern: pattern, d: BigFloat(Rational(21, 2), precision: 128), start: point.coordinates)
        #expect(try FullHessianIndex.count(off) == nil)
    }
}

/// `CriticalPointClassification.largerIsotropy`: a point of a coarser fixed-point space, found
/// while searching a finer one, is reported with its own isotropy.
@Suite struct LargerIsotropyTests {
    /// The p0-m0-I point at d = 10 embedded in Fix Δ(S_{d-2} x S_2) and in Fix Δ(S_{d-2} x S_1 x
    /// S_1) is a point of Δ S_d; the p1-m0-II point embedded in the latter is one of Δ(S_{d-1} x
    /// S_1); a point found as Δ(S_{d-2} x S_2) with its own values is not reported.
    @Test func coarserPointsAreNamed() throws {
        let delta = try #require(FamilyCatalogue.named("p0-m0-I"))
        let point = try #require(try FamilyCatalogue.criticalPoints(of: delta, at: [BigFloat(10, precision: 128)], precision: 128).first)
        for small in [[2], [1, 1]] {
            let fine = try IsotropyPattern(smallBlocks: small, extraRows: 0)
            let xi = try delta.pattern.embed(point.coordinates, into: fine)
            let embedded = CriticalPoint(pattern: fine, d: point.d, coordinates: xi, loss: point.loss, gradientNorm: point.gradientNorm, iterations: 0)
            #expect(try CriticalPointClassification.largerIsotropy(of: embedded) == delta.pattern)
        }
        let two = try #require(FamilyCatalogue.named("p1-m0-II"))
        let q = try #require(try FamilyCatalogue.criticalPoints(of: two, at: [BigFloat(10, precision: 128)], precision: 128).first)
        let fine = try IsotropyPattern(smallBlocks: [1, 1], extraRows: 0)
        let embedded = CriticalPoint(pattern: fine, d: q.d, coordinates: try two.pattern.embed(q.coordinates, into: fine),
                                     loss: q.loss, gradientNorm: q.gradientNorm, iterations: 0)
        #expect(try CriticalPointClassification.largerIsotropy(of: embedded) == two.pattern)
        let own = try CriticalPointFinder(starts: 4).find(pattern: try IsotropyPattern(smallBlocks: [2], extraRows: 0), d: Rational(20), precision: 128, type: .typeII)
        let first = try #require(own.first)
        #expect(first.classification.largerIsotropy == nil, "\(first.point.coordinates.map(\.doubleValue))")
    }
}
