import Numbers
import LinearAlgebra
import Landscape

/// The index of a critical point counted on its full kd x kd Hessian: for any isotropy at an
/// integer d, where the isotypic count (`RestrictedSpectrum.index`, isotropy d or d-1,1) does
/// not apply. The Hessian of the explicit model is evaluated in MPFR at the point (the kernel
/// terms of nearly parallel rows lose half the digits of a Double evaluation there), rounded to
/// Double, and its eigenvalues computed by Householder + QL in Double.
public enum FullHessianIndex {
    /// Largest kd: the eigenvalues cost O((kd)^3), about a second at 900.
    public static let maximumSize = 900
    /// Bits of the MPFR evaluation: far beyond what Double keeps.
    static let evaluationPrecision = 128

    /// Below this |λ| a computed eigenvalue's sign is not decided: 2^-40 n max|λ|. Householder + QL
    /// is backward stable (each computed eigenvalue is within c n 2^-53 ||H||_2 of an exact one of
    /// the rounded matrix, c modest) and rounding the entries moves them by 2^-53 ||H|| more
    /// (Weyl); 2^-40 leaves a factor 2^13 for c.
    public static func undecidedBelow(_ eigenvalues: [Double]) -> Double {
        Double(eigenvalues.count) * (eigenvalues.map(abs).max() ?? 0) * 0x1p-40
    }

    /// The number of negative eigenvalues and the smallest |λ|; nil when d is not an integer or
    /// kd exceeds `maximumSize`. Throws `ComputationError.undecidable` when an eigenvalue lies
    /// within `undecidedBelow` of zero (the point is degenerate to Double accuracy).
    public static func count(_ point: CriticalPoint) throws -> (negatives: Int, smallest: Double)? {
        guard point.d.exactRational.isInteger, let d = point.d.exactRational.intComponents?.numerator,
              d >= point.pattern.minimumDimension else { return nil }
        let k = d + point.pattern.extraRows
        guard k * d <= maximumSize else { return nil }
        let xi = point.coordinates.map { BigFloat($0, precision: evaluationPrecision) }
        let w = try point.pattern.matrix(xi, dimension: d)
        let hessian = try ExplicitModel<BigFloat>(dimension: d).hessian(Matrix(w))
        let rounded = Matrix<Double>(rows: hessian.rows, columns: hessian.columns) { i, j in hessian[i, j].doubleValue }
        let eigenvalues = try rounded.symmetricEigenvalues()
        let floor = undecidedBelow(eigenvalues)
        let smallest = eigenvalues.map(abs).min() ?? 0
        guard smallest > floor else {
            throw ComputationError.undecidable("the full Hessian has an eigenvalue within \(floor) of zero")
        }
        return (eigenvalues.filter { $0 < 0 }.count, smallest)
    }
}
