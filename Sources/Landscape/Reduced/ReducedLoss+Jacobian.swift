import Numbers
import LinearAlgebra

extension ReducedLoss {
    /// F_d(ξ) and its Jacobian DF_d(ξ) (entry (i, j) = ∂F_i/∂ξ_j = ∂²L/∂ξ_i∂ξ_j / count_i), in
    /// closed form: each term count · f(a, b, c) contributes
    ///
    ///     count · (f_a ∇²a + f_b ∇²b + f_c ∇²c + Σ_(p,q ∈ {a,b,c}) f_pq ∇p ∇q^T),
    ///
    /// a, b, c quadratic in ξ (sparse gradients, constant Hessians) and f_pq the kernel's closed
    /// forms (`ReluKernel`). Exact up to rounding; no nested dual numbers (Docs/derivatives.md).
    ///
    /// `parallel`: the terms are evaluated on two threads when a core is idle (`Parallelism`),
    /// then summed in their order, so the result is the same bit for bit. Worth it for series
    /// arguments (a kernel term costs milliseconds), not for numbers (microseconds).
    public func fieldAndJacobian(_ xi: [T], parallel: Bool = false) throws -> (field: [T], jacobian: Matrix<T>) {
        let n = xi.count
        precondition(n == pattern.dimension, "expected \(pattern.dimension) coordinates")
        let zero = d.constant(0)
        var gradient = [T](repeating: zero, count: n)
        // The upper triangle of ∂²L (row i, columns j >= i).
        var hessian = [[T]](repeating: [T](repeating: zero, count: n), count: n)
        for t in try evaluateAll(at: xi, secondOrder: true, parallel: parallel) {
            for (jet, w) in zip(t.jets, t.first) {
                for (i, g) in jet.gradient { gradient[i] = gradient[i] + w * g }
                for h in jet.hessian { hessian[h.i][h.j] = hessian[h.i][h.j] + w * h.value }
            }
            guard let second = t.second else { continue }
            // Σ_pq f_pq ∇p ∇q^T = Σ_p ∇p w_p^T with w_p = Σ_q count f_pq ∇q.
            let gradients = t.jets.map(\.gradient)
            for p in gradients.indices {
                var w = [T?](repeating: nil, count: n)
                for q in gradients.indices {
                    for (j, g) in gradients[q] {
                        let term = second[p][q] * g
                        w[j] = w[j].map { $0 + term } ?? term
                    }
                }
                for (i, g) in gradients[p] {
                    for j in i..<n { if let wj = w[j] { hessian[i][j] = hessian[i][j] + g * wj } }
                }
            }
        }
        let counts = pattern.entryCounts(d: d)
        let field = try zip(gradient, counts).map { try $0 / $1 }
        let inverse = try counts.map { try d.constant(1) / $0 }
        let jacobian = Matrix<T>(rows: n, columns: n) { i, j in
            (i <= j ? hessian[i][j] : hessian[j][i]) * inverse[i]
        }
        return (field, jacobian)
    }

    /// The diagonal of DF_d(ξ) alone (∂²L/∂ξ_i² / count_i): what a trace needs (the x and y
    /// eigenvalues of the spectrum, `SeriesSpectrum.Jacobians`), at the cost of the terms'
    /// evaluation without the O(n²) assembly of every entry. Same terms and formulas as
    /// `fieldAndJacobian`.
    public func jacobianDiagonal(_ xi: [T], parallel: Bool = false) throws -> [T] {
        let n = xi.count
        precondition(n == pattern.dimension, "expected \(pattern.dimension) coordinates")
        var diagonal = [T?](repeating: nil, count: n)
        func add(_ i: Int, _ x: T) { diagonal[i] = diagonal[i].map { $0 + x } ?? x }
        for t in try evaluateAll(at: xi, secondOrder: true, parallel: parallel) {
            for (jet, w) in zip(t.jets, t.first) {
                for h in jet.hessian where h.i == h.j { add(h.i, w * h.value) }
            }
            guard let second = t.second else { continue }
            // Σ_pq f_pq (∂_i p)(∂_i q) for each i that some gradient touches.
            let gradients = t.jets.map { Dictionary($0.gradient, uniquingKeysWith: +) }
            let touched = Set(t.jets.flatMap { $0.gradient.map(\.0) })
            for i in touched.sorted() {
                var sum: T?
                for p in gradients.indices {
                    guard let gp = gradients[p][i] else { continue }
                    for q in gradients.indices {
                        guard let gq = gradients[q][i] else { continue }
                        let term = second[p][q] * gp * gq
                        sum = sum.map { $0 + term } ?? term
                    }
                }
                if let sum { add(i, sum) }
            }
        }
        let counts = pattern.entryCounts(d: d)
        return try (0..<n).map { try (diagonal[$0] ?? d.constant(0)) / counts[$0] }
    }

    /// Every term at ξ, in term order; on two threads when asked and a core is idle.
    func evaluateAll(at xi: [T], secondOrder: Bool, parallel: Bool) throws -> [TermAtPoint] {
        guard parallel, symbolic.count >= 4, Parallelism.hasSpareCore else {
            return try symbolic.map { try evaluate($0, at: xi, secondOrder: secondOrder) }
        }
        let model = self
        nonisolated(unsafe) var results = [Result<TermAtPoint, Error>?](repeating: nil, count: symbolic.count)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let buffer = buffer
            Parallelism.run(2) { half in
                for i in stride(from: half, to: model.symbolic.count, by: 2) {
                    buffer[i] = Result { try model.evaluate(model.symbolic[i], at: xi, secondOrder: secondOrder) }
                }
            }
        }
        return try results.map { try $0!.get() }
    }

    /// ∂F_d(ξ)/∂d at fixed ξ: the direction of the continuation predictor.
    public func fieldDerivativeInD(_ xi: [T]) throws -> [T] {
        let seeded = ReducedLoss<Dual<T>>(pattern: pattern, d: Dual.variable(d, index: 0, count: 1))
        return try seeded.field(xi.map { Dual($0) }).map { $0.partial(0) }
    }
}
