#if canImport(Glibc)
import Glibc
#endif
import Numbers
import LinearAlgebra
import Landscape

/// The fractional power series of a family, c_i(d) = Σ_j c_ij t^j with t = d^(-1/b), and of its
/// loss, recovered numerically: critical points at N values of d spread geometrically over a
/// range of large d (continuation in MPFR), then interpolation in t by a polynomial of degree
/// N - 1 (a Vandermonde solve). This is the independent, verification route of the family
/// solver (MATH.md section 3, "numeric continuation").
///
/// Accuracy: the truncation error of the interpolant is about c_N t_max^(N-j) for the j-th
/// coefficient, and the Vandermonde solve amplifies rounding by roughly t_min^(-N); so use
/// high precision. `backedDigits` compares two fits (N and N - 2 nodes over the same range) and
/// keeps only the digits they share.
public struct NumericFamilyExpansion: Sendable {
    public let family: Family
    public let ramification: Int
    /// The d values used, ascending.
    public let dimensions: [BigFloat]
    /// coefficients[i][j]: coefficient of t^j in coordinate i.
    public let coordinates: [[BigFloat]]
    /// Coefficient of t^j in the loss.
    public let loss: [BigFloat]

    /// Runs the continuation and the fit. `range` is (smallest d, largest d).
    public static func compute(
        _ family: Family, ramification b: Int, nodes n: Int, range: (Double, Double), precision: Int
    ) throws -> NumericFamilyExpansion {
        precondition(n >= 2 && range.0 < range.1 && range.0 >= 10)
        let logLow = log10(range.0), logHigh = log10(range.1)
        let dimensions = (0..<n).map { k in
            BigFloat(pow(10, logLow + (logHigh - logLow) * Double(k) / Double(n - 1)).rounded(), precision: precision)
        }
        let points = try FamilyCatalogue.criticalPoints(of: family, at: dimensions, precision: precision)
        let t = try dimensions.map { try BigFloat.pow($0, Rational(-1, b)) }
        let vandermonde = try Matrix<BigFloat>(rows: n, columns: n) { i, j in try BigFloat.pow(t[i], Rational(j)) }
        let coordinates = try (0..<family.pattern.dimension).map { i in
            try vandermonde.solve(points.map { $0.coordinates[i] })
        }
        let loss = try vandermonde.solve(points.map(\.loss))
        return NumericFamilyExpansion(family: family, ramification: b, dimensions: dimensions,
                                      coordinates: coordinates, loss: loss)
    }
}
