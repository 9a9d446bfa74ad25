import Testing
import Numbers
import Series
@testable import Solvers

/// `CharacteristicPolynomial.leadingTerms` (the Newton polygon of a characteristic polynomial)
/// against matrices whose eigenvalues are known exactly.
@Suite struct NewtonPolygonTests {
    typealias S = PuiseuxSeries<BigFloat>
    static let bits = 192
    static let context = SeriesContext(precision: bits, relativeTerms: 12)
    static func monomial(_ c: Rational, _ e: Rational) -> S {
        S.monomial(BigFloat(c, precision: bits), dExponent: e, context: context)
    }

    /// diag(2d, 1/4 + d^(-1/2), 1/4 - d^(-1/2), -3) conjugated by an exact rational matrix (so
    /// the polynomial comes from a full matrix): leading terms 2 d, 1/4 (a cluster of two), -3.
    @Test func diagonalConjugated() throws {
        let diagonal = [Self.monomial(2, 1), Self.monomial(Rational(1, 4), 0) + Self.monomial(1, Rational(-1, 2)),
                        Self.monomial(Rational(1, 4), 0) - Self.monomial(1, Rational(-1, 2)), Self.monomial(-3, 0)]
        // P = I + N (N strictly upper triangular), P^(-1) = I - N + N^2 - N^3.
        let n: [[Rational]] = [[0, 1, 2, 0], [0, 0, 1, -1], [0, 0, 0, 3], [0, 0, 0, 0]]
        func product(_ a: [[Rational]], _ b: [[Rational]]) -> [[Rational]] {
            (0..<4).map { i in (0..<4).map { j in (0..<4).reduce(Rational(0)) { $0 + a[i][$1] * b[$1][j] } } }
        }
        let identity = (0..<4).map { i in (0..<4).map { Rational($0 == i ? 1 : 0) } }
        func sum(_ a: [[Rational]], _ b: [[Rational]], _ sign: Int) -> [[Rational]] {
            var out = a
            for i in 0..<4 { for j in 0..<4 { out[i][j] = sign > 0 ? a[i][j] + b[i][j] : a[i][j] - b[i][j] } }
            return out
        }
        let p = sum(identity, n, 1)
        let n2 = product(n, n), n3 = product(n2, n)
        let inverse = sum(sum(sum(identity, n, -1), n2, 1), n3, -1)
        let zero = Self.monomial(0, 0)
        var matrix = [[S]](repeating: [S](repeating: zero, count: 4), count: 4)
        for i in 0..<4 {
            for j in 0..<4 {
                for k in 0..<4 {
                    let w: Rational = p[i][k] * inverse[k][j]
                    if w != .zero { matrix[i][j] = matrix[i][j] + diagonal[k].scaled(by: BigFloat(w, precision: Self.bits)) }
                }
            }
        }
        let terms = try CharacteristicPolynomial(matrix).leadingTerms(name: "test")
        let found = terms.map { ($0.exponent, $0.coefficient.doubleValue, $0.multiplicity) }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
        #expect(found.count == 3)
        #expect(found[0].0 == .zero && abs(found[0].1 + 3) < 1e-30 && found[0].2 == 1)
        #expect(found[1].0 == .zero && abs(found[1].1 - 0.25) < 1e-6 && found[1].2 == 2)
        #expect(found[2].0 == .one && abs(found[2].1 - 2) < 1e-30 && found[2].2 == 1)
    }

    /// (z - 1)(z + 2)(z - 3)^2 = z^4 - 5z^3 + z^2 + 21z - 18: roots 1, -2 and a double 3.
    @Test func edgePolynomialRootsAndClusters() throws {
        let roots = try CharacteristicPolynomial.realRoots([-18, 21, 1, -5, 1], name: "test")
        let groups = CharacteristicPolynomial.clusters(roots)
        #expect(groups.count == 3)
        #expect(abs(groups[0][0] + 2) < 1e-12 && abs(groups[1][0] - 1) < 1e-12)
        #expect(groups[2].count == 2 && abs(groups[2].reduce(0, +) / 2 - 3) < 1e-7)
    }
}
