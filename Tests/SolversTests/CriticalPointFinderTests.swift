import Testing
import Numbers
import Landscape
@testable import Solvers

/// The finder from deterministic pseudo-random starts reproduces the published d = 10 points
/// of paper 000 (MATH.md section 6) and classifies them; few starts keep each test short.
@Suite struct CriticalPointFinderTests {
    /// p = 0, m = 0, type I at d = 10: D = -0.8003, O = 0.1985, loss 0.0766 (a minimum).
    @Test func findsDeltaSdTypeOneAtTen() throws {
        let pattern = try IsotropyPattern.standard(p: 0, extraRows: 0)
        let found = try CriticalPointFinder(starts: 2).find(pattern: pattern, d: Rational(10), precision: 128, type: .typeI)
        let best = try #require(found.first)
        #expect(abs(best.point.coordinates[0].doubleValue + 0.8003) < 5e-5)
        #expect(abs(best.point.coordinates[1].doubleValue - 0.1985) < 5e-5)
        #expect(abs(best.point.loss.doubleValue - 0.0766) < 5e-5)
        #expect(best.classification.type == .typeI)
        #expect(best.classification.restrictedIndex == 0)
        #expect(best.classification.index == .init(total: 0, components: .init(trivial: 0, standard: 0, exterior: 0, y: 0)))
        #expect(best.classification.isNondegenerate)
        #expect(best.classification.isMinimum == true)
        #expect(best.continuedFrom == nil)
    }

    /// p = 1, m = 0, type II at d = 10: (1.0044, -0.0158, 0.1824, 0.126, -0.699), loss 0.0187.
    @Test func findsTypeTwoAtTen() throws {
        let pattern = try IsotropyPattern.standard(p: 1, extraRows: 0)
        let found = try CriticalPointFinder(starts: 2).find(pattern: pattern, d: Rational(10), precision: 128, type: .typeII)
        let best = try #require(found.first)
        for (x, y) in zip(best.point.coordinates, [1.0044, -0.0158, 0.1824, 0.126, -0.699]) {
            #expect(abs(x.doubleValue - y) < 1e-3)
        }
        #expect(abs(best.point.loss.doubleValue - 0.0187) < 5e-5)
        #expect(best.classification.type == .typeII)
        #expect(best.classification.isMinimum == true)
        #expect(best.point.gradientNorm.doubleValue < 1e-25)
    }

