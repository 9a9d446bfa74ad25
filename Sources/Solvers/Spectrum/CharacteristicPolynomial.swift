import Numbers
import Series
#if canImport(Glibc)
import Glibc
#endif

/// det(λ I - A) for a matrix A with Puiseux-series entries, monic, coefficients c_0 ... c_n
/// (c_n = 1), and the series roots of such a polynomial.
struct CharacteristicPolynomial {
    typealias S = PuiseuxSeries<BigFloat>
    /// coefficients[i] multiplies λ^i.
    var coefficients: [S]
    var degree: Int { coefficients.count - 1 }

    init(coefficients: [S]) { self.coefficients = coefficients }

    /// Reduction to upper Hessenberg form by Gaussian similarity transforms, pivoting on the
    /// entry of highest order in d (then largest leading coefficient) as `SeriesLinearSystem`
    /// does, so every multiplier is O(1); then the Hessenberg recurrence
    /// p_(k+1) = (λ - h_kk) p_k - Σ_(i<k) h_ik (h_(i+1,i) ... h_(k,k-1)) p_i.
    /// O(n^3) series products. (Faddeev–LeVerrier, the first version, sums traces of powers and
    /// lost too many digits to cancellation for the 16 x 16 matrix of p1-m2-II, eigenvalues from
    /// d^(-1) to d, at 256 bits.)
    init(_ matrix: [[S]]) throws {
        // Entries of F_d's Jacobian are sums of pieces up to d^2 in size: a top term far below
        // the terms just under it is rounding residue (e.g. 1e-70 d^2 above O(1) terms) and
        // would win the pivot search; dropped first, and after every step.
        coefficients = try Self.hessenbergCoefficients(matrix, size: \.magnitude, cleaned: Self.withoutTopNoise)
    }

    /// The coefficients of det(λ I - A), low to high, for series over any coefficient (numbers
    /// here, balls in `SpectrumEnclosure`): the reduction of `init(_:)`. `size`: the magnitude the
    /// pivot search compares among entries of the same order; `cleaned`: applied to every entry
    /// and coefficient computed (the numbers' residue rule; the identity for balls, whose
    /// context's valuation assumption drops exact cancellations).
    static func hessenbergCoefficients<C: SeriesCoefficient>(_ matrix: [[PuiseuxSeries<C>]], size: (C) -> BigFloat,
                                                            cleaned: (PuiseuxSeries<C>) throws -> PuiseuxSeries<C>) throws -> [PuiseuxSeries<C>] {
        typealias T = PuiseuxSeries<C>
        var a = try matrix.map { try $0.map(cleaned) }
        let n = a.count
        let context = a[0][0].context
        let zero = T(constant: C.constant(.zero, precision: context.precision), context: context)
        let one = T(constant: C.constant(.one, precision: context.precision), context: context)
        func better(_ x: T, than y: T) -> Bool {
            guard let ex = x.leadingDExponent else { return false }
            guard let ey = y.leadingDExponent else { return true }
            return ex > ey || (ex == ey && size(x.coefficients[0]) > size(y.coefficients[0]))
        }
        if n > 2 {
            for k in 0..<(n - 2) {
                var pivot = k + 1
                for r in (k + 2)..<n where better(a[r][k], than: a[pivot][k]) { pivot = r }
                guard !a[pivot][k].hasNoTerms else { continue }
                if pivot != k + 1 {
                    a.swapAt(pivot, k + 1)
                    for i in 0..<n { a[i].swapAt(pivot, k + 1) }
                }
                for i in (k + 2)..<n where !a[i][k].hasNoTerms {
                    let m = try a[i][k] / a[k + 1][k]
                    for j in k..<n where !a[k + 1][j].hasNoTerms { a[i][j] = try cleaned(a[i][j] - m * a[k + 1][j]) }
                    for r in 0..<n where !a[r][i].hasNoTerms { a[r][k + 1] = try cleaned(a[r][k + 1] + m * a[r][i]) }
                }
            }
        }
        // p[k]: the characteristic polynomial of the leading k x k block, coefficients low to high.
        var p: [[T]] = [[one]]
        for k in 0..<n {
            var next = [T](repeating: zero, count: k + 2)
            for (i, c) in p[k].enumerated() {
                next[i + 1] = next[i + 1] + c
                next[i] = next[i] - a[k][k] * c
            }
            var product = one
            for i in stride(from: k - 1, through: 0, by: -1) {
                product = product * a[i + 1][i]
                let factor = a[i][k] * product
                guard !factor.hasNoTerms else { continue }
                for (j, c) in p[i].enumerated() { next[j] = next[j] - factor * c }
            }
            // The same rule: a determinant's top terms cancel between the products.
            p.append(try next.map(cleaned))
        }
        return p[n]
    }

