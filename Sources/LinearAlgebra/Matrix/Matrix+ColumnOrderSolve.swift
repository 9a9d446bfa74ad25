import Numbers

extension Matrix where T: RealScalar {
    /// Solves a consistent, possibly rectangular and rank-deficient system A x = b, taking the
    /// unknowns in column order: Gaussian elimination with partial pivoting over the rows not yet
    /// used, where a column becomes a pivot column only if, after elimination by the earlier
    /// pivot columns, its largest remaining entry exceeds `relativeTolerance` times its largest
    /// original entry. The other unknowns are free and set to 0. An unknown is *determined*
    /// when every solution of the system gives it the same value: it is a pivot and no null
    /// vector (in column-normalised coordinates) has a component above `nullTolerance` on it.
    ///
    /// Why column order: in a coefficient-by-coefficient system (unknowns sorted by order) the
    /// low orders must be the determined ones and the top orders, which the truncated equations
    /// do not reach, the free ones; a pivoting that chose columns by size could swap the roles.
    /// Returns a solution (free unknowns 0) and, per unknown, whether the equations determine it.
    /// A pivot may be up to this factor smaller than the largest candidate in its column (growth
    /// per step at most 1 + 1/threshold = 11, the usual choice of sparse LU codes).
    public static var pivotThreshold: Rational { Rational(1, 10) }

    /// Multiply-adds in one column's row updates above which two threads share them: ~1000 at
    /// 256 bits is ~50 µs, ten times the cost of a dispatch.
    public static var parallelWork: Int { 1_000 }

    public func solveInColumnOrder(_ b: [T], relativeTolerance: T, nullTolerance: T) throws -> (solution: [T], determined: [Bool]) {
        precondition(b.count == rows, "right-hand side does not match the rows")
        let m = rows, n = columns
        var a = entries, rhs = b
        let zero = b.first?.constant(0) ?? entries[0].constant(0)
        var columnScale = [T](repeating: zero, count: n)
        for i in 0..<m { for j in 0..<n where a[i * n + j].magnitude > columnScale[j] { columnScale[j] = a[i * n + j].magnitude } }
        var pivots: [(row: Int, column: Int)] = []
        // The last nonzero column of each row, kept up to date under fill-in.
        var last = (0..<m).map { i in (0..<n).last { a[i * n + $0] != zero } ?? -1 }
        var r = 0
        for j in 0..<n where r < m {
            var p = -1, size = zero
            for i in r..<m where a[i * n + j] != zero {
                let s = a[i * n + j].magnitude
                if s > size { size = s; p = i }
            }
            guard p >= 0, size > relativeTolerance * columnScale[j] else { continue }
            // Threshold pivoting: of the rows within `pivotThreshold` of the largest entry, the
            // one whose nonzeros end first, so that a block-triangular coefficient system
            // (`StagedCoefficientSolve`) stays block-triangular instead of filling in.
            let threshold = size * zero.constant(Self.pivotThreshold)
            for i in r..<m where last[i] < last[p] && a[i * n + j] != zero && a[i * n + j].magnitude >= threshold { p = i }
            if p != r {
                for k in j..<n { a.swapAt(r * n + k, p * n + k) }
                rhs.swapAt(r, p)
                last.swapAt(r, p)
            }
            let pivot = a[r * n + j]
            let end = last[r]
            let targets = ((r + 1)..<m).filter { a[$0 * n + j] != zero }
            // Each row's update is independent of the others': two threads share them when a core
            // is idle and the column's work pays for the dispatch (`parallelWork`). The same
            // operations on the same rows either way: the result does not depend on it.
            let halves = targets.count * (end - j) >= Self.parallelWork && Parallelism.hasSpareCore ? 2 : 1
            var failure: Error?
            a.withUnsafeMutableBufferPointer { entries in
                rhs.withUnsafeMutableBufferPointer { right in
                    last.withUnsafeMutableBufferPointer { ends in
                        nonisolated(unsafe) let (entries, right, ends) = (entries, right, ends)
                        nonisolated(unsafe) var errors = [Error?](repeating: nil, count: halves)
                        nonisolated(unsafe) let update = { (half: Int) in
                            for t in stride(from: half, to: targets.count, by: halves) {
                                let i = targets[t]
                                do {
                                    let minus = -(try entries[i * n + j] / pivot)
                                    if j < end {
                                        for k in (j + 1)...end where entries[r * n + k] != zero { entries[i * n + k].accumulateProduct(minus, entries[r * n + k]) }
                                    }
                                    right[i].accumulateProduct(minus, right[r])
                                    entries[i * n + j] = zero
                                    ends[i] = max(ends[i], end)
                                } catch { errors[half] = error; return }
                            }
                        }
                        Parallelism.run(halves) { update($0) }
                        failure = errors.compactMap { $0 }.first
                    }
                }
            }
            if let failure { throw failure }
            pivots.append((r, j))
            r += 1
        }
        var x = [T](repeating: zero, count: n)
        var determined = [Bool](repeating: false, count: n)
        for (row, column) in pivots.reversed() {
            var s = rhs[row]
            for k in (column + 1)..<n where x[k] != zero { s.accumulateProduct(-a[row * n + k], x[k]) }
            x[column] = try s / a[row * n + column]
            determined[column] = true
        }
        // A pivot unknown is determined only if no null vector moves it: each free column f gives
        // the null vector with v_f = 1, v_free = 0 otherwise, v_pivots by back substitution. The
        // test is in column-normalised coordinates (each column scaled to largest entry 1).
        let one = zero.constant(1)
        for f in 0..<n where !determined[f] && columnScale[f] > zero {
            var v = [T](repeating: zero, count: n)
            v[f] = one
            for (row, column) in pivots.reversed() {
                var s = zero
                for k in (column + 1)..<n where v[k] != zero { s.accumulateProduct(-a[row * n + k], v[k]) }
                v[column] = try s / a[row * n + column]
            }
            for (_, column) in pivots where determined[column] {
                // v_column in normalised coordinates: v_column * scale(column) / scale(f).
                let normalised = try (v[column] * columnScale[column]) / columnScale[f]
                if normalised.magnitude > nullTolerance { determined[column] = false }
            }
        }
        return (x, determined)
    }
}
