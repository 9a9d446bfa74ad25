import Testing
import Numbers
import LinearAlgebra
import Landscape
@testable import Solvers

/// For every catalogued family at d = 10 and d = 20: the Hessian index from the isotypic
/// components equals the number of negative eigenvalues of the full (kd x kd) Hessian of the
/// explicit model (Double, by the default Householder + QL eigenvalue routine), and the full
/// Hessian has no eigenvalue within 1e-9 of zero. Runs with PUISEUX_SLOW=1 (`make check`).
@Suite struct FullHessianIndexTests {
    @Test(.enabled(if: Environment.isSlow), arguments: FamilyCatalogue.families.map(\.name))
    func isotypicIndexMatchesTheFullHessian(_ name: String) throws {
        let family = try #require(FamilyCatalogue.named(name))
        let dimensions = [10, 20]
        let points = try FamilyCatalogue.criticalPoints(
            of: family, at: dimensions.map { BigFloat($0, precision: 256) }, precision: 256)
        for (d, point) in zip(dimensions, points) {
            let index = try RestrictedSpectrum(point).index(q: d - family.p)
            let w = try family.pattern.matrix(point.coordinates.map(\.doubleValue), dimension: d)
            let hessian = try ExplicitModel<Double>(dimension: d).hessian(Matrix(w))
            let eigenvalues = try hessian.symmetricEigenvalues()
            let negatives = eigenvalues.filter { $0 < 0 }.count
            let smallest = eigenvalues.map(abs).min()!
            print("full-Hessian index: \(name) d = \(d): isotypic \(index.total), full \(negatives) of \(eigenvalues.count), min |eigenvalue| \(smallest)")
            #expect(smallest > 1e-9, "\(name) at d = \(d): full Hessian eigenvalue \(smallest) within 1e-9 of zero")
            #expect(index.total == negatives, "\(name) at d = \(d): isotypic index \(index) vs full Hessian \(negatives)")
        }
    }
}
