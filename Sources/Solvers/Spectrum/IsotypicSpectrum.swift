import Numbers
import LinearAlgebra
import Landscape

/// The Hessian spectrum at a critical point of isotropy Δ(S_q x S_1 x ... x S_1) (s single
/// indices, q = d - s: d, d-1,1, d-2,1,1, ...), split by isotypic component of S_q (MATH.md
/// section 4), at any real d, without forming the
/// (kd x kd) Hessian: each eigenvalue of the trivial (t), standard (s), exterior-square (x)
/// and (q-2, 2) (y) components, with multiplicity 1, q - 1, (q-1)(q-2)/2, q(q-3)/2.
///
/// Method: the Jacobian of the read-off field on Fix(H) is the Hessian restricted to Fix(H)
/// (self-adjoint for the Frobenius inner product, the diagonal C of entry counts). In
/// Fix(S_{q-1} x S_1) the t-part is the image of Fix(S_q); the s-part is its C-orthogonal
/// complement. In Fix(S_{q-2} x S_2) the t + s part is spanned by the symmetrised images
/// W + P W P^T of Fix(S_{q-1} x S_1) (P swaps the two indices of the S_2 block); y is the
/// complement. In Fix(S_{q-2} x S_1 x S_1) the t + 2s + y part is spanned by Fix(S_{q-1} x S_1)
/// with its singleton at either index and by Fix(S_{q-2} x S_2); x is the complement. The
/// linear maps are built exactly (rational matrices at a small integer d, where they do not
/// depend on d); the eigenvalues of each complement come from the symmetric
/// C^{1/2} DF C^{-1/2} compressed to an orthonormal basis of it.
public struct IsotypicSpectrum: Sendable {
    public let trivial: [BigFloat]
    public let standard: [BigFloat]
    public let exterior: [BigFloat]
    public let y: [BigFloat]
    /// With one small block of size n = 2 or 3 (S_n acting on it): the same four components of
    /// S_q tensored with each non-trivial irreducible of S_n ("sign" for n = 2; "standard" of
    /// dimension 2 and "sign" for n = 3), each eigenvalue with the degree of the component it
    /// twists times the irreducible's dimension (the four above are then those tensored with the
    /// trivial one); empty without such a block.
    public struct Twist: Sendable {
        public let irrep: String
        public let dimension: Int
        public let trivial: [BigFloat], standard: [BigFloat], exterior: [BigFloat], y: [BigFloat]
    }
    public let twists: [Twist]
    public var trivialSign: [BigFloat] { twists.first { $0.irrep == "sign" }?.trivial ?? [] }
    public var standardSign: [BigFloat] { twists.first { $0.irrep == "sign" }?.standard ?? [] }
    public var exteriorSign: [BigFloat] { twists.first { $0.irrep == "sign" }?.exterior ?? [] }
    public var ySign: [BigFloat] { twists.first { $0.irrep == "sign" }?.y ?? [] }

    /// Multiplicities of one eigenvalue of each component at q = d - p.
    public static func degrees(q: Int) -> (trivial: Int, standard: Int, exterior: Int, y: Int) {
        (1, q - 1, (q - 1) * (q - 2) / 2, q * (q - 3) / 2)
    }

