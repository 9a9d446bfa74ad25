import Testing
import Numbers
import LinearAlgebra
import Landscape
@testable import Solvers

/// Critical points at finite d: Newton in MPFR from the paper's rounded coordinates, the
/// published values (MATH.md section 6, from paper 000), continuation, and the isotypic
/// index against the eigenvalues of the full kd x kd Hessian of the explicit model.
@Suite struct CriticalPointTests {
    static let bits = 256
    static func big(_ x: Double) -> BigFloat { BigFloat(Rational(x), precision: bits) }

    /// Paper 000 (MATH.md section 6): p = 0, k = d = 10, type I near D = -0.8003, O = 0.1985,
    /// loss 0.0766.
    @Test func paperPointDeltaSdAtTen() throws {
        let pattern = try IsotropyPattern.standard(p: 0, extraRows: 0)
        let point = try NewtonSolver().solve(pattern: pattern, d: Self.big(10), start: [-0.8003, 0.1985].map(Self.big))
        #expect(abs(point.coordinates[0].doubleValue + 0.8003) < 5e-5)
        #expect(abs(point.coordinates[1].doubleValue - 0.1985) < 5e-5)
        #expect(abs(point.loss.doubleValue - 0.0766) < 5e-5)
        #expect(point.gradientNorm.doubleValue < 1e-50)
        #expect(point.type == .typeI)
    }

    /// Paper 000 (MATH.md section 6): p = 1, k = d = 10, type II near
    /// (1.0044, -0.0158, 0.1824, 0.126, -0.699), loss 0.0187.
    @Test func paperPointTypeTwoAtTen() throws {
        let pattern = try IsotropyPattern.standard(p: 1, extraRows: 0)
        let published = [1.0044, -0.0158, 0.1824, 0.126, -0.699]
        let point = try NewtonSolver().solve(pattern: pattern, d: Self.big(10), start: published.map(Self.big))
        for (x, y) in zip(point.coordinates, published) { #expect(abs(x.doubleValue - y) < 1e-3) }
        #expect(abs(point.loss.doubleValue - 0.0187) < 5e-5)
        #expect(point.gradientNorm.doubleValue < 1e-50)
        #expect(point.type == .typeII)
    }

    /// Following the family in d and solving directly at the target from a rough start must
    /// give the same point.
    @Test func continuationAgreesWithDirectNewton() throws {
        let pattern = try IsotropyPattern.standard(p: 1, extraRows: 0)
        let at10 = try NewtonSolver().solve(pattern: pattern, d: Self.big(10), start: [1.0044, -0.0158, 0.1824, 0.126, -0.699].map(Self.big))
        let followed = try Continuation().follow(at10, to: Self.big(14))
        // A rough start at d = 14: the d = 10 point itself.
        let direct = try NewtonSolver().solve(pattern: pattern, d: Self.big(14), start: at10.coordinates)
        for (x, y) in zip(followed.coordinates, direct.coordinates) { #expect(abs((x - y).doubleValue) < 1e-60) }
        #expect(followed.gradientNorm.doubleValue < 1e-50)
    }

    @Test func newtonFromFarAwayFailsCleanly() throws {
        let pattern = try IsotropyPattern.standard(p: 0, extraRows: 0)
        // Rows of zero length: the kernel is undefined; a clear error, not a crash or a number.
        #expect(throws: (any Error).self) {
            try NewtonSolver(maximumIterations: 5).solve(pattern: pattern, d: Self.big(10), start: [0, 0].map(Self.big))
        }
    }

    /// The index from the isotypic components equals the number of negative eigenvalues of
    /// the full (kd x kd) Hessian of the explicit model (Double suffices to count signs).
    @Test(arguments: [(0, 0, [-0.8003, 0.1985]), (1, 0, [1.0044, -0.0158, 0.1824, 0.126, -0.699]),
                      (0, 1, [-0.78472, 0.17548, 0.17503])])
    func isotypicIndexMatchesTheFullHessian(p: Int, m: Int, start: [Double]) throws {
        let pattern = try IsotropyPattern.standard(p: p, extraRows: m)
        let d = 10
        let point = try NewtonSolver().solve(pattern: pattern, d: Self.big(Double(d)), start: start.map(Self.big))
        let spectrum = try RestrictedSpectrum(point)
        let index = spectrum.index(q: d - p)
        let w = try pattern.matrix(point.coordinates.map(\.doubleValue), dimension: d)
        let hessian = try ExplicitModel<Double>(dimension: d).hessian(Matrix(w))
        let eigenvalues = try hessian.symmetricEigenvalues()
        let negatives = eigenvalues.filter { $0 < -1e-9 }.count
        #expect(eigenvalues.allSatisfy { abs($0) > 1e-9 }, "degenerate Hessian")
        #expect(index.total == negatives, "isotypic index \(index) vs full Hessian \(negatives)")
    }
}
