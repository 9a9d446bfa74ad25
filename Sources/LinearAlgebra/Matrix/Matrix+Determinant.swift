import Numbers

extension Matrix where T: RealScalar {
    /// The determinant by Gaussian elimination with partial pivoting (O(n^3)). Rounding
    /// errors are those of LU at the entries' precision; an exactly singular pivot
    /// column gives 0. Precondition: square, non-empty.
    public func determinant() throws -> T {
        precondition(isSquare && rows > 0, "determinant of a non-square or empty matrix")
        let n = rows
        var a = entries
        var det = a[0].constant(1)
        for col in 0..<n {
            var pivot = col
            for r in (col + 1)..<n where a[r * n + col].magnitude > a[pivot * n + col].magnitude { pivot = r }
            if try a[pivot * n + col].signum() == 0 { return a[0].constant(0) }
            if pivot != col {
                for j in 0..<n { a.swapAt(col * n + j, pivot * n + j) }
                det = -det
            }
            let p = a[col * n + col]
            det = det * p
            for r in (col + 1)..<n {
                let factor = try a[r * n + col] / p
                if try factor.signum() == 0 { continue }
                for j in (col + 1)..<n { a[r * n + j] = a[r * n + j] - factor * a[col * n + j] }
            }
        }
        return det
    }
}
