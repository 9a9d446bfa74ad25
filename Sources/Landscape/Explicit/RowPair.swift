import Numbers
import LinearAlgebra

/// The geometry of a pair of nonzero rows (w, v) in R^d, computed once and shared by the
/// kernel f(w, v), the row gradient g(w, v) and the Hessian blocks h1, h2 (MATH.md section 1).
///
/// Numerically stable forms (algebraically identical to MATH.md's):
/// - r = v - (c/a) w is the part of v orthogonal to w, rho = |r| = |v| sin(theta), and
///   sqrt(G) = |w| rho (no cancellation in ab - c^2 when the rows are nearly parallel);
/// - theta = atan(sqrt(G)/c) (c > 0), pi/2 (c = 0), pi + atan(sqrt(G)/c) (c < 0), accurate
///   near 0 and pi where acos(c/sqrt(ab)) loses half the digits;
/// - n = r / rho, the unit vector of MATH.md's n = (v_bar - cos(theta) w_bar)/sin(theta).
///
/// Parallel rows (theta = 0 or pi, detected as r == 0 exactly): n is undefined (0/0) and
/// `n` is nil. Every formula then takes its limit, which is independent of the direction
/// of approach because n only enters multiplied by sin(theta): f = c/2 (theta = 0) or 0
/// (theta = pi), g = v/2 or 0, h1 = 0, h2 = I/2 or 0. Rows parallel only to rounding
/// (r tiny but nonzero) use the general formulas, which are continuous there.
@usableFromInline
struct RowPair<T: OrderedScalar> {
    let a: T, b: T, c: T
    let normW: T, normV: T
    let wBar: [T]
    /// Unit normal to w in the plane of (w, v); nil for parallel rows.
    let n: [T]?
    /// rho = |v| sin(theta).
    let rho: T
    let sinTheta: T, cosTheta: T, theta: T
    let rootG: T
    let pi: T, twoPi: T

    init(_ w: [T], _ v: [T]) throws {
        precondition(w.count == v.count && !w.isEmpty, "rows of different or zero length")
        a = dot(w, w); b = dot(v, v); c = dot(w, v)
        guard try a.signum() > 0 else { throw ComputationError.domain("the ReLU kernel is undefined at a zero row") }
        guard try b.signum() > 0 else { throw ComputationError.domain("the ReLU kernel is undefined at a zero row") }
        pi = try a.pi()
        twoPi = pi + pi
        let lengthW = try T.sqrt(a)
        normW = lengthW
        normV = try T.sqrt(b)
        wBar = try w.map { try $0 / lengthW }
        let ratio = try c / a
        let r = zip(v, w).map { $0 - ratio * $1 }
        let rho2 = dot(r, r)
        let cSign = try c.signum()
        if try rho2.signum() == 0 {
            n = nil
            rho = a.constant(0)
            rootG = rho
            sinTheta = rho
            cosTheta = a.constant(cSign >= 0 ? 1 : -1)
            theta = cSign >= 0 ? a.constant(0) : pi
        } else {
            let length = try T.sqrt(rho2)
            rho = length
            n = try r.map { try $0 / length }
            rootG = normW * rho
            sinTheta = try rho / normV
            cosTheta = try c / (normW * normV)
            switch cSign {
            case 1: theta = try T.atan(try rootG / c)
            case 0: theta = try pi / a.constant(2)
            default: theta = pi + (try T.atan(try rootG / c))
            }
        }
    }

    /// f(w, v) = (sqrt(G) + (pi - theta) c) / (2 pi); the limit c/2 or 0 for parallel rows.
    func kernel() throws -> T {
        if n == nil { return try (try c.signum()) > 0 ? c / a.constant(2) : a.constant(0) }
        return try (rootG + (pi - theta) * c) / twoPi
    }

    /// g(w, v) = df/dw = (|v| sin(theta) w_bar + (pi - theta) v) / (2 pi).
    func gradient(_ v: [T]) throws -> [T] {
        let angle = pi - theta
        return try zip(wBar, v).map { try (rho * $0 + angle * $1) / twoPi }
    }

    /// h1(w, v) = d^2f/dw^2 = (|v| sin(theta) / (2 pi |w|)) (I - w_bar w_bar^T + n n^T); 0 for parallel rows.
    func h1() throws -> Matrix<T> {
        let dim = wBar.count
        let zero = a.constant(0), one = a.constant(1)
        guard let n else { return Matrix.zero(rows: dim, columns: dim, like: zero) }
        let s = try rho / (twoPi * normW)
        return Matrix(rows: dim, columns: dim) { i, j in
            s * ((i == j ? one : zero) - wBar[i] * wBar[j] + n[i] * n[j])
        }
    }

    /// h2(w, v) = d^2f/dw dv = ((pi - theta) I + n' v_bar^T + n w_bar^T) / (2 pi), in the
    /// equivalent form ((pi - theta) I + sin cos (w_bar w_bar^T - n n^T) + sin^2 (w_bar n^T + n w_bar^T)) / (2 pi)
    /// (substitute v_bar = cos w_bar + sin n, n' = sin w_bar - cos n), continuous at
    /// theta = 0, pi where it is (pi - theta)/(2 pi) I.
    func h2() throws -> Matrix<T> {
        let dim = wBar.count
        let zero = a.constant(0)
        let diagonal = try (pi - theta) / twoPi
        guard let n else {
            return Matrix(rows: dim, columns: dim) { i, j in i == j ? diagonal : zero }
        }
        let sc = try sinTheta * cosTheta / twoPi
        let ss = try sinTheta * sinTheta / twoPi
        return Matrix(rows: dim, columns: dim) { i, j in
            (i == j ? diagonal : zero) + sc * (wBar[i] * wBar[j] - n[i] * n[j]) + ss * (wBar[i] * n[j] + n[i] * wBar[j])
        }
    }
}

@inlinable func dot<T: ScalarField>(_ x: [T], _ y: [T]) -> T {
    var s = x[0] * y[0]
    for i in 1..<x.count { s = s + x[i] * y[i] }
    return s
}
