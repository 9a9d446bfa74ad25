#if canImport(Glibc)
import Glibc
#endif
import Numbers
import LinearAlgebra
import Landscape

/// A tangency arc of paper 003 (MATH.md section 8): for a minimum C at integer d, the curve of
/// points W at distance r from C where the loss restricted to the sphere ||W - C||_F = r is
/// critical, grad L(W) + 2 η (W - C) = 0, followed from r = 0 out.
///
/// Coordinates: the fixed-point space of the arc's isotropy K (`SoftestDirection`: the one of
/// the eigenvector of the lowest Hessian eigenvalue at C), scaled by the square roots of the
/// entry counts, u_i = sqrt(c_i) ξ_i, so that |u - u_C| is the Frobenius distance. Unknowns
/// z = (u, η, r); equations F_i(ξ) + 2 η (ξ_i - ξ_C,i) = 0 (F the read-off field: the gradient
/// at one entry of each orbit) and |u - u_C|^2 = r^2; continued by pseudo-arclength (predictor
/// along the tangent, Newton on the equations plus the arclength condition), so folds in r are
/// passed. The step halves on a failed correction and grows after easy ones.
///
/// Per accepted point: r, the loss, η, and μ, the lowest eigenvalue of Hess L(W) + 2 η I on the
/// tangent space of the full sphere (all kd directions orthogonal to W - C; μ > 0: the arc point
/// minimises L on the sphere). Events: η changes sign (a critical point of L: found by Newton on
/// the gradient in MPFR from the arc's point, its full Hessian index counted), μ changes sign (a
/// symmetry-breaking bifurcation) and dr/ds changes sign (a fold), both located by bisection in
/// the arclength to 1e-10 in r, and the end (r_max, the global minimum approached, or a step that
/// cannot be continued, with the reason).
public struct TangencyArc: Sendable {
    public struct Step: Sendable {
        public let r: Double, loss: Double, eta: Double
        /// nil when kd is too large for the dense Hessian (`FullHessianIndex.maximumSize`).
        public let mu: Double?
        /// W in the arc's coordinates (`pattern`).
        public let coordinates: [Double]
    }

    public struct Event: Sendable {
        public enum Kind: String, Sendable { case criticalPoint = "critical_point", bifurcation, fold, end }
        public let kind: Kind
        public let r: Double, loss: Double
        /// Critical points: the number of negative eigenvalues of the full Hessian.
        public let index: Int?
        /// The point in the arc's coordinates (`pattern`); for critical points Newton's.
        public let coordinates: [Double]
        /// The end's reason, or what else is known (a critical point's isotropy).
        public let note: String?
        /// A critical point's isotropy, detected on its matrix (nil for other events).
        public var isotropy: IsotropyPattern? = nil
    }

    public let pattern: IsotropyPattern
    public let d: Int
    /// +1 or -1: which way along the eigenvector the arc leaves.
    public let sign: Int
    /// The lowest Hessian eigenvalue at C (the arc starts with η = -λ/2).
    public let lowestEigenvalue: Double
    public private(set) var steps: [Step] = []
    public private(set) var events: [Event] = []
    /// False when the continuation stopped before r_max (the last event says why).
    public private(set) var completed = true
    /// Whether a symmetry of C (a swap of two equal blocks of the arc's pattern) maps the
    /// starting direction v to -v: then the arcs for both signs are images of each other.
    public let signsRelated: Bool

    // Working data.
    let center: [Double]        // ξ_C in the arc's coordinates
    let roots: [Double]         // sqrt(c_i)
    let model: ReducedLoss<Double>
    let explicit: ExplicitModel<Double>
    let denseMu: Bool

    /// The arc from `point` (a minimum) along ±(the eigenvector of its lowest Hessian eigenvalue).
    public init(from point: CriticalPoint, direction: SoftestDirection, sign: Int, rMax: Double, step maximumStep: Double) throws {
        precondition(sign == 1 || sign == -1 && rMax > 0 && maximumStep > 0)
        let d = Int(point.d.doubleValue)
        (pattern, self.d, self.sign, lowestEigenvalue) = (direction.pattern, d, sign, direction.eigenvalue)
        center = direction.point
        roots = direction.pattern.entryCounts(d: Double(d)).map { $0.squareRoot() }
        model = ReducedLoss(pattern: direction.pattern, d: Double(d))
        explicit = ExplicitModel<Double>(dimension: d)
        denseMu = (d + pattern.extraRows) * d <= FullHessianIndex.maximumSize
        signsRelated = try Self.oppositeIsImage(direction, d: d)
        try follow(direction: direction.direction, rMax: rMax, maximumStep: maximumStep)
    }

