import Testing
import Numbers
@testable import Solvers

/// Equations 5 and 6 of paper 004 (`SubspaceRatios`): the asymptote of eq. 5 numerically, and
/// where eq. 6 holds against Proposition 4.5's closed forms.
@Suite("Paper 004's eqs. 5 and 6")
struct SubspaceRatiosTests {
    @Test("eq. 5: R_k(r*, r* + h) ~ (r*)^k / (2^k (h + 1) ... (h + k)), the error halving as r* doubles",
          arguments: [(1, 0), (1, 1), (1, 3), (2, 0), (2, 1), (2, 3)])
    func equation5(_ k: Int, _ h: Int) {
        func deviation(_ rStar: Int) -> Double {
            let rStarPlusH = rStar + h
            let ratios = SubspaceRatios(minimalWidth: rStar, widths: rStarPlusH...rStarPlusH)
            let denominator = (1...k).reduce(BigInteger(2).power(k)) { $0 * BigInteger(h + $1) }
            let asymptote = Rational(BigInteger(rStar).power(k), denominator)
            return (try! ratios.rows[0].ratios[k - 1] / asymptote).doubleValue - 1
        }
        let (a, b, c) = (deviation(100), deviation(200), deviation(400))
        #expect(abs(c) < 0.05, "k = \(k), h = \(h): \(c) at r* = 400")
        #expect(abs(b / a) > 0.4 && abs(b / a) < 0.6 && abs(c / b) > 0.4 && abs(c / b) < 0.6, "k = \(k), h = \(h): \(a), \(b), \(c)")
    }

    @Test("eq. 6 with a_k = C(r* - 1, k - 1): where it holds, against Proposition 4.5's closed forms", arguments: [2, 3, 4, 5, 8])
    func equation6(_ rStar: Int) {
        let range = rStar...(4 * rStar + 4)
        let ratios = SubspaceRatios(minimalWidth: rStar, widths: range)
        var holds: [Bool] = []
        for m in range {
            let weighted = (1..<rStar).reduce(BigInteger.zero) { $0 + BigInteger.binomial(rStar - 1, $1 - 1) * Proposition45.G(rStar - $1, m) }
            let t = Proposition45.T(rStar, m)
            // sum/T <= ((r* - 1)/r*)^m, cross-multiplied.
            holds.append(weighted * BigInteger(rStar).power(m) <= t * BigInteger(rStar - 1).power(m))
            let row = ratios.rows[m - rStar]
            #expect(row.m == m && row.ratios[0] == Rational(Proposition45.G(rStar - 1, m), t))
        }
        #expect(ratios.rows.map(\.holds) == holds)
        // It fails from m = r* on and holds from some m on: never fails again after it first holds.
        let first = range.lowerBound + holds.firstIndex(of: true)!
        #expect(!holds[0] && holds.dropFirst(first - range.lowerBound).allSatisfy { $0 })
        #expect(ratios.holdsFrom == first)
        #expect(ratios.failures == Array(rStar..<first))
    }

    @Test("eq. 6 for r* = 30 (Figure 6's width): it holds from m = 66 on, R_1 < 1 from m = 37; each R_k decreases in m")
    func figure6() {
        let ratios = SubspaceRatios(minimalWidth: 30, widths: 30...120)
        // The two sides of each threshold, from Proposition 4.5.
        func holds(_ m: Int) -> Bool {
            let weighted = (1..<30).reduce(BigInteger.zero) { $0 + BigInteger.binomial(29, $1 - 1) * Proposition45.G(30 - $1, m) }
            return weighted * BigInteger(30).power(m) <= Proposition45.T(30, m) * BigInteger(29).power(m)
        }
        #expect(!holds(65) && holds(66))
        #expect(ratios.holdsFrom == 66)
        #expect(Proposition45.G(29, 36) > Proposition45.T(30, 36) && Proposition45.G(29, 37) < Proposition45.T(30, 37))
        #expect(ratios.firstBelowOne[0] == 37)
        for k in 0..<29 {
            #expect(zip(ratios.rows, ratios.rows.dropFirst()).allSatisfy { $0.ratios[k] > $1.ratios[k] }, "R_\(k + 1) decreases in m")
        }
    }
}
