import Numbers
import LinearAlgebra
import Landscape

/// The Hessian spectrum at a critical point split by isotypic component (MATH.md section 4), at
/// any real d, without forming the (kd x kd) Hessian: the eigenvalues of the trivial (t),
/// standard (s), exterior-square (x) and (q-2, 2) (y) components of S_q, with multiplicity 1,
/// q - 1, (q-1)(q-2)/2, q(q-3)/2 (q = d - s), and with small blocks of size 2 to 6 the same
/// four twisted by the other irreducibles of their S_n (`twists`). The spaces and spans are
/// `IsotypicSplit`'s; the eigenvalues of each complement come from the symmetric
/// C^{1/2} DF C^{-1/2} compressed to an orthonormal basis of it.
public struct IsotypicSpectrum: Sendable {
    public let trivial: [BigFloat]
    public let standard: [BigFloat]
    public let exterior: [BigFloat]
    public let y: [BigFloat]
    /// With small blocks of size n >= 2 (S_n acting on each): the same four components of S_q
    /// tensored with each choice of irreducibles, not all trivial ("sign" for n = 2; "standard"
    /// of dimension 2 and "sign" for n = 3; partitions such as "[2,2]" beyond), each eigenvalue
    /// with the degree of the component it twists times the irreducibles' dimensions (the four
    /// above are then those tensored with the trivial ones); empty without such a block.
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

    /// The number of negative eigenvalues of the full Hessian at q = d - s: every component's
    /// negatives times its degree (times the twisting irreducible's dimension).
    public func index(q: Int) -> Int {
        let g = Self.degrees(q: q)
        func negatives(_ list: [BigFloat]) -> Int { list.filter { $0.sign < 0 }.count }
        var total = negatives(trivial) + negatives(standard) * g.standard + negatives(exterior) * g.exterior + negatives(y) * g.y
        for t in twists {
            total += t.dimension * (negatives(t.trivial) + negatives(t.standard) * g.standard + negatives(t.exterior) * g.exterior + negatives(t.y) * g.y)
        }
        return total
    }

    /// Every distinct eigenvalue, component by component (each once, whatever its multiplicity).
    public var allEigenvalues: [BigFloat] {
        trivial + standard + exterior + y + twists.flatMap { $0.trivial + $0.standard + $0.exterior + $0.y }
    }

    /// The eigenvalues of one component by the name the spectrum reports use: t, s, x, y, or a
    /// twisted one ("t-sign", "s-standard", "x-sign/trivial"); nil for a name not in this spectrum.
    public func eigenvalues(of irrep: String) -> [BigFloat]? {
        let parts = irrep.split(separator: "-", maxSplits: 1).map(String.init)
        let lists: (trivial: [BigFloat], standard: [BigFloat], exterior: [BigFloat], y: [BigFloat])
        if parts.count == 2 {
            guard let t = twists.first(where: { $0.irrep == parts[1] }) else { return nil }
            lists = (t.trivial, t.standard, t.exterior, t.y)
        } else {
            lists = (trivial, standard, exterior, y)
        }
        return ["t": lists.trivial, "s": lists.standard, "x": lists.exterior, "y": lists.y][parts[0]]
    }

    /// The smallest |eigenvalue| over every component.
    public var smallestMagnitude: BigFloat { allEigenvalues.map(\.magnitude).min()! }

    /// Multiplicities of one eigenvalue of each component at q = d - p.
    public static func degrees(q: Int) -> (trivial: Int, standard: Int, exterior: Int, y: Int) {
        (1, q - 1, (q - 1) * (q - 2) / 2, q * (q - 3) / 2)
    }

    public init(_ point: CriticalPoint) throws {
        let split = try IsotypicSplit(point.pattern)
        var found: [String: [BigFloat]] = [:]
        for space in split.spaces {
            found[space.name] = space.span.isEmpty && space.fine == point.pattern
                ? try RestrictedSpectrum.eigenvalues(pattern: point.pattern, d: point.d, xi: point.coordinates)
                : try IsotypicSpectrum.complementEigenvalues(pattern: space.fine, d: point.d,
                                                             xi: try split.coordinates(point.coordinates, in: space.fine), span: space.span)
        }
        (trivial, standard, exterior, y) = (found["t"]!, found["s"]!, found["x"]!, found["y"]!)
        var twists: [Twist] = []
        // One twist per suffix ("sign", "standard", "sign/trivial", ...), in the split's order.
        for space in split.spaces where space.name.hasPrefix("t-") {
            let irrep = String(space.name.dropFirst(2))
            twists.append(Twist(irrep: irrep, dimension: space.dimension, trivial: found["t-" + irrep]!, standard: found["s-" + irrep]!,
                                exterior: found["x-" + irrep]!, y: found["y-" + irrep]!))
        }
        self.twists = twists
    }

    /// Eigenvalues of DF on the C-orthogonal complement of span(vectors) in Fix(pattern); with
    /// `scaling` (a diagonal D in the coordinates that commutes with the group, e.g. one row's
    /// coordinates times sqrt 2, `NeuronSplit.halfSpectrum`) those of D S D instead of S.
    static func complementEigenvalues(pattern: IsotropyPattern, d: BigFloat, xi: [BigFloat], span: [[Rational]], scaling: [BigFloat]? = nil) throws -> [BigFloat] {
        let n = xi.count
        let bits = d.precision
        // Symmetric frame y = C^{1/2} ξ: S = C^{1/2} DF C^{-1/2}.
        var (s, roots) = try RestrictedSpectrum.symmetricJacobian(pattern: pattern, d: d, xi: xi)
        if let scaling { s = Matrix(rows: n, columns: n) { i, j in scaling[i] * s[i, j] * scaling[j] } }
        let vectors = span.map { vector in zip(vector, roots).map { BigFloat($0, precision: bits) * $1 } }
        let compressed = try Self.compressed(s, toComplementOf: vectors)
        if compressed.rows == 0 { return [] }
        return try compressed.symmetricEigenvalues()
    }

    /// The symmetric matrix s restricted to the orthogonal complement of `vectors` (which need not
    /// be independent): an orthonormal basis of their span by Gram–Schmidt (twice, Kahan), a
    /// vector below 2^(-P/2) after it counted as dependent; completed by the unit vectors; s
    /// compressed to the completion. Throws when the ranks do not add up to the size.
    static func compressed(_ s: Matrix<BigFloat>, toComplementOf vectors: [[BigFloat]]) throws -> Matrix<BigFloat> {
        let n = s.rows
        let bits = s[0, 0].precision
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
        for vector in vectors {
            if let u = try orthogonalise(vector) { basis.append(u) }
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
        return Matrix<BigFloat>(rows: k, columns: k) { i, j in
            var total = BigFloat.zero(precision: bits)
            for r in 0..<n {
                var row = BigFloat.zero(precision: bits)
                for c in 0..<n { row = row + s[r, c] * complement[j][c] }
                total = total + complement[i][r] * row
            }
            return total
        }
    }
}
