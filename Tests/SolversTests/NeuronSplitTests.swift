import Testing
import Numbers
import LinearAlgebra
import Landscape
@testable import Solvers

/// Neuron splitting for output weights fixed at 1 (paper 002, Theorem 4.1 redone;
/// Docs/neuron-splitting.md): Y by isotypic component against the explicit d x d block
/// H_JJ - I/2 at integer d, and the predicted inertia (old Hessian's plus Y's) against the
/// explicit (k + 1) d x (k + 1) d Hessian of the split point.
@Suite("Neuron splitting (paper 002)")
struct NeuronSplitTests {
    static func point(_ name: String, d: Int) throws -> CriticalPoint {
        try FamilyCatalogue.criticalPoint(of: FamilyCatalogue.named(name)!, at: Double(d), precision: 128, confirmation: 192).working
    }

    /// Every eigenvalue of the list, each repeated by its multiplicity, ascending.
    static func expanded(_ split: NeuronSplit, d: Int) -> [Double] {
        var all = [0.0]
        for c in split.y { for v in c.eigenvalues { all += Array(repeating: v.doubleValue, count: split.multiplicity(c, d: d)) } }
        return all.sorted()
    }

    @Test("Y by component equals the explicit block H_JJ - I/2, with Y w_J = 0",
          arguments: [("p0-m0-I", 10, 1), ("p1-m0-II", 10, 1), ("p1-m0-II", 10, 10), ("p1-m1-II", 10, 11), ("p0-m1-I", 10, 11)])
    func yBlock(_ name: String, _ d: Int, _ row: Int) throws {
        let point = try Self.point(name, d: d)
        let split = try NeuronSplit(point: point, row: try SplitRow(row: row, pattern: point.pattern, d: d))
        #expect(split.nullResidual.doubleValue < 1e-30)
        let w = try point.pattern.matrix(point.coordinates, dimension: d)
        let block = try ExplicitModel<BigFloat>(dimension: d).hessianSubmatrix(Matrix(w), rows: [row - 1])
        let y = Matrix<Double>(rows: d, columns: d) { i, j in block[i, j].doubleValue - (i == j ? 0.5 : 0) }
        let explicit = try y.symmetricEigenvalues().sorted()
        let ours = Self.expanded(split, d: d)
        #expect(ours.count == d)
        #expect(zip(explicit, ours).allSatisfy { abs($0 - $1) < 1e-10 }, "\(name) row \(row): \(explicit) vs \(ours)")
    }

    @Test("predicted inertia = the explicit split Hessian's, every μ in (0, 1)",
          arguments: [("p0-m0-I", 10), ("p0-m0-I", 20), ("p1-m0-II", 10), ("p1-m0-II", 20)])
    func inertia(_ name: String, _ d: Int) throws {
        let point = try Self.point(name, d: d)
        let spectrum = try IsotypicSpectrum(point)
        for row in Set([1, d - point.pattern.smallTotal, d, d + point.pattern.extraRows]).sorted() {
            let split = try NeuronSplit(point: point, row: try SplitRow(row: row, pattern: point.pattern, d: d))
            let predicted = try split.predictedInertia(d: d, old: spectrum)
            for mu in [Rational(1, 2), Rational(1, 3), Rational(9, 10)] {
                let (values, floor) = try #require(try SplitHessian.eigenvalues(point, row: split.row, mu: mu, d: d))
                #expect(SplitHessian.inertia(values, floor: floor) == predicted, "\(name) d = \(d) row \(row) μ = \(mu)")
            }
        }
    }

    @Test("the spectrum at μ = 1/2 from the congruence equals the explicit split Hessian's, eigenvalue by eigenvalue",
          arguments: [("p0-m0-I", 10, 1), ("p0-m0-I", 20, 7), ("p1-m0-II", 10, 3), ("p1-m0-II", 10, 10), ("p1-m1-II", 10, 11), ("p1-m0-II", 20, 20)])
    func halfSpectrum(_ name: String, _ d: Int, _ row: Int) throws {
        let point = try Self.point(name, d: d)
        let split = try NeuronSplit(point: point, row: try SplitRow(row: row, pattern: point.pattern, d: d))
        var ours: [Double] = []
        for c in try split.halfSpectrum() { for v in c.eigenvalues { ours += Array(repeating: v.doubleValue, count: c.multiplicity(d)) } }
        ours.sort()
        let (values, floor) = try #require(try SplitHessian.eigenvalues(point, row: split.row, mu: Rational(1, 2), d: d))
        #expect(ours.count == values.count, "multiplicities add up to (k + 1) d")
        #expect(zip(ours, values).allSatisfy { abs($0 - $1) <= max(floor, 1e-10) }, "\(name) d = \(d) row \(row)")
    }

    @Test("Y's eigenvalue series agree with Y exactly at d = 1e6 within their O-terms",
          arguments: [("p0-m0-I", SplitRow.Place.block(0)), ("p1-m0-II", .block(0)), ("p1-m0-II", .block(1)), ("p1-m1-II", .extra(0))])
    func series(_ name: String, _ place: SplitRow.Place) throws {
        let family = FamilyCatalogue.named(name)!
        let series = try NeuronSplit.ySeries(family, place: place, terms: 4, precision: 256)
        let at = BigFloat(1_000_000, precision: 256)
        let point = try FamilyCatalogue.criticalPoint(of: family, at: 1e6, precision: 256, confirmation: 320).working
        let exact = try NeuronSplit(point: point, row: try SplitRow.representative(place, pattern: family.pattern))
        #expect(series.map(\.name) == exact.y.map(\.name))
        for (s, x) in zip(series, exact.y) {
            #expect(s.eigenvalues.count == x.eigenvalues.count, "\(name) \(s.name)")
            // Both ascending for large d.
            for (a, b) in zip(s.eigenvalues, x.eigenvalues.sorted()) {
                let order = try #require(a.dOrder)
                let value = a.terms.reduce(BigFloat(0, precision: 256)) { sum, term in sum + term.coefficient * (try! BigFloat.pow(at, term.dExponent)) }
                let bound = try BigFloat.pow(at, order) * BigFloat(100, precision: 256) * (b.magnitude + BigFloat(1, precision: 256))
                #expect((value - b).magnitude < bound, "\(name) \(s.name): series \(value.doubleValue) vs exact \(b.doubleValue)")
            }
        }
    }
}