    /// Every point returned is of the requested type, has loss above the global minimum,
    /// and the list is sorted by loss without duplicates.
    @Test func resultsAreFilteredSortedDistinct() throws {
        let pattern = try IsotropyPattern.standard(p: 1, extraRows: 0)
        let found = try CriticalPointFinder(starts: 2).find(pattern: pattern, d: Rational(10), precision: 128)
        #expect(!found.isEmpty)
        for (a, b) in zip(found, found.dropFirst()) { #expect(a.point.loss <= b.point.loss) }
        for r in found { #expect(r.point.loss.doubleValue >= 1e-8) }
        for (i, a) in found.enumerated() {
            for b in found[(i + 1)...] {
                #expect(zip(a.point.coordinates, b.point.coordinates).contains { abs(($0 - $1).doubleValue) > 1e-20 })
            }
        }
    }

    /// Newton on the gradient finds saddles that the descent cannot: on Δ(S_{d-2} x S_1 x S_1)
    /// at d = 10 the descent alone ends only at points of larger isotropies (all minima), the
    /// full search also at saddles of exactly this isotropy, whose index the dense kd x kd
    /// Hessian confirms (`FullHessianIndex`, an independent count).
    @Test func newtonFindsSaddlesOfTheIsotropy() throws {
        let pattern = try IsotropyPattern(notation: "d-2,1,1", extraRows: 0)
        let descentOnly = try CriticalPointFinder(starts: 8, findsSaddles: false).find(pattern: pattern, d: Rational(10), precision: 128)
        #expect(descentOnly.allSatisfy { $0.classification.largerIsotropy != nil || $0.classification.index?.total == 0 })
        let found = try CriticalPointFinder(starts: 8).find(pattern: pattern, d: Rational(10), precision: 128)
        let saddles = found.filter { $0.classification.largerIsotropy == nil && ($0.classification.index?.total ?? 0) > 0 }
        #expect(saddles.count >= 2)
        #expect(saddles.contains { $0.classification.index?.total == 1 })
        for s in saddles {
            let dense = try #require(try FullHessianIndex.count(s.point))
            #expect(dense.negatives == s.classification.index?.total)
        }
    }

    /// Row permutations that keep the pattern: p = 1, m = 1 has the last row and the extra
    /// row exchangeable (D_2 <-> E_12, B_21 <-> E_11).
    @Test func rowPermutationImages() throws {
        let pattern = try IsotropyPattern.standard(p: 1, extraRows: 1)
        let xi = [1, 2, 3, 4, 5, 6, 7]
        let images = CriticalPointFinder.symmetryImages(of: xi, pattern: pattern)
        #expect(images == [xi, [1, 2, 3, 6, 7, 4, 5]])
        let single = CriticalPointFinder.symmetryImages(of: [1, 2], pattern: try .standard(p: 0, extraRows: 0))
        #expect(single == [[1, 2]])
        // Δ(S_{d-2} x S_2): the two rows of the small block exchanged, D_2 <-> O_2.
        let pair = try IsotropyPattern(smallBlocks: [2], extraRows: 0)
        #expect(CriticalPointFinder.symmetryImages(of: [1, 2, 3, 4, 5, 6], pattern: pair) == [[1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 6, 5]])
    }

    /// Every symmetry image is a symmetry of the loss: at a random point of each pattern the
    /// images have the loss of the point (a wrong coordinate map changes it), at a non-integer d.
    /// Group sizes: 2 rows of size-1 blocks and 1 extra row give 3! = 6 row orders times the
    /// column exchange of the two size-1 blocks (12); two blocks of size 2 give 2 x 2 x 2 = 8.
    @Test(arguments: [([1, 1], 1, 12), ([2], 1, 2), ([2, 2], 0, 8), ([2, 1], 1, 4), ([1, 1, 1], 0, 36)])
    func symmetryImagesKeepTheLoss(_ small: [Int], _ extra: Int, _ count: Int) throws {
        let pattern = try IsotropyPattern(smallBlocks: small, extraRows: extra)
        var random = SplitMix64(seed: 7)
        let xi = pattern.coordinates.map { _ in BigFloat(random.uniform(-1, 1), precision: 128) }
        let d = BigFloat(Rational(23, 2), precision: 128)
        let model = ReducedLoss(pattern: pattern, d: d)
        let loss = try model.loss(xi)
        let images = CriticalPointFinder.symmetryImages(of: xi, pattern: pattern)
        #expect(images.count == count)
        #expect(Set(images.map { $0.map(\.doubleValue) }).count == images.count)
        for image in images {
            #expect((try model.loss(image) - loss).magnitude.doubleValue <= 1e-30, "\(pattern): \(image.map(\.doubleValue))")
        }
    }

    /// A non-integer d: no full index, but the restricted classification is there.
    @Test func nonIntegerDimension() throws {
        let pattern = try IsotropyPattern.standard(p: 0, extraRows: 0)
        let found = try CriticalPointFinder(starts: 1).find(pattern: pattern, d: Rational(21, 2), precision: 128, type: .typeI)
        let best = try #require(found.first)
        #expect(best.classification.index == nil)
        #expect(best.classification.restrictedIndex == 0)
        #expect(best.classification.isMinimum == nil)
    }

    @Test func dimensionBelowThePatternThrows() throws {
        let pattern = try IsotropyPattern(smallBlocks: [2], extraRows: 0)
        #expect(throws: SolverError.self) {
            try CriticalPointFinder(starts: 1).find(pattern: pattern, d: Rational(3), precision: 64)
        }
    }
}
