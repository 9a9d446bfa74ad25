#if canImport(Glibc)
import Glibc
#endif
import Numbers
import Series

/// How each coordinate of a family leaves its limit: ξ_i(d) - c_i ≈ a_i d^(-e_i). These are the
/// vertices of the family's Newton polygon, one per coordinate; the series Newton iteration
/// needs them to start (below its leading term a coordinate's series has no terms at all, and a
/// numerically tiny coefficient there would change every valuation downstream).
///
/// `guess`: from critical points at moderate d (200 ... 1600), see there. `estimate`, the
/// fallback: read from the family's critical points at three large d (d_1 < d_2 < d_3, e.g. 1e6, 1e8,
/// 1e10): e_i is the slope of log|ξ_i - c_i| against log d over (d_2, d_3), rounded to the
/// simplest fraction with denominator at most 8 within 0.02 and checked against the slope over
/// (d_1, d_2); a_i = (ξ_i(d_3) - c_i) d_3^(e_i) is only a start (a few digits), which the series
/// Newton iteration refines together with all later coefficients.
public struct LeadingBehaviour: Sendable {
    public let exponents: [Rational]
    public let coefficients: [BigFloat]

    public init(exponents: [Rational], coefficients: [BigFloat]) {
        self.exponents = exponents
        self.coefficients = coefficients
    }

    /// `points` at three increasing d; `limit` the exact c_inf.
    public static func estimate(limit: [Rational], points: [CriticalPoint], names: [String]) throws -> LeadingBehaviour {
        precondition(points.count == 3)
        let d = points.map { $0.d.doubleValue }
        var exponents = [Rational](), coefficients = [BigFloat]()
        for (i, c) in limit.enumerated() {
            let (gaps, sizes) = try offsets(points, coordinate: i, limit: c, name: names[i])
            let far = log(sizes[1] / sizes[2]) / log(d[2] / d[1])
            let near = log(sizes[0] / sizes[1]) / log(d[1] / d[0])
            guard far > 0, let e = simplestFraction(near: far, tolerance: 0.02), abs(near - far) < 0.1 else {
                throw SolverError.noCriticalPoint(
                    "\(names[i]) does not approach its limit \(c) like a power of d (slopes \(fmt(near)), \(fmt(far)) between d = \(fmt(d[0])), \(fmt(d[1])), \(fmt(d[2]))): not a family with this limit")
            }
            exponents.append(e)
            coefficients.append(gaps[2] * (try BigFloat.pow(points[2].d, e)))
        }
        return LeadingBehaviour(exponents: exponents, coefficients: coefficients)
    }

