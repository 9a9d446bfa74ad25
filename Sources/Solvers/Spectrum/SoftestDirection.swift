#if canImport(Glibc)
import Glibc
#endif
import Numbers
import LinearAlgebra
import Landscape

/// Where a tangency arc leaves a minimum (paper 003; MATH.md section 8): an eigenvector of the
/// Hessian for a chosen eigenvalue λ at integer d, taken in the largest fixed-point space that
/// holds one, and the isotropy that direction actually has.
///
/// The candidates are the Young subgroups K of the minimum's isotropy obtained by splitting one
/// block (`youngSubgroups`): the big block S_q as S_(q-1) x S_1, S_(q-2) x S_2, S_(q-2) x S_1 x S_1
/// (by the Kostka numbers they add the components s; s, y; s, x, y), a small block S_n as
/// S_(n-1) x S_1 or singletons (its standard and sign representations); largest first. For each, the Hessian
/// on Fix(K) in the Frobenius geometry is S = D^(1/2) J D^(-1/2), J the Jacobian of the read-off
/// field and D the entry counts (symmetric: J = D^(-1) Hess). The first K whose S has λ as an
/// eigenvalue is taken; the eigenvector comes from inverse iteration on S, and the isotropy is
/// not assumed but detected on the full matrix C + ε v (`DetectedIsotropy`), so a direction
/// with more symmetry than K would show it.
public struct SoftestDirection: Sendable {
    /// The fixed-point space the eigenvector was found in.
    public let pattern: IsotropyPattern
    /// The eigenvalue at d, as found in Fix(pattern).
    public let eigenvalue: Double
    /// The minimum's coordinates in `pattern` and the direction (Frobenius norm 1).
    public let point: [Double]
    public let direction: [Double]
    /// The isotropy of C + ε v (ε = 1e-3), detected on the explicit matrix.
    public let detected: DetectedIsotropy

    /// How close an eigenvalue of Fix(K) must be to λ to be λ: relative to max(1, |λ|).
    public static let matchTolerance = 1e-7

    /// The Young subgroups of the pattern's isotropy that hold each component: the pattern
    /// itself; the big block split as [1], [2], [1, 1] (for s, y, x); each small block of size n
    /// split in place as [n - 1, 1] and into singletons (for its standard and sign
    /// representations); largest group first (the sum of log n! over the blocks).
    static func youngSubgroups(of coarse: IsotropyPattern, d: Int) -> [IsotropyPattern] {
        var candidates = [coarse]
        for parts in [[1], [2], [1, 1]] { if let fine = try? coarse.splittingBigBlock(parts) { candidates.append(fine) } }
        for (i, n) in coarse.smallBlocks.enumerated() where n >= 2 {
            for parts in Set([[n - 1, 1], Array(repeating: 1, count: n)]) {
                var blocks = coarse.smallBlocks
                blocks.replaceSubrange(i...i, with: parts)
                if let fine = try? IsotropyPattern(smallBlocks: blocks, extraRows: coarse.extraRows) { candidates.append(fine) }
            }
        }
        func logOrder(_ p: IsotropyPattern) -> Double {
            ([d - p.smallTotal] + p.smallBlocks).reduce(0.0) { sum, n in sum + (n < 2 ? 0 : (2...n).reduce(0.0) { $0 + log(Double($1)) }) }
        }
        return candidates.filter { (try? $0.validate(dimension: d)) != nil }.sorted { logOrder($0) > logOrder($1) }
    }

    /// The direction for a family at integer d: its point there, and of the component `irrep`'s
    /// eigenvalues (as `IsotypicSpectrum.eigenvalues(of:)` names them) the one nearest `target`.
    public init(family: Family, d: Int, irrep: String, near target: Double) throws {
        let point = try FamilyCatalogue.criticalPoint(of: family, at: Double(d), precision: 128, confirmation: 192).working
        guard let values = try IsotypicSpectrum(point).eigenvalues(of: irrep), !values.isEmpty else {
            throw SolverError.notConverged("no \(irrep) component at d = \(d)")
        }
        try self.init(point: point, eigenvalue: values.map(\.doubleValue).min { abs($0 - target) < abs($1 - target) }!)
    }

    public init(point c: CriticalPoint, eigenvalue lambda: Double) throws {
        let dValue = c.d.doubleValue
        guard dValue == dValue.rounded(), dValue < 1e6 else {
            throw SolverError.notConverged("the arc's direction is computed at integer d (got d = \(dValue))")
        }
        let d = Int(dValue)
        let coarse = c.pattern
        let candidates = Self.youngSubgroups(of: coarse, d: d)
        let xi = c.coordinates.map(\.doubleValue)
        for fine in candidates {
            let embedded = try coarse.embed(xi, into: fine)
            let (_, jacobian) = try ReducedLoss(pattern: fine, d: Double(d)).fieldAndJacobian(embedded)
            let counts = fine.entryCounts(d: Double(d))
            let n = fine.dimension
            let s = Matrix<Double>(rows: n, columns: n) { i, j -> Double in
                let a: Double = jacobian[i, j] * (counts[i] / counts[j]).squareRoot()
                let b: Double = jacobian[j, i] * (counts[j] / counts[i]).squareRoot()
                return 0.5 * (a + b)
            }
            let values = try s.symmetricEigenvalues()
            guard values.contains(where: { abs($0 - lambda) <= Self.matchTolerance * max(1, abs(lambda)) }) else { continue }
            // Inverse iteration with a shift just off λ: three solves reach rounding level.
            let shift = lambda + 1e-9 * max(1, abs(lambda))
            let shifted = Matrix<Double>(rows: n, columns: n) { i, j -> Double in i == j ? s[i, j] - shift : s[i, j] }
            var u = (0..<n).map { 1 + 0.1 * Double($0) }
            for _ in 0..<4 {
                u = try shifted.solve(u)
                let norm = u.reduce(0) { $0 + $1 * $1 }.squareRoot()
                u = u.map { $0 / norm }
            }
            let direction: [Double] = (0..<n).map { k -> Double in u[k] / counts[k].squareRoot() }
            let epsilon = 1e-3
            let movedCoordinates: [Double] = (0..<n).map { k -> Double in embedded[k] + epsilon * direction[k] }
            let moved = try fine.matrix(movedCoordinates, dimension: d)
            let detected = try DetectedIsotropy.detect(moved, relativeTolerance: 1e-8)
            (pattern, eigenvalue, point, self.direction, self.detected) = (fine, lambda, embedded, direction, detected)
            return
        }
        throw SolverError.notConverged("no Young subgroup's fixed-point space (one block split) holds the eigenvalue \(lambda) at d = \(d)")
    }
}
