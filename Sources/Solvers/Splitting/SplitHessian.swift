import Numbers
import LinearAlgebra
import Landscape

/// The split point at integer d written out: the (k + 1) x d matrix with row J replaced by
/// μ w_J and (1 - μ) w_J appended as the last row, and its full Hessian's eigenvalues. The
/// independent check of `NeuronSplit`'s congruence (no isotypic reduction, no change of
/// variables): the explicit model's Hessian in MPFR, rounded to Double, Householder + QL, signs
/// decided by `FullHessianIndex.undecidedBelow`.
public enum SplitHessian {
    /// The split matrix at integer d (rows J and k + 1 carry the two halves).
    public static func matrix(_ point: CriticalPoint, row: SplitRow, mu: Rational, d: Int, precision: Int) throws -> [[BigFloat]] {
        let xi = point.coordinates.map { BigFloat($0, precision: precision) }
        var w = try point.pattern.matrix(xi, dimension: d)
        let old = w[row.row - 1]
        let m = BigFloat(mu, precision: precision), rest = BigFloat(1 - mu, precision: precision)
        w[row.row - 1] = old.map { m * $0 }
        w.append(old.map { rest * $0 })
        return w
    }

    /// The full Hessian's eigenvalues (ascending) and the floor below which a sign is not decided;
    /// nil when (k + 1) d exceeds `FullHessianIndex.maximumSize`.
    public static func eigenvalues(_ point: CriticalPoint, row: SplitRow, mu: Rational, d: Int) throws -> (values: [Double], floor: Double)? {
        let rows = d + point.pattern.extraRows + 1
        guard rows * d <= FullHessianIndex.maximumSize else { return nil }
        let w = try matrix(point, row: row, mu: mu, d: d, precision: FullHessianIndex.evaluationPrecision)
        let hessian = try ExplicitModel<BigFloat>(dimension: d).hessian(Matrix(w))
        let rounded = Matrix<Double>(rows: hessian.rows, columns: hessian.columns) { i, j in hessian[i, j].doubleValue }
        let values = try rounded.symmetricEigenvalues().sorted()
        return (values, FullHessianIndex.undecidedBelow(values))
    }

    /// Inertia with |λ| <= floor counted as zero (the floor bounds the Double computation's error).
    public static func inertia(_ values: [Double], floor: Double) -> Inertia {
        Inertia(positive: values.filter { $0 > floor }.count, zero: values.filter { abs($0) <= floor }.count,
                negative: values.filter { $0 < -floor }.count)
    }
}
