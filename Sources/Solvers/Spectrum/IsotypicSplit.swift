import Numbers
import LinearAlgebra
import Landscape

/// The isotypic components of the Hessian at a point of any isotropy Δ(S_q x S_{n_2} x ...)
/// with small blocks of size up to `largestBlock` (MATH.md section 4; Docs/spectrum-series.md,
/// Docs/isotypic-decomposition.md):
/// each is a fixed-point space Fix(fine) of a subgroup together with the span (exact rational
/// vectors in Fix(fine)'s coordinates) of the components it also carries; the Hessian (the
/// Jacobian of the read-off field, self-adjoint for the entry counts C) restricted to the
/// C-orthogonal complement of that span, equivalently to Fix(fine) modulo the span, has exactly
/// that component's eigenvalues. One description for the exact spectrum at a d
/// (`IsotypicSpectrum`) and the eigenvalue series (`SeriesSpectrum`).
///
/// The components of S_q (q = d - s): t on Fix(S_q); s on Fix(S_{q-1} x S_1) modulo Fix(S_q);
/// y on Fix(S_{q-2} x S_2) modulo the symmetrised images of Fix(S_{q-1} x S_1); x on
/// Fix(S_{q-2} x S_1 x S_1) modulo Fix(S_{q-1} x S_1) with its singleton at either index and
/// Fix(S_{q-2} x S_2). A block of size n >= 2 adds the same four tensored with each non-trivial
/// irreducible λ of S_n, on the spaces with the block split in place as the Young subgroup S_λ
/// (whose fixed space carries λ once, Kostka K_λλ = 1, besides irreducibles μ ▷ λ), modulo the
/// image of I - P_λ there, P_λ the character projector of λ (`SymmetricGroupIrreducible`;
/// central, so it maps Fix(S_λ) into itself). The linear maps are exact, from matrices at a
/// small integer d.
public struct IsotypicSplit: Sendable {
    public struct Space: Sendable {
        /// "t", "s", "x", "y", or one of them twisted: "t-sign", "s-standard", ...
        public let name: String
        /// 0 ... 3: the component of S_q (t, s, x, y), which sets the degree.
        public let component: Int
        /// The dimension of the small block's irreducible (1, or 2 for the standard one of S_3).
        public let dimension: Int
        public let fine: IsotropyPattern
        public let span: [[Rational]]
    }

    public let pattern: IsotropyPattern
    public let spaces: [Space]
    /// The integer d at which the maps are built.
    let d0: Int

    /// The largest small block split: the projectors sum over the n! permutations of a block
    /// (720 at n = 6, a fraction of a second; 5040 at 7 would take seconds per pattern).
    public static let largestBlock = 6

