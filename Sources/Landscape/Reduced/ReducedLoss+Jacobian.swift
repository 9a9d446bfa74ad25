import Numbers
import LinearAlgebra

extension ReducedLoss {
    /// F_d(ξ) and its Jacobian DF_d(ξ) (entry (i, j) = ∂F_i/∂ξ_j), by forward-mode dual
    /// numbers seeded with the coordinates: exact up to rounding, no finite differences.
    public func fieldAndJacobian(_ xi: [T]) throws -> (field: [T], jacobian: Matrix<T>) {
        let n = xi.count
        let seeded = ReducedLoss<Dual<T>>(pattern: pattern, d: Dual(d))
        let f = try seeded.field((0..<n).map { Dual.variable(xi[$0], index: $0, count: n) })
        return (f.map(\.value), Matrix(rows: n, columns: n) { i, j in f[i].partial(j) })
    }

    /// ∂F_d(ξ)/∂d at fixed ξ: the direction of the continuation predictor.
    public func fieldDerivativeInD(_ xi: [T]) throws -> [T] {
        let seeded = ReducedLoss<Dual<T>>(pattern: pattern, d: Dual.variable(d, index: 0, count: 1))
        return try seeded.field(xi.map { Dual($0) }).map { $0.partial(0) }
    }
}
