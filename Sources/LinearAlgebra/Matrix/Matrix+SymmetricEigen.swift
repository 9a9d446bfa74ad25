import Numbers

extension Matrix where T: RealScalar {
    /// The eigenvalues of a symmetric matrix, ascending.
    ///
    /// Dispatches to `symmetricEigenvaluesQL()` (Householder tridiagonalisation, then implicit
    /// QL with Wilkinson shifts; Matrix+Tridiagonal.swift): 4n^3/3 multiply-adds, the
    /// routine for matrices of thousands of rows. `symmetricEigenvaluesJacobi()` is the
    /// independent cross-check (O(n^3) per sweep, several sweeps).
    ///
    /// Only the upper triangle is read. Every eigenvalue is within O(n u ||A||_F) of the
    /// exact one, u the unit roundoff of the least precise entry. Throws
    /// `ComputationError.undecidable` on NaN or infinite entries or non-convergence.
    /// Precondition: square.
    @inlinable
    public func symmetricEigenvalues() throws -> [T] {
        try symmetricEigenvaluesQL()
    }

    /// The eigenvalues of a symmetric matrix, ascending, by the cyclic Jacobi method (the
    /// independent cross-check of `symmetricEigenvalues()`; slow for large n).
    ///
    /// Only the upper triangle is read (the matrix is assumed symmetric; the lower
    /// triangle is ignored). Works at the precision of the entries: the unit roundoff
    /// u is that of the least precise entry.
    ///
    /// Convergence: sweeps of rotations over all pairs (p, q), p < q, until the
    /// off-diagonal Frobenius norm satisfies off(A) <= u * ||A||_F (then every
    /// eigenvalue is within about u * ||A||_F of a diagonal entry, by Weyl). Inside a sweep a
    /// rotation is skipped when |a_pq| <= u * ||A||_F / n (it cannot matter at this
    /// precision). Convergence is quadratic once the off-diagonal part is small, so a
    /// few sweeps beyond log2(precision) suffice.
    ///
    /// Cost: O(n^3) scalar operations per sweep. Throws `ComputationError.undecidable`
    /// if `maximumSweeps` sweeps do not converge (for example with NaN entries), and
    /// whatever `sqrt` / `/` throw. Precondition: square.
    public func symmetricEigenvaluesJacobi(maximumSweeps: Int = 60) throws -> [T] {
        precondition(isSquare, "eigenvalues of a non-square matrix")
        let n = rows
        if n == 0 { return [] }
        // Symmetric working copy built from the upper triangle.
        var a = entries
        for i in 0..<n { for j in 0..<i { a[i * n + j] = a[j * n + i] } }
        if n == 1 { return [a[0]] }

        var u = a[0].unitRoundoff
        for x in a { let ux = x.unitRoundoff; if ux > u { u = ux } }
        let one = a[0].constant(1), zero = a[0].constant(0), two = a[0].constant(2)

        var frob2 = zero
        for x in a { frob2.addProduct(x, x) }
        let frob = try T.sqrt(frob2)
        let skip = u * (try frob / a[0].constant(n))
        let target2 = (u * frob) * (u * frob)

        func offDiagonal2() -> T {
            var s = zero
            for i in 0..<n { for j in (i + 1)..<n { s.addProduct(a[i * n + j], a[i * n + j]) } }
            return s + s
        }

        for _ in 0..<maximumSweeps {
            let off2 = offDiagonal2()
            if !(off2 > target2) {
                if off2 == off2 { return (0..<n).map { a[$0 * n + $0] }.sorted() }
                break  // NaN
            }
            for p in 0..<(n - 1) {
                for q in (p + 1)..<n {
                    let apq = a[p * n + q]
                    if !(apq.magnitude > skip) {
                        if apq != zero { a[p * n + q] = zero; a[q * n + p] = zero }
                        continue
                    }
                    // Rotation angle (Rutishauser): theta = (a_qq - a_pp) / (2 a_pq),
                    // t = sign(theta) / (|theta| + sqrt(theta^2 + 1)) the smaller root.
                    let theta = try (a[q * n + q] - a[p * n + p]) / (two * apq)
                    var t: T
                    let theta2 = theta * theta
                    if theta2.isFiniteValue {
                        t = try one / (theta.magnitude + T.sqrt(theta2 + one))
                    } else {
                        t = try one / (two * theta.magnitude)
                    }
                    if try theta.signum() < 0 { t = -t }
                    let c = try one / T.sqrt(t * t + one)
                    let s = t * c
                    let negS = -s
                    let tApq = t * apq
                    a[p * n + p] = a[p * n + p] - tApq
                    a[q * n + q] = a[q * n + q] + tApq
                    a[p * n + q] = zero
                    a[q * n + p] = zero
                    for r in 0..<n where r != p && r != q {
                        let g = a[r * n + p], h = a[r * n + q]
                        var newP = c * g
                        newP.addProduct(negS, h)
                        var newQ = s * g
                        newQ.addProduct(c, h)
                        a[r * n + p] = newP
                        a[p * n + r] = newP
                        a[r * n + q] = newQ
                        a[q * n + r] = newQ
                    }
                }
            }
        }
        throw ComputationError.undecidable("Jacobi eigenvalue iteration did not converge in \(maximumSweeps) sweeps")
    }
}

extension RealScalar {
    /// False for NaN and infinities (x - x is 0 exactly for finite x).
    @inlinable var isFiniteValue: Bool { let z = self - self; return z == z }
}
