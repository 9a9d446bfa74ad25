#if canImport(Glibc)
import Glibc
#endif
import Numbers
import Series

extension CharacteristicPolynomial {
    /// The k >= 3 roots of a cluster (k branches with the same leading term z d^γ; k = 2 is
    /// `clusterRoots(seeds:...)`, whose quadratic formula this generalises). Docs/spectrum-series.md,
    /// "Clusters of any size":
    /// 1. Hensel lifting of the monic factor Q whose roots are the cluster (`liftedFactor`, from
    ///    the seed (λ - z d^γ)^k);
    /// 2. z at full precision from Q itself (the roots' mean is e_1/k: the edge polynomial
    ///    gave z in double precision only, and a multiple root there to ~ε^(1/k));
    /// 3. the shift λ = z d^γ + μ: the roots μ of Q(z d^γ + μ), smaller than d^γ, from that
    ///    polynomial's own Newton polygon, each as a simple root, a pair or (recursively) a
    ///    cluster. Fails in one line when the branches do not separate to the known orders.
    func clusterRoots(leading z0: BigFloat, exponent gamma: Rational, multiplicity k: Int, ramification b: Int,
                      terms: Int, precision: Int, name: String, depth: Int = 0) throws -> [S] {
        precondition(k >= 3 && k <= degree)
        guard depth < 4 * b else {
            throw SolverError.notConverged("\(name): \(k) branches share \(depth) leading terms; not separated to the known order")
        }
        let context = coefficients[0].context
        let one = BigFloat(1, precision: precision)
        // Seeds: e_m = C(k, m) (z d^γ)^m, the elementary symmetric functions of k equal roots.
        var binomial = [BigFloat](repeating: one, count: k + 1)
        for m in 1...k { binomial[m] = try binomial[m - 1] * BigFloat(k - m + 1, precision: precision) / BigFloat(m, precision: precision) }
        var power = one
        let starts = (1...k).map { m -> [BigFloat] in
            power = power * z0
            return [binomial[m] * power]
        }
        // Q's coefficients to the orders its roots need (as for a pair: terms + 3b), plus the
        // orders the shift costs: Q(z d^γ + μ)'s coefficients are sums of pieces up to d^(kγ)
        // in size that cancel down to the size of μ's.
        let shiftLoss = max(0, Int((Rational(k * b) * gamma).doubleValue.rounded(.up)))
        let e = try liftedFactor(starts: starts, exponents: (1...k).map { gamma * Rational($0) },
                                 needed: terms + 3 * b + shiftLoss, ramification: b, precision: precision, name: name)
        // Q = Σ_j q_j λ^j with q_(k-m) = (-1)^m e_m.
        let q = (0..<k).map { j in (k - j) % 2 == 0 ? e[k - j - 1] : -e[k - j - 1] }
        // The cluster's common leading coefficient from the roots' sum, e_1 = k z d^γ + ...
        guard let top = e[0].terms.first, top.dExponent == gamma else {
            throw SolverError.notConverged("\(name): the lifted cluster factor lost its leading term")
        }
        let z = try top.coefficient / BigFloat(k, precision: precision)
        // Q(z d^γ + μ) = Σ_m c_m μ^m, c_m = Σ_(j >= m) C(j, m) q_j (z d^γ)^(j - m), q_k = 1.
        let shift = S.monomial(z, dExponent: gamma, context: context)
        let full = q + [S(constant: one, context: context)]
        let absFull = full.map { $0.mapCoefficients(context: context) { $0.magnitude } }
        let absShift = shift.mapCoefficients(context: context) { $0.magnitude }
        var shifted: [S] = []
        for m in 0...k {
            // C(j, m) for j = m ... k.
            var choose = [BigFloat](repeating: one, count: k + 1)
            if m < k { for j in (m + 1)...k { choose[j] = try choose[j - 1] * BigFloat(j, precision: precision) / BigFloat(j - m, precision: precision) } }
            var c = full[k].scaled(by: choose[k]), bound = absFull[k].scaled(by: choose[k])
            for j in stride(from: k - 1, through: m, by: -1) {
                c = c * shift + full[j].scaled(by: choose[j])
                bound = bound * absShift + absFull[j].scaled(by: choose[j])
            }
            shifted.append(try Self.withoutNoise(c, bound: bound, floor: try Self.clusterFloor(precision: precision)))
        }
        let inner = CharacteristicPolynomial(coefficients: shifted)
        var roots: [S] = []
        for lead in try inner.leadingTerms(name: name) {
            guard lead.exponent < gamma else {
                throw SolverError.notConverged("\(name): the shifted cluster has a root as large as its shift")
            }
            switch lead.multiplicity {
            case 1:
                guard let l = (Rational(b) * (1 - lead.exponent)).intComponents, l.1 == 1, l.0 >= 0 else {
                    throw SolverError.notConverged("\(name): a cluster branch of size d^(\(lead.exponent)) needs a finer ramification than b = \(b)")
                }
                let seed = Array(repeating: BigFloat(0, precision: precision), count: l.0) + [lead.coefficient]
                roots.append(try inner.root(near: seed, lead: l.0, ramification: b, terms: terms, precision: precision, name: name))
            case 2:
                let monomial = S.monomial(lead.coefficient, dExponent: lead.exponent, context: context)
                roots += try inner.clusterRoots(seeds: (monomial, monomial), ramification: b, terms: terms, precision: precision, name: name)
            default:
                roots += try inner.clusterRoots(leading: lead.coefficient, exponent: lead.exponent, multiplicity: lead.multiplicity,
                                                ramification: b, terms: terms, precision: precision, name: name, depth: depth + 1)
            }
        }
        guard roots.count == k else {
            throw SolverError.notConverged("\(name): \(roots.count) of the \(k) branches of a cluster separated to the known order")
        }
        return roots.map { shift + $0 }
    }

