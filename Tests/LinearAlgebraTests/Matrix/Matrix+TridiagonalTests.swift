#if canImport(Glibc)
import Glibc
#endif
import Testing
import Numbers
@testable import LinearAlgebra

/// Householder tridiagonalisation and implicit QL: known spectra (Q diag Q^T from Givens
/// rotations), agreement with the independent Jacobi routine, multiplicities, exact cases,
/// invariants of the reduction, and failure on NaN.
@Suite struct TridiagonalTests {
    /// 16 n u ||A||_F: the backward-error bound of either method, with room.
    func tolerance<T: RealScalar>(_ a: Matrix<T>) throws -> T {
        var f2 = a.entries[0].constant(0)
        for x in a.entries { f2.addProduct(x, x) }
        return a.entries[0].unitRoundoff * a.entries[0].constant(16 * a.rows) * (try T.sqrt(f2))
    }

    func checkKnownSpectrum<T: RealScalar>(_ lambda: [T], seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let a = try matrixWithSpectrum(lambda, rotations: someRotations(lambda.count, like: lambda[0], using: &rng))
        let computed = try a.symmetricEigenvaluesQL()
        let err = maxAbsDifference(computed, lambda.sorted())
        let tol = try tolerance(a)
        #expect(err <= tol, "n = \(lambda.count): max error \(err.doubleValue) > \(tol.doubleValue)")
    }

    @Test func knownSpectrumDouble() throws {
        try checkKnownSpectrum([3, -1, 0.5, 2, -2.25, 0, 7, 1e-3] as [Double], seed: 101)
        var rng = SplitMix64(seed: 102)
        let lambda = (0..<40).map { _ in rng.dyadic().doubleValue * 10 }
        try checkKnownSpectrum(lambda, seed: 103)
    }

    @Test(arguments: [64, 256, 1024])
    func knownSpectrumBigFloat(precision p: Int) throws {
        var rng = SplitMix64(seed: UInt64(p))
        let lambda = (0..<16).map { _ in BigFloat(rng.dyadic() * Rational(5), precision: p) }
        try checkKnownSpectrum(lambda, seed: 104)
    }

    @Test func repeatedEigenvalues() throws {
        let values: [Rational] = [2, 2, 2, 2, -1, -1, 0, 0, 0, 5, Rational(1, 3), 2]
        try checkKnownSpectrum(values.map { $0.doubleValue }, seed: 105)
        try checkKnownSpectrum(values.map { BigFloat($0, precision: 256) }, seed: 106)
        // A multiple of the identity is already diagonal; so is its conjugate only up to rounding.
        try checkKnownSpectrum([Double](repeating: -3, count: 9), seed: 107)
    }

    @Test func agreesWithJacobiDouble() throws {
        var rng = SplitMix64(seed: 111)
        let a = randomSymmetric(60, like: 0.0, using: &rng)
        let ql = try a.symmetricEigenvaluesQL(), jacobi = try a.symmetricEigenvaluesJacobi()
        let tol = try tolerance(a)
        let err = maxAbsDifference(ql, jacobi)
        #expect(err <= tol, "QL vs Jacobi \(err) > \(tol)")
        #expect(try a.symmetricEigenvalues() == ql)
    }

    @Test func agreesWithJacobiBigFloat() throws {
        var rng = SplitMix64(seed: 112)
        let a = randomSymmetric(30, like: BigFloat(0, precision: 256), using: &rng)
        let ql = try a.symmetricEigenvaluesQL(), jacobi = try a.symmetricEigenvaluesJacobi()
        let tol = try tolerance(a)
        let err = maxAbsDifference(ql, jacobi)
        #expect(err <= tol, "QL vs Jacobi \(err.doubleValue) > \(tol.doubleValue)")
        #expect(tol.doubleValue < 1e-70)
    }

    @Test func diagonalMatrixIsExact() throws {
        let values: [Double] = [4, -2, 0, 7.5, -2, 1e-300, 3]
        let a = Matrix<Double>(rows: 7, columns: 7) { i, j in i == j ? values[i] : 0 }
        #expect(try a.symmetricEigenvaluesQL() == values.sorted())
        let big = a.map { BigFloat($0, precision: 128) }
        #expect(try big.symmetricEigenvaluesQL().map(\.doubleValue) == values.sorted())
    }

