import Testing
import Foundation
import Numbers
@testable import Solvers

/// Proposition 4.5's closed forms, written out with binomials and powers (no Stirling numbers):
/// the independent check of the counts in this file and in the ratio tests.
enum Proposition45 {
    /// Proposition 4.5: G(r, m) = sum_{i=1}^r C(r, i) (-1)^(r-i) i^m.
    static func G(_ r: Int, _ m: Int) -> BigInteger {
        (1...r).reduce(BigInteger.zero) { sum, i in
            let term = BigInteger.binomial(r, i) * BigInteger(i).power(m)
            return (r - i) % 2 == 0 ? sum + term : sum - term
        }
    }

    /// Proposition 4.5: T(r, m) = G(r, m) + sum_{u=1}^{m-r} C(m, u) G(r, m - u) g(u),
    /// g(u) = sum_{j=1}^u G(j, u)/j!.
    static func T(_ r: Int, _ m: Int) -> BigInteger {
        guard m > r else { return G(r, m) }
        return (1...(m - r)).reduce(G(r, m)) { sum, u in
            let g = (1...u).reduce(BigInteger.zero) { $0 + G($1, u).dividedExactly(by: BigInteger.factorial($1)) }
            return sum + BigInteger.binomial(m, u) * G(r, m - u) * g
        }
    }
}

/// Paper 004's counts (`SubspaceCount`) against a brute-force enumeration of the subspaces,
/// Theorem 3.1's sum written out, Proposition 4.5's closed forms and the asymptotics of
/// Lemma 4.6. Nothing here uses the Stirling recurrence.
@Suite("Symmetry-induced subspace counts (paper 004)")
struct SubspaceCountTests {
    // MARK: independent computations

    /// Every subspace of the expansion of width r to width m, enumerated: a map from the m neurons
    /// to r labels w_1 ... w_r (each used) or to zero-type labels, the zero-type labels renamed in
    /// order of first use (the groups carry no label), kept once. Per number j of zero-type groups:
    /// how many, and the set of dimensions they have, summed group by group (eq. 3).
    static func enumerate(r: Int, m: Int, inputDimension: Int, outputDimension: Int) -> [Int: (count: Int, dimensions: Set<Int>)] {
        var seen = Set<Int>()
        var result: [Int: (count: Int, dimensions: Set<Int>)] = [:]
        let labels = m  // r labels of w_t and at most m - r zero-type ones
        var map = [Int](repeating: 0, count: m), renamed = [Int](repeating: -1, count: labels), sizes = [Int](repeating: 0, count: labels)
        while true {
            var used = 0
            for label in map where label < r { used |= 1 << label }
            if used == (1 << r) - 1 {
                // The canonical map, written as a number in base `labels`.
                for i in 0..<labels { renamed[i] = -1; sizes[i] = 0 }
                var j = 0, code = 0
                for label in map {
                    var name = label
                    if label >= r {
                        if renamed[label] < 0 { renamed[label] = r + j; j += 1 }
                        name = renamed[label]
                    }
                    sizes[name] += 1
                    code = code * labels + name
                }
                if seen.insert(code).inserted {
                    var dimension = 0
                    for group in 0..<(r + j) { dimension += (group < r ? 0 : inputDimension) + (sizes[group] - 1) * outputDimension }
                    var entry = result[j] ?? (0, [])
                    entry.count += 1
                    entry.dimensions.insert(dimension)
                    result[j] = entry
                }
            }
            // The next map, counting in base `labels`.
            var i = 0
            while i < m && map[i] == labels - 1 { map[i] = 0; i += 1 }
            if i == m { break }
            map[i] += 1
        }
        return result
    }