    /// A guess from critical points at moderate d (four or more, each twice the last, e.g.
    /// 200, 400, 800, 1600): the local slopes of log|ξ_i - c_i| against log d still move by
    /// O(d^(-1/4)) there, so the last three are extrapolated (Aitken's Δ² when they move
    /// monotonically and geometrically) and the result is rounded to the nearest multiple of
    /// 1/4 (b | 4 for every known family). Measured on the catalogue (Docs/family-series.md):
    /// the raw slopes at d = 1131 are off by up to 0.1 (p = 1, m = 2, type I: E_22 0.372 for
    /// 1/2), the extrapolated ones by less than 0.07. It is only a guess: the series solve that
    /// starts from it must converge, and the series must then agree with Newton at d = 1e4 and
    /// 1e6; `SeriesFamilyExpansion` falls back to `estimate` at d = 1e6, 1e7, 1e8 otherwise.
    public static func guess(limit: [Rational], points: [CriticalPoint], names: [String]) throws -> LeadingBehaviour {
        precondition(points.count >= 4)
        let d = points.map { $0.d.doubleValue }
        var exponents = [Rational](), gapsOf = [[BigFloat]]()
        for (i, c) in limit.enumerated() {
            let (gaps, sizes) = try offsets(points, coordinate: i, limit: c, name: names[i])
            var slopes = [Double]()
            for k in 1..<points.count {
                let rise: Double = log(sizes[k - 1] / sizes[k])
                let run: Double = log(d[k] / d[k - 1])
                slopes.append(rise / run)
            }
            let slope = extrapolated(slopes)
            let e = Rational(Int((slope * 4).rounded()), 4)
            guard e > .zero else {
                throw SolverError.noCriticalPoint("\(names[i]) does not approach its limit \(c) (slope \(fmt(slope)) at d = \(fmt(d.last!)))")
            }
            exponents.append(e)
            gapsOf.append(gaps)
        }
        // a_i = lim (ξ_i - c_i) d^(e_i), a power series in u = d^(-1/b) at moderate d, b the
        // exponents' common denominator (at least 2; 4 when they need it): extrapolated to
        // u = 0 by the polynomial through all points (their values are converged critical
        // points, so the only error is the series' own tail). The coarser u of a b = 2 family
        // leaves no spurious odd powers of d^(-1/4) to fit: more digits, fewer Newton steps
        // after. A wrong b is caught where every guess is (`SeriesFamilyExpansion`).
        let b = max(2, exponents.reduce(1) { lcm($0, $1.intComponents?.1 ?? 4) })
        let u = try points.map { try BigFloat.pow($0.d, Rational(-1, b)) }
        let coefficients = try zip(exponents, gapsOf).map { e, gaps in
            try extrapolatedToZero(u, try zip(gaps, points).map { gap, point in gap * (try BigFloat.pow(point.d, e)) })
        }
        return LeadingBehaviour(exponents: exponents, coefficients: coefficients)
    }

    /// The value at 0 of the polynomial through (u_k, y_k) (Lagrange; Neville's form would do too).
    static func extrapolatedToZero(_ u: [BigFloat], _ y: [BigFloat]) throws -> BigFloat {
        var sum = BigFloat(0, precision: y[0].precision)
        for k in u.indices {
            var w = BigFloat(1, precision: y[0].precision)
            for j in u.indices where j != k { w = w * (try u[j] / (u[j] - u[k])) }
            sum = sum + w * y[k]
        }
        return sum
    }

    /// ξ_i - c_i at each point and its size; a coordinate that sits on its limit has no
    /// exponent to read.
    static func offsets(_ points: [CriticalPoint], coordinate i: Int, limit c: Rational, name: String) throws -> (gaps: [BigFloat], sizes: [Double]) {
        let gaps = points.map { ($0.coordinates[i] - BigFloat(c, precision: $0.precision)) }
        let sizes = gaps.map { abs($0.doubleValue) }
        guard sizes.allSatisfy({ $0 > 1e-60 }) else {
            throw SolverError.noCriticalPoint(
                "\(name) does not move off its limit \(c) at d = \(fmt(points.last!.d.doubleValue)): a coordinate fixed at its limit is not supported")
        }
        return (gaps, sizes)
    }

    /// The limit of a slowly converging sequence from its last three terms: Aitken's Δ² when the
    /// differences have one sign and shrink (ratio below 0.9), else the last term.
    static func extrapolated(_ s: [Double]) -> Double {
        guard s.count >= 3 else { return s.last! }
        let (a, b, c) = (s[s.count - 3], s[s.count - 2], s[s.count - 1])
        let (d1, d2) = (b - a, c - b)
        guard d1 * d2 > 0, abs(d2) < 0.9 * abs(d1) else { return c }
        return c - d2 * d2 / (d2 - d1)
    }

    static func simplestFraction(near x: Double, tolerance: Double) -> Rational? {
        for q in [1, 2, 4, 3, 6, 8] {
            let p = (x * Double(q)).rounded()
            if abs(x - p / Double(q)) < tolerance { return Rational(Int(p), q) }
        }
        return nil
    }

    static func fmt(_ x: Double) -> String { "\((x * 1e4).rounded() / 1e4)" }
}