    /// Drops leading terms below 2^(-P/2) times the largest of the next eight terms.
    static func withoutTopNoise(_ s: S) throws -> S {
        let floor = try NumericZeroRule.residueFloor(precision: s.precision)
        var c = s.coefficients
        var dropped = 0
        while dropped < c.count {
            let window = c[(dropped + 1)..<min(c.count, dropped + 9)].map(\.magnitude).max()
            guard let window, !c[dropped].isZero ? c[dropped].magnitude <= window * floor : true else { break }
            c[dropped] = BigFloat(0, precision: s.precision)
            dropped += 1
        }
        return dropped == 0 ? s : S(ramification: s.ramification, valuation: s.valuation, coefficients: c, order: s.order, context: s.context)
    }

    /// Sums that cancel over many steps (Horner, traces), which the local numeric-zero rule of the
    /// series layer cannot see: a term of s below 2^(-P/2) times the same term of `bound` (the
    /// same computation in absolute values: the size of the pieces summed) is rounding noise.
    static func withoutNoise(_ s: S, bound: S, floor given: BigFloat? = nil) throws -> S {
        let floor = try given ?? NumericZeroRule.residueFloor(precision: s.precision)
        let kept = s.coefficients.indices.map { i -> BigFloat in
            let c = s.coefficients[i]
            let e = s.dExponent(ofTExponent: s.valuation + i)
            let scale = bound.terms.first { $0.dExponent == e }?.coefficient ?? BigFloat(0, precision: s.precision)
            return c.magnitude <= scale * floor ? BigFloat(0, precision: s.precision) : c
        }
        return S(ramification: s.ramification, valuation: s.valuation, coefficients: kept, order: s.order, context: s.context)
    }

    /// The floor for quantities built from a lifted cluster factor (its discriminant, its
    /// shifted coefficients): the staged solve stops when its steps stall below 2^(-P/2) relative,
    /// so the factor's coefficients carry residue up to about that; a coefficient below
    /// 2^(-3P/8) of its bound (P/8 bits of margin) is that residue, not a term. (At 256 bits a
    /// d-2,1,1 family's pair had a discriminant residue of 4.8e-38 d^(-3/2) above its true leading
    /// term 0.268 d^(-2): its square root made a d^(-3/4) branch of noise.)
    static func clusterFloor(precision: Int) throws -> BigFloat {
        try BigFloat.pow(BigFloat(2, precision: precision), Rational(-3 * precision, 8))
    }

    /// p(x) and p'(x) by Horner.
    func valueAndDerivative(_ x: S) -> (S, S) {
        var value = coefficients[degree]
        var slope = x.constant(0)
        for i in stride(from: degree - 1, through: 0, by: -1) {
            slope = slope * x + value
            value = value * x + coefficients[i]
        }
        return (value, slope)
    }

