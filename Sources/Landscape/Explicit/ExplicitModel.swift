import Numbers
import LinearAlgebra

/// The explicit two-layer ReLU model of MATH.md section 1 at integer d: student
/// W in M(k, d) (rows w_1..w_k, second layer all ones), target V = I_d, inputs x ~ N(0, I_d):
///
///     L(W) = 1/2 sum_{i,j<=k} f(w_i, w_j) - sum_{i<=k, j<=d} f(w_i, e_j) + 1/2 sum_{i,j<=d} f(e_i, e_j)
///
/// with f the Gaussian ReLU kernel, f(w, w) = |w|^2/2 for the diagonal terms i = j.
///
/// Generic over `OrderedScalar` (Double, BigFloat): ElementaryScalar plus a sign decision,
/// needed for the angle branch and the zero-row check. All values are computed at the
/// precision of W's entries. Rows parallel to each other or to a target row (theta = 0 or
/// pi) use the limits of the formulas (see `RowPair`). A zero row throws
/// `ComputationError.domain` (the kernel, its gradient and Hessian are undefined there).
///
/// The three sums of L are accumulated in the same order, so at W = V they cancel exactly
/// (L(V) == 0 in every type). Cost: O(k (k + d) d) for L and the gradient, O(k (k + d) d^2)
/// for the Hessian.
public struct ExplicitModel<T: OrderedScalar>: Sendable {
    /// Input dimension d (= number of target rows).
    public let d: Int

    public init(dimension d: Int) {
        precondition(d >= 1, "dimension must be positive")
        self.d = d
    }

    // MARK: Pair functions (MATH.md section 1)

    /// f(w, v) for nonzero rows (the general formula; its limit for parallel rows).
    public static func kernel(_ w: [T], _ v: [T]) throws -> T { try RowPair(w, v).kernel() }

    /// g(w, v) = df/dw.
    public static func rowGradient(_ w: [T], _ v: [T]) throws -> [T] { try RowPair(w, v).gradient(v) }

    /// h1(w, v) = d^2 f / dw^2 (d x d).
    public static func h1(_ w: [T], _ v: [T]) throws -> Matrix<T> { try RowPair(w, v).h1() }

    /// h2(w, v) = d^2 f / dw dv (d x d; entry (alpha, beta) = d^2 f / dw_alpha dv_beta).
    public static func h2(_ w: [T], _ v: [T]) throws -> Matrix<T> { try RowPair(w, v).h2() }

    // MARK: Loss, gradient, Hessian

    func targets(like x: T) -> [[T]] {
        (0..<d).map { j in (0..<d).map { x.constant($0 == j ? 1 : 0) } }
    }

    func checkShape(_ w: Matrix<T>) {
        precondition(w.columns == d, "W must have d = \(d) columns")
        precondition(w.rows >= 1, "W must have at least one row")
    }

    /// L(W).
    public func loss(_ w: Matrix<T>) throws -> T {
        checkShape(w)
        let rows = w.rowArrays
        let e = targets(like: w[0, 0])
        let two = w[0, 0].constant(2)
        var student = w[0, 0].constant(0), cross = student, target = student
        for i in rows.indices {
            for j in rows.indices {
                student = student + (i == j ? try dot(rows[i], rows[i]) / two : try RowPair(rows[i], rows[j]).kernel())
            }
        }
        for i in rows.indices { for j in e.indices { cross = cross + (try RowPair(rows[i], e[j]).kernel()) } }
        // The target sum in the same order, from the two values it takes.
        let diagonal = try dot(e[0], e[0]) / two
        let off = d >= 2 ? try RowPair(e[0], e[1]).kernel() : diagonal
        for i in 0..<d { for j in 0..<d { target = target + (i == j ? diagonal : off) } }
        return try (student / two - cross) + target / two
    }

    /// The gradient dL/dW as a k x d matrix: row i is
    /// w_i/2 + sum_{j != i} g(w_i, w_j) - sum_j g(w_i, e_j).
    public func gradient(_ w: Matrix<T>) throws -> Matrix<T> {
        checkShape(w)
        let rows = w.rowArrays
        let e = targets(like: w[0, 0])
        let two = w[0, 0].constant(2)
        var out: [T] = []
        out.reserveCapacity(rows.count * d)
        for i in rows.indices {
            var gi = try rows[i].map { try $0 / two }
            for j in rows.indices where j != i {
                gi = zip(gi, try RowPair(rows[i], rows[j]).gradient(rows[j])).map { $0 + $1 }
            }
            for j in e.indices {
                gi = zip(gi, try RowPair(rows[i], e[j]).gradient(e[j])).map { $0 - $1 }
            }
            out.append(contentsOf: gi)
        }
        return Matrix(rows: rows.count, columns: d, entries: out)
    }

    /// The (kd) x (kd) Hessian, index i*d + alpha for entry (i, alpha) of W:
    /// block (i, i) = I/2 + sum_{j != i} h1(w_i, w_j) - sum_j h1(w_i, e_j), block (i, j) = h2(w_i, w_j).
    public func hessian(_ w: Matrix<T>) throws -> Matrix<T> {
        try hessianSubmatrix(w, rows: Array(0..<w.rows))
    }

    /// The principal submatrix of the Hessian for the entries of the given rows of W, in that
    /// order (e.g. the last two rows: the 2d x 2d block paper 000 section 5.2 interlaces with).
    public func hessianSubmatrix(_ w: Matrix<T>, rows selected: [Int]) throws -> Matrix<T> {
        checkShape(w)
        let rows = w.rowArrays
        let k = rows.count
        let e = targets(like: w[0, 0])
        let half = w[0, 0].constant(Rational(1, 2))
        let n = selected.count
        var h = Matrix<T>.zero(rows: n * d, columns: n * d, like: w[0, 0])
        for (a, i) in selected.enumerated() {
            var block = Matrix<T>.zero(rows: d, columns: d, like: w[0, 0])
            for alpha in 0..<d { block[alpha, alpha] = half }
            for j in 0..<k where j != i { block = block + (try RowPair(rows[i], rows[j]).h1()) }
            for j in 0..<d { block = block - (try RowPair(rows[i], e[j]).h1()) }
            for alpha in 0..<d { for beta in 0..<d { h[a * d + alpha, a * d + beta] = block[alpha, beta] } }
            for (c, j) in selected.enumerated() where j != i {
                let off = try RowPair(rows[i], rows[j]).h2()
                for alpha in 0..<d { for beta in 0..<d { h[a * d + alpha, c * d + beta] = off[alpha, beta] } }
            }
        }
        return h
    }
}
