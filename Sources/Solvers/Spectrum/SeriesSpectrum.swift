import Numbers
import Series
import Landscape

/// Hessian eigenvalues of a family per isotypic component as Puiseux series, computed in the
/// series ring (MATH.md section 4; Docs/spectrum-series.md). The Jacobians of the read-off
/// field on the four fixed-point spaces of `IsotypicSpectrum` are evaluated at the family's
/// series (`SeriesFamilyExpansion`, with its O-term, so every entry knows its own accuracy):
/// Fix(S_q) carries T, Fix(S_{q-1} x S_1) T + S, Fix(S_{q-2} x S_2) T + S + Y and
/// Fix(S_{q-2} x S_1 x S_1) T + 2S + X + Y. Hence, exactly in the series ring,
///
///     λ_y = tr J_Y - tr J_S,   λ_x = tr J_XY - 2 tr J_S + tr J_T - λ_y,
///     charpoly_T = charpoly(J_T),   charpoly_S = charpoly(J_S) / charpoly(J_T)
///
/// (the division must leave no remainder to the known order: a check). Each root of charpoly_T
/// and charpoly_S is a series λ = d η(t), solved by the staged coefficient solve on
/// charpoly(d η) = 0, which also separates branches whose leading terms coincide (clusters);
/// the start is the numeric route's fit (`NumericSpectrumExpansion`; a second, independent fit
/// tells which of its leading coefficients are zeros), which thereby only picks the branch. Rellich: the matrices are similar to symmetric ones analytic in t = d^(-1/b),
/// so the eigenvalues need no finer ramification than the family.
public struct SeriesSpectrum: Sendable {
    public typealias S = PuiseuxSeries<BigFloat>
    public let family: Family
    public let ramification: Int
    public let terms: Int
    /// For each component (t, s, x, y), each eigenvalue: its first `terms` terms in t from its
    /// leading one, then the O-term (so a vanishing eigenvalue still shows its sign).
    public let components: [(name: String, eigenvalues: [S])]
    /// The family's series the matrices were evaluated at.
    public let expansion: SeriesFamilyExpansion