    public init(_ coarse: IsotropyPattern) throws {
        let special = coarse.smallBlocks.indices.filter { coarse.smallBlocks[$0] >= 2 }
        guard coarse.smallBlocks.allSatisfy({ $0 <= Self.largestBlock }) else {
            throw SolverError.noCriticalPoint("the isotypic split is implemented for small blocks of size up to \(Self.largestBlock) (its projectors sum over S_n); got \(coarse)")
        }
        let d0 = coarse.smallTotal + 6
        // The big block ends at index q0 - 1; its split indices are q0 - 2 and q0 - 1.
        let q0 = d0 - coarse.smallTotal
        let (a, b) = (q0 - 2, q0 - 1)
        func unitImages(_ from: IsotropyPattern, _ transform: ([[Rational]]) -> [[Rational]], into fine: IsotropyPattern) throws -> [[Rational]] {
            try (0..<from.dimension).map { i in
                let e = (0..<from.dimension).map { Rational($0 == i ? 1 : 0) }
                let w = transform(try from.matrix(e, dimension: d0))
                return fine.representativeEntries(dimension: d0).map { w[$0.row][$0.column] }
            }
        }
        let identity: ([[Rational]]) -> [[Rational]] = { $0 }
        // Fix(S_{q-1} x S_1) has its singleton at index b; moved, at a.
        let moveSingleton: ([[Rational]]) -> [[Rational]] = { IsotypicSplit.swapping($0, a, b) }
        let symmetrise: ([[Rational]]) -> [[Rational]] = { w in
            let s = IsotypicSplit.swapping(w, a, b)
            return zip(w, s).map { zip($0, $1).map { $0 + $1 } }
        }
        func bigSplit(_ p: IsotropyPattern, _ parts: [Int]) throws -> IsotropyPattern { parts.isEmpty ? p : try p.splittingBigBlock(parts) }
        // The four spaces of S_q for a pattern x, with `lower(big, fine)` the images of the
        // coarser splits of the small block (nothing for the untwisted ones).
        func four(_ x: IsotropyPattern, suffix: String, dimension: Int,
                  lower: ([Int], IsotropyPattern) throws -> [[Rational]]) throws -> [Space] {
            let (xS, xY, xXY) = (try x.splittingBigBlock([1]), try x.splittingBigBlock([2]), try x.splittingBigBlock([1, 1]))
            return [
                Space(name: "t" + suffix, component: 0, dimension: dimension, fine: x, span: try lower([], x)),
                Space(name: "s" + suffix, component: 1, dimension: dimension, fine: xS,
                      span: try lower([1], xS) + unitImages(x, identity, into: xS)),
                Space(name: "x" + suffix, component: 2, dimension: dimension, fine: xXY,
                      span: try lower([1, 1], xXY) + unitImages(xS, identity, into: xXY) + unitImages(xS, moveSingleton, into: xXY)
                        + unitImages(xY, identity, into: xXY)),
                Space(name: "y" + suffix, component: 3, dimension: dimension, fine: xY,
                      span: try lower([2], xY) + unitImages(xS, symmetrise, into: xY)),
            ]
        }
        var spaces = try four(coarse, suffix: "", dimension: 1) { _, _ in [] }
        // The irreducibles of each block of size n >= 2 beyond the trivial one: its name,
        // dimension, the Young subgroup (in place) whose fixed space carries it once, and the
        // projector onto its isotypic component.
        typealias Irrep = (name: String, dimension: Int, split: [Int], projector: [(permutation: [Int], weight: Rational)])
        func irreps(_ j: Int) -> [Irrep] {
            SymmetricGroupIrreducible.all(of: coarse.smallBlocks[j]).dropFirst().map { ($0.name, $0.dimension, $0.partition, $0.projectorTerms) }
        }
        /// (I - P) w for the projector P of an irreducible of block j (its indices from `offset`),
        /// acting on the matrix w by permuting the block's rows and columns together.
        func complement(_ w: [[Rational]], offset: Int, size: Int, projector: [(permutation: [Int], weight: Rational)]) -> [[Rational]] {
            var result = w
            for (g, weight) in projector {
                func moved(_ x: Int) -> Int { x >= offset && x < offset + size ? offset + g[x - offset] : x }
                for r in w.indices {
                    let r2 = r < d0 ? moved(r) : r
                    for c in w[r].indices where !w[r][c].isZero { result[r2][moved(c)] = result[r2][moved(c)] - weight * w[r][c] }
                }
            }
            return result
        }
        // Every choice of one irreducible per block (nil: the trivial one), all trivial excluded.
        var choices: [[Irrep?]] = [[]]
        for j in special { choices = choices.flatMap { c in ([nil] + irreps(j).map { Optional($0) }).map { c + [$0] } } }
        for choice in choices.dropFirst() {
            // The pattern with block special[i] as `parts[i]` (in place, so indices are kept).
            func with(_ parts: [[Int]]) throws -> IsotropyPattern {
                var blocks: [[Int]] = coarse.smallBlocks.map { [$0] }
                for (i, j) in special.enumerated() { blocks[j] = parts[i] }
                return try IsotropyPattern(smallBlocks: blocks.flatMap { $0 }, extraRows: coarse.extraRows)
            }
            let own = zip(special, choice).map { j, irrep in irrep?.split ?? [coarse.smallBlocks[j]] }
            let name = choice.map { $0?.name ?? "trivial" }.joined(separator: "/")
            let dimension = choice.reduce(1) { $0 * ($1?.dimension ?? 1) }
            spaces += try four(try with(own), suffix: "-" + name, dimension: dimension) { _, fine in
                // For each twisted block, the other irreducibles in Fix(fine): (I - P) of every unit vector.
                try choice.indices.flatMap { i -> [[Rational]] in
                    guard let irrep = choice[i] else { return [] }
                    let j = special[i], offset = q0 + coarse.smallBlocks[..<j].reduce(0, +)
                    let entries = fine.representativeEntries(dimension: d0)
                    return try (0..<fine.dimension).map { k in
                        let e = (0..<fine.dimension).map { Rational($0 == k ? 1 : 0) }
                        let w = complement(try fine.matrix(e, dimension: d0), offset: offset, size: coarse.smallBlocks[j], projector: irrep.projector)
                        return entries.map { w[$0.row][$0.column] }
                    }
                }
            }
        }
        self.pattern = coarse
        self.spaces = spaces
        self.d0 = d0
    }

    /// The coordinates in Fix(fine) of the point ξ of Fix(pattern) (the same matrix).
    public func coordinates<T: ScalarField>(_ xi: [T], in fine: IsotropyPattern) throws -> [T] {
        if fine == pattern { return xi }
        let w = try pattern.matrix(xi, dimension: d0)
        return fine.representativeEntries(dimension: d0).map { w[$0.row][$0.column] }
    }

    /// The matrix with rows i and j and columns i and j exchanged (i, j < d: block rows).
    static func swapping(_ w: [[Rational]], _ i: Int, _ j: Int) -> [[Rational]] {
        var r = w
        r.swapAt(i, j)
        for row in r.indices { r[row].swapAt(i, j) }
        return r
    }
}
