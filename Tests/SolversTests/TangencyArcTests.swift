#if canImport(Glibc)
import Glibc
#endif
import Testing
import Numbers
import LinearAlgebra
import Landscape
@testable import Solvers

/// Tangency arcs (paper 003) checked with the explicit kd x kd model: the Lagrange condition and
/// the distance along the arc, and at every critical-point event a zero gradient and the index
/// counted on the full Hessian, all independent of the reduced model the arc is computed with.
@Suite("Tangency arcs")
struct TangencyArcTests {
    static func arc(_ name: String, d: Int, sign: Int) throws -> (TangencyArc, CriticalPoint) {
        let family = try #require(FamilyCatalogue.named(name))
        let point = try FamilyCatalogue.criticalPoint(of: family, at: Double(d), precision: 128, confirmation: 192).working
        let lowest = try IsotypicSpectrum(point).allEigenvalues.map(\.doubleValue).min()!
        let direction = try SoftestDirection(point: point, eigenvalue: lowest)
        return (try TangencyArc(from: point, direction: direction, sign: sign, rMax: 3, step: 0.05), point)
    }

    @Test("along the arc: grad L(W) + 2 eta (W - C) = 0 and ||W - C|| = r; at each critical point grad L = 0 and the index",
          arguments: [("p1-m0-II", 1), ("p0-m0-I", 1)])
    func explicitModelAgrees(_ name: String, _ sign: Int) throws {
        let d = 10
        let (arc, _) = try Self.arc(name, d: d, sign: sign)
        let model = ExplicitModel<Double>(dimension: d)
        let c = Matrix(try arc.pattern.matrix(arc.center, dimension: d))
        #expect(arc.steps.count > 20)
        for step in stride(from: 0, to: arc.steps.count, by: 7).map({ arc.steps[$0] }) {
            let w = Matrix(try arc.pattern.matrix(step.coordinates, dimension: d))
            let g = try model.gradient(w)
            var distance = 0.0, lagrange = 0.0
            for i in 0..<w.rows { for j in 0..<w.columns {
                distance += (w[i, j] - c[i, j]) * (w[i, j] - c[i, j])
                lagrange = max(lagrange, abs(g[i, j] + 2 * step.eta * (w[i, j] - c[i, j])))
            } }
            #expect(abs(distance.squareRoot() - step.r) < 1e-9, "\(name): r = \(step.r), ||W - C|| = \(distance.squareRoot())")
            #expect(lagrange < 1e-8, "\(name) at r = \(step.r): |grad L + 2 eta (W - C)| = \(lagrange)")
            #expect(abs(try model.loss(w) - step.loss) < 1e-12)
        }
        let critical = arc.events.filter { $0.kind == .criticalPoint && $0.index != nil }
        #expect(!critical.isEmpty)
        for event in critical {
            let w = Matrix(try arc.pattern.matrix(event.coordinates, dimension: d))
            let gradient = try model.gradient(w)
            #expect(gradient.entries.map(abs).max()! < 1e-10, "\(name): critical point at r = \(event.r)")
            let negatives = try model.hessian(w).symmetricEigenvalues().filter { $0 < -1e-9 }.count
            #expect(negatives == event.index, "\(name): index at r = \(event.r)")
        }
    }

    @Test("the type II arc passes an index-1 saddle and ends at the global minimum; the type I arc's two signs are one arc up to symmetry")
    func shapes() throws {
        let (typeTwo, _) = try Self.arc("p1-m0-II", d: 10, sign: 1)
        #expect(typeTwo.completed && !typeTwo.signsRelated)
        #expect(typeTwo.events.first { $0.kind == .criticalPoint }?.index == 1)
        let end = try #require(typeTwo.events.last)
        #expect(end.kind == .end && end.loss < TangencyArc.globalMinimumLoss)
        let (typeOne, _) = try Self.arc("p0-m0-I", d: 10, sign: 1)
        #expect(typeOne.signsRelated)
        // It reaches a minimum of larger isotropy Δ(S_{d-1} x S_1) (index 0) after a saddle.
        let indices = typeOne.events.filter { $0.kind == .criticalPoint }.compactMap(\.index)
        #expect(indices.prefix(2) == [1, 0])
    }

    static var slow: Bool { (getenv("PUISEUX_SLOW").map { String(cString: $0) } ?? "") == "1" }

    /// `make check`: every k = d minimum of the catalogue at d = 10 (d = 20 with the release binary
    /// in .ci/arcs.sh: the dense Hessians of a debug build take minutes there), both signs: the arc
    /// ends regularly, every event is located (no fallback to the step), and every
    /// critical point has a zero explicit gradient and the index the explicit Hessian counts.
    @Test(.enabled(if: slow), arguments: ["p0-m0-I", "p1-m0-I", "p1-m0-II"])
    func everyKEqualsDArc(_ name: String) throws {
        for d in [10] { for sign in [1, -1] {
            let (arc, _) = try Self.arc(name, d: d, sign: sign)
            #expect(arc.completed, "\(name) d = \(d) sign \(sign): \(arc.events.last?.note ?? "")")
            #expect(!arc.events.contains { ($0.note ?? "").contains("only to the step") }, "\(name) d = \(d) sign \(sign)")
            let model = ExplicitModel<Double>(dimension: d)
            for event in arc.events where event.kind == .criticalPoint && event.index != nil {
                let w = Matrix(try arc.pattern.matrix(event.coordinates, dimension: d))
                #expect(try model.gradient(w).entries.map(abs).max()! < 1e-10)
                #expect(try model.hessian(w).symmetricEigenvalues().filter { $0 < -1e-9 }.count == event.index)
            }
        } }
    }
}
