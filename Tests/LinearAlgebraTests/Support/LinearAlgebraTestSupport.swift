import Numbers
@testable import LinearAlgebra

/// Fixed-seed generator so every run draws the same inputs.
extension SplitMix64 {    /// A rational k / 2^20 in [-1, 1): exactly representable in Double and BigFloat.
    mutating func dyadic() -> Rational {
        Rational(Int.random(in: -(1 << 20)..<(1 << 20), using: &self), 1 << 20)
    }
}

/// Q = G_1 G_2 ... G_m, a product of Givens rotations in planes (p, q) with angle
/// `angle`, built entry by entry (no use of the eigenvalue code), then
/// A = Q diag(lambda) Q^T. The spectrum of A is `lambda` by construction.
func matrixWithSpectrum<T: RealScalar>(_ lambda: [T], rotations: [(Int, Int, T)]) throws -> Matrix<T> {
    let n = lambda.count
    let like = lambda[0]
    var q = Matrix<T>.identity(n, like: like)
    for (p, r, angle) in rotations {
        let c = try T.cos(angle), s = try T.sin(angle)
        // q <- q * G(p, r): only columns p and r change.
        for i in 0..<n {
            let x = q[i, p], y = q[i, r]
            q[i, p] = c * x - s * y
            q[i, r] = s * x + c * y
        }
    }
    let d = Matrix<T>(rows: n, columns: n) { i, j in i == j ? lambda[i] : like.constant(0) }
    return q * d * q.transposed
}

/// Rotations touching every pair of neighbouring indices and some far pairs.
func someRotations<T: RealScalar>(_ n: Int, like: T, using rng: inout SplitMix64) -> [(Int, Int, T)] {
    var out: [(Int, Int, T)] = []
    for _ in 0..<3 {
        for p in 0..<(n - 1) { out.append((p, p + 1, like.constant(rng.dyadic() * Rational(3)))) }
        let p = Int.random(in: 0..<n, using: &rng)
        let r = (p + 1 + Int.random(in: 0..<(n - 1), using: &rng)) % n
        out.append((p, r, like.constant(rng.dyadic() * Rational(3))))
    }
    return out
}

func randomSymmetric<T: RealScalar>(_ n: Int, like: T, using rng: inout SplitMix64) -> Matrix<T> {
    var m = Matrix<T>.zero(rows: n, columns: n, like: like)
    for i in 0..<n { for j in i..<n { let x = like.constant(rng.dyadic()); m[i, j] = x; m[j, i] = x } }
    return m
}

func maxAbsDifference<T: RealScalar>(_ a: [T], _ b: [T]) -> T {
    precondition(a.count == b.count)
    var m = a[0].constant(0)
    for (x, y) in zip(a, b) { let e = (x - y).magnitude; if e > m { m = e } }
    return m
}

/// 2^e in the context of `like`.
func power2<T: RealScalar>(_ e: Int, like: T) -> T { like.constant(try! Rational(2).power(e)) }
