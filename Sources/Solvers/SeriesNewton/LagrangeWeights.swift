import Numbers
import LinearAlgebra

/// The weights w_k of the polynomial through (u_k, y_k) at u: p(u) = Σ w_k y_k, with
/// w_k = Π_(j≠k) (u - u_j)/(u_k - u_j). Used to extrapolate a leading coefficient to u = 0
/// (`LeadingBehaviour`) and to predict the next point of a family (`LimitAnchoredContinuation`).
func lagrangeWeights<T: RealScalar>(nodes: [T], at u: T) throws -> [T] {
    try nodes.indices.map { k in
        var w = u.constant(1)
        for j in nodes.indices where j != k { w = w * (try (u - nodes[j]) / (nodes[k] - nodes[j])) }
        return w
    }
}