    var n: Int { center.count }

    /// Whether swapping two equal-size small blocks of the direction's pattern (rows and columns)
    /// fixes C and maps v to -v.
    static func oppositeIsImage(_ direction: SoftestDirection, d: Int) throws -> Bool {
        let p = direction.pattern
        let c = try p.matrix(direction.point, dimension: d), v = try p.matrix(direction.direction, dimension: d)
        let q = d - p.smallTotal
        var starts = [Int](), at = q
        for n in p.smallBlocks { starts.append(at); at += n }
        func swapped(_ m: [[Double]], _ a: Int, _ b: Int, size: Int) -> [[Double]] {
            var perm = Array(0..<d)
            for k in 0..<size { perm.swapAt(starts[a] + k, starts[b] + k) }
            return m.indices.map { i in (0..<d).map { j in m[i < d ? perm[i] : i][perm[j]] } }
        }
        func close(_ x: [[Double]], _ y: [[Double]]) -> Bool {
            zip(x, y).allSatisfy { zip($0, $1).allSatisfy { abs($0 - $1) <= 1e-9 * (1 + abs($1)) } }
        }
        for a in p.smallBlocks.indices { for b in p.smallBlocks.indices where b > a && p.smallBlocks[a] == p.smallBlocks[b] {
            let size = p.smallBlocks[a]
            if close(swapped(c, a, b, size: size), c) && close(swapped(v, a, b, size: size), v.map { $0.map { -$0 } }) { return true }
        } }
        return false
    }

    func xi(_ z: [Double]) -> [Double] { (0..<n).map { z[$0] / roots[$0] } }

    /// The n + 1 equations at z = (u, η, r) and their (n + 1) x (n + 2) Jacobian.
    func system(_ z: [Double]) throws -> (g: [Double], a: Matrix<Double>) {
        let x = xi(z), eta = z[n], r = z[n + 1]
        let (field, jacobian) = try model.fieldAndJacobian(x)
        var g = [Double](repeating: 0, count: n + 1)
        var a = Matrix<Double>(rows: n + 1, columns: n + 2, repeating: 0)
        for i in 0..<n {
            g[i] = field[i] + 2 * eta * (x[i] - center[i])
            for j in 0..<n { a[i, j] = jacobian[i, j] / roots[j] + (i == j ? 2 * eta / roots[j] : 0) }
            a[i, n] = 2 * (x[i] - center[i])
        }
        var sum = 0.0
        for j in 0..<n {
            let du = z[j] - roots[j] * center[j]
            sum += du * du
            a[n, j] = 2 * du
        }
        g[n] = sum - r * r
        a[n, n + 1] = -2 * r
        return (g, a)
    }

    /// The unit tangent of the curve at z, oriented along `previous`.
    func tangent(_ a: Matrix<Double>, previous: [Double]) throws -> [Double] {
        let m = n + 2
        let square = Matrix<Double>(rows: m, columns: m) { i, j in i < n + 1 ? a[i, j] : previous[j] }
        var t = try square.solve([Double](repeating: 0, count: n + 1) + [1])
        let norm = t.reduce(0) { $0 + $1 * $1 }.squareRoot()
        t = t.map { $0 / norm }
        return zip(t, previous).reduce(0) { $0 + $1.0 * $1.1 } < 0 ? t.map { -$0 } : t
    }

    /// Newton from `start` on the equations plus `extra` (the arclength condition, or r fixed).
    func correct(_ start: [Double], extra: ([Double]) -> (value: Double, gradient: [Double])) throws -> [Double] {
        var z = start
        for _ in 0..<12 {
            let (g, a) = try system(z)
            let (e, grad) = extra(z)
            let m = n + 2
            let full = Matrix<Double>(rows: m, columns: m) { i, j in i < n + 1 ? a[i, j] : grad[j] }
            let step = try full.solve(g + [e])
            z = zip(z, step).map { $0 - $1 }
            let size = step.map(abs).max() ?? 0
            if !size.isFinite { break }
            if size < 1e-13 * (1 + z.map(abs).max()!) { return z }
        }
        let (g, _) = try system(z)
        if getenv("PUISEUX_TRACE") != nil { print("arc correction: residual \(g.map(abs).max()!) at r = \(z[n + 1])") }
        guard g.map(abs).max()! < 1e-10 else { throw SolverError.notConverged("the arc's Newton correction did not converge") }
        return z
    }

