import Numbers
import LinearAlgebra
import Landscape

/// Eigenvalues of the Hessian at a critical point of isotropy Δ(S_q x S_1 x ... x S_1),
/// separated by isotypic component of S_q (MATH.md section 4) through fixed-point spaces of
/// subgroups: Fix(S_q) carries T, Fix(S_{q-1} x S_1) carries T + S, Fix(S_{q-2} x S_2)
/// carries T + S + Y and Fix(S_{q-2} x S_1 x S_1) carries T + 2S + X + Y. The Jacobian of the
/// read-off field on Fix(H) is similar to the Hessian restricted there, so its eigenvalues
/// are Hessian eigenvalues (real: DF = C^{-1} H with C the diagonal of entry counts, similar
/// to the symmetric C^{-1/2} H C^{-1/2}).
public struct RestrictedSpectrum: Sendable {
    /// Eigenvalues on Fix(S_q x S_p), Fix(S_{q-1} x S_1 x S_p), Fix(S_{q-2} x S_2 x S_p),
    /// Fix(S_{q-2} x S_1 x S_1 x S_p), ascending.
    public let trivial: [BigFloat]
    public let trivialPlusStandard: [BigFloat]
    public let withY: [BigFloat]
    public let withXY: [BigFloat]

    public init(_ point: CriticalPoint) throws {
        let pattern = point.pattern
        guard pattern.smallBlocksAreSingletons else {
            throw SolverError.noCriticalPoint("the isotypic index is implemented for isotropies whose small blocks are single indices; got \(pattern)")
        }
        func spectrum(_ finer: IsotropyPattern) throws -> [BigFloat] {
            let xi = try pattern.embed(point.coordinates, into: finer)
            return try RestrictedSpectrum.eigenvalues(pattern: finer, d: point.d, xi: xi)
        }
        trivial = try RestrictedSpectrum.eigenvalues(pattern: pattern, d: point.d, xi: point.coordinates)
        trivialPlusStandard = try spectrum(try pattern.splittingBigBlock([1]))
        withY = try spectrum(try pattern.splittingBigBlock([2]))
        withXY = try spectrum(try pattern.splittingBigBlock([1, 1]))
    }

    /// Eigenvalues of DF on a fixed-point space, via the symmetric C^{1/2} DF C^{-1/2}.
    public static func eigenvalues(pattern: IsotropyPattern, d: BigFloat, xi: [BigFloat]) throws -> [BigFloat] {
        try symmetricJacobian(pattern: pattern, d: d, xi: xi).matrix.symmetricEigenvalues()
    }

    /// C^{1/2} DF C^{-1/2} (symmetrised against rounding) and the roots C^{1/2} of the entry
    /// counts: the Hessian on Fix(pattern) in an orthonormal frame for the Frobenius product.
    static func symmetricJacobian(pattern: IsotropyPattern, d: BigFloat, xi: [BigFloat]) throws -> (matrix: Matrix<BigFloat>, roots: [BigFloat]) {
        let (_, jacobian) = try ReducedLoss(pattern: pattern, d: d).fieldAndJacobian(xi)
        let roots = try pattern.entryCounts(d: d).map { try BigFloat.sqrt($0) }
        let n = xi.count
        let symmetric = try Matrix<BigFloat>(rows: n, columns: n) { i, j in
            let a = try roots[i] * jacobian[i, j] / roots[j]
            let b = try roots[j] * jacobian[j, i] / roots[i]
            return (a + b).divided(by: 2)
        }
        return (symmetric, roots)
    }

    /// Number of negative eigenvalues of the full Hessian at integer d = q + s:
    /// neg(T) + (q - 1) neg(S) + (q-1)(q-2)/2 neg(X) + q(q-3)/2 neg(Y), with
    /// neg(S) = neg(T+S) - neg(T), neg(Y) = neg(T+S+Y) - neg(T+S), neg(X) = neg(T+2S+X+Y) - neg(T) - 2 neg(S) - neg(Y).
    public func index(q: Int) -> (total: Int, trivial: Int, standard: Int, exterior: Int, y: Int) {
        func negatives(_ list: [BigFloat]) -> Int { list.filter { $0.sign < 0 }.count }
        let t = negatives(trivial)
        let s = negatives(trivialPlusStandard) - t
        let y = negatives(withY) - t - s
        let x = negatives(withXY) - t - 2 * s - y
        let total = t + (q - 1) * s + (q - 1) * (q - 2) / 2 * x + q * (q - 3) / 2 * y
        return (total, t, s, x, y)
    }

    /// Smallest |eigenvalue| over all components: the critical point is non-degenerate when
    /// this is well above the working precision's noise.
    public var smallestMagnitude: BigFloat {
        (trivial + trivialPlusStandard + withY + withXY).map(\.magnitude).min()!
    }
}