    /// The family's series is computed to terms + 5b + 2 terms: the Jacobian has entries of size
    /// d^2 times the coordinates' O-term, and an eigenvalue may start as low as d^(-1).
    public static func compute(_ family: Family, terms: Int, precision: Int, seeds: NumericSpectrumExpansion, check: NumericSpectrumExpansion,
                               leading: (LeadingBehaviour, [CriticalPoint])? = nil) throws -> SeriesSpectrum {
        let b0 = seeds.ramification
        let (behaviour, points) = try leading ?? SeriesFamilyExpansion.leadingBehaviour(of: family, precision: precision)
        let expansion = try SeriesFamilyExpansion.compute(family, terms: terms + 8 * b0 + 2, precision: precision,
                                                          leading: behaviour, checkpoints: points)
        let b = expansion.ramification
        guard b == b0 else {
            throw SolverError.notConverged("\(family.name): the family's series has b = \(b), the numeric seeds b = \(b0)")
        }
        // The solver's internal length: terms + 4 (SeriesFamilyExpansion).
        let internalOrder = Rational(expansion.terms + 4, b)
        let xi = expansion.solution.coordinates.map { $0.addingBigO(dExponent: -internalOrder) }
        let context = xi[0].context
        let d = S.d(context: context)
        let coarse = family.pattern
        func jacobian(_ fine: IsotropyPattern) throws -> [[S]] {
            let embedded = fine.dimension == coarse.dimension ? xi : try coarse.embed(xi, into: fine)
            let j = try ReducedLoss(pattern: fine, d: d).fieldAndJacobian(embedded).jacobian
            return (0..<embedded.count).map { r in (0..<embedded.count).map { j[r, $0] } }
        }
        func trace(_ m: [[S]]) -> S { m.indices.reduce(S(constant: BigFloat(0, precision: precision), context: context)) { $0 + m[$1][$1] } }
        let jT = try jacobian(coarse)
        let jS = try jacobian(try coarse.splittingBigBlock([1]))
        let jY = try jacobian(try coarse.splittingBigBlock([2]))
        let jXY = try jacobian(try coarse.splittingBigBlock([1, 1]))
        let lambdaY = trace(jY) - trace(jS)
        let lambdaX = trace(jXY) - trace(jS) - trace(jS) + trace(jT) - lambdaY

        let polyT = try CharacteristicPolynomial(jT)
        let polyS = try CharacteristicPolynomial(jS).dividing(by: polyT)

        func truncated(_ s: S, _ name: String) throws -> S {
            guard let lead = s.leadingDExponent else {
                throw SolverError.notConverged("\(family.name): the \(name) eigenvalue has no known term (a longer family series is needed)")
            }
            let order = lead - Rational(terms, b)
            if let known = s.dOrder, known > order {
                throw SolverError.notConverged("\(family.name): the \(name) eigenvalue is known only to O(d^(\(known))); need O(d^(\(order))) (a longer family series)")
            }
            return s.polynomialPart(aboveDExponent: order).addingBigO(dExponent: order)
        }
        var components: [(name: String, eigenvalues: [S])] = []
        for (name, poly) in [("t", polyT), ("s", polyS)] {
            let seedList = seeds.components.first { $0.name == name }!.eigenvalues
            let checkList = check.components.first { $0.name == name }!.eigenvalues
            guard seedList.count == poly.degree else {
                throw SolverError.notConverged("\(family.name): \(seedList.count) numeric \(name)-eigenvalues, characteristic polynomial of degree \(poly.degree)")
            }
            // Seed series: the coefficients the two fits agree on (two digits), zero elsewhere.
            let seedSeries = zip(seedList, checkList).map { x, y -> S in
                let kept = x.indices.map { j -> BigFloat in
                    j < y.count && !x[j].isZero && (x[j] - y[j]).magnitude.doubleValue <= 1e-2 * x[j].magnitude.doubleValue
                        ? BigFloat(x[j], precision: precision) : BigFloat(0, precision: precision)
                }
                return S.monomial(BigFloat(1, precision: precision), dExponent: .one, context: context)
                    * S(ramification: b, valuation: 0, coefficients: kept, order: nil, context: context)
            }
            // Clusters: branches whose leading terms agree (exponent, and coefficient to 1e-6).
            func sameLeading(_ u: S, _ v: S) -> Bool {
                guard let x = u.terms.first, let y = v.terms.first, x.dExponent == y.dExponent else { return false }
                return (x.coefficient - y.coefficient).magnitude.doubleValue <= 1e-6 * x.coefficient.magnitude.doubleValue
            }
            var roots = [S?](repeating: nil, count: seedList.count)
            for i in seedList.indices where roots[i] == nil {
                let partners = seedList.indices.filter { $0 != i && roots[$0] == nil && sameLeading(seedSeries[i], seedSeries[$0]) }
                switch partners.count {
                case 0:
                    roots[i] = try truncated(poly.root(near: seedList[i], check: checkList[i], ramification: b, terms: terms, precision: precision, name: "\(name)-eigenvalue"), "\(name)")
                case 1:
                    let j = partners[0]
                    let pair = try poly.clusterRoots(seeds: (seedSeries[i], seedSeries[j]), ramification: b, terms: terms, precision: precision, name: "\(name)-eigenvalue")
                    // Assign by the finite-d seeds' order (ascending at the largest d).
                    roots[i] = try truncated(pair[0], name)
                    roots[j] = try truncated(pair[1], name)
                default:
                    throw SolverError.notConverged("\(family.name): \(partners.count + 1) \(name)-eigenvalues share their leading term; clusters of more than two are not supported")
                }
            }
            components.append((name, roots.map { $0! }))
        }
        components.append(("x", [try truncated(lambdaX, "x")]))
        components.append(("y", [try truncated(lambdaY, "y")]))
        return SeriesSpectrum(family: family, ramification: b, terms: terms, components: components, expansion: expansion)
    }
}
