#if canImport(Glibc)
import Glibc
#endif
import Numbers
import Series
import LinearAlgebra

/// How each coordinate of a family leaves its limit: ξ_i(d) - c_i ≈ a_i d^(-e_i). These are the
/// vertices of the family's Newton polygon, one per coordinate; the series Newton iteration
/// needs them to start (below its leading term a coordinate's series has no terms at all, and a
/// numerically tiny coefficient there would change every valuation downstream).
///
/// `candidates`: from critical points at moderate d (200 ... 1600), see there. `estimate`, the
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

    /// b_0: the common denominator of the exponents (the series start in t = d^(-1/b_0)).
    public var ramification: Int { exponents.reduce(1) { lcm($0, $1.intComponents!.1) } }

    /// `points` at three increasing d; `limit` the exact c_inf.
    public static func estimate<P: PathPoint>(limit: [Rational], points: [P], names: [String]) throws -> LeadingBehaviour {
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
            coefficients.append((gaps[2] * (try P.Scalar.pow(points[2].d, e))).bigFloatValue)
        }
        return LeadingBehaviour(exponents: exponents, coefficients: coefficients)
    }

    /// The exponent candidates of each coordinate from its local slopes of log|ξ_i - c_i| against
    /// log d at the `points` (moderate d), extrapolated (Aitken): the multiple of 1/4 nearest the
    /// extrapolated slope, and also the next one when the slope lies more than `ambiguityMargin`
    /// from it (two neighbours, nearest first; never 0: a coordinate must leave its limit).
    /// Then every combination of candidates with its coefficients (`behaviour(exponents:)`),
    /// the combination of nearest candidates first. The caller tests each.
    public static func candidates<P: PathPoint>(limit: [Rational], points: [P], names: [String]) throws -> [LeadingBehaviour] {
        precondition(points.count >= 4)
        let d = points.map { $0.d.doubleValue }
        var options = [[Rational]](), gapsOf = [[P.Scalar]]()
        for (i, c) in limit.enumerated() {
            let (gaps, sizes) = try offsets(points, coordinate: i, limit: c, name: names[i])
            var slopes = [Double]()
            for k in 1..<points.count {
                let rise: Double = log(sizes[k - 1] / sizes[k])
                let run: Double = log(d[k] / d[k - 1])
                slopes.append(rise / run)
            }
            let slope = extrapolated(slopes)
            if getenv("PUISEUX_TRACE") != nil { print("slope \(names[i]): raw \(slopes.map { fmt($0) }), extrapolated \(fmt(slope))") }
            let quarters = slope * 4
            let nearest = Int(quarters.rounded())
            var choices = [nearest]
            if abs(quarters - Double(nearest)) > ambiguityMargin * 4 { choices.append(quarters > Double(nearest) ? nearest + 1 : nearest - 1) }
            choices = choices.filter { $0 > 0 }
            guard !choices.isEmpty else {
                throw SolverError.noCriticalPoint("\(names[i]) does not approach its limit \(c) (slope \(fmt(slope)) at d = \(fmt(d.last!)))")
            }
            options.append(choices.map { Rational($0, 4) })
            gapsOf.append(gaps)
        }
        // Every combination, the nearest candidates first (more than three ambiguous coordinates
        // would be a guess, not a reading: then only the nearest).
        var combinations: [[Rational]] = [[]]
        let ambiguous = options.filter { $0.count > 1 }.count
        for choices in options {
            let kept = ambiguous > maximumAmbiguous ? [choices[0]] : choices
            combinations = combinations.flatMap { prefix in kept.map { prefix + [$0] } }
        }
        return try combinations.map { try behaviour(exponents: $0, gaps: gapsOf, points: points) }
    }

    /// A slope farther than this from every multiple of 1/4 is not read as one: its two
    /// neighbours are both tested. 1/16: the extrapolated slopes of the catalogue's coordinates
    /// that have converged lie within 0.02 of their exponents; the ones still far from it
    /// (pre-asymptotic at d <= 1600, e.g. p1-m1-I's E_12 at 0.145 for 1/4) are those to test.
    public static let ambiguityMargin = 1.0 / 16

    /// At most this many coordinates with two candidates are tested in all combinations (2^3).
    public static let maximumAmbiguous = 3

    /// a_i = lim (ξ_i - c_i) d^(e_i), a power series in u = d^(-1/4) at moderate d: extrapolated
    /// to u = 0 by the polynomial through all points (their values are converged critical
    /// points, so the only error is the series' own tail). (u = d^(-1/2) for the b = 2
    /// families was tried: the start had more digits but Newton took as many steps, and
    /// p1-m0-I's and p1-m2-II's high-order coefficients came out with up to 18 fewer confirmed
    /// digits, so u stays d^(-1/4) for every family.)
    static func behaviour<P: PathPoint>(exponents: [Rational], gaps gapsOf: [[P.Scalar]], points: [P]) throws -> LeadingBehaviour {
        let u = try points.map { try P.Scalar.pow($0.d, Rational(-1, 4)) }
        let coefficients = try zip(exponents, gapsOf).map { e, gaps in
            try extrapolatedToZero(u, try zip(gaps, points).map { gap, point in gap * (try P.Scalar.pow(point.d, e)) }).bigFloatValue
        }
        return LeadingBehaviour(exponents: exponents, coefficients: coefficients)
    }

    /// The value at 0 of the polynomial through (u_k, y_k) (Lagrange; Neville's form would do too).
    static func extrapolatedToZero<T: RealScalar>(_ u: [T], _ y: [T]) throws -> T {
        let weights = try lagrangeWeights(nodes: u, at: y[0].constant(0))
        return zip(weights, y).reduce(y[0].constant(0)) { $0 + $1.0 * $1.1 }
    }

    /// ξ_i - c_i at each point and its size; a coordinate that sits on its limit has no
    /// exponent to read.
    static func offsets<P: PathPoint>(_ points: [P], coordinate i: Int, limit c: Rational, name: String) throws -> (gaps: [P.Scalar], sizes: [Double]) {
        let gaps = points.map { ($0.coordinates[i] - $0.d.constant(c)) }
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
