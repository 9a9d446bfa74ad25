import Testing
import Numbers
@testable import Landscape


/// W = the pattern's matrix for random ξ, rows and columns shuffled, noise of size `noise`.
private func scrambled(_ pattern: IsotropyPattern, d: Int, noise: Double, seed: UInt64)
    throws -> (w: [[Double]], xi: [Double]) {
    var rng = SplitMix64(seed: seed)
    let xi = (0..<pattern.dimension).map { _ in Double.random(in: -2...2, using: &rng) }
    let m = try pattern.matrix(xi, dimension: d)
    let rows = Array(m.indices).shuffled(using: &rng), columns = Array(0..<d).shuffled(using: &rng)
    let w = rows.map { i in columns.map { j in m[i][j] + noise * Double.random(in: -1...1, using: &rng) } }
    return (w, xi)
}

/// Checks that the permutations bring w to the layout of the detected pattern and its ξ.
private func expectLayoutReproduces(_ w: [[Double]], _ found: DetectedIsotropy) throws {
    #expect(found.rowPermutation.sorted() == Array(0..<found.k))
    #expect(found.columnPermutation.sorted() == Array(0..<found.d))
    guard let pattern = found.pattern else { return }
    let layout = try pattern.matrix(found.values, dimension: found.d)
    for i in 0..<found.k {
        for j in 0..<found.d {
            #expect(abs(layout[i][j] - w[found.rowPermutation[i]][found.columnPermutation[j]]) <= found.absoluteTolerance)
        }
    }
}