    /// The root λ (its first `terms` terms from the leading one, with the O-term) whose
    /// coefficients of d^(1 - j/b) are near `seed`:
    /// the staged coefficient solve on p(d η) = 0 in η, so that a root whose leading terms
    /// coincide with another's (a cluster) is still separated, at the order where they differ.
    /// `seed`: a fit of the branch; `lead`: the index of its first coefficient the two
    /// independent fits agree on (`SeriesSpectrum`). Solving for η = λ d^(lead/b - 1) with
    /// η(∞) ≠ 0 keeps the leading root simple; with λ = d η every bounded eigenvalue would share
    /// the root η_0 = 0 and Newton would crawl (a multiple root).
    func root(near seed: [BigFloat], lead: Int, ramification b: Int, terms: Int, precision: Int, name: String) throws -> S {
        let context = coefficients[0].context
        let scale = S.monomial(BigFloat(1, precision: precision), dExponent: Rational(b - lead, b), context: context)
        let start = seed.dropFirst(lead).prefix(max(1, min(seed.count - lead, 2 * b + 2))).map { BigFloat($0, precision: precision) }
        let absolute = CharacteristicPolynomial(coefficients: coefficients.map { $0.mapCoefficients(context: context) { $0.magnitude } })
        var core = StagedCoefficientSolve(precision: precision, names: [name])
        core.trace = getenv("PUISEUX_TRACE") != nil
        core.firstStage = Int.max
        if core.trace {
            print("root \(name): lead \(lead), start \(start.map { $0.formatted(significantDigits: 8) })")
            for (i, c) in coefficients.enumerated() { print("  c_\(i): \(c.terms.prefix(3).map { "\($0.coefficient.formatted(significantDigits: 6)) d^\($0.dExponent)" }) O(d^\(c.dOrder.map { "\($0)" } ?? "-"))") }
        }
        let (a, refined, _) = try core.solve(
            start: [Array(start)], ramification: b, context: context,
            // At least the coefficients the fits seed (2b + 2): a short truncated system has
            // solutions on other branches, and Newton from a few-digit seed may find one.
            needed: { bb, _ in max(terms, 2 * b + 2) * bb / b },
            system: { eta in
                // Horner sums terms up to |λ|^n in size: drop what is rounding noise against the
                // same sums in absolute values (else a noise term at a high power of d would set
                // the row's scale in the staged solve).
                let lambda = scale * eta[0]
                let (value, slope) = valueAndDerivative(lambda)
                let (valueBound, slopeBound) = absolute.valueAndDerivative(lambda.mapCoefficients(context: context) { $0.magnitude })
                return ([try Self.withoutNoise(value, bound: valueBound)],
                        [[try Self.withoutNoise(slope, bound: slopeBound) * scale]])
            })
        guard refined == b else {
            throw SolverError.notConverged("\(name): the root needs ramification \(refined), the family has \(b)")
        }
        // λ = d^((b - lead)/b) η: the first `terms` terms from the leading one, then the O-term.
        let count = max(terms, 2 * b + 2)
        let eta = S(ramification: b, valuation: 0, coefficients: Array(a[0].prefix(count)), order: count, context: context)
        return scale * eta
    }

    /// The two roots of a cluster (two branches with the same leading term, where Newton on p
    /// itself meets a double root and crawls): Hensel lifting of the factor Q = λ^2 - e_1 λ + e_2
    /// (`liftedFactor`), then λ = (e_1 ± sqrt(e_1^2 - 4 e_2))/2 in the
    /// series ring, which separates the two at whatever order they differ. `seeds`: the two
    /// branches' seed series (the fits' agreed coefficients).
    func clusterRoots(seeds: (S, S), ramification b: Int, terms: Int, precision: Int, name: String) throws -> [S] {
        let context = coefficients[0].context
        let one = BigFloat(1, precision: precision)
        let seedQ = [seeds.0 + seeds.1, seeds.0 * seeds.1]   // e_1, e_2
        let exponents = try seedQ.map { q -> Rational in
            guard let e = q.leadingDExponent else { throw SolverError.notConverged("\(name): a cluster seed vanishes") }
            return e
        }
        let starts = try zip(seedQ, exponents).map { q, e in Array(try (q / S.monomial(one, dExponent: e, context: context)).coefficients.prefix(2 * b + 2)) }
        // Enough terms for the discriminant, where the d^(2 e) parts of e_1^2 and 4 e_2 cancel.
        let lifted = try liftedFactor(starts: starts, exponents: exponents, needed: terms + 3 * b, ramification: b, precision: precision, name: name)
        let (sum, product) = (lifted[0], lifted[1])
        let discriminant = try Self.withoutNoise(sum * sum - product.scaled(by: BigFloat(4, precision: precision)),
                                                 bound: sum.mapCoefficients(context: context) { $0.magnitude } * sum.mapCoefficients(context: context) { $0.magnitude }
                                                    + product.mapCoefficients(context: context) { $0.magnitude }.scaled(by: BigFloat(4, precision: precision)),
                                                 floor: try Self.clusterFloor(precision: precision))
        guard let leading = discriminant.terms.first?.coefficient, leading.sign > 0 else {
            throw SolverError.notConverged("\(name): the two branches of a cluster are not separated to the known order (or not real)")
        }
        let root = try S.sqrt(discriminant)
        let half = BigFloat(Rational(1, 2), precision: precision)
        return [(sum - root).scaled(by: half), (sum + root).scaled(by: half)]
    }
}
