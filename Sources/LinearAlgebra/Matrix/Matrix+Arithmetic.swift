import Numbers

extension Matrix {
    /// The transpose.
    public var transposed: Matrix {
        Matrix(rows: columns, columns: rows) { i, j in self[j, i] }
    }

    public static func + (lhs: Matrix, rhs: Matrix) -> Matrix {
        precondition(lhs.rows == rhs.rows && lhs.columns == rhs.columns, "shape mismatch in +")
        return Matrix(rows: lhs.rows, columns: lhs.columns, entries: zip(lhs.entries, rhs.entries).map { $0 + $1 })
    }

    public static func - (lhs: Matrix, rhs: Matrix) -> Matrix {
        precondition(lhs.rows == rhs.rows && lhs.columns == rhs.columns, "shape mismatch in -")
        return Matrix(rows: lhs.rows, columns: lhs.columns, entries: zip(lhs.entries, rhs.entries).map { $0 - $1 })
    }

    public static prefix func - (operand: Matrix) -> Matrix { operand.map { -$0 } }

    /// scalar * matrix.
    public static func * (lhs: T, rhs: Matrix) -> Matrix { rhs.map { lhs * $0 } }

    /// The matrix product (lhs.columns must equal rhs.rows). O(n m p) scalar operations.
    /// An inner dimension of 0 is not supported (there is no zero to start the sums from).
    public static func * (lhs: Matrix, rhs: Matrix) -> Matrix {
        precondition(lhs.columns == rhs.rows, "shape mismatch in *")
        precondition(lhs.columns > 0, "matrix product with inner dimension 0")
        return Matrix(rows: lhs.rows, columns: rhs.columns) { i, j in
            var s = lhs[i, 0] * rhs[0, j]
            for l in 1..<lhs.columns { s = s + lhs[i, l] * rhs[l, j] }
            return s
        }
    }

    /// Matrix times vector.
    public static func * (lhs: Matrix, rhs: [T]) -> [T] {
        precondition(lhs.columns == rhs.count && lhs.columns > 0, "shape mismatch in matrix * vector")
        return (0..<lhs.rows).map { i in
            var s = lhs[i, 0] * rhs[0]
            for l in 1..<lhs.columns { s = s + lhs[i, l] * rhs[l] }
            return s
        }
    }

    /// The sum of the diagonal entries (square, non-empty).
    public var trace: T {
        precondition(isSquare && rows > 0, "trace of a non-square or empty matrix")
        var s = self[0, 0]
        for i in 1..<rows { s = s + self[i, i] }
        return s
    }
}

