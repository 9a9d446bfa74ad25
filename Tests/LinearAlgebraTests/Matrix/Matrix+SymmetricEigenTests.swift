import Testing
import Numbers
@testable import LinearAlgebra

@Suite struct SymmetricEigenTests {
    func checkKnownSpectrum<T: RealScalar>(_ lambda: [T], seed: UInt64, tolerance: T) throws {
        var rng = SplitMix64(seed: seed)
        let a = try matrixWithSpectrum(lambda, rotations: someRotations(lambda.count, like: lambda[0], using: &rng))
        let expected = lambda.sorted()
        // The default (tridiagonal QL) and the Jacobi cross-check.
        for computed in [try a.symmetricEigenvalues(), try a.symmetricEigenvaluesJacobi()] {
            let err = maxAbsDifference(computed, expected)
            #expect(err <= tolerance, "max error \(err.doubleValue) > \(tolerance.doubleValue)")
        }
    }

    @Test func knownSpectrumDouble() throws {
        let lambda: [Double] = [3, -1, 0.5, 2, -2.25, 0, 7, 1e-3]
        try checkKnownSpectrum(lambda, seed: 11, tolerance: 1e-13)
        // Multiplicities (the S_q-symmetric Hessians have them).
        try checkKnownSpectrum([1, 1, 1, 2, 2, -3, -3, 0.25, 1] as [Double], seed: 12, tolerance: 1e-13)
    }

    @Test(arguments: [64, 256, 1024])
    func knownSpectrumBigFloat(precision p: Int) throws {
        let values: [Rational] = [Rational(3), Rational(-1), Rational(1, 3), Rational(2), Rational(-9, 4),
                                  .zero, Rational(7), Rational(1, 1000), Rational(2), Rational(-1)]
        let lambda = values.map { BigFloat($0, precision: p) }
        // Errors: O(n u ||A||) from forming A and from the rotations; allow 2^(10 - p).
        try checkKnownSpectrum(lambda, seed: 13, tolerance: power2(10 - p, like: lambda[0]))
    }

    @Test func traceAndDeterminantIdentities() throws {
        var rng = SplitMix64(seed: 21)
        let p = 256
        let a = randomSymmetric(9, like: BigFloat(0, precision: p), using: &rng)
        let ev = try a.symmetricEigenvalues()
        var sum = ev[0].constant(0), prod = ev[0].constant(1)
        for x in ev { sum = sum + x; prod = prod * x }
        let tol = power2(12 - p, like: sum)
        #expect((sum - a.trace).magnitude <= tol)
        #expect((prod - (try a.determinant())).magnitude <= tol)
        // tr(A^2) = sum of squares of eigenvalues.
        var sq = ev[0].constant(0)
        for x in ev { sq = sq + x * x }
        #expect((sq - (a * a).trace).magnitude <= tol)
        // Ascending.
        #expect(zip(ev, ev.dropFirst()).allSatisfy { $0 <= $1 })
    }

    @Test func doubleAndBigFloatAgree() throws {
        var rng = SplitMix64(seed: 31)
        let n = 24
        let big = randomSymmetric(n, like: BigFloat(0, precision: 256), using: &rng)
        let dbl = big.map { $0.doubleValue }  // entries are dyadic: exact in Double
        let eb = try big.symmetricEigenvalues(), ed = try dbl.symmetricEigenvalues()
        let err = zip(eb, ed).map { abs($0.doubleValue - $1) }.max()!
        #expect(err < 1e-13)
    }

    @Test func edgeCases() throws {
        #expect(try Matrix<Double>(rows: 0, columns: 0, entries: []).symmetricEigenvalues() == [])
        #expect(try Matrix<Double>([[5]]).symmetricEigenvalues() == [5])
        #expect(try Matrix<Double>.zero(rows: 3, columns: 3, like: 0).symmetricEigenvalues() == [0, 0, 0])
        let diag = Matrix<Double>([[3, 0, 0], [0, -1, 0], [0, 0, 2]])
        #expect(try diag.symmetricEigenvalues() == [-1, 2, 3])
        // Only the upper triangle is read.
        let upper = Matrix<Double>([[2, 1], [99, 2]])
        let ev = try upper.symmetricEigenvalues()
        #expect(abs(ev[0] - 1) < 1e-15 && abs(ev[1] - 3) < 1e-15)
    }

    @Test func nanDoesNotConverge() {
        let a = Matrix<Double>([[1, .nan], [.nan, 2]])
        #expect(throws: ComputationError.self) { try a.symmetricEigenvalues() }
        #expect(throws: ComputationError.self) { try a.symmetricEigenvaluesJacobi() }
    }
}
