import Numbers
import LinearAlgebra
import Landscape

/// Newton's method on the read-off field F_d, with the closed-form Jacobian and a backtracking
/// step (the count-weighted norm of F must decrease). `solve` runs it in MPFR and returns a
/// `CriticalPoint`; `iterate` is the same iteration in any real scalar type (Double for the
/// quick path to moderate d, `ModerateDimensionPath`).
public struct NewtonSolver: Sendable {
    public var maximumIterations = 80
    /// Backtracking halves the step at most this many times (λ >= 2^-maximumHalvings) before the
    /// iteration counts as stalled.
    public var maximumHalvings = 30

    public init(maximumIterations: Int = 80, maximumHalvings: Int = 30) {
        self.maximumIterations = maximumIterations
        self.maximumHalvings = maximumHalvings
    }

    /// Converges to a zero of F_d from `start`. Stops when the step is below 2^(-P + 24)
    /// relative to max(1, |ξ|) (the last ~7 digits are where rounding and the cancellation
    /// of the O(d^2) terms of F live); throws `SolverError.notConverged` otherwise.
    public func solve(pattern: IsotropyPattern, d: BigFloat, start: [BigFloat]) throws -> CriticalPoint {
        precondition(start.count == pattern.dimension)
        let model = ReducedLoss(pattern: pattern, d: d)
        let bits = d.precision
        let (xi, residual, iterations) = try iterate(model: model, counts: pattern.entryCounts(d: d), d: d,
                                                    start: start.map { BigFloat($0, precision: bits) }, bits: bits)
        return CriticalPoint(pattern: pattern, d: d, coordinates: xi, loss: try model.loss(xi),
                             gradientNorm: try BigFloat.sqrt(residual), iterations: iterations)
    }

    /// The iteration in the scalar type T with `bits` of precision: the zero ξ, Σ count_i F_i^2
    /// there, and the iterations used.
    func iterate<T: RealScalar>(model: ReducedLoss<T>, counts: [T], d: T, start: [T], bits: Int) throws
        -> (xi: [T], residual: T, iterations: Int) {
        var xi = start
        let stepTolerance = Double(sign: .plus, exponent: -(bits - 24), significand: 1)
        let half = d.constant(Rational(1, 2))
        var (field, jacobian) = try model.fieldAndJacobian(xi)
        var residual = weightedNorm(field, counts)
        for iteration in 1...maximumIterations {
            let step = try jacobian.solve(field)
            var lambda = d.constant(1)
            var accepted = false
            // Trials need only F (a Jacobian costs 10-20 field evaluations); the Jacobian is
            // computed once a trial is accepted.
            for _ in 0..<maximumHalvings {
                let trial = zip(xi, step).map { $0 - lambda * $1 }
                if let f = try? model.field(trial) {
                    let r = weightedNorm(f, counts)
                    if r < residual || (try? r.signum()) == 0 || iterationIsFinal(step, xi, stepTolerance) {
                        xi = trial; field = f; residual = r
                        accepted = true
                        break
                    }
                }
                lambda = lambda * half
            }
            if !accepted && isAtRoundingLevel(residual, d: d, bits: bits) {
                // No step reduces |F| any more and |F| is at the level of rounding: at large d the
                // Jacobian is ill-conditioned (eigenvalues ~ 1/d), so the last Newton steps are
                // dominated by noise and never meet the step test.
                return (xi, residual, iteration)
            }
            guard accepted else {
                throw SolverError.notConverged("Newton stalled at d = \(d.formattedForMessage(significantDigits: 8)) (residual \(residual.formattedForMessage(significantDigits: 3))): the start is not near a critical point")
            }
            if iterationIsFinal(step, xi, stepTolerance) { return (xi, residual, iteration) }
            (field, jacobian) = try model.fieldAndJacobian(xi)
        }
        throw SolverError.notConverged("Newton did not converge in \(maximumIterations) iterations at d = \(d.formattedForMessage(significantDigits: 8))")
    }

    /// sqrt(Σ count_i F_i^2) <= 2^(-7P/8) max(1, d^2): F's terms of size d^2 cancel, so
    /// rounding leaves about 2^-P d^2 in it; P/8 bits are kept as margin (a point where F is
    /// merely small, such as a slowly approached non-smooth critical point, does not pass).
    func isAtRoundingLevel<T: RealScalar>(_ residual: T, d: T, bits: Int) -> Bool {
        let scale = max(1, d.doubleValue * d.doubleValue)
        return (try? T.sqrt(residual).doubleValue).map { $0 <= scale * Double(sign: .plus, exponent: -(bits - bits / 8), significand: 1) } ?? false
    }

    func iterationIsFinal<T: RealScalar>(_ step: [T], _ xi: [T], _ tolerance: Double) -> Bool {
        let size = max(1, xi.map { abs($0.doubleValue) }.max() ?? 1)
        return step.allSatisfy { abs($0.doubleValue) <= tolerance * size }
    }

    /// Σ count_i F_i^2: the squared Frobenius norm of the full gradient matrix.
    func weightedNorm<T: RealScalar>(_ f: [T], _ counts: [T]) -> T {
        zip(f, counts).reduce(f[0].constant(0)) { $0 + $1.1 * $1.0 * $1.0 }
    }
}
