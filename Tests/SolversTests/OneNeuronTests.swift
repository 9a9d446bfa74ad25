import Testing
import Numbers
import Series
import LinearAlgebra
import Landscape
@testable import Solvers

/// The one-neuron student's closed forms against the explicit model (gradient, loss, the full
/// d x d Hessian) at integer d, and their Puiseux series against the exact values at large d.
@Suite("One-neuron student (paper 002)")
struct OneNeuronTests {
    @Test("closed forms: a zero gradient, the loss and the Hessian spectrum of the explicit model", arguments: [3, 5, 10, 30])
    func explicitModel(_ d: Int) throws {
        let model = ExplicitModel<Double>(dimension: d)
        for point in try OneNeuron.criticalPoints(d: Double(d)) {
            let w = Matrix<Double>(rows: 1, columns: d, repeating: point.c)
            #expect(try model.gradient(w).entries.map(abs).max()! < 1e-13, "d = \(d), c = \(point.c)")
            #expect(abs(try model.loss(w) - point.loss) < 1e-13 * Double(d * d), "loss: rounding grows with its size, ~d^2")
            let eigenvalues = try model.hessian(w).symmetricEigenvalues().sorted()
            let expected = ([point.trivial] + Array(repeating: point.standard, count: d - 1)).sorted()
            #expect(zip(eigenvalues, expected).allSatisfy { abs($0 - $1) < 1e-12 }, "d = \(d), c = \(point.c): \(eigenvalues)")
        }
        // c+ is a minimum, c- a saddle of index d - 1, and c+ has the lower loss.
        let (plus, minus) = try { let p = try OneNeuron.criticalPoints(d: Double(d)); return (p[0], p[1]) }()
        #expect(plus.standard > 0 && minus.standard < 0 && plus.loss < minus.loss)
    }

    @Test("the series in d agree with the exact values at d = 1e6 within their O-terms")
    func series() throws {
        let context = SeriesContext(precision: 256, relativeTerms: 12)
        let d = PuiseuxSeries<BigFloat>.d(context: context)
        let series = try OneNeuron.criticalPoints(d: d)
        let at = BigFloat(1_000_000, precision: 256)
        let exact = try OneNeuron.criticalPoints(d: at)
        for (s, x) in zip(series, exact) {
            for (name, a, b) in [("c", s.c, x.c), ("loss", s.loss, x.loss), ("standard", s.standard, x.standard)] {
                let order = try #require(a.dOrder)
                let value = a.terms.reduce(BigFloat(0, precision: 256)) { sum, term in
                    sum + term.coefficient * (try! BigFloat.pow(at, term.dExponent))
                }
                // The truncation error is about the O-term's size there (a generous factor 100).
                let bound = try BigFloat.pow(at, order) * BigFloat(100, precision: 256) * (b.magnitude + BigFloat(1, precision: 256))
                #expect((value - b).magnitude < bound, "\(name): series \(value) vs exact \(b)")
            }
        }
        // Leading terms: c+ = d^(1/2)/π + ..., the standard eigenvalue of c+ -> 0 like d^(-1/2).
        #expect(series[0].c.terms.first?.dExponent == Rational(1, 2))
        #expect(series[0].standard.terms.first?.dExponent == Rational(-1, 2))
    }
}