    /// Hensel lifting of the monic factor Q = λ^k - e_1 λ^(k-1) + e_2 λ^(k-2) - ... + (-1)^k e_k
    /// of p whose roots are a cluster (the staged solve on the k coefficients of p mod Q, from the
    /// top; regular, since Q's roots are apart from p's others at leading order). `starts[m-1]`:
    /// the first coefficients of e_m / d^(exponents[m-1]); the e_m are returned with their
    /// O-terms, known to `needed` t-orders. Used by both `clusterRoots` (a pair: e_1 and e_2 are
    /// the sum and the product of its two roots).
    func liftedFactor(starts: [[BigFloat]], exponents: [Rational], needed: Int, ramification b: Int,
                      precision: Int, name: String) throws -> [S] {
        let k = starts.count
        let context = coefficients[0].context
        let one = BigFloat(1, precision: precision)
        let scales = exponents.map { S.monomial(one, dExponent: $0, context: context) }
        var core = StagedCoefficientSolve(precision: precision, names: (1...k).map { "\(name) cluster e_\($0)" })
        core.trace = getenv("PUISEUX_TRACE") != nil
        core.firstStage = Int.max
        let absolute = CharacteristicPolynomial(coefficients: coefficients.map { $0.mapCoefficients(context: context) { $0.magnitude } })
        // p mod Q from the top: r_(i-m) -= (-1)^m r_i e_m; the remainder r_(k-1), ..., r_0.
        func remainder(_ p: CharacteristicPolynomial, _ e: [Dual<S>]) -> [Dual<S>] {
            var r = p.coefficients.map { Dual<S>($0) }
            for i in stride(from: p.degree, through: k, by: -1) {
                let top = r[i]
                for m in 1...k { r[i - m] = m % 2 == 1 ? r[i - m] + top * e[m - 1] : r[i - m] - top * e[m - 1] }
            }
            return (0..<k).map { r[k - 1 - $0] }
        }
        let (a, refined, _) = try core.solve(
            start: starts, ramification: b, context: context,
            needed: { bb, _ in needed * bb / b },
            system: { eta in
                let e = (0..<k).map { Dual.variable(scales[$0] * eta[$0], index: $0, count: k) }
                let r = remainder(self, e)
                let bounds = remainder(absolute, e.map { Dual($0.value.mapCoefficients(context: context) { $0.magnitude }) })
                let field = try (0..<k).map { try Self.withoutNoise(r[$0].value, bound: bounds[$0].value) }
                let jacobian = (0..<k).map { j in (0..<k).map { m in r[j].partial(m) * scales[m] } }
                return (field, jacobian)
            })
        guard refined == b else { throw SolverError.notConverged("\(name): the cluster needs ramification \(refined), the family has \(b)") }
        let order = Rational(needed, b)
        return (0..<k).map { m in
            (scales[m] * S(ramification: b, valuation: 0, coefficients: a[m], order: nil, context: context)).addingBigO(dExponent: exponents[m] - order)
        }
    }
}
