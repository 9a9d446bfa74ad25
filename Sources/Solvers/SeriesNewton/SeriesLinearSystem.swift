import Numbers
import Balls
import Series

/// Linear systems over the field of Puiseux series: Gaussian elimination where "large" means
/// "dominant as d -> infinity". Each row is first divided by its dominant monomial (so every
/// row is O(1) with an O(1) entry), then each column's pivot is the entry with the highest
/// power of d, ties broken by the larger leading coefficient. Without this ordering a pivot
/// whose leading term is of lower order than another entry of its column would amplify the
/// truncation error of that column by powers of d. On ball coefficients the same elimination
/// encloses the solution of every system in the balls (`FamilyEnclosure`).
enum SeriesLinearSystem {
    /// Solves A x = b. Throws `ComputationError.undecidable` when a column has no entry with a
    /// known nonzero term (the matrix is singular to the known order).
    static func solve<C: PivotCoefficient>(_ matrix: [[PuiseuxSeries<C>]], _ rhs: [PuiseuxSeries<C>]) throws -> [PuiseuxSeries<C>] {
        typealias S = PuiseuxSeries<C>
        let n = rhs.count
        var a = matrix, b = rhs
        for r in 0..<n {
            guard let lead = a[r].compactMap(\.leadingDExponent).max() else {
                throw ComputationError.undecidable("row \(r + 1) of the Jacobian has no known nonzero entry")
            }
            let scale = S.monomial(C.constant(1, precision: b[r].precision), dExponent: -lead, context: b[r].context)
            a[r] = a[r].map { $0 * scale }
            b[r] = b[r] * scale
        }
        for col in 0..<n {
            var pivot: Int?
            for r in col..<n {
                guard let e = a[r][col].leadingDExponent else { continue }
                guard let p = pivot, let best = a[p][col].leadingDExponent else { pivot = r; continue }
                if e > best || (e == best && C.largerPivot(a[r][col].coefficients[0], than: a[p][col].coefficients[0])) { pivot = r }
            }
            guard let p = pivot else {
                throw ComputationError.undecidable("the Jacobian is singular to the known order (column \(col + 1))")
            }
            if p != col { a.swapAt(p, col); b.swapAt(p, col) }
            for r in (col + 1)..<n where !a[r][col].hasNoTerms {
                let factor = try a[r][col] / a[col][col]
                for j in (col + 1)..<n { a[r][j] = a[r][j] - factor * a[col][j] }
                b[r] = b[r] - factor * b[col]
            }
        }
        var x = b
        for i in stride(from: n - 1, through: 0, by: -1) {
            var s = b[i]
            for j in (i + 1)..<n { s = s - a[i][j] * x[j] }
            x[i] = try s / a[i][i]
        }
        return x
    }
}

/// Coefficients whose leading terms can be compared for the choice of a pivot.
protocol PivotCoefficient: SeriesCoefficient {
    /// |a| > |b| (for balls, of their midpoints: any choice is valid, a larger one is stabler).
    static func largerPivot(_ a: Self, than b: Self) -> Bool
}

extension BigFloat: PivotCoefficient {
    static func largerPivot(_ a: BigFloat, than b: BigFloat) -> Bool { a.magnitude > b.magnitude }
}

extension Ball: PivotCoefficient {
    static func largerPivot(_ a: Ball, than b: Ball) -> Bool { a.midpoint.magnitude > b.midpoint.magnitude }
}