    @Test func smallSizes() throws {
        #expect(try Matrix<Double>(rows: 0, columns: 0, entries: []).symmetricEigenvaluesQL() == [])
        #expect(try Matrix<Double>([[5]]).symmetricEigenvaluesQL() == [5])
        #expect(try Matrix([[BigFloat(-3, precision: 200)]]).symmetricEigenvaluesQL() == [BigFloat(-3, precision: 200)])
        // [[2, 1], [1, 2]]: 1 and 3; only the upper triangle is read.
        let ev = try Matrix<Double>([[2, 1], [99, 2]]).symmetricEigenvaluesQL()
        #expect(abs(ev[0] - 1) < 1e-15 && abs(ev[1] - 3) < 1e-15)
        // [[a, b], [b, c]] at 512 bits: (a + c)/2 -+ sqrt(((a - c)/2)^2 + b^2).
        let p = 512
        let a = BigFloat(Rational(1, 3), precision: p), b = BigFloat(Rational(-2, 7), precision: p), c = BigFloat(5, precision: p)
        let half = BigFloat(Rational(1, 2), precision: p)
        let mean = (a + c) * half, radius = try BigFloat.sqrt(((a - c) * half) * ((a - c) * half) + b * b)
        let computed = try Matrix([[a, b], [b, c]]).symmetricEigenvaluesQL()
        let tol = power2(8 - p, like: a)
        #expect((computed[0] - (mean - radius)).magnitude <= tol)
        #expect((computed[1] - (mean + radius)).magnitude <= tol)
    }

    @Test func reductionPreservesTraceAndFrobeniusNorm() throws {
        var rng = SplitMix64(seed: 121)
        let p = 256
        let a = randomSymmetric(17, like: BigFloat(0, precision: p), using: &rng)
        let (d, e) = try a.householderTridiagonal()
        #expect(d.count == 17 && e.count == 16)
        var trace = d[0].constant(0), f2 = d[0].constant(0), af2 = d[0].constant(0)
        for x in d { trace = trace + x; f2.addProduct(x, x) }
        for x in e { f2.addProduct(x, x); f2.addProduct(x, x) }
        for x in a.entries { af2.addProduct(x, x) }
        let tol = power2(12 - p, like: trace)
        #expect((trace - a.trace).magnitude <= tol)
        #expect((f2 - af2).magnitude <= tol)
        // An already tridiagonal matrix comes back unchanged up to the signs of e.
        let t = Matrix<Double>([[1, 2, 0, 0], [2, 3, -4, 0], [0, -4, 5, 6], [0, 0, 6, 7]])
        let (dt, et) = try t.householderTridiagonal()
        #expect(dt == [1, 3, 5, 7])
        #expect(et.map(abs) == [2, 4, 6])
    }

    @Test func tridiagonalEntryPoint() throws {
        // The n x n second-difference matrix (2 on the diagonal, -1 beside it) has the
        // eigenvalues 2 - 2 cos(k pi / (n + 1)), k = 1 ... n.
        let n = 25
        let ev = try Matrix<Double>.symmetricTridiagonalEigenvalues(
            diagonal: [Double](repeating: 2, count: n), offDiagonal: [Double](repeating: -1, count: n - 1))
        let exact = (1...n).map { 2 - 2 * cos(Double($0) * Double.pi / Double(n + 1)) }
        #expect(maxAbsDifference(ev, exact) < 1e-14)
    }

    @Test func nonFiniteInputThrows() {
        for bad in [Double.nan, .infinity] {
            let a = Matrix<Double>([[1, bad, 0], [bad, 2, 1], [0, 1, 3]])
            #expect(throws: ComputationError.self) { try a.symmetricEigenvaluesQL() }
            #expect(throws: ComputationError.self) { try a.symmetricEigenvalues() }
        }
        let nanDiagonal = Matrix<Double>([[.nan, 1], [1, 2]])
        #expect(throws: ComputationError.self) { try nanDiagonal.symmetricEigenvaluesQL() }
        let big = Matrix<Double>([[1, .nan], [.nan, 2]]).map { BigFloat($0, precision: 128) }
        #expect(throws: ComputationError.self) { try big.symmetricEigenvaluesQL() }
        // The tridiagonal routine on its own never deflates a NaN: it stops after the step limit.
        #expect(throws: ComputationError.self) {
            try Matrix<Double>.symmetricTridiagonalEigenvalues(diagonal: [.nan, 1, 2], offDiagonal: [1, 1])
        }
    }
}