    public init(_ point: CriticalPoint) throws {
        let coarse = point.pattern
        let special = coarse.smallBlocks.indices.filter { coarse.smallBlocks[$0] >= 2 }
        guard coarse.smallBlocks.allSatisfy({ $0 <= 3 }), special.count <= 1 else {
            throw SolverError.noCriticalPoint("the isotypic spectrum is implemented for isotropies whose small blocks are single indices and at most one block of size 2 or 3 (d, d-1,1, d-2,1,1, d-2,2, d-3,3, d-3,2,1, ...); got \(coarse)")
        }
        let withS = try coarse.splittingBigBlock([1])
        let withY = try coarse.splittingBigBlock([2])
        let withXY = try coarse.splittingBigBlock([1, 1])
        let d0 = coarse.smallTotal + 6
        // The big block ends at index q0 - 1; the split indices are q0 - 2 and q0 - 1.
        let q0 = d0 - coarse.smallTotal
        let (a, b) = (q0 - 2, q0 - 1)

        func unitImages(_ from: IsotropyPattern, _ transform: ([[Rational]]) -> [[Rational]], into fine: IsotropyPattern) throws -> [[Rational]] {
            try (0..<from.dimension).map { i in
                let e = (0..<from.dimension).map { Rational($0 == i ? 1 : 0) }
                let w = transform(try from.matrix(e, dimension: d0))
                return fine.representativeEntries(dimension: d0).map { w[$0.row][$0.column] }
            }
        }
        // W1: Fix(S_{q-1} x S_1) has its singleton at index b; W1' moves it to a.
        let identity: ([[Rational]]) -> [[Rational]] = { $0 }
        let moveSingleton: ([[Rational]]) -> [[Rational]] = { IsotypicSpectrum.swapping($0, a, b) }
        let symmetrise: ([[Rational]]) -> [[Rational]] = { w in
            let s = IsotypicSpectrum.swapping(w, a, b)
            return zip(w, s).map { zip($0, $1).map { $0 + $1 } }
        }

        let d = point.d
        func spectrum(_ fine: IsotropyPattern, complementOf span: [[Rational]]) throws -> [BigFloat] {
            let xi = try coarse.embed(point.coordinates, into: fine)
            return try IsotypicSpectrum.complementEigenvalues(pattern: fine, d: d, xi: xi, span: span)
        }
        trivial = try RestrictedSpectrum.eigenvalues(pattern: coarse, d: d, xi: point.coordinates)
        standard = try spectrum(withS, complementOf: try unitImages(coarse, identity, into: withS))
        y = try spectrum(withY, complementOf: try unitImages(withS, symmetrise, into: withY))
        exterior = try spectrum(withXY, complementOf:
            try unitImages(withS, identity, into: withXY) + unitImages(withS, moveSingleton, into: withXY)
                + unitImages(withY, identity, into: withXY))

        // The block of size n >= 2: the same four computations on the pattern with the block
        // split (same index positions), the complement of the images of the coarser splits that
        // carry the other irreducibles of S_n, and of the split pattern's own coarser spaces.
        // S_2: Fix(S_1 x S_1) = triv + sign. S_3: Fix(S_2 x S_1) = triv + std, Fix(S_1^3) =
        // triv + 2 std + sign, where the three placements of the S_2 x S_1 split span triv + 2 std.
        guard let j = special.first else {
            twists = []
            return
        }
        let n = coarse.smallBlocks[j]
        let offset = q0 + coarse.smallBlocks[..<j].reduce(0, +)
        func with(_ parts: [Int]) throws -> IsotropyPattern {
            var blocks = coarse.smallBlocks
            blocks.replaceSubrange(j...j, with: parts)
            return try IsotropyPattern(smallBlocks: blocks, extraRows: coarse.extraRows)
        }
        func bigSplit(_ p: IsotropyPattern, _ parts: [Int]) throws -> IsotropyPattern { parts.isEmpty ? p : try p.splittingBigBlock(parts) }
        let point0 = try coarse.matrix(point.coordinates, dimension: d0)
        func twisted(_ irrep: String, dimension: Int, split parts: [Int],
                     lower: [(parts: [Int], placements: [([[Rational]]) -> [[Rational]]])]) throws -> Twist {
            let x = try with(parts)
            func lowerImages(_ big: [Int], into fine: IsotropyPattern) throws -> [[Rational]] {
                try lower.flatMap { l in try l.placements.flatMap { try unitImages(try bigSplit(try with(l.parts), big), $0, into: fine) } }
            }
            func eigenvalues(_ fine: IsotropyPattern, complementOf span: [[Rational]]) throws -> [BigFloat] {
                let xi = fine.representativeEntries(dimension: d0).map { point0[$0.row][$0.column] }
                return try IsotypicSpectrum.complementEigenvalues(pattern: fine, d: d, xi: xi, span: span)
            }
            let (xS, xY, xXY) = (try x.splittingBigBlock([1]), try x.splittingBigBlock([2]), try x.splittingBigBlock([1, 1]))
            return Twist(
                irrep: irrep, dimension: dimension,
                trivial: try eigenvalues(x, complementOf: try lowerImages([], into: x)),
                standard: try eigenvalues(xS, complementOf: try lowerImages([1], into: xS) + unitImages(x, identity, into: xS)),
                exterior: try eigenvalues(xXY, complementOf: try lowerImages([1, 1], into: xXY) + unitImages(xS, identity, into: xXY)
                    + unitImages(xS, moveSingleton, into: xXY) + unitImages(xY, identity, into: xXY)),
                y: try eigenvalues(xY, complementOf: try lowerImages([2], into: xY) + unitImages(xS, symmetrise, into: xY)))
        }
        if n == 2 {
            twists = [try twisted("sign", dimension: 1, split: [1, 1], lower: [([2], [identity])])]
        } else {
            // The S_2 x S_1 split has its pair at offset, offset + 1 and the singleton at
            // offset + 2; the other two placements move the singleton to either pair index.
            let placements: [([[Rational]]) -> [[Rational]]] = [identity,
                { IsotypicSpectrum.swapping($0, offset + 2, offset) }, { IsotypicSpectrum.swapping($0, offset + 2, offset + 1) }]
            twists = [try twisted("standard", dimension: 2, split: [2, 1], lower: [([3], [identity])]),
                      try twisted("sign", dimension: 1, split: [1, 1, 1], lower: [([2, 1], placements)])]
        }
    }

