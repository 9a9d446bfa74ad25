import Testing
import Numbers
@testable import LinearAlgebra

/// `solveInColumnOrder`: which unknowns a consistent rank-deficient system determines, checked
/// against systems built with a known solution set.
@Suite struct ColumnOrderSolveTests {
    static let bits = 128
    static func big(_ x: Int) -> BigFloat { BigFloat(x, precision: bits) }
    static var tolerances: (BigFloat, BigFloat) {
        (BigFloat(Rational(1, 1 << 40), precision: bits), BigFloat(Rational(1, 1 << 30), precision: bits))
    }

    /// x1 + x2 = 2 leaves x1 and x2 free along (1, -1); x3 = 3 and x4 = -1 are fixed.
    @Test func kernelDirectionIsNotDetermined() throws {
        let a = Matrix<BigFloat>([[1, 1, 0, 0], [0, 0, 1, 0], [2, 2, 1, 0], [0, 0, 0, 5]].map { $0.map(Self.big) })
        let b = [2, 3, 7, -5].map(Self.big)
        let (x, determined) = try a.solveInColumnOrder(b, relativeTolerance: Self.tolerances.0, nullTolerance: Self.tolerances.1)
        #expect(determined == [false, false, true, true])
        #expect(x[2].doubleValue == 3 && x[3].doubleValue == -1)
        let residual = a * x
        for (r, rhs) in zip(residual, b) { #expect((r - rhs).magnitude.doubleValue < 1e-30) }
    }

    /// An overdetermined consistent system of full column rank: every unknown determined and
    /// equal to the one the right-hand side was made from.
    @Test func overdeterminedFullRank() throws {
        var rng = SplitMix64(seed: 7)
        func small() -> BigFloat { Self.big(Int(rng.next() % 19) - 9) }
        let a = Matrix<BigFloat>(rows: 9, columns: 5) { _, _ in small() }
        let truth = (0..<5).map { _ in small() }
        let (x, determined) = try a.solveInColumnOrder(a * truth, relativeTolerance: Self.tolerances.0, nullTolerance: Self.tolerances.1)
        #expect(determined.allSatisfy { $0 })
        for (u, v) in zip(x, truth) { #expect((u - v).magnitude.doubleValue < 1e-30) }
    }

    /// A column that is a combination of earlier ones is free, and then so are the columns it
    /// combines (each moves along the null vector), while an independent one stays determined.
    @Test func dependentColumnFreesItsCombination() throws {
        let a = Matrix<BigFloat>([[1, 0, 1, 0], [0, 1, 1, 0], [1, 1, 2, 1], [0, 0, 0, 2]].map { $0.map(Self.big) })
        let truth = [1, 2, 3, 4].map(Self.big)
        let (x, determined) = try a.solveInColumnOrder(a * truth, relativeTolerance: Self.tolerances.0, nullTolerance: Self.tolerances.1)
        #expect(determined == [false, false, false, true])
        #expect(x[3].doubleValue == 4)
    }
}
