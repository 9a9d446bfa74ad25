import Numbers

/// The one-neuron student (k = 1) of the teacher I_d (paper 002, Theorem 3.3, in this toolkit's
/// conventions: output weight 1, L = 1/2 E[(f - f*)^2]), on the line W = c 1^T, in closed form
/// (Docs/one-neuron.md has the derivation). Written once over any `ElementaryScalar`, so the same
/// formulas give exact values at a real d (MPFR) and Puiseux series in d.
///
/// With |w| = |c| sqrt(d), cos θ = sign(c)/sqrt(d) to every teacher row and
/// g = sin θ + (π - θ) cos θ, L(c) = c^2 d/4 - d |c| sqrt(d) g/(2π) + d/4 + d(d - 1)/(4π); by
/// symmetry its critical points on the line are critical points of L on all of R^d:
///
///     c+ = (sqrt(d - 1) + π - acos(1/sqrt(d))) / π   (a minimum),
///     c- = -(sqrt(d - 1) - acos(1/sqrt(d))) / π      (a saddle of index d - 1),
///     L(c) = d/4 + d(d - 1)/(4π) - c^2 d/4,
///
/// (W = 0 is not a critical point: L is not differentiable there.) The Hessian is
/// I/2 - κ (I - 11^T/d), κ = d / (2π |c| sqrt(d - 1)): eigenvalue 1/2 on 1 (trivial,
/// multiplicity 1) and 1/2 - κ on 1^⊥ (standard, multiplicity d - 1).
public enum OneNeuron {
    /// One critical point: the sign of c, c, the loss and the two Hessian eigenvalues.
    public struct CriticalPoint<T: ElementaryScalar> {
        public let sign: Int
        public let c: T, loss: T
        /// On the span of 1 (multiplicity 1) and on its complement (multiplicity d - 1).
        public let trivial: T, standard: T
    }

    /// Both critical points on the line W = c 1^T at d (d > 1), c+ first.
    public static func criticalPoints<T: ElementaryScalar>(d: T) throws -> [CriticalPoint<T>] {
        let one = d.constant(1), pi = try d.pi()
        let root = try T.sqrt(d - one)
        let angle = try T.acos(try one / T.sqrt(d))
        let half = d.constant(Rational(1, 2))
        return try [1, -1].map { sign -> CriticalPoint<T> in
            let magnitude = try (sign > 0 ? root + pi - angle : root - angle) / pi
            let c = sign > 0 ? magnitude : -magnitude
            let loss = try d / d.constant(4) + (d * (d - one)) / (d.constant(4) * pi) - c * c * d / d.constant(4)
            let kappa = try d / (d.constant(2) * pi * magnitude * root)
            return CriticalPoint(sign: sign, c: c, loss: loss, trivial: half, standard: half - kappa)
        }
    }

    /// A critical point in paper 002's conventions (Docs/one-neuron.md, "Paper 002's units"):
    /// output weight a free, loss E[(f - f*)^2] (no 1/2, twice ours). Our point is (w, a) =
    /// (c 1, 1) on the hyperbola (t w, a/t) of equal function; the paper's invariants are
    /// ||w|| a = |c| sqrt(d) and the similarity u = w.e_i/||w|| = sign(c)/sqrt(d). The Hessian of
    /// the paper's loss in (w, a) at a = 1 is 2 Hess_w (ours) on 1^⊥, and on span(1/|1|, a) the
    /// block [[1, |w|], [|w|, |w|^2]]: eigenvalues 0 (along the hyperbola) and 1 + |w|^2.
    public struct Paper002<T: ElementaryScalar> {
        public let product: T, similarity: T, loss: T
        /// 1 + ||w||^2 (multiplicity 1), 0 on the hyperbola (multiplicity 1), 2 (1/2 - κ) (d - 1).
        public let along: T, hyperbola: T, standard: T
    }

    public static func paper002<T: ElementaryScalar>(_ p: CriticalPoint<T>, d: T) throws -> Paper002<T> {
        let product = try (p.sign > 0 ? p.c : -p.c) * T.sqrt(d)
        let similarity = try d.constant(p.sign) / T.sqrt(d)
        let two = d.constant(2)
        return Paper002(product: product, similarity: similarity, loss: two * p.loss,
                        along: d.constant(1) + product * product, hyperbola: d.constant(0), standard: two * p.standard)
    }

    /// The same network with K equal rows: W = (c/K) 1_K 1^T (the one neuron split into K equal
    /// parts; relu is positively homogeneous, so the function and the loss are c 1's). With
    /// κ = 1/2 - standard, the Hessian is I_K ⊗ (-K κ P) + J_K ⊗ I/2 (parallel rows: h1 = 0,
    /// h2 = I/2; h1 scales as 1/|w|), P = I - 11^T/d. By component of S_K x S_d (rows ⊗ columns):
    /// t⊗t: K/2 (1); t⊗s: K (1/2 - κ) ((d - 1)); s⊗t: 0 (K - 1, the split lines);
    /// s⊗s: -K κ ((K - 1)(d - 1)). Docs/one-neuron.md, "K equal rows".
    public struct EqualRows<T: ElementaryScalar> {
        public let rows: Int
        public let c: T
        /// (component, multiplicity as a formula in d, value), t⊗t first.
        public let eigenvalues: [(irrep: String, multiplicity: String, value: T)]
        /// The index as a formula in d.
        public let index: String
    }

    public static func equalRows<T: ElementaryScalar>(_ p: CriticalPoint<T>, rows k: Int, d: T) throws -> EqualRows<T> {
        precondition(k >= 1)
        let K = d.constant(k), half = d.constant(Rational(1, 2))
        let kappa = half - p.standard
        var list: [(irrep: String, multiplicity: String, value: T)] = [("t⊗t", "1", K * half), ("t⊗s", "d - 1", K * p.standard)]
        if k > 1 { list += [("s⊗t", "\(k - 1)", d.constant(0)), ("s⊗s", "\(k - 1)(d - 1)", d.constant(0) - K * kappa)] }
        let negatives = (p.sign > 0 ? 0 : 1) + (k - 1)
        let index = negatives == 0 ? "0" : (negatives == 1 ? "d - 1" : "\(negatives)(d - 1)")
        return EqualRows(rows: k, c: try p.c / K, eigenvalues: list, index: index)
    }
}
