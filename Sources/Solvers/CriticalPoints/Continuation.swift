import Numbers
import LinearAlgebra
import Landscape

/// Follows a critical point in the real parameter d, up or down: tangent predictor
/// dξ/dd = -DF^{-1} ∂F/∂d, Newton corrector, geometric steps halved on failure.
public struct Continuation: Sendable {
    public var newton = NewtonSolver()
    /// Largest ratio between consecutive d.
    public var maximumRatio = 1.25
    public var minimumRatio = 1.0001

    public init() {}

    /// The family's critical point at each requested d, in the order given.
    public func follow(_ start: CriticalPoint, to targets: [BigFloat]) throws -> [CriticalPoint] {
        var current = start
        var result = [CriticalPoint]()
        for target in targets {
            current = try follow(current, to: target)
            result.append(current)
        }
        return result
    }

    public func follow(_ start: CriticalPoint, to target: BigFloat) throws -> CriticalPoint {
        var current = start
        var ratio = maximumRatio
        let bits = start.precision
        let target = BigFloat(target, precision: bits)
        while !(current.d == target) {
            let up = target > current.d
            let factor = BigFloat(ratio, precision: bits)
            var next = up ? current.d * factor : try current.d / factor
            if (up && next > target) || (!up && next < target) { next = target }
            do {
                let model = ReducedLoss(pattern: current.pattern, d: current.d)
                let (_, jacobian) = try model.fieldAndJacobian(current.coordinates)
                let tangent = try jacobian.solve(try model.fieldDerivativeInD(current.coordinates))
                let delta = next - current.d
                let predicted = zip(current.coordinates, tangent).map { $0 - delta * $1 }
                let corrected = try newton.solve(pattern: current.pattern, d: next, start: predicted)
                // Reject a jump to another branch: the corrector must stay near the predictor.
                let jump = zip(corrected.coordinates, predicted).map { abs(($0 - $1).doubleValue) }.max() ?? 0
                guard jump < 0.05 * max(1, abs(delta.doubleValue) / current.d.doubleValue * 10) else {
                    throw SolverError.notConverged("branch jump")
                }
                current = corrected
                ratio = min(maximumRatio, ratio * 1.5)
            } catch {
                ratio = 1 + (ratio - 1) / 2
                guard ratio > minimumRatio else {
                    throw SolverError.notConverged(
                        "continuation of \(start.pattern) stopped at d = \(current.d.formatted(significantDigits: 8)): the family turns back or ends there (\(error))")
                }
            }
        }
        return current
    }
}
