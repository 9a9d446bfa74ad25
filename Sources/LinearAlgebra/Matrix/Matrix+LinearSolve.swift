import Numbers

extension Matrix where T: RealScalar {
    /// Solves A x = b by Gaussian elimination with partial pivoting (O(n^3)), at the entries'
    /// precision. Throws `ComputationError.undecidable` when a pivot is zero or below
    /// `unit roundoff * max|A|` (numerically singular: a degenerate critical point, or the
    /// wrong precision). Precondition: square, b.count == rows.
    public func solve(_ b: [T]) throws -> [T] {
        precondition(isSquare && b.count == rows, "solve needs a square matrix and a matching right-hand side")
        let n = rows
        var a = entries, x = b
        var scale = a[0].constant(0)
        for v in a where v.magnitude > scale { scale = v.magnitude }
        let tiny = scale * a[0].unitRoundoff
        for col in 0..<n {
            var pivot = col
            for r in (col + 1)..<n where a[r * n + col].magnitude > a[pivot * n + col].magnitude { pivot = r }
            guard a[pivot * n + col].magnitude > tiny else {
                throw ComputationError.undecidable("the matrix is numerically singular (pivot \(col + 1) of \(n))")
            }
            if pivot != col {
                for j in 0..<n { a.swapAt(col * n + j, pivot * n + j) }
                x.swapAt(col, pivot)
            }
            let p = a[col * n + col]
            for r in (col + 1)..<n {
                let factor = try a[r * n + col] / p
                for j in (col + 1)..<n { a[r * n + j] = a[r * n + j] - factor * a[col * n + j] }
                x[r] = x[r] - factor * x[col]
            }
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            var s = x[i]
            for j in (i + 1)..<n { s = s - a[i * n + j] * x[j] }
            x[i] = try s / a[i * n + i]
        }
        return x
    }
}
