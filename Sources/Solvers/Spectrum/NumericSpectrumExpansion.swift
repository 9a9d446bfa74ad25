#if canImport(Glibc)
import Glibc
#endif
import Numbers
import LinearAlgebra
import Landscape

/// Hessian eigenvalues of a family, per isotypic component, as series in t = d^(-1/b) by the
/// numeric route: the isotypic spectrum (`IsotypicSpectrum`) at N values of d spread
/// geometrically over a range of large d, each component's eigenvalues sorted (so the
/// eigenvalues must not cross inside the range), and each eigenvalue times t^b (eigenvalues
/// grow at most like d) interpolated by a polynomial in t. Coefficient j of the fit is the
/// coefficient of d^(1 - j/b) of the eigenvalue.
public struct NumericSpectrumExpansion: Sendable {
    public let family: Family
    public let ramification: Int
    /// For each component (t, s, x, y), for each eigenvalue (ascending at the largest d), the
    /// coefficients of d^(1 - j/b), j = 0 ..< nodes.
    public let components: [(name: String, eigenvalues: [[BigFloat]])]

    public static func compute(
        _ family: Family, ramification b: Int, nodes n: Int, range: (Double, Double), precision: Int
    ) throws -> NumericSpectrumExpansion {
        let logLow = log10(range.0), logHigh = log10(range.1)
        let dimensions = (0..<n).map { k in
            BigFloat(pow(10, logLow + (logHigh - logLow) * Double(k) / Double(n - 1)).rounded(), precision: precision)
        }
        let points = try FamilyCatalogue.criticalPoints(of: family, at: dimensions, precision: precision)
        let spectra = try points.map { try IsotypicSpectrum($0) }
        let t = try dimensions.map { try BigFloat.pow($0, Rational(-1, b)) }
        let scale = try dimensions.map { try BigFloat(1, precision: precision) / $0 }  // t^b = 1/d
        let vandermonde = try Matrix<BigFloat>(rows: n, columns: n) { i, j in try BigFloat.pow(t[i], Rational(j)) }
        func fit(_ values: (IsotypicSpectrum) -> [BigFloat]) throws -> [[BigFloat]] {
            let count = values(spectra[0]).count
            return try (0..<count).map { e in
                try vandermonde.solve(zip(spectra, scale).map { values($0.0)[e] * $0.1 })
            }
        }
        return NumericSpectrumExpansion(family: family, ramification: b, components: [
            ("t", try fit(\.trivial)), ("s", try fit(\.standard)), ("x", try fit(\.exterior)), ("y", try fit(\.y)),
        ])
    }
}
