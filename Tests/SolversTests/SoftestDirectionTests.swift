import Testing
import Numbers
import LinearAlgebra
import Landscape
@testable import Solvers

/// The direction in which a tangency arc leaves a minimum (paper 003): checked against the
/// explicit model's full kd x kd Hessian at the same point (an independent computation).
@Suite("Softest direction of a minimum")
struct SoftestDirectionTests {
    /// (family, component whose smallest eigenvalue is taken, the blocks split off the big
    /// block in the Young subgroup expected; by the Kostka numbers of section 4 of MATH.md).
    static let cases: [(String, String, [Int])] = [
        ("p1-m0-II", "s", [1]),         // standard of S_{d-1}: Fix(S_{d-2} x S_1 x S_1)
        ("p0-m0-I", "x", [1, 1]),       // exterior square of S_d: Fix(S_{d-2} x S_1 x S_1)
        ("p1-m0-I", "x", [1, 1]),       // exterior square of S_{d-1}: Fix(S_{d-3} x S_1 x S_1 x S_1)
        ("p0-m0-I", "y", [2]),          // (d-2, 2): Fix(S_{d-2} x S_2)
        ("p1-m0-I", "t", []),           // trivial: the minimum's own isotropy
    ]

    @Test("the direction is an eigenvector of the full Hessian for λ, and has the isotropy its component predicts",
          arguments: 0..<cases.count)
    func eigenvector(_ k: Int) throws {
        let (name, irrep, smallBlocks) = Self.cases[k]
        let family = try #require(FamilyCatalogue.named(name))
        let d = 10
        let point = try FamilyCatalogue.criticalPoint(of: family, at: Double(d), precision: 128, confirmation: 192).working
        let values = try #require(try IsotypicSpectrum(point).eigenvalues(of: irrep))
        let lambda = values.map(\.doubleValue).min()!
        let direction = try SoftestDirection(point: point, eigenvalue: lambda)
        // The full Hessian of L in the matrix entries, at C, applied to the direction as a matrix.
        let c = try direction.pattern.matrix(direction.point, dimension: d)
        let v = try direction.pattern.matrix(direction.direction, dimension: d).flatMap { $0 }
        let hessian = try ExplicitModel<Double>(dimension: d).hessian(Matrix(c))
        let hv = (0..<v.count).map { i in (0..<v.count).reduce(0.0) { $0 + hessian[i, $1] * v[$1] } }
        let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
        #expect(abs(norm - 1) < 1e-9, "Frobenius norm \(norm)")
        let residual = zip(hv, v).reduce(0.0) { $0 + ($1.0 - lambda * $1.1) * ($1.0 - lambda * $1.1) }.squareRoot()
        #expect(residual < 1e-7, "\(name) \(irrep): |H v - λ v| = \(residual)")
        // The isotropy detected on C + ε v is the predicted Young subgroup of the minimum's.
        let expected = try IsotropyPattern(smallBlocks: family.pattern.smallBlocks + smallBlocks, extraRows: 0)
        #expect(direction.detected.pattern?.smallBlocks.sorted() == expected.smallBlocks.sorted(), "\(name) \(irrep): \(direction.detected)")
    }
}
