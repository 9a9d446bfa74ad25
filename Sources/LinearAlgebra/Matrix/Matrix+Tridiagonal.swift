import Numbers

// Householder tridiagonalisation of a symmetric matrix and the implicit QL algorithm with
// Wilkinson shifts on the tridiagonal result: the O(n^3) route to the eigenvalues of a
// symmetric matrix (4n^3/3 flops for the reduction, O(n^2) for QL), generic over RealScalar.
//
// Invariant: a symmetric tridiagonal matrix is held as its diagonal d (n entries) and its
// off-diagonal e (n - 1 entries; e[i] couples rows i and i + 1).

extension Matrix where T: RealScalar {
    /// The symmetric tridiagonal matrix T = Q^T A Q (Q orthogonal, a product of n - 2
    /// Householder reflections), as its diagonal and off-diagonal; T has the spectrum of A.
    ///
    /// Only the upper triangle of `self` is read (the matrix is taken to be symmetric).
    /// Works at the precision of the entries; the result is backward stable: T is exactly
    /// similar to A + E with ||E||_F = O(n u ||A||_F), u the unit roundoff of the least
    /// precise entry. Each column is scaled by its 1-norm before the reflection (no
    /// overflow or underflow in Double from the squares).
    ///
    /// Cost: 4n^3/3 multiply-adds on one flat working copy of the lower triangle (a rank-2
    /// update and a symmetric matrix-vector product per step, both on rows in place, no
    /// allocation in the inner loops for Double or BigFloat). Throws
    /// `ComputationError.undecidable` on a NaN or infinite entry, and whatever `sqrt` and `/`
    /// throw. Precondition: square.
    @inlinable
    public func householderTridiagonal() throws -> (diagonal: [T], offDiagonal: [T]) {
        precondition(isSquare, "tridiagonalisation of a non-square matrix")
        let n = rows
        if n == 0 { return ([], []) }
        let zero = entries[0].constant(0)
        // Working copy: entry (i, j), j <= i, at a[i * n + j], taken from (j, i).
        var a = [T](repeating: zero, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                let x = entries[j * n + i]
                guard x.isFiniteValue else {
                    throw ComputationError.undecidable("symmetric eigenvalues: non-finite matrix entry (\(j), \(i))")
                }
                a[i * n + j] = x
            }
        }
        var d = [T](repeating: zero, count: n)
        var e = [T](repeating: zero, count: n - 1)
        var v = [T](repeating: zero, count: n)
        var w = [T](repeating: zero, count: n)
        let half = zero.constant(Rational(1, 2)), one = zero.constant(1)
        try a.withUnsafeMutableBufferPointer { A in
            try v.withUnsafeMutableBufferPointer { V in
                try w.withUnsafeMutableBufferPointer { W in
                    for k in 0..<Swift.max(0, n - 2) {
                        d[k] = A[k * n + k]  // final: the steps from k on touch rows and columns > k only
                        let s = k + 1, m = n - s  // the trailing block: rows and columns s..<n
                        var scale = zero
                        for i in 0..<m { scale = scale + A[(s + i) * n + k].magnitude }
                        guard scale > zero else { continue }  // column already reduced: e[k] = 0
                        // v = x / scale - alpha e_1, with alpha = -sign(x_0) ||x / scale||.
                        let inverseScale = try one / scale
                        var sigma = zero
                        for i in 0..<m {
                            V[i] = A[(s + i) * n + k] * inverseScale
                            sigma.accumulateProduct(V[i], V[i])
                        }
                        let x0 = V[0]
                        var alpha = try T.sqrt(sigma)
                        if x0 > zero { alpha = -alpha }
                        let h = sigma - x0 * alpha  // v^T v / 2 > 0
                        V[0] = x0 - alpha
                        e[k] = alpha * scale
                        // W = A' v (A' the trailing block, lower triangle read row by row).
                        for i in 0..<m { W[i] = zero }
                        for i in 0..<m {
                            let row = (s + i) * n + s
                            let vi = V[i]
                            var dot = zero
                            for j in 0..<i {
                                let aij = A[row + j]
                                dot.accumulateProduct(aij, V[j])
                                W[j].accumulateProduct(aij, vi)
                            }
                            dot.accumulateProduct(A[row + i], vi)
                            W[i] = W[i] + dot
                        }
                        // p = A' v / h; w = p - (v^T p / 2h) v; A' <- A' - v w^T - w v^T.
                        let inverseH = try one / h
                        var vp = zero
                        for i in 0..<m {
                            W[i] = W[i] * inverseH
                            vp.accumulateProduct(V[i], W[i])
                        }
                        let minusK = -(vp * inverseH * half)
                        for i in 0..<m { W[i].accumulateProduct(minusK, V[i]) }
                        for i in 0..<m {
                            let row = (s + i) * n + s
                            let minusVi = -V[i], minusWi = -W[i]
                            for j in 0...i {
                                A[row + j].accumulateProduct(minusVi, W[j])
                                A[row + j].accumulateProduct(minusWi, V[j])
                            }
                        }
                    }
                }
            }
        }
        for k in Swift.max(0, n - 2)..<n { d[k] = a[k * n + k] }
        if n >= 2 { e[n - 2] = a[(n - 1) * n + (n - 2)] }
        return (d, e)
    }

    /// The eigenvalues of a symmetric matrix, ascending: Householder tridiagonalisation,
    /// then `symmetricTridiagonalEigenvalues` (implicit QL with Wilkinson shifts).
    ///
    /// Only the upper triangle is read. Accuracy: every eigenvalue within O(n u ||A||_F) of
    /// the exact one (backward stable; u the unit roundoff of the least precise entry).
    /// Cost: 4n^3/3 multiply-adds plus O(n^2). Throws `ComputationError.undecidable` on a
    /// NaN or infinite entry or if QL does not converge in `maximumIterations` steps for
    /// some eigenvalue. Precondition: square.
    @inlinable
    public func symmetricEigenvaluesQL(maximumIterations: Int = 60) throws -> [T] {
        precondition(isSquare, "eigenvalues of a non-square matrix")
        if rows == 0 { return [] }
        var u = entries[0].unitRoundoff
        for x in entries { let ux = x.unitRoundoff; if ux > u { u = ux } }
        let (d, e) = try householderTridiagonal()
        return try Self.symmetricTridiagonalEigenvalues(
            diagonal: d, offDiagonal: e, unitRoundoff: u, maximumIterations: maximumIterations)
    }

    /// The eigenvalues, ascending, of the symmetric tridiagonal matrix with diagonal `d`
    /// (n >= 1 entries) and off-diagonal `e` (n - 1 entries), by the implicit QL algorithm
    /// with Wilkinson shifts (the eigenvalue of the leading 2x2 block nearer its corner).
    ///
    /// Deflation: e[m] is set to zero when |e[m]| <= u (|d[m]| + |d[m+1]|) or
    /// |e[m]| <= u ||T||_1 (u = `unitRoundoff`, by default that of the least precise
    /// entry); each eigenvalue is then within about u ||T|| of an exact one, the accuracy the
    /// Householder reduction has anyway. (The absolute test matters for matrices with large
    /// clusters of equal eigenvalues, such as Hessians with isotypic multiplicities in the
    /// hundreds, where off-diagonal entries of order u ||T|| otherwise never deflate.) Convergence is
    /// cubic, typically under 2 steps per eigenvalue at any precision.
    ///
    /// Throws `ComputationError.undecidable` if an eigenvalue needs more than
    /// `maximumIterations` steps (NaN entries never deflate, so they end here) and whatever
    /// `sqrt` and `/` throw. Cost O(n) per step, O(n^2) in all. Precondition: the counts.
    @inlinable
    public static func symmetricTridiagonalEigenvalues(
        diagonal: [T], offDiagonal: [T], unitRoundoff: T? = nil, maximumIterations: Int = 60
    ) throws -> [T] {
        let n = diagonal.count
        precondition(n >= 1 && offDiagonal.count == n - 1, "tridiagonal: need n >= 1 diagonal and n - 1 off-diagonal entries")
        var d = diagonal
        let zero = d[0].constant(0), one = d[0].constant(1), two = d[0].constant(2)
        var e = offDiagonal + [zero]  // e[n - 1] = 0 closes the last block
        var u = d[0].unitRoundoff
        if let unitRoundoff { u = unitRoundoff } else {
            for x in d + e { let ux = x.unitRoundoff; if ux > u { u = ux } }
        }
        var norm = zero
        for i in 0..<n {
            var r = d[i].magnitude + e[i].magnitude
            if i > 0 { r = r + e[i - 1].magnitude }
            if r > norm { norm = r }
        }
        let floor = u * norm

        /// sqrt(x^2 + y^2) without overflow.
        func hypot(_ x: T, _ y: T) throws -> T {
            let ax = x.magnitude, ay = y.magnitude
            let big = ax > ay ? ax : ay, small = ax > ay ? ay : ax
            guard big > zero else { return big }  // 0, or NaN (propagated)
            let q = try small / big
            return big * (try T.sqrt(one + q * q))
        }

        for l in 0..<n {
            var steps = 0
            while true {
                // The first negligible e[m], m >= l: the unreduced block is l...m.
                var m = l
                while m < n - 1 {
                    let em = e[m].magnitude
                    if em <= u * (d[m].magnitude + d[m + 1].magnitude) || em <= floor { break }
                    m += 1
                }
                if m == l { break }  // d[l] has converged
                steps += 1
                guard steps <= maximumIterations else {
                    throw ComputationError.undecidable(
                        "tridiagonal QL: eigenvalue \(l) did not converge in \(maximumIterations) steps")
                }
                // Wilkinson shift sigma from the 2x2 block at l; g = d[m] - sigma.
                var g = try (d[l + 1] - d[l]) / (two * e[l])
                var r = try hypot(g, one)
                g = d[m] - d[l] + (try e[l] / (g >= zero ? g + r : g - r))
                // Chase the bulge from the bottom of the block up by Givens rotations.
                var s = one, c = one, p = zero
                var i = m - 1
                var restarted = false
                while i >= l {
                    let f = s * e[i], b = c * e[i]
                    r = try hypot(f, g)
                    e[i + 1] = r
                    if !(r > zero) {
                        // Underflow (or NaN): the rotation split the block; restart on it.
                        d[i + 1] = d[i + 1] - p
                        e[m] = zero
                        restarted = true
                        break
                    }
                    s = try f / r
                    c = try g / r
                    g = d[i + 1] - p
                    r = (d[i] - g) * s + two * c * b
                    p = s * r
                    d[i + 1] = g + p
                    g = c * r - b
                    i -= 1
                }
                if restarted { continue }
                d[l] = d[l] - p
                e[l] = g
                e[m] = zero
            }
        }
        return d.sorted()
    }
}