    /// The explicit matrix at z and the loss there.
    func matrix(_ z: [Double]) throws -> Matrix<Double> { Matrix(try pattern.matrix(xi(z), dimension: d)) }

    /// μ: the lowest eigenvalue of Hess L(W) + 2 η I on the tangent space of the sphere at W.
    func mu(_ z: [Double]) throws -> Double? {
        guard denseMu else { return nil }
        let w = try matrix(z), c = Matrix(try pattern.matrix(center, dimension: d))
        let h = try explicit.hessian(w)
        let size = h.rows
        var u = (0..<w.rows).flatMap { i in (0..<w.columns).map { j in w[i, j] - c[i, j] } }
        let norm = u.reduce(0) { $0 + $1 * $1 }.squareRoot()
        u = u.map { $0 / norm }
        // P (H + 2 η I) P + Λ u u^T, P = I - u u^T: the u direction moved far above the rest.
        let hu = (0..<size).map { i in (0..<size).reduce(0.0) { $0 + h[i, $1] * u[$1] } }
        let uhu = zip(u, hu).reduce(0.0) { $0 + $1.0 * $1.1 }
        let big = 1e6
        let m = Matrix<Double>(rows: size, columns: size) { i, j in
            h[i, j] - u[i] * hu[j] - hu[i] * u[j] + u[i] * u[j] * uhu + (i == j ? 2 * z[n] : 0) - 2 * z[n] * u[i] * u[j] + big * u[i] * u[j]
        }
        return try m.symmetricEigenvalues().min()
    }

    func loss(_ z: [Double]) throws -> Double { try explicit.loss(try matrix(z)) }

    mutating func follow(direction v: [Double], rMax: Double, maximumStep: Double) throws {
        // Start just off C along ±v (Frobenius-unit in u), η = -λ/2, corrected at that r.
        let r0 = min(maximumStep / 20, 1e-3)
        let u0 = (0..<n).map { roots[$0] * (center[$0] + Double(sign) * r0 * v[$0]) }
        var z = try correct(u0 + [-lowestEigenvalue / 2, r0]) { z in
            (z[n + 1] - r0, [Double](repeating: 0, count: n + 1) + [1])
        }
        var t = try tangent(try system(z).a, previous: [Double](repeating: 0, count: n + 1) + [1])
        var h = maximumStep / 4
        var previous = try record(z)
        while true {
            // Past a fold the curve may come back: reaching C again (r -> 0) closes the arc.
            if z[n + 1] < 0.5 * r0 {
                events.append(Event(kind: .end, r: max(z[n + 1], 0), loss: previous.loss, index: nil, coordinates: xi(z), note: "the arc returns to the minimum C"))
                return
            }
            if z[n + 1] >= rMax { events.append(Event(kind: .end, r: z[n + 1], loss: previous.loss, index: nil, coordinates: xi(z), note: "r_max reached")); return }
            if previous.loss < 1e-12 { events.append(Event(kind: .end, r: z[n + 1], loss: previous.loss, index: nil, coordinates: xi(z), note: "the global minimum W = V approached")); return }
            let predicted = zip(z, t).map { $0 + h * $1 }
            let anchor = t
            // A correction that moves far from the prediction may have jumped to another branch:
            // rejected like a failed one.
            let corrected = try? correct(predicted, extra: { y in (Self.dot(anchor, y, minus: predicted), anchor) })
            let jump = corrected.map { c in zip(c, predicted).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot() } ?? .infinity
            guard let next = corrected, jump <= 0.5 * h + 1e-9 else {
                h /= 2
                if h < 1e-9 {
                    // Where L stops being smooth (two rows, or a row and a target row, parallel:
                    // the kernel's angle at 0) the arc ends regularly; anywhere else it is a stop.
                    let nearest = try? nearestNonSmooth(z)
                    if let (pair, angle) = nearest, angle < Self.nonSmoothAngle {
                        events.append(Event(kind: .end, r: z[n + 1], loss: previous.loss, index: nil, coordinates: xi(z),
                                            note: "a non-smooth point of L: \(pair)"))
                    } else {
                        completed = false
                        events.append(Event(kind: .end, r: z[n + 1], loss: previous.loss, index: nil, coordinates: xi(z), note: "the continuation cannot proceed (Newton fails for steps down to 1e-9): a singular branch point"))
                    }
                    return
                }
                continue
            }
            let nextTangent = try tangent(try system(next).a, previous: t)
            let step = try record(next)
            guard try detectEvents(from: (z, t, previous), to: (next, nextTangent, step)) else { return }
            (z, t, previous) = (next, nextTangent, step)
            h = min(maximumStep, h * 1.5)
        }
    }