    /// Theorem 3.1's sum over s = (k_1 ... k_r, b_1 ... b_j), k_i >= 1, b_i >= 1, of
    /// m!/(k_1! ... k_r! b_1! ... b_j!) / (c_1! ... c_{m-r}!), c_i = #{b_l = i}, with the k's
    /// ordered (compositions) and the b's either ordered too or read as a multiset (non-increasing).
    static func theorem31(r: Int, m: Int, zeroGroupsOrdered: Bool) -> [Int: Int] {
        let factorial = (0...m).map { n in (1...max(n, 1)).reduce(1, *) }
        func compositions(_ total: Int, parts: Int, largest: Int?) -> [[Int]] {
            if parts == 0 { return total == 0 ? [[]] : [] }
            let top = min(total - (parts - 1), largest ?? total)
            guard top >= 1 else { return [] }
            return (1...top).flatMap { first in
                compositions(total - first, parts: parts - 1, largest: largest == nil ? nil : first).map { [first] + $0 }
            }
        }
        var byJ: [Int: Int] = [:]
        for j in 0...(m - r) {
            var sum = 0
            for u in j...(m - r) {  // u zero-type neurons
                for k in compositions(m - u, parts: r, largest: nil) {
                    for b in compositions(u, parts: j, largest: zeroGroupsOrdered ? nil : u) {
                        let multinomial = (k + b).reduce(factorial[m]) { $0 / factorial[$1] }
                        let repeats = (1...max(m - r, 1)).reduce(1) { product, i in product * factorial[b.filter { $0 == i }.count] }
                        sum += multinomial / repeats
                    }
                }
            }
            byJ[j] = sum
        }
        return byJ
    }

    static func ratio(_ a: BigInteger, _ b: BigInteger) -> Double { Rational(a, b).doubleValue }

    // MARK: the counts

    @Test("the enumeration of the subspaces, Theorem 3.1 read with unordered zero-type groups, and the counts agree for r <= m <= 7",
          arguments: 1...7)
    func bruteForce(_ m: Int) {
        for r in 1...m {
            let (din, dout) = (2, 3)
            let enumerated = Self.enumerate(r: r, m: m, inputDimension: din, outputDimension: dout)
            let count = SubspaceCount(r: r, m: m, inputDimension: din, outputDimension: dout)
            let theorem = Self.theorem31(r: r, m: m, zeroGroupsOrdered: false)
            #expect(count.byZeroGroups.map(\.j) == Array(0...(m - r)))
            for group in count.byZeroGroups {
                let found = enumerated[group.j] ?? (0, [])
                #expect(group.count == BigInteger(found.count), "r = \(r), m = \(m), j = \(group.j)")
                #expect(found.dimensions == [group.dimension], "r = \(r), m = \(m), j = \(group.j): one dimension per j")
                #expect(theorem[group.j] == found.count, "Theorem 3.1, r = \(r), m = \(m), j = \(group.j)")
            }
            let total = enumerated.values.reduce(0) { $0 + $1.count }
            #expect(count.expansionSubspaces == BigInteger(total))
            #expect(count.criticalSubspaces == Proposition45.G(r, m))
            #expect(count.expansionSubspaces == Proposition45.T(r, m))
            // Ordered zero-type groups count a split into groups of different sizes once per
            // order of the sizes: right only while no two groups can differ (m - r <= 2).
            let ordered = Self.theorem31(r: r, m: m, zeroGroupsOrdered: true).values.reduce(0, +)
            #expect((ordered == total) == (m - r <= 2), "ordered reading, r = \(r), m = \(m): \(ordered) vs \(total)")
        }
    }

    @Test("T(3, 4) = 60 = 36 + 24 (Figure 4) and T(r, r) = r!")
    func figure4() {
        let count = SubspaceCount(r: 3, m: 4)
        #expect(count.expansionSubspaces == BigInteger(60))
        #expect(count.byZeroGroups.map(\.count) == [BigInteger(36), BigInteger(24)])
        #expect(count.criticalSubspaces == BigInteger(36))
        for r in 1...12 {
            let same = SubspaceCount(r: r, m: r)
            #expect(same.expansionSubspaces == BigInteger.factorial(r) && same.criticalSubspaces == BigInteger.factorial(r))
            #expect(same.byZeroGroups.count == 1 && same.byZeroGroups[0].dimension == 0)
        }
    }

