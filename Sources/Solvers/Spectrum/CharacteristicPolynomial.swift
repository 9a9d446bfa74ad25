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

    /// Faddeev–LeVerrier: M_k = A M_{k-1} + c_{n-k+1} I, c_{n-k} = -tr(A M_k)/k. O(n^4) series
    /// products and no division by a series (only by k), so no pivot has to be decided.
    init(_ a: [[S]]) throws {
        let signed = Self.leVerrier(a, absolute: false)
        // The same recursion on |A| with |c| bounds, coefficient by coefficient, the pieces each
        // c_i was summed from: the scale of its rounding noise.
        let bound = Self.leVerrier(a.map { $0.map { $0.mapCoefficients(context: $0.context) { $0.magnitude } } }, absolute: true)
        coefficients = try zip(signed, bound).map { try Self.withoutNoise($0, bound: $1) }
    }

    static func leVerrier(_ a: [[S]], absolute: Bool) -> [S] {
        let n = a.count
        let context = a[0][0].context
        let zero = S(constant: BigFloat(0, precision: context.precision), context: context)
        var c = [S](repeating: zero, count: n + 1)
        c[n] = S(constant: BigFloat(1, precision: context.precision), context: context)
        var m = [[S]](repeating: [S](repeating: zero, count: n), count: n)
        for k in 1...n {
            var next = [[S]](repeating: [S](repeating: zero, count: n), count: n)
            for i in 0..<n {
                for j in 0..<n {
                    var sum = i == j ? c[n - k + 1] : zero
                    if k > 1 { for l in 0..<n where !a[i][l].hasNoTerms && !m[l][j].hasNoTerms { sum = sum + a[i][l] * m[l][j] } }
                    next[i][j] = sum
                }
            }
            m = next
            var trace = zero
            for i in 0..<n { for l in 0..<n where !a[i][l].hasNoTerms && !m[l][i].hasNoTerms { trace = trace + a[i][l] * m[l][i] } }
            let scaled = trace.scaled(by: BigFloat(Rational(1, k), precision: context.precision))
            c[n - k] = absolute ? scaled : -scaled
        }
        return c
    }

    /// LeVerrier cancels over many steps (sums of traces of powers), which the local numeric-zero
    /// rule of the series layer cannot see. A term of c_i below 2^(-P/2) times the same term of
    /// the bound (LeVerrier on |A|: the size of the pieces summed) is rounding noise and dropped.
    static func withoutNoise(_ s: S, bound: S) throws -> S {
        let floor = try BigFloat.pow(BigFloat(2, precision: s.precision), Rational(-s.precision / 2))
        let kept = s.coefficients.indices.map { i -> BigFloat in
            let c = s.coefficients[i]
            let e = s.dExponent(ofTExponent: s.valuation + i)
            let scale = bound.terms.first { $0.dExponent == e }?.coefficient ?? BigFloat(0, precision: s.precision)
            return c.magnitude <= scale * floor ? BigFloat(0, precision: s.precision) : c
        }
        return S(ramification: s.ramification, valuation: s.valuation, coefficients: kept, order: s.order, context: s.context)
    }

    /// The exact quotient self / divisor (both monic). Throws unless the remainder vanishes to
    /// the known order: every remainder coefficient below 2^(-P/2) times the largest dividend
    /// coefficient (rounding), which checks that divisor's roots are among self's.
    func dividing(by divisor: CharacteristicPolynomial) throws -> CharacteristicPolynomial {
        var r = coefficients
        let k = divisor.degree
        guard degree >= k else { throw ComputationError.undecidable("division of a polynomial of degree \(degree) by one of degree \(k)") }
        var quotient = [S](repeating: r[0], count: degree - k + 1)
        for i in stride(from: degree, through: k, by: -1) {
            let q = r[i]
            quotient[i - k] = q
            for j in 0...k where !q.hasNoTerms && !divisor.coefficients[j].hasNoTerms { r[i - k + j] = r[i - k + j] - q * divisor.coefficients[j] }
        }
        let precision = r[0].precision
        let noise = try BigFloat.pow(BigFloat(2, precision: precision), Rational(-precision / 2))
        let scale = coefficients.flatMap { $0.coefficients.map(\.magnitude) }.max() ?? BigFloat(1, precision: precision)
        for i in 0..<k {
            if let worst = r[i].coefficients.map(\.magnitude).max(), worst > noise * scale {
                throw ComputationError.undecidable("the characteristic polynomials do not divide: remainder coefficient of λ^\(i) has a term of size \(worst.formatted(significantDigits: 3))")
            }
        }
        return CharacteristicPolynomial(coefficients: quotient)
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
    /// `seed` and `check`: two independent fits of the branch (different nodes and precision).
    func root(near seed: [BigFloat], check: [BigFloat], ramification b: Int, terms: Int, precision: Int, name: String) throws -> S {
        let context = coefficients[0].context
        // The seed's leading exponent: its first coefficient on which the two fits agree to two
        // digits (below it the fits only agree that the coefficient is small). Solving for
        // η = λ d^(lead/b - 1) with η(∞) ≠ 0 keeps the leading root simple; with λ = d η every
        // bounded eigenvalue would share the root η_0 = 0 and Newton would crawl (a multiple root).
        let lead = seed.indices.first { j in
            j < check.count && !seed[j].isZero && (seed[j] - check[j]).magnitude.doubleValue <= 1e-2 * seed[j].magnitude.doubleValue
        } ?? 0
        let scale = S.monomial(BigFloat(1, precision: precision), dExponent: Rational(b - lead, b), context: context)
        let start = seed.dropFirst(lead).prefix(max(1, min(seed.count - lead, 2 * b + 2))).map { BigFloat($0, precision: precision) }
        let absolute = CharacteristicPolynomial(coefficients: coefficients.map { $0.mapCoefficients(context: context) { $0.magnitude } })
        var core = StagedCoefficientSolve(precision: precision, names: [name])
        core.trace = getenv("PUISEUX_TRACE") != nil
        core.firstStage = Int.max
        if core.trace {
            print("root \(name): lead \(lead), start \(start.map { $0.formatted(significantDigits: 8) }) check \(check.prefix(10).map { $0.formatted(significantDigits: 8) })")
            for (i, c) in coefficients.enumerated() { print("  c_\(i): \(c.terms.prefix(3).map { "\($0.coefficient.formatted(significantDigits: 6)) d^\($0.dExponent)" }) O(d^\(c.dOrder.map { "\($0)" } ?? "-"))") }
        }
        let (a, refined, _) = try core.solve(
            start: [Array(start)], ramification: b, context: context,
            needed: { bb, _ in terms * bb / b },
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
        let eta = S(ramification: b, valuation: 0, coefficients: Array(a[0].prefix(terms)), order: terms, context: context)
        return scale * eta
    }

    /// The two roots of a cluster (two branches with the same leading term, where Newton on p
    /// itself meets a double root and crawls): Hensel lifting of the factor Q = λ^2 + q_1 λ + q_0
    /// (the staged solve on the remainder of p mod Q, a regular system since Q's roots are
    /// separated from the others at leading order), then λ = (-q_1 ± sqrt(q_1^2 - 4 q_0))/2 in the
    /// series ring, which separates the two at whatever order they differ. `seeds`: the two
    /// branches' seed series (the fits' agreed coefficients).
    func clusterRoots(seeds: (S, S), ramification b: Int, terms: Int, precision: Int, name: String) throws -> [S] {
        let context = coefficients[0].context
        let one = BigFloat(1, precision: precision)
        let seedQ = [seeds.0 + seeds.1, seeds.0 * seeds.1].map { $0 }   // -q_1, q_0
        let exponents = try seedQ.map { q -> Rational in
            guard let e = q.leadingDExponent else { throw SolverError.notConverged("\(name): a cluster seed vanishes") }
            return e
        }
        let scales = exponents.map { S.monomial(one, dExponent: $0, context: context) }
        let starts = try zip(seedQ, scales).map { q, scale in try (q / scale).coefficients }
        // Enough terms for the discriminant, where the d^(2 e) parts of q_1^2 and 4 q_0 cancel.
        let needed = terms + 3 * b
        var core = StagedCoefficientSolve(precision: precision, names: ["\(name) cluster -q_1", "\(name) cluster q_0"])
        core.trace = getenv("PUISEUX_TRACE") != nil
        core.firstStage = Int.max
        let absolute = CharacteristicPolynomial(coefficients: coefficients.map { $0.mapCoefficients(context: context) { $0.magnitude } })
        func remainder(_ p: CharacteristicPolynomial, _ sum: Dual<S>, _ product: Dual<S>) -> [Dual<S>] {
            // p mod (λ^2 - sum λ + product), from the top.
            var r = p.coefficients.map { Dual<S>($0) }
            for i in stride(from: p.degree, through: 2, by: -1) {
                let top = r[i]
                r[i - 1] = r[i - 1] + top * sum
                r[i - 2] = r[i - 2] - top * product
            }
            return [r[1], r[0]]
        }
        let (a, refined, _) = try core.solve(
            start: starts.map { Array($0.prefix(2 * b + 2)) }, ramification: b, context: context,
            needed: { bb, _ in needed * bb / b },
            system: { eta in
                let sum = Dual.variable(scales[0] * eta[0], index: 0, count: 2)
                let product = Dual.variable(scales[1] * eta[1], index: 1, count: 2)
                let r = remainder(self, sum, product)
                let bounds = remainder(absolute, Dual(sum.value.mapCoefficients(context: context) { $0.magnitude }),
                                       Dual(product.value.mapCoefficients(context: context) { $0.magnitude }))
                let field = try (0..<2).map { try Self.withoutNoise(r[$0].value, bound: bounds[$0].value) }
                let jacobian = (0..<2).map { j in (0..<2).map { k in r[j].partial(k) * scales[k] } }
                return (field, jacobian)
            })
        guard refined == b else { throw SolverError.notConverged("\(name): the cluster needs ramification \(refined), the family has \(b)") }
        let order = Rational(needed, b)
        let sum = (scales[0] * S(ramification: b, valuation: 0, coefficients: a[0], order: nil, context: context)).addingBigO(dExponent: exponents[0] - order)
        let product = (scales[1] * S(ramification: b, valuation: 0, coefficients: a[1], order: nil, context: context)).addingBigO(dExponent: exponents[1] - order)
        let discriminant = try Self.withoutNoise(sum * sum - product.scaled(by: BigFloat(4, precision: precision)),
                                                 bound: sum.mapCoefficients(context: context) { $0.magnitude } * sum.mapCoefficients(context: context) { $0.magnitude }
                                                    + product.mapCoefficients(context: context) { $0.magnitude }.scaled(by: BigFloat(4, precision: precision)))
        guard let leading = discriminant.terms.first?.coefficient, leading.sign > 0 else {
            throw SolverError.notConverged("\(name): the two branches of a cluster are not separated to the known order (or not real)")
        }
        let root = try S.sqrt(discriminant)
        let half = BigFloat(Rational(1, 2), precision: precision)
        return [(sum - root).scaled(by: half), (sum + root).scaled(by: half)]
    }
}