    /// Below this angle (radians) from parallel or antiparallel, between two rows or a row and a
    /// target row, L is treated as not smooth: its kernel's second derivatives grow like 1/angle.
    static let nonSmoothAngle = 1e-3

    /// What is closest to making L non-smooth at z: a row's norm, or the angle from (anti)parallel
    /// of two rows or of a row and a target row e_j; described, with that size.
    func nearestNonSmooth(_ z: [Double]) throws -> (String, Double) {
        let w = try pattern.matrix(xi(z), dimension: d)
        func norm(_ v: [Double]) -> Double { v.reduce(0) { $0 + $1 * $1 }.squareRoot() }
        var best = ("", Double.infinity)
        for i in w.indices {
            let ni = norm(w[i])
            // A row shrinking to 0 is as singular as a vanishing angle (the kernel ~ |w| g(θ)).
            if ni < best.1 { best = ("row \(i + 1) tends to 0 (a dead neuron; norm \(ni))", ni) }
            for j in (i + 1)..<max(i + 1, w.count) {
                let cosine = zip(w[i], w[j]).reduce(0.0) { $0 + $1.0 * $1.1 } / (ni * norm(w[j]))
                let theta = acos(min(1, max(-1, cosine))), angle = min(theta, Double.pi - theta)
                if angle < best.1 { best = ("rows \(i + 1) and \(j + 1) (anti)parallel (angle \(angle))", angle) }
            }
            for j in 0..<d {
                let theta = acos(min(1, max(-1, w[i][j] / ni))), angle = min(theta, Double.pi - theta)
                if angle < best.1 { best = ("row \(i + 1) and target row \(j + 1) (anti)parallel (angle \(angle))", angle) }
            }
        }
        return best
    }

    mutating func record(_ z: [Double]) throws -> Step {
        let step = Step(r: z[n + 1], loss: try loss(z), eta: z[n], mu: try mu(z), coordinates: xi(z))
        steps.append(step)
        return step
    }

    /// Below this loss an η = 0 crossing is the global minimum W = V, not a critical point to polish.
    static let globalMinimumLoss = 1e-6

