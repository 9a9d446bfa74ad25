import Numbers
import Landscape

/// Gradient descent in a fixed-point space, in Double: the gradient flow of L restricted to
/// the space is dξ/dt = -F_d(ξ) (the read-off field is the full gradient at one entry per
/// orbit). Armijo backtracking on the loss. Used to find starting points for Newton.
public struct GradientDescent: Sendable {
    public var maximumIterations = 50_000
    /// Stop when max |F_i| falls below this.
    public var fieldTolerance = 1e-10

    public init(maximumIterations: Int = 50_000, fieldTolerance: Double = 1e-10) {
        self.maximumIterations = maximumIterations
        self.fieldTolerance = fieldTolerance
    }

    /// The end point and whether it met the tolerance.
    public func descend(pattern: IsotropyPattern, d: Double, start: [Double]) -> (point: [Double], converged: Bool) {
        let (point, converged, _) = descend(pattern: pattern, d: d, start: start, recordingAt: [])
        return (point, converged)
    }

    /// The same descent, also returning the iterate after each of `recorded` steps it reaches
    /// (the path passes close to saddles, where it slows down: starts for Newton).
    public func descend(pattern: IsotropyPattern, d: Double, start: [Double], recordingAt recorded: Set<Int>) -> (point: [Double], converged: Bool, path: [[Double]]) {
        var path: [[Double]] = []
        let model = ReducedLoss(pattern: pattern, d: d)
        let counts = pattern.entryCounts(d: d)
        var xi = start
        var step = 0.1
        guard var (loss, gradient) = try? model.lossAndGradient(xi), loss.isFinite else { return (xi, false, path) }
        for iteration in 0..<maximumIterations {
            if recorded.contains(iteration) { path.append(xi) }
            let field = zip(gradient, counts).map { $0 / $1 }
            if field.map(abs).max() ?? 0 < fieldTolerance { return (xi, true, path) }
            // Armijo: L(ξ - s F) <= L(ξ) - s/2 Σ F_i ∂L/∂ξ_i.
            let decrease = zip(field, gradient).reduce(0) { $0 + $1.0 * $1.1 }
            var accepted = false
            while step > 1e-14 {
                let trial = zip(xi, field).map { $0 - step * $1 }
                if let (l, g) = try? model.lossAndGradient(trial), l.isFinite, l <= loss - 0.5 * step * decrease {
                    xi = trial; loss = l; gradient = g
                    accepted = true
                    break
                }
                step /= 2
            }
            if !accepted { return (xi, false, path) }
            step *= 1.5
        }
        return (xi, false, path)
    }
}