@Suite("Isotropy detection")
struct IsotropyDetectionTests {
    @Test("scrambled fixed points with noise below the tolerance", arguments: [
        ([Int](), 0, 6), ([], 2, 5), ([1], 0, 6), ([1], 1, 7), ([2], 1, 8), ([3], 0, 9),
        ([2, 1], 2, 7), ([3, 2], 1, 10), ([1, 1], 0, 6), ([4], 3, 6),
    ])
    func recovers(_ small: [Int], _ m: Int, _ d: Int) throws {
        let pattern = try IsotropyPattern(smallBlocks: small, extraRows: m)
        for seed in UInt64(1)...UInt64(5) {
            let (w, xi) = try scrambled(pattern, d: d, noise: 1e-8, seed: seed &* 7919 &+ UInt64(d))
            let found = try DetectedIsotropy.detect(w, relativeTolerance: 1e-6)
            // Blocks are reported in decreasing size after the big one.
            let expectedSizes = [d - small.reduce(0, +)] + small
            #expect(found.blockSizes == expectedSizes.sorted(by: >), "seed \(seed)")
            #expect(found.extraRows == m)
            #expect(found.maxDeviation <= found.absoluteTolerance)
            try expectLayoutReproduces(w, found)
            // With the blocks already in decreasing order the coordinates are ξ itself, up to
            // genuine ambiguities: D and O of a 2-block may swap (either 2-cycle pairs it), and
            // a 1-block row and an extra row are interchangeable; the extra rows may be reordered.
            let ambiguous = small.contains(2) || (small.contains(1) && m > 0)
            if !ambiguous, small == small.sorted(by: >), d - small.reduce(0, +) >= (small.first ?? 0) {
                #expect(found.pattern == pattern)
                let blockPart = found.coordinates.indices.filter {
                    if case .extra = found.coordinates[$0] { return false }
                    return true
                }
                let (got, want) = (blockPart.map { found.values[$0] }, blockPart.map { xi[$0] })
                let matches = zip(got, want).allSatisfy { abs($0 - $1) <= 1e-6 }
                // Equal-size small blocks may be listed in either order.
                if Set(small).count == small.count { #expect(matches, "seed \(seed): \(got) vs \(want)") }
            }
        }
    }

    @Test("Δ S_d with one extra row: the example of the paper's type, exact")
    func deltaSd() throws {
        let pattern = try IsotropyPattern.standard(p: 0, extraRows: 1)
        let m = try pattern.matrix([1.5, -0.25, 0.75], dimension: 4)
        let w = [m[4], m[2], m[0], m[3], m[1]].map { [$0[3], $0[0], $0[2], $0[1]] }
        let found = try DetectedIsotropy.detect(w)
        #expect(found.blockSizes == [4])
        #expect(found.description == "Δ(S_{d}), m = 1")
        #expect(found.coordinates.map(\.description) == ["D_1", "O_1", "E_11"])
        #expect(found.values == [1.5, -0.25, 0.75])
        #expect(found.maxDeviation == 0)
        #expect(found.rowPermutation.last == 0)
        try expectLayoutReproduces(w, found)
    }

    @Test("a matrix without symmetry: d blocks of size 1, no pattern, all entries coordinates")
    func trivial() throws {
        var rng = SplitMix64(seed: 42)
        let w = (0..<5).map { _ in (0..<4).map { _ in Double.random(in: -1...1, using: &rng) } }
        let found = try DetectedIsotropy.detect(w)
        #expect(found.isTrivial)
        #expect(found.blockSizes == [1, 1, 1, 1])
        #expect(found.description == "trivial, m = 1")
        #expect(found.coordinates.count == 4 * 5)
        #expect(found.maxDeviation == 0)
        #expect(Set(found.values) == Set(w.flatMap { $0 }))
    }

    @Test("noise above the tolerance breaks the symmetry", arguments: [UInt64(3), 4, 5])
    func noiseAbove(_ seed: UInt64) throws {
        let pattern = try IsotropyPattern.standard(p: 1, extraRows: 1)
        let (w, _) = try scrambled(pattern, d: 7, noise: 1e-4, seed: seed)
        let found = try DetectedIsotropy.detect(w, relativeTolerance: 1e-6)
        #expect(found.blockSizes != [6, 1])
        #expect(found.maxDeviation <= found.absoluteTolerance)
        try expectLayoutReproduces(w, found)
        // The same matrix with a tolerance above the noise is symmetric again.
        let loose = try DetectedIsotropy.detect(w, relativeTolerance: 1e-3)
        #expect(loose.blockSizes == [6, 1])
    }

    @Test("degenerate inputs: zero matrix, d = 1, all equal off-diagonal and diagonal")
    func degenerate() throws {
        let zero = try DetectedIsotropy.detect([[Double]](repeating: [0, 0, 0], count: 5))
        #expect(zero.blockSizes == [3] && zero.extraRows == 2 && zero.values == [0, 0, 0, 0])
        let one = try DetectedIsotropy.detect([[2], [3]])
        #expect(one.isTrivial && one.values == [2, 3] && one.rowPermutation == [0, 1])
        let ones = try DetectedIsotropy.detect([[Double]](repeating: [1, 1], count: 2))
        #expect(ones.blockSizes == [2] && ones.values == [1, 1])
    }

    @Test("a circulant has only cyclic symmetry: no transposition, trivial")
    func circulant() throws {
        let w: [[Double]] = [[1, 2, 3], [3, 1, 2], [2, 3, 1]]
        #expect(try DetectedIsotropy.detect(w).isTrivial)
    }

    @Test("bad input throws with a located message", arguments: [
        ([[Double]](), "the matrix is empty"),
        ([[1, 2], [3]], "row 2 has 1 entries, row 1 has 2"),
        ([[1, 2, 3], [4, 5, 6]], "the matrix has k = 2 rows and d = 3 columns; isotropy detection needs k >= d"),
        ([[1, 2], [3, .nan]], "row 2, column 2: nan is not a finite number"),
        ([[1, .infinity], [3, 4]], "row 1, column 2: inf is not a finite number"),
    ])
    func badInput(_ w: [[Double]], _ message: String) {
        #expect(throws: DetectedIsotropy.DetectionError.invalidInput(message)) { try DetectedIsotropy.detect(w) }
    }

    @Test("the tolerance must be positive and finite", arguments: [0.0, -1e-6, .infinity, .nan])
    func badTolerance(_ tolerance: Double) {
        #expect(throws: DetectedIsotropy.DetectionError.self) {
            try DetectedIsotropy.detect([[1]], relativeTolerance: tolerance)
        }
    }
}
