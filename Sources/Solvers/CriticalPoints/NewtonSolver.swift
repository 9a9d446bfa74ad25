import Numbers
import LinearAlgebra
import Landscape

/// Newton's method on the read-off field F_d in MPFR, with the Jacobian from dual numbers and
/// a backtracking step (the count-weighted norm of F must decrease).
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
        let counts = pattern.entryCounts(d: d)
        let bits = d.precision
        var xi = start.map { BigFloat($0, precision: bits) }
        let stepTolerance = Double(sign: .plus, exponent: -(bits - 24), significand: 1)
        var (field, jacobian) = try model.fieldAndJacobian(xi)
        var residual = weightedNorm(field, counts)
        for iteration in 1...maximumIterations {
            let step = try jacobian.solve(field)
            var lambda = BigFloat(1, precision: bits)
            var accepted = false
            // Trials need only F (a Jacobian costs 10-20 field evaluations); the Jacobian is
            // computed once a trial is accepted.
            for _ in 0..<maximumHalvings {
                let trial = zip(xi, step).map { $0 - lambda * $1 }
                if let f = try? model.field(trial) {
                    let r = weightedNorm(f, counts)
                    if r < residual || r.isZero || iterationIsFinal(step, xi, stepTolerance) {
                        xi = trial; field = f; residual = r
                        accepted = true
                        break
                    }
                }
                lambda = lambda.divided(by: 2)
            }
            if !accepted && isAtRoundingLevel(residual, d: d) {
                // No step reduces |F| any more and |F| is at the level of rounding: at large d the
                // Jacobian is ill-conditioned (eigenvalues ~ 1/d), so the last Newton steps are
                // dominated by noise and never meet the step test.
                return CriticalPoint(pattern: pattern, d: d, coordinates: xi, loss: try model.loss(xi),
                                     gradientNorm: try BigFloat.sqrt(residual), iterations: iteration)
            }
            guard accepted else {
                throw SolverError.notConverged("Newton stalled at d = \(d.formatted(significantDigits: 8)) (residual \(residual.formatted(significantDigits: 3))): the start is not near a critical point")
            }
            if iterationIsFinal(step, xi, stepTolerance) {
                let loss = try model.loss(xi)
                return CriticalPoint(pattern: pattern, d: d, coordinates: xi, loss: loss,
                                     gradientNorm: try BigFloat.sqrt(residual), iterations: iteration)
            }
            (field, jacobian) = try model.fieldAndJacobian(xi)
        }
        throw SolverError.notConverged("Newton did not converge in \(maximumIterations) iterations at d = \(d.formatted(significantDigits: 8))")
    }

    /// sqrt(Σ count_i F_i^2) <= 2^(-7P/8) max(1, d^2): F's terms of size d^2 cancel, so
    /// rounding leaves about 2^-P d^2 in it; P/8 bits are kept as margin (a point where F is
    /// merely small, such as a slowly approached non-smooth critical point, does not pass).
    func isAtRoundingLevel(_ residual: BigFloat, d: BigFloat) -> Bool {
        let scale = max(1, d.doubleValue * d.doubleValue)
        return (try? BigFloat.sqrt(residual).doubleValue).map { $0 <= scale * Double(sign: .plus, exponent: -(d.precision - d.precision / 8), significand: 1) } ?? false
    }

    func iterationIsFinal(_ step: [BigFloat], _ xi: [BigFloat], _ tolerance: Double) -> Bool {
        let size = max(1, xi.map { abs($0.doubleValue) }.max() ?? 1)
        return step.allSatisfy { abs($0.doubleValue) <= tolerance * size }
    }

    /// Σ count_i F_i^2: the squared Frobenius norm of the full gradient matrix.
    func weightedNorm(_ f: [BigFloat], _ counts: [BigFloat]) -> BigFloat {
        zip(f, counts).reduce(BigFloat.zero(precision: f[0].precision)) { $0 + $1.1 * $1.0 * $1.0 }
    }
}
