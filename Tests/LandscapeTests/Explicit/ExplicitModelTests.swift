import Foundation
import Testing
import Numbers
import LinearAlgebra
@testable import Landscape

/// The explicit model against independent computations: central finite differences of the
/// loss (gradient) and of the gradient (Hessian) at 256 bits, the literal MATH.md formulas
/// for h1/h2 (acos and the 1/sin(theta) normals), exact cancellation at W = V, and the
/// paper's finite-d critical point (MATH.md section 6).
@Suite struct ExplicitModelTests {
    static let bits = 256
    typealias B = BigFloat

    static func big(_ rows: [[Double]]) -> Matrix<B> {
        Matrix(rows.map { $0.map { B($0, precision: bits) } })
    }

    /// Dyadic pseudo-random entries in [-1, 1) (fixed seed), exact in Double and BigFloat.
    static func randomRows(k: Int, d: Int, seed: UInt64) -> [[Double]] {
        var state = seed
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(Int64(bitPattern: state) >> 40) / Double(1 << 23)
        }
        return (0..<k).map { _ in (0..<d).map { _ in next() } }
    }

    static func maxAbs(_ m: Matrix<B>) -> B {
        var r = m.entries[0].constant(0)
        for x in m.entries where x.magnitude > r { r = x.magnitude }
        return r
    }

    static func power2(_ e: Int) -> B { B(try! Rational(2).power(e), precision: bits) }

    /// Central differences of L, step h: (L(W + h E_ia) - L(W - h E_ia)) / 2h.
    static func finiteDifferenceGradient(_ model: ExplicitModel<B>, _ w: Matrix<B>, step h: B) throws -> Matrix<B> {
        var out = w
        for i in 0..<w.rows {
            for a in 0..<w.columns {
                var plus = w, minus = w
                plus[i, a] = w[i, a] + h
                minus[i, a] = w[i, a] - h
                out[i, a] = try (try model.loss(plus) - model.loss(minus)) / (h + h)
            }
        }
        return out
    }

    /// Central differences of the gradient, column (j, b) of the Hessian.
    static func finiteDifferenceHessian(_ model: ExplicitModel<B>, _ w: Matrix<B>, step h: B) throws -> Matrix<B> {
        let n = w.rows * w.columns
        var out = Matrix<B>.zero(rows: n, columns: n, like: w[0, 0])
        for j in 0..<w.rows {
            for b in 0..<w.columns {
                var plus = w, minus = w
                plus[j, b] = w[j, b] + h
                minus[j, b] = w[j, b] - h
                let gp = try model.gradient(plus), gm = try model.gradient(minus)
                for r in 0..<n { out[r, j * w.columns + b] = try (gp.entries[r] - gm.entries[r]) / (h + h) }
            }
        }
        return out
    }

    /// Generic points, a point with rows parallel (same and opposite direction) to each other
    /// and to target rows, and an identical pair of rows.
    static let points: [(name: String, rows: [[Double]])] = [
        ("generic k=4 d=3", randomRows(k: 4, d: 3, seed: 7)),
        ("generic k=3 d=4", randomRows(k: 3, d: 4, seed: 8)),
        ("parallel rows", [[0.75, 0, 0], [-0.5, 0, 0], [0.25, 0.5, -0.125], [0.5, 1, -0.25], [0.25, 0.5, -0.125]]),
    ]

    @Test(arguments: 0..<3)
    func gradientMatchesCentralDifferences(point: Int) throws {
        let w = Self.big(Self.points[point].rows)
        let model = ExplicitModel<B>(dimension: w.columns)
        let fd = try Self.finiteDifferenceGradient(model, w, step: Self.power2(-64))
        let err = Self.maxAbs(try model.gradient(w) - fd)
        // Truncation O(h^2) = 2^-128 times third derivatives (bounded: f ~ theta^3 at theta = 0, pi).
        #expect(err < Self.power2(-110), "\(Self.points[point].name): error \(err.doubleValue)")
    }

    @Test(arguments: 0..<3)
    func hessianMatchesCentralDifferencesOfGradient(point: Int) throws {
        let w = Self.big(Self.points[point].rows)
        let model = ExplicitModel<B>(dimension: w.columns)
        let fd = try Self.finiteDifferenceHessian(model, w, step: Self.power2(-64))
        let err = Self.maxAbs(try model.hessian(w) - fd)
        // Generic: O(h^2). At parallel rows the fourth derivative of f grows like 1/theta, so
        // the central difference is only O(h) there: 2^-64 times a constant.
        let tol = point == 2 ? Self.power2(-56) : Self.power2(-110)
        #expect(err < tol, "\(Self.points[point].name): error \(err.doubleValue)")
    }

    @Test(arguments: 0..<3)
    func hessianIsSymmetric(point: Int) throws {
        let w = Self.big(Self.points[point].rows)
        let h = try ExplicitModel<B>(dimension: w.columns).hessian(w)
        #expect(Self.maxAbs(h - h.transposed) < Self.power2(-240))
    }

    @Test func lossAtTargetIsExactlyZero() throws {
        for d in 1...10 {
            let v = Matrix<Double>(rows: d, columns: d) { i, j in i == j ? 1 : 0 }
            #expect(try ExplicitModel<Double>(dimension: d).loss(v) == 0)
            let vb = v.map { B($0, precision: Self.bits) }
            let model = ExplicitModel<B>(dimension: d)
            #expect(try model.loss(vb).isZero)
            // The gradient sums run in different orders: zero up to rounding only.
            #expect(Self.maxAbs(try model.gradient(vb)) < Self.power2(-250))
        }
    }

    @Test func targetRowsAndLossClosedForms() throws {
        // k = 1, w = e_1 at d = 3: L = 1/4 - (1/2 + 2/(2 pi)) + (3/4 + 6/(4 pi)) = 1/2 + 1/(2 pi).
        let w = Self.big([[1, 0, 0]])
        let l = try ExplicitModel<B>(dimension: 3).loss(w)
        let pi = B.pi(precision: Self.bits)
        let expected = try B(Rational(1, 2), precision: Self.bits) + B(1, precision: Self.bits) / (pi + pi)
        #expect((l - expected).magnitude < Self.power2(-250))
        // The constant term alone: a huge row far from the targets does not matter; instead
        // check f on the closed forms: f(e1, e2) = 1/(2 pi), f(w, -w) = 0, f(w, 2w) = |w|^2.
        let e1 = [B(1, precision: Self.bits), B(0, precision: Self.bits)]
        let e2 = [B(0, precision: Self.bits), B(1, precision: Self.bits)]
        #expect(try ExplicitModel<B>.kernel(e1, e2) == B(1, precision: Self.bits) / (pi + pi))
        let x = [B(3, precision: Self.bits), B(-4, precision: Self.bits)]
        #expect(try ExplicitModel<B>.kernel(x, x.map { -$0 }).isZero)
        #expect(try ExplicitModel<B>.kernel(x, x.map { $0 + $0 }) == B(25, precision: Self.bits))
    }

    /// h1, h2 and g from MATH.md section 1 literally (theta by acos, n and n' with the
    /// 1/sin(theta) divisions) in Double, against the stable forms.
    @Test func literalMathFormulasAgree() throws {
        let rows = Self.randomRows(k: 6, d: 4, seed: 99)
        for (w, v) in zip(rows, rows.dropFirst()) {
            let a = w.map { $0 * $0 }.reduce(0, +), b = v.map { $0 * $0 }.reduce(0, +)
            let c = zip(w, v).map { $0 * $1 }.reduce(0, +)
            let nw = a.squareRoot(), nv = b.squareRoot()
            let theta = acos(c / (nw * nv)), s = sin(theta), co = cos(theta)
            let wb = w.map { $0 / nw }, vb = v.map { $0 / nv }
            let n = zip(vb, wb).map { ($0 - co * $1) / s }
            let n2 = zip(wb, vb).map { ($0 - co * $1) / s }
            let h1 = try ExplicitModel<Double>.h1(w, v), h2 = try ExplicitModel<Double>.h2(w, v)
            let g = try ExplicitModel<Double>.rowGradient(w, v)
            for i in 0..<4 {
                #expect(abs(g[i] - (nv * s * wb[i] + (Double.pi - theta) * v[i]) / (2 * .pi)) < 1e-13)
                for j in 0..<4 {
                    let id: Double = i == j ? 1 : 0
                    let e1 = nv * s / (2 * .pi * nw) * (id - wb[i] * wb[j] + n[i] * n[j])
                    let e2 = ((Double.pi - theta) * id + n2[i] * vb[j] + n[i] * wb[j]) / (2 * .pi)
                    #expect(abs(h1[i, j] - e1) < 1e-12)
                    #expect(abs(h2[i, j] - e2) < 1e-12)
                }
            }
        }
    }

    @Test func doubleAndBigFloatAgree() throws {
        let rows = Self.randomRows(k: 5, d: 4, seed: 5)
        let wd = Matrix(rows), wb = Self.big(rows)
        let md = ExplicitModel<Double>(dimension: 4), mb = ExplicitModel<B>(dimension: 4)
        #expect(abs(try md.loss(wd) - mb.loss(wb).doubleValue) < 1e-14)
        let gd = try md.gradient(wd), gb = try mb.gradient(wb)
        #expect(zip(gd.entries, gb.entries).allSatisfy { abs($0 - $1.doubleValue) < 1e-14 })
        let hd = try md.hessian(wd), hb = try mb.hessian(wb)
        #expect(zip(hd.entries, hb.entries).allSatisfy { abs($0 - $1.doubleValue) < 1e-13 })
    }

    @Test func zeroRowThrows() {
        let w = Matrix<Double>([[1, 0], [0, 0]])
        let model = ExplicitModel<Double>(dimension: 2)
        #expect(throws: ComputationError.self) { try model.loss(w) }
        #expect(throws: ComputationError.self) { try model.gradient(w) }
        #expect(throws: ComputationError.self) { try model.hessian(w) }
    }

    /// MATH.md section 6: p = 0, k = d = 10, diagonal D = -0.8003, off-diagonal O = 0.1985
    /// is (to the 4 digits printed) the type I critical point, with loss 0.0766.
    @Test func paperCriticalPointAtDimensionTen() throws {
        let d = 10
        func point(_ dg: Double, _ od: Double) -> Matrix<Double> {
            Matrix(rows: d, columns: d) { i, j in i == j ? dg : od }
        }
        let model = ExplicitModel<Double>(dimension: d)
        let w = point(-0.8003, 0.1985)
        #expect(abs(try model.loss(w) - 0.0766) < 5e-5)
        // The gradient vanishes up to the rounding of D and O (|H| <= ~d/4, rounding 5e-5).
        let g = try model.gradient(w)
        #expect(g.entries.map(abs).max()! < 1e-3)
        // Newton on the read-off field (mean diagonal / off-diagonal gradient entry) from the
        // printed point: the exact critical point rounds to the printed digits.
        var x = (-0.8003, 0.1985)
        for _ in 0..<8 {
            func field(_ p: (Double, Double)) throws -> (Double, Double) {
                let g = try model.gradient(point(p.0, p.1))
                return (g[0, 0], g[0, 1])
            }
            let f = try field(x), h = 1e-7
            let fd = try field((x.0 + h, x.1)), fo = try field((x.0, x.1 + h))
            let j = ((fd.0 - f.0) / h, (fo.0 - f.0) / h, (fd.1 - f.1) / h, (fo.1 - f.1) / h)
            let det = j.0 * j.3 - j.1 * j.2
            x = (x.0 - (j.3 * f.0 - j.1 * f.1) / det, x.1 - (-j.2 * f.0 + j.0 * f.1) / det)
        }
        #expect(abs(x.0 - -0.8003) <= 0.00005 && abs(x.1 - 0.1985) <= 0.00005, "critical point \(x)")
        #expect(abs(try model.loss(point(x.0, x.1)) - 0.0766) < 5e-5)
    }
}