    /// The matrix with rows i and j and columns i and j exchanged (i, j < d: block rows).
    static func swapping(_ w: [[Rational]], _ i: Int, _ j: Int) -> [[Rational]] {
        var r = w
        r.swapAt(i, j)
        for row in r.indices { r[row].swapAt(i, j) }
        return r
    }

    /// Eigenvalues of DF on the C-orthogonal complement of span(vectors) in Fix(pattern).
    static func complementEigenvalues(pattern: IsotropyPattern, d: BigFloat, xi: [BigFloat], span: [[Rational]]) throws -> [BigFloat] {
        let n = xi.count
        let bits = d.precision
        // Symmetric frame y = C^{1/2} ξ: S = C^{1/2} DF C^{-1/2}.
        let (s, roots) = try RestrictedSpectrum.symmetricJacobian(pattern: pattern, d: d, xi: xi)
        let tolerance = Double(sign: .plus, exponent: -bits / 2, significand: 1)
        var basis = [[BigFloat]]()
        func orthogonalise(_ v: [BigFloat]) throws -> [BigFloat]? {
            var w = v
            for _ in 0..<2 {  // twice is enough (Kahan)
                for u in basis {
                    let dot = zip(u, w).reduce(BigFloat.zero(precision: bits)) { $0 + $1.0 * $1.1 }
                    w = zip(w, u).map { $0 - dot * $1 }
                }
            }
            let norm = try BigFloat.sqrt(w.reduce(BigFloat.zero(precision: bits)) { $0 + $1 * $1 })
            guard norm.doubleValue > tolerance else { return nil }
            return try w.map { try $0 / norm }
        }
        for vector in span {
            let y = zip(vector, roots).map { BigFloat($0, precision: bits) * $1 }
            if let u = try orthogonalise(y) { basis.append(u) }
        }
        let spanRank = basis.count
        var complement = [[BigFloat]]()
        for i in 0..<n {
            let e = (0..<n).map { BigFloat($0 == i ? 1 : 0, precision: bits) }
            if let u = try orthogonalise(e) { basis.append(u); complement.append(u) }
        }
        guard spanRank + complement.count == n else {
            throw SolverError.noCriticalPoint("isotypic split: rank \(spanRank) + \(complement.count) != \(n)")
        }
        let k = complement.count
        if k == 0 { return [] }
        let compressed = Matrix<BigFloat>(rows: k, columns: k) { i, j in
            var total = BigFloat.zero(precision: bits)
            for r in 0..<n {
                var row = BigFloat.zero(precision: bits)
                for c in 0..<n { row = row + s[r, c] * complement[j][c] }
                total = total + complement[i][r] * row
            }
            return total
        }
        return try compressed.symmetricEigenvalues()
    }
}