    /// Records the events between two accepted points; false when the arc ends there.
    mutating func detectEvents(from a: ([Double], [Double], Step), to b: ([Double], [Double], Step)) throws -> Bool {
        if (a.2.eta < 0) != (b.2.eta < 0) {
            let near = interpolate(a.0, b.0, a.2.eta / (a.2.eta - b.2.eta))
            // The global minimum (loss 0 at W = V up to the rows' order) is a non-smooth point of
            // L (parallel rows): the arc ends there.
            let nearLoss = try loss(near)
            if nearLoss < Self.globalMinimumLoss {
                events.append(Event(kind: .end, r: near[n + 1], loss: nearLoss, index: nil, coordinates: xi(near),
                                    note: "the global minimum W = V approached (loss \(nearLoss); L is not smooth there)"))
                return false
            }
            do {
                events.append(try criticalPoint(near: near))
            } catch {
                events.append(Event(kind: .criticalPoint, r: near[n + 1], loss: try loss(near), index: nil, coordinates: xi(near),
                                    note: "eta = 0 here, but Newton on the gradient from this point failed (\(error))"))
            }
        }
        // A fold (dr/ds = 0) makes the sphere's Hessian singular inside the fixed-point space, so μ
        // vanishes there too: that zero is the fold's, not a symmetry-breaking bifurcation.
        var fold: [Double]? = nil
        // Located by bisection to 1e-10 in r; where a bisection step cannot be corrected, at the
        // step's end with a note saying so.
        func located(_ test: ([Double]) throws -> Bool) -> (z: [Double], note: String?) {
            do { return (try bisect(a.0, a.1, b.0, test), nil) } catch { return (b.0, "located only to the step (\(error))") }
        }
        if (a.1[n + 1] < 0) != (b.1[n + 1] < 0) {
            let (z, note) = located { try self.tangent(try self.system($0).a, previous: a.1)[self.n + 1] < 0 }
            events.append(Event(kind: .fold, r: z[n + 1], loss: try loss(z), index: nil, coordinates: xi(z), note: note))
            fold = z
        }
        if let m0 = a.2.mu, let m1 = b.2.mu, (m0 < 0) != (m1 < 0) {
            let (z, note) = located { try self.mu($0)! < 0 }
            if fold.map({ abs($0[n + 1] - z[n + 1]) > 1e-8 }) ?? true {
                events.append(Event(kind: .bifurcation, r: z[n + 1], loss: try loss(z), index: nil, coordinates: xi(z), note: note))
            }
        }
        return true
    }

    /// t · (y - p).
    static func dot(_ t: [Double], _ y: [Double], minus p: [Double]) -> Double {
        var s = 0.0
        for i in t.indices { s += t[i] * (y[i] - p[i]) }
        return s
    }

    func interpolate(_ a: [Double], _ b: [Double], _ s: Double) -> [Double] { zip(a, b).map { $0 + s * ($1 - $0) } }

    /// The curve point between a and b (by the arclength from a along its tangent) where `test`
    /// changes from its value at a, to 1e-10 in r.
    /// Each bisection point is the curve's crossing with the hyperplane through a + s c orthogonal
    /// to the chord c from a to b (the curve between two accepted points is close to its chord, so
    /// this is better conditioned near a fold than a's tangent); the tangent is the fallback.
    func bisect(_ a: [Double], _ tangentA: [Double], _ b: [Double], _ test: ([Double]) throws -> Bool) throws -> [Double] {
        let total = zip(b, a).map { $0 - $1 }.reduce(0.0) { $0 + $1 * $1 }.squareRoot()
        let chord = zip(b, a).map { ($0 - $1) / total }
        do {
            return try bisect(a, along: chord, length: total, b, test)
        } catch {
            return try bisect(a, along: tangentA, length: total, b, test)
        }
    }

    func bisect(_ a: [Double], along direction: [Double], length: Double, _ b: [Double], _ test: ([Double]) throws -> Bool) throws -> [Double] {
        let atStart = try test(a)
        var (lo, hi) = (0.0, length), best = b
        for _ in 0..<80 where hi - lo > 1e-11 {
            let mid = (lo + hi) / 2
            let predicted = zip(a, direction).map { $0 + mid * $1 }
            let z = try correct(predicted) { y in (Self.dot(direction, y, minus: predicted), direction) }
            if try test(z) == atStart { lo = mid } else { hi = mid; best = z }
        }
        return best
    }

    /// η crossed 0: a critical point of L. Newton on the gradient (MPFR, the arc's pattern) from
    /// the interpolated arc point; its index from the full Hessian.
    func criticalPoint(near z: [Double]) throws -> Event {
        let bits = 128
        let found = try NewtonSolver().solve(pattern: pattern, d: BigFloat(d, precision: bits), start: xi(z).map { BigFloat($0, precision: bits) })
        let x = found.coordinates.map(\.doubleValue)
        var sum = 0.0
        for i in 0..<n {
            let du: Double = roots[i] * (x[i] - center[i])
            sum += du * du
        }
        let r = sum.squareRoot()
        let index = try? FullHessianIndex.count(found)?.negatives
        let detected = try? DetectedIsotropy.detect(try pattern.matrix(x, dimension: d), relativeTolerance: 1e-8)
        var event = Event(kind: .criticalPoint, r: r, loss: found.loss.doubleValue, index: index, coordinates: x,
                          note: "isotropy \(detected?.description ?? "?")")
        event.isotropy = detected?.pattern
        return event
    }
}