    @Test("dimensions: d_out (m - r - j) + j d_in per j (eq. 3), m - r for the critical subspaces (eq. 4)")
    func dimensions() {
        let count = SubspaceCount(r: 2, m: 6, inputDimension: 5, outputDimension: 2)
        #expect(count.byZeroGroups.map(\.dimension) == [8, 11, 14, 17, 20])
        #expect(count.criticalDimension == 4)
        // Theorem 3.1: at least min(d_in, d_out)(m - r).
        #expect(count.byZeroGroups.allSatisfy { $0.dimension >= 2 * 4 })
    }

    @Test("G and T at m = 60 against Proposition 4.5 for every r, all in under a second")
    func sixty() {
        let clock = ContinuousClock()
        var counts: [SubspaceCount] = []
        let elapsed = clock.measure {
            counts = (1...60).map { SubspaceCount(r: $0, m: 60) }
        }
        #expect(elapsed < .seconds(1), "\(elapsed)")
        for count in counts {
            #expect(count.criticalSubspaces == Proposition45.G(count.r, 60), "G(\(count.r), 60)")
        }
        // T from Proposition 4.5 costs O(m^3) big operations; a few r suffice.
        for r in [1, 2, 7, 30, 59, 60] {
            #expect(counts[r - 1].expansionSubspaces == Proposition45.T(r, 60), "T(\(r), 60)")
        }
        // G(1, 60) = 1; G(2, 60) = 2^60 - 2 passes Int's range at 2^63 only later, G(3, 60) does.
        #expect(counts[0].criticalSubspaces == .one && counts[1].criticalSubspaces == BigInteger(2).power(60) - BigInteger(2))
        #expect(counts[2].criticalSubspaces.intValue == nil)
    }

    // MARK: asymptotics

    @Test("Lemma 4.6: G(m - k, m) and T(m - k, m) ~ m^k m!/(2^k k!), the relative error halving from m = 200 to 400",
          arguments: [1, 2, 3])
    func lemma46Fixedk(_ k: Int) {
        func deviations(_ m: Int) -> (g: Double, t: Double) {
            let count = SubspaceCount(r: m - k, m: m)
            let asymptote = BigInteger(m).power(k) * BigInteger.factorial(m)
            let scale = BigInteger(2).power(k) * BigInteger.factorial(k)
            return (Self.ratio(count.criticalSubspaces * scale, asymptote) - 1, Self.ratio(count.expansionSubspaces * scale, asymptote) - 1)
        }
        let (at200, at400) = (deviations(200), deviations(400))
        for (a, b) in [(at200.g, at400.g), (at200.t, at400.t)] {
            #expect(abs(b) < 0.05, "k = \(k): ratio 1 + \(b) at m = 400")
            #expect(abs(b / a) > 0.4 && abs(b / a) < 0.6, "k = \(k): the error goes as 1/m: \(a) at 200, \(b) at 400")
        }
    }

    @Test("Lemma 4.6: G(r, m) ~ r^m, 1 - G/r^m ~ r ((r - 1)/r)^m", arguments: [2, 3, 5, 8])
    func lemma46Fixedr(_ r: Int) {
        for m in [100, 200] {
            let g = SubspaceCount(r: r, m: m).criticalSubspaces
            let power = BigInteger(r).power(m)
            // The next term of the alternating sum is C(r, 2) ((r - 2)/r)^m, tiny against the first.
            let deficit = Rational(power - g, power), first = Rational(BigInteger(r) * BigInteger(r - 1).power(m), power)
            let relative = (try! deficit / first).doubleValue
            #expect(abs(relative - 1) < 1e-3, "r = \(r), m = \(m): \(relative)")
        }
    }
}
