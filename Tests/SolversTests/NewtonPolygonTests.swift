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
        let groups = try CharacteristicPolynomial.realRootClusters([-18, 21, 1, -5, 1], name: "test")
        #expect(groups.map(\.count) == [1, 1, 2])
        #expect(abs(groups[0].mean + 2) < 1e-12 && abs(groups[1].mean - 1) < 1e-12 && abs(groups[2].mean - 3) < 1e-7)
    }

    /// A triple root, as the t component of d-2,1,1-m0-II:1,0,0,0,1,0,0,0,0,0 has (three
    /// eigenvalues d/4 + O(1)): (z - 1/4)^3 (z - 1/(2 pi)) in doubles. Durand–Kerner spreads the
    /// triple root about 1e-5 into the complex plane (more than a simple root's tolerance), so
    /// realness is asked of the cluster's mean; a genuinely complex pair is still refused.
    @Test func tripleRootIsOneRealClusterAndComplexRootsAreRefused() throws {
        let r = 1 / (2 * Double.pi)
        // (z - 1/4)^3 = z^3 - 3/4 z^2 + 3/16 z - 1/64, times (z - r), lowest degree first.
        let cubic = [-1.0 / 64, 3.0 / 16, -0.75, 1]
        var p = [Double](repeating: 0, count: 5)
        for (i, c) in cubic.enumerated() { p[i + 1] += c; p[i] -= r * c }
        let (re, im) = CharacteristicPolynomial.complexRoots(p)
        #expect(re.count == 4 && im.map(abs).max()! > 1e-9, "the triple root spreads: \(im)")
        let groups = try CharacteristicPolynomial.realRootClusters(p, name: "test")
        #expect(groups.map(\.count) == [1, 3])
        // The cluster's mean is a start (Durand–Kerner converges only linearly to a multiple root,
        // 2e-6 off here); `clusterRoots` refines it from the lifted factor.
        #expect(abs(groups[0].mean - r) < 1e-12 && abs(groups[1].mean - 0.25) < 1e-5, "\(groups)")
        // z^2 + 1/16 - 1/10 z: roots 0.05 +- 0.2449 i.
        #expect(throws: SolverError.self) { try CharacteristicPolynomial.realRootClusters([1.0 / 16, -0.1, 1], name: "test") }
    }

    /// A cluster of three: p = (λ - d - 1)(λ - d - 2 - d^(-1/2))(λ - d - 2 + d^(-1/2))(λ + 5), built
    /// from its exact roots: three roots share the leading term d, two of them also the next term
    /// 2 (a pair inside the triple); `clusterRoots(leading:...)` returns all three, each to its
    /// O-term, equal to the exact roots to the accuracy of the lifted factor (the staged solve
    /// stops between half and three quarters of the 192 bits: 1e-24; the CLI shows only the
    /// digits a 2P run confirms).
    @Test func clusterOfThreeWithAPairInside() throws {
        let d = Self.monomial(1, 1), one = Self.monomial(1, 0), h = Self.monomial(1, Rational(-1, 2))
        let roots = [d + one, d + one.scaled(by: BigFloat(2, precision: Self.bits)) + h,
                     d + one.scaled(by: BigFloat(2, precision: Self.bits)) - h, one.scaled(by: BigFloat(-5, precision: Self.bits))]
        // Coefficients of Π (λ - r), lowest degree first.
        var c = [one]
        for r in roots {
            var next = [S](repeating: Self.monomial(0, 0), count: c.count + 1)
            for (i, a) in c.enumerated() { next[i + 1] = next[i + 1] + a; next[i] = next[i] - a * r }
            c = next
        }
        let poly = CharacteristicPolynomial(coefficients: c)
        let leads = try poly.leadingTerms(name: "test")
        let triple = try #require(leads.first { $0.multiplicity == 3 })
        #expect(triple.exponent == .one && abs(triple.coefficient.doubleValue - 1) < 1e-4)
        let found = try poly.clusterRoots(leading: triple.coefficient, exponent: triple.exponent, multiplicity: 3,
                                          ramification: 2, terms: 4, precision: Self.bits, name: "test")
        #expect(found.count == 3)
        for exact in roots.prefix(3) {
            #expect(found.contains { root in
                let gap = (root - exact).polynomialPart(aboveDExponent: Rational(-3, 2))
                return gap.terms.allSatisfy { $0.coefficient.magnitude.doubleValue < 1e-24 }
            }, "root \(exact.terms.map { "\($0.coefficient.doubleValue) d^\($0.dExponent)" })")
        }
    }
}
