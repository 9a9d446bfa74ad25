import Numbers

/// Integer relations among real numbers: integers m (not all zero) with Σ m_i x_i ≈ 0, by the
/// PSLQ algorithm of Ferguson, Bailey and Arno (one level, γ = sqrt(4/3)), in MPFR.
///
/// PSLQ keeps a lower triangular H whose rows span the orthogonal complement of x, reduces it
/// by integer row operations (recorded in A, with B = A^(-1)), and swaps the row that most
/// violates the Lovász-like condition γ^i |H_ii| upwards. A relation appears as a column of B
/// when an entry of y = x B becomes zero to the working precision; if none appears while
/// every relation would need a norm above `maximumNorm` (the bound 1/max|H_jj|), there is none
/// that small.
public enum IntegerRelation {
    /// A relation with max|m_i| <= maximumNorm, or nil. `x` must have at least two entries, at
    /// a common precision; `tolerance` decides when an entry of y counts as zero (a few digits
    /// above the input's accuracy, e.g. 10^-(digits - 5)).
    public static func pslq(_ x: [BigFloat], tolerance: BigFloat, maximumNorm: Double, maximumIterations: Int = 2000) throws -> [Int]? {
        let n = x.count
        precondition(n >= 2, "PSLQ needs at least two numbers")
        let bits = x[0].precision
        let zero = BigFloat(0, precision: bits), one = BigFloat(1, precision: bits)
        let norm = try BigFloat.sqrt(x.reduce(zero) { $0 + $1 * $1 })
        guard !norm.isZero else { return nil }
        // A zero input is its own relation.
        if let k = x.firstIndex(where: { $0.magnitude <= tolerance * norm }) { return (0..<n).map { $0 == k ? 1 : 0 } }
        var y = try x.map { try $0 / norm }
        var s = [BigFloat](repeating: zero, count: n)
        for k in 0..<n { s[k] = try BigFloat.sqrt(y[k...].reduce(zero) { $0 + $1 * $1 }) }
        var h = [[BigFloat]](repeating: [BigFloat](repeating: zero, count: n - 1), count: n)
        for i in 0..<n {
            for j in 0..<min(i + 1, n - 1) {
                if i == j { h[i][j] = try s[j + 1] / s[j] } else { h[i][j] = -(try (y[i] * y[j]) / (s[j] * s[j + 1])) }
            }
        }
        var a = (0..<n).map { i in (0..<n).map { BigFloat($0 == i ? 1 : 0, precision: bits) } }
        var b = a
        func reduce(_ i: Int, _ j: Int) throws {
            let t = try (h[i][j] / h[j][j]).roundedToInteger()
            guard !t.isZero else { return }
            y[j] = y[j] + t * y[i]
            for k in 0...j { h[i][k] = h[i][k] - t * h[j][k] }
            for k in 0..<n {
                a[i][k] = a[i][k] - t * a[j][k]
                b[k][j] = b[k][j] + t * b[k][i]
            }
        }
        for i in 1..<n { for j in stride(from: i - 1, through: 0, by: -1) { try reduce(i, j) } }
        let gamma = try BigFloat.sqrt(BigFloat(Rational(4, 3), precision: bits))
        for _ in 0..<maximumIterations {
            // The row to swap: maximal γ^i |H_ii|.
            var m = 0, best = zero, power = gamma
            for i in 0..<(n - 1) {
                let v = power * h[i][i].magnitude
                if v > best { best = v; m = i }
                power = power * gamma
            }
            y.swapAt(m, m + 1); a.swapAt(m, m + 1); h.swapAt(m, m + 1)
            for k in 0..<n { b[k].swapAt(m, m + 1) }
            if m < n - 2 {
                let t0 = try BigFloat.sqrt(h[m][m] * h[m][m] + h[m][m + 1] * h[m][m + 1])
                guard !t0.isZero else { return nil }
                let t1 = try h[m][m] / t0, t2 = try h[m][m + 1] / t0
                for i in m..<n {
                    let t3 = h[i][m], t4 = h[i][m + 1]
                    h[i][m] = t1 * t3 + t2 * t4
                    h[i][m + 1] = t1 * t4 - t2 * t3
                }
            }
            for i in (m + 1)..<n { for j in stride(from: min(i - 1, m + 1), through: 0, by: -1) where !h[j][j].isZero { try reduce(i, j) } }
            // A relation: a column of B whose y entry vanishes.
            if let j = y.indices.min(by: { y[$0].magnitude < y[$1].magnitude }), y[j].magnitude <= tolerance {
                let relation = b.map { Int($0[j].doubleValue.rounded()) }
                let size = relation.map { abs(Double($0)) }.max() ?? 0
                return size <= maximumNorm && size > 0 ? relation : nil
            }
            // No relation of norm <= maximumNorm can remain undetected past 1/max|H_jj|.
            let largest = (0..<(n - 1)).map { h[$0][$0].magnitude }.max() ?? zero
            if largest.isZero { return nil }
            if (try one / largest).doubleValue > maximumNorm { return nil }
            if a.joined().contains(where: { $0.magnitude.doubleValue > 1e30 }) { return nil }
        }
        return nil
    }
}
