import Testing
import Foundation
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

    @Test("the series in d agree with the exact values at d = 1e4, 1e6, 1e8 within their O-terms", arguments: [10_000, 1_000_000, 100_000_000])
    func series(_ dimension: Int) throws {
        let context = SeriesContext(precision: 256, relativeTerms: 12)
        let d = PuiseuxSeries<BigFloat>.d(context: context)
        let series = try OneNeuron.criticalPoints(d: d)
        let at = BigFloat(dimension, precision: 256)
        let exact = try OneNeuron.criticalPoints(d: at)
        for (s, x) in zip(series, exact) {
            let (ps, px) = (try OneNeuron.paper002(s, d: d), try OneNeuron.paper002(x, d: at))
            for (name, a, b) in [("c", s.c, x.c), ("loss", s.loss, x.loss), ("standard", s.standard, x.standard),
                                 ("||w|| a", ps.product, px.product), ("paper's loss", ps.loss, px.loss), ("1 + ||w||^2", ps.along, px.along)] {
                let order = try #require(a.dOrder)
                let value = a.terms.reduce(BigFloat(0, precision: 256)) { sum, term in
                    sum + term.coefficient * (try! BigFloat.pow(at, term.dExponent))
                }
                // The truncation error is about the O-term's size there (a generous factor 100).
                let bound = try BigFloat.pow(at, order) * BigFloat(100, precision: 256) * (b.magnitude + BigFloat(1, precision: 256))
                #expect((value - b).magnitude < bound, "\(name) at d = \(dimension): series \(value) vs exact \(b)")
            }
        }
        // Leading terms: c+ = d^(1/2)/π + ..., the standard eigenvalue of c+ -> 0 like d^(-1/2).
        #expect(series[0].c.terms.first?.dExponent == Rational(1, 2))
        #expect(series[0].standard.terms.first?.dExponent == Rational(-1, 2))
    }

    /// Paper 002's loss E[(a relu(w.x) - Σ relu(e_j.x))^2] with the output weight a free, from
    /// the explicit model's kernel (independent of `OneNeuron.paper002`).
    static func paperLoss(_ w: [Double], _ a: Double) throws -> Double {
        let d = w.count
        let teacher = (0..<d).map { j in (0..<d).map { $0 == j ? 1.0 : 0.0 } }
        let cross = try teacher.reduce(0.0) { $0 + (try ExplicitModel<Double>.kernel(w, $1)) }
        let constant = Double(d) / 2 + Double(d * (d - 1)) / (2 * Double.pi)
        return a * a * w.reduce(0) { $0 + $1 * $1 } / 2 - 2 * a * cross + constant
    }

    @Test("paper 002's units: loss, zero gradient in (w, a) and the (d + 1) x (d + 1) Hessian by finite differences", arguments: [3, 5, 10])
    func paperUnits(_ d: Int) throws {
        for point in try OneNeuron.criticalPoints(d: Double(d)) {
            let paper = try OneNeuron.paper002(point, d: Double(d))
            let x = Array(repeating: point.c, count: d) + [1.0]
            func f(_ y: [Double]) throws -> Double { try Self.paperLoss(Array(y.prefix(d)), y[d]) }
            #expect(abs(try f(x) - paper.loss) < 1e-12 * Double(d * d))
            let h = 1e-4, n = d + 1
            func shifted(_ i: Int, _ s: Double, _ j: Int, _ t: Double) -> [Double] { var y = x; y[i] += s; y[j] += t; return y }
            for i in 0..<n { #expect(abs((try f(shifted(i, h, i, 0)) - f(shifted(i, -h, i, 0))) / (2 * h)) < 1e-6, "gradient (central differences, error ~h^2 f'''), d = \(d)") }
            let hessian = try Matrix<Double>(rows: n, columns: n) { i, j in
                try (f(shifted(i, h, j, h)) - f(shifted(i, h, j, -h)) - f(shifted(i, -h, j, h)) + f(shifted(i, -h, j, -h))) / (4 * h * h)
            }
            let eigenvalues = try hessian.symmetricEigenvalues().sorted()
            let expected = ([paper.hyperbola, paper.along] + Array(repeating: paper.standard, count: d - 1)).sorted()
            #expect(zip(eigenvalues, expected).allSatisfy { abs($0 - $1) < 1e-5 * max(1, abs($1)) }, "d = \(d): \(eigenvalues) vs \(expected)")
        }
    }

    /// Paper 002, Theorem 3.3 (ReLU, k teacher neurons, here k = d): the global minima satisfy
    /// ||w|| a = k h(u)/h(1) with u = 1/sqrt(k) and L* = k^2 (h(0) - h(u)^2/h(1)) + k (h(1) - h(0)),
    /// h(u) = (sqrt(1 - u^2) + (π - acos u) u)/(2π) the potential g(r1, r2, u) = r1 r2 h(u). Our c+
    /// reproduces both; and the same formulas at u = -1/sqrt(k) give c-, a critical point (a saddle
    /// of index d - 1) that the theorem says does not exist for k > 1 (Docs/one-neuron.md).
    @Test("Theorem 3.3's closed forms: c+ at u = 1/sqrt(k), and c- at u = -1/sqrt(k)", arguments: [2, 3, 10, 100])
    func theorem33(_ d: Int) throws {
        func h(_ u: Double) -> Double {
            let angle: Double = Double.pi - acos(u)
            return (sqrt(1 - u * u) + angle * u) / (2 * Double.pi)
        }
        let k = Double(d)
        for (point, u) in zip(try OneNeuron.criticalPoints(d: k), [1 / sqrt(k), -1 / sqrt(k)]) {
            let paper = try OneNeuron.paper002(point, d: k)
            #expect(abs(paper.product - k * h(u) / h(1)) < 1e-12 * k)
            let published: Double = k * k * (h(0) - h(u) * h(u) / h(1)) + k * (h(1) - h(0))
            #expect(abs(paper.loss - published) < 1e-11 * k * k)
            #expect(abs(paper.similarity - u) < 1e-15)
        }
    }

    /// Every critical point w != 0 of the one-neuron loss is c+ 1 or c- 1 (Docs/one-neuron.md,
    /// "No other critical points"). (a) The argument's one numerical fact: with x* the minimum of
    /// ψ(x) = (π - acos x)/x on (0, 1), ψ(sqrt(1 - x*^2)) > π >= ψ on [x*, 1]. (b) Independently,
    /// Newton on the explicit model's gradient from random starts in R^d finds nothing else.
    @Test("no critical points of the one-neuron student off the line W = c 1^T", arguments: [3, 4, 7])
    func onlyTheLine(_ d: Int) throws {
        func psi(_ x: Double) -> Double { (Double.pi - acos(x)) / x }
        var (low, high) = (0.5, 0.999)  // ψ'(x) = 0 where x/sqrt(1 - x^2) = π - acos x
        for _ in 0..<100 { let mid = (low + high) / 2; if mid / sqrt(1 - mid * mid) < Double.pi - acos(mid) { low = mid } else { high = mid } }
        #expect(psi(sqrt(1 - low * low)) > Double.pi + 2, "ψ(0.3365) = 5.69 against ψ <= π on [x*, 1]")

        let model = ExplicitModel<Double>(dimension: d)
        let line = try OneNeuron.criticalPoints(d: Double(d)).map(\.c)
        var generator = SplitMix64(seed: 2026)
        var found = Set<Int>()
        for _ in 0..<200 {
            var w = (0..<d).map { _ in Double.random(in: -2...2, using: &generator) }
            for _ in 0..<60 {
                let m = Matrix<Double>(rows: 1, columns: d, entries: w)
                guard w.map(abs).max()! > 1e-3, let g = try? model.gradient(m).entries, let h = try? model.hessian(m), let step = try? h.solve(g) else { break }
                w = zip(w, step).map { $0 - $1 }
                if step.map(abs).max()! < 1e-13 { break }
            }
            let m = Matrix<Double>(rows: 1, columns: d, entries: w)
            guard w.map(abs).max()! > 1e-3, w.allSatisfy({ $0.isFinite }), let g = try? model.gradient(m).entries, g.map(abs).max()! < 1e-10 else { continue }
            let match = line.firstIndex { c in w.allSatisfy { abs($0 - c) < 1e-8 } }
            #expect(match != nil, "d = \(d): a critical point off the line: \(w)")
            if let match { found.insert(match) }
        }
        #expect(found == [0, 1], "both c+ and c- are found by the search")
    }

    @Test("K equal rows: a zero gradient and the full Kd x Kd Hessian's eigenvalues of the explicit model",
          arguments: [(4, 2), (6, 3), (10, 2)])
    func equalRows(_ d: Int, _ k: Int) throws {
        let model = ExplicitModel<Double>(dimension: d)
        for point in try OneNeuron.criticalPoints(d: Double(d)) {
            let rows = try OneNeuron.equalRows(point, rows: k, d: Double(d))
            let w = Matrix<Double>(rows: k, columns: d, repeating: rows.c)
            #expect(try model.gradient(w).entries.map(abs).max()! < 1e-13)
            #expect(abs(try model.loss(w) - point.loss) < 1e-12 * Double(d * d), "the same function, the same loss")
            let eigenvalues = try model.hessian(w).symmetricEigenvalues().sorted()
            let multiplicity = ["t⊗t": 1, "t⊗s": d - 1, "s⊗t": k - 1, "s⊗s": (k - 1) * (d - 1)]
            let expected = rows.eigenvalues.flatMap { Array(repeating: $0.value, count: multiplicity[$0.irrep]!) }.sorted()
            #expect(expected.count == k * d)
            #expect(zip(eigenvalues, expected).allSatisfy { abs($0 - $1) < 1e-11 }, "d = \(d), K = \(k): \(eigenvalues) vs \(expected)")
            let negatives = eigenvalues.filter { $0 < -1e-9 }.count
            #expect(rows.index == (negatives == 0 ? "0" : negatives == d - 1 ? "d - 1" : "\(negatives / (d - 1))(d - 1)"))
        }
    }
}
