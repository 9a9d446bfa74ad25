import Numbers
import Series
#if canImport(Glibc)
import Glibc
#endif

extension CharacteristicPolynomial {
    /// Every root as a series in t = d^(-1/b): the leading terms from the Newton polygon, simple
    /// roots by Newton from their leading term, clusters of two or more by lifting their factor;
    /// each root passed through `truncated` (the caller's O-term) and checked to continue the
    /// leading term it was started from. `name` labels the errors ("p1-m0-II: t-eigenvalue").
    func seriesRoots(name label: String, ramification b: Int, terms: Int, precision: Int, context: SeriesContext,
                     truncated: (S) throws -> S) throws -> [S] {
        var found: [S] = []
        for lead in try leadingTerms(name: label) {
            let monomial = S.monomial(lead.coefficient, dExponent: lead.exponent, context: context)
            switch lead.multiplicity {
            case 1:
                // λ = d^((b - ℓ)/b) η with η(∞) = z: ℓ = b (1 - γ).
                guard let l = (Rational(b) * (1 - lead.exponent)).intComponents, l.1 == 1, l.0 >= 0 else {
                    throw SolverError.notConverged("\(label): a root of size d^(\(lead.exponent)) needs a finer ramification than b = \(b)")
                }
                let seed = Array(repeating: BigFloat(0, precision: precision), count: l.0) + [lead.coefficient]
                found.append(try truncated(root(near: seed, lead: l.0, ramification: b, terms: terms, precision: precision, name: label)))
            case 2:
                let pair = try clusterRoots(seeds: (monomial, monomial), ramification: b, terms: terms, precision: precision, name: label)
                found += try pair.map(truncated)
            default:
                let cluster = try clusterRoots(leading: lead.coefficient, exponent: lead.exponent, multiplicity: lead.multiplicity,
                                               ramification: b, terms: terms, precision: precision, name: label)
                found += try cluster.map(truncated)
            }
            // Each root must continue the leading term it was started from: to 1e-6, or to
            // what double precision gives a k-fold root of the edge polynomial, 10 (1e-16)^(1/k).
            let tolerance = max(1e-6, 10 * pow(1e-16, 1 / Double(lead.multiplicity)))
            for root in found.suffix(lead.multiplicity) {
                guard let top = root.terms.first, top.dExponent == lead.exponent,
                      (top.coefficient - lead.coefficient).magnitude.doubleValue <= tolerance * max(1, lead.coefficient.magnitude.doubleValue) else {
                    throw SolverError.notConverged("\(label): the series solve left the branch of leading term \(lead.coefficient.formatted(significantDigits: 8)) d^(\(lead.exponent))")
                }
            }
        }
        guard found.count == degree else {
            throw SolverError.notConverged("\(label)s: \(found.count) roots for a characteristic polynomial of degree \(degree)")
        }
        return found
    }

    /// The polynomial divided by λ, for a matrix known to have the eigenvalue 0 exactly (c_0 is
    /// then rounding residue and is dropped, not divided).
    var deflatedByZeroRoot: CharacteristicPolynomial { CharacteristicPolynomial(coefficients: Array(coefficients.dropFirst())) }
}
