import Numbers
import LinearAlgebra
import Landscape

/// Follows a family of critical points up to large d in steps of up to a factor 10 in d, using
/// what is known about a family there: ξ(d) is a power series in t = d^(-1/b) (b | 4 for every
/// known family) whose constant term is the exact limit c_inf. The predictor is the polynomial
/// in u = d^(-1/4) through (0, c_inf) and the last two points computed, evaluated at the next
/// u, which lies between 0 and the last u: an interpolation, not an extrapolation, so its error
/// shrinks as d grows. Newton corrects. A step whose Newton fails, or lands farther from the
/// prediction than `jumpFraction` of the predicted distance to the limit (another branch), is
/// retried with the step's factor square-rooted (halved in log d).
///
/// The ×1.25-step tangent `Continuation` needs about 50 steps from d = 20 to 1e8 and each of
/// them several Jacobians; this needs about eight Newton solves (Docs/performance.md).
public struct LimitAnchoredContinuation: Sendable {
    /// Newton from the predictor; a step it does not finish in 30 iterations is too long and is
    /// retried shorter (cheaper than the solver's default 80: p1-m1-I spent 80 iterations on
    /// one failed step from d = 20; its moderate-d points 0.6 -> 0.27 s, the numeric route for
    /// p1-m2-I 19 -> 10.5 s; the successful steps of the catalogue need at most 21 at d <= 1e4).
    public var newton = NewtonSolver(maximumIterations: 30)

    /// For a quick path to moderate d (the series route's start at d <= 1600): Newton gives up
    /// on a step it must damp below 2^-10 (the b = 4 families' failed steps crawled on with
    /// λ ~ 1e-9 for 20-30 iterations of 30 halvings each), and a failed step capped at its
    /// target halves the step tried. Not for the large-d fallback: with it the d-1,1 m = 3
    /// family's path to 1e8 went astray (Docs/performance.md).
    public var quickSteps = false {
        didSet { newton.maximumHalvings = quickSteps ? 10 : 30 }
    }
    /// The largest factor between consecutive d.
    public var maximumFactor = 10.0
    /// Below this factor a failing step is a failure of the path (the family ends or turns).
    public var minimumFactor = 1.001
    /// A corrected point farther than this fraction of |predicted - c_inf| (max norm) from the
    /// prediction is taken to be on another branch. 1/2: the interpolation's relative error is
    /// O(u) (about 0.2 at d = 1e3 for u = d^(-1/4) and O(1) corrections); a different critical
    /// point with the same limit sits at a different multiple of the leading term.
    public var jumpFraction = 0.5

    public var trace = false
    public init() {}

    /// The family's critical points at each target d (targets above the start's d, any order).
    public func follow(_ start: CriticalPoint, limit: [Rational], to targets: [BigFloat]) throws -> [CriticalPoint] {
        precondition(limit.count == start.coordinates.count)
        let bits = start.precision
        var result = [CriticalPoint?](repeating: nil, count: targets.count)
        var above: [Int] = []
        for i in targets.indices {
            // Below the start there is no limit to lean on: the tangent continuation.
            if targets[i] < start.d { result[i] = try Continuation().follow(start, to: BigFloat(targets[i], precision: bits)) } else { above.append(i) }
        }
        let points = try follow(start, limit: limit,
                                to: above.map { BigFloat(targets[$0], precision: bits) }) { d, predicted in
            try newton.solve(pattern: start.pattern, d: d, start: predicted)
        }
        for (i, point) in zip(above, points) { result[i] = point }
        return result.map { $0! }
    }

    /// The path in any scalar type (`PathPoint`): from `start` to each target d >= start.d, with
    /// `correct(d, predicted)` the Newton solve at d.
    func follow<P: PathPoint>(_ start: P, limit: [Rational], to targets: [P.Scalar],
                              correct: (P.Scalar, [P.Scalar]) throws -> P) throws -> [P] {
        let anchor = limit.map { start.d.constant($0) }
        var history = [start]
        var result = [P?](repeating: nil, count: targets.count)
        for i in targets.indices.sorted(by: { targets[$0] < targets[$1] }) {
            let target = targets[i]
            // From the start alone the predictor is a line through the limit: its first step is
            // short (10^(1/4)); each success squares the factor, each failure halves log d.
            var factor = history.count < 2 ? maximumFactor.squareRoot().squareRoot() : maximumFactor
            while history.last!.d < target {
                let current = history.last!
                var next = current.d * current.d.constant(approximately: factor)
                if next > target {
                    next = target
                    // Quick steps: a failure halves the step actually tried (in log d).
                    if quickSteps { factor = try (target / current.d).doubleValue }
                }
                let predicted = try prediction(at: next, anchor: anchor, history: history.suffix(2))
                let scale = zip(predicted, anchor).map { ($0 - $1).magnitude.doubleValue }.max() ?? 0
                do {
                    let corrected = try correct(next, predicted)
                    let jump = zip(corrected.coordinates, predicted).map { ($0 - $1).magnitude.doubleValue }.max() ?? 0
                    guard jump <= jumpFraction * scale + 1e-12 else { throw SolverError.notConverged("branch jump") }
                    history.append(corrected)
                    if trace { print("  d = \(next.formattedForMessage(significantDigits: 6)): jump \(jump), scale \(scale)") }
                    factor = min(maximumFactor, factor * factor)
                } catch {
                    if trace { print("  d = \(next.formattedForMessage(significantDigits: 6)) failed: \(error)") }
                    factor = factor.squareRoot()
                    guard factor > minimumFactor else {
                        throw SolverError.notConverged(
                            "the family with limit (\(limit.map(\.description).joined(separator: ", "))) could not be followed past d = \(current.d.formattedForMessage(significantDigits: 8)) (\(error))")
                    }
                }
            }
            result[i] = history.last!
        }
        return result.map { $0! }
    }

    /// The Lagrange polynomial in u = d^(-1/4) through (0, anchor) and the history's points,
    /// at u(d).
    func prediction<P: PathPoint>(at d: P.Scalar, anchor: [P.Scalar], history: ArraySlice<P>) throws -> [P.Scalar] {
        let quarter = Rational(-1, 4)
        let u = try P.Scalar.pow(d, quarter)
        let nodes = [d.constant(0)] + (try history.map { try P.Scalar.pow($0.d, quarter) })
        let values = [anchor] + history.map(\.coordinates)
        let weights = try lagrangeWeights(nodes: nodes, at: u)
        return anchor.indices.map { i in
            values.indices.reduce(d.constant(0)) { $0 + weights[$1] * values[$1][i] }
        }
    }
}

/// A point on a path of critical points: d and ξ in one scalar type (`CriticalPoint` in MPFR,
/// `ModerateDimensionPath.Point` in Double).
public protocol PathPoint {
    associatedtype Scalar: RealScalar
    var d: Scalar { get }
    var coordinates: [Scalar] { get }
}

extension CriticalPoint: PathPoint {}
