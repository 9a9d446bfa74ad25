#if canImport(Glibc)
import Glibc
#endif
import Numbers

/// How each coordinate of a family leaves its limit: ξ_i(d) - c_i ≈ a_i d^(-e_i). These are the
/// vertices of the family's Newton polygon, one per coordinate; the series Newton iteration
/// needs them to start (below its leading term a coordinate's series has no terms at all, and a
/// numerically tiny coefficient there would change every valuation downstream).
///
/// Read from the family's critical points at three large d (d_1 < d_2 < d_3, e.g. 1e6, 1e8,
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
            let gaps = points.map { ($0.coordinates[i] - BigFloat(c, precision: $0.precision)) }
            let sizes = gaps.map { abs($0.doubleValue) }
            guard sizes.allSatisfy({ $0 > 1e-60 }) else {
                throw SolverError.noCriticalPoint(
                    "\(names[i]) does not move off its limit \(c) at d = \(d[2]): a coordinate fixed at its limit is not supported")
            }
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

    static func simplestFraction(near x: Double, tolerance: Double) -> Rational? {
        for q in [1, 2, 4, 3, 6, 8] {
            let p = (x * Double(q)).rounded()
            if abs(x - p / Double(q)) < tolerance { return Rational(Int(p), q) }
        }
        return nil
    }

    static func fmt(_ x: Double) -> String { "\((x * 1e4).rounded() / 1e4)" }
}
