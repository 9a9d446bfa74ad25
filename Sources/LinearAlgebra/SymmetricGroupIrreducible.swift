import Numbers

/// An irreducible representation of S_n, labelled by a partition λ of n: its dimension (hook
/// length formula) and character (Murnaghan–Nakayama rule, on beta-numbers), and the projector
/// onto its isotypic component, P_λ = (dim λ / n!) Σ_g χ_λ(g) g. `IsotypicSplit` uses it to take
/// the other irreducibles out of a fixed-point space of the Young subgroup S_λ, which contains
/// λ exactly once (Kostka number K_λλ = 1) and otherwise only irreducibles μ ▷ λ.
public struct SymmetricGroupIrreducible: Sendable, Equatable {
    /// The parts, non-increasing, all positive.
    public let partition: [Int]
    public var n: Int { partition.reduce(0, +) }

    public init(_ partition: [Int]) {
        precondition(!partition.isEmpty && partition.allSatisfy { $0 > 0 } && partition == partition.sorted(by: >), "a partition, non-increasing")
        self.partition = partition
    }

    /// Every partition of n, the trivial one (n) first, in reverse lexicographic order.
    public static func all(of n: Int) -> [SymmetricGroupIrreducible] {
        func parts(_ n: Int, _ largest: Int) -> [[Int]] {
            if n == 0 { return [[]] }
            return stride(from: min(n, largest), through: 1, by: -1).flatMap { k in parts(n - k, k).map { [k] + $0 } }
        }
        return parts(n, n).map(SymmetricGroupIrreducible.init)
    }

    /// The name the reports use: "sign" for (1^n), "standard" for (n-1, 1) when n <= 3 (the names
    /// in use before blocks of size 4 were split), otherwise the partition, "[2,2]".
    public var name: String {
        if n <= 3 && partition == Array(repeating: 1, count: n) { return "sign" }
        if n == 3 && partition == [2, 1] { return "standard" }
        return "[" + partition.map(String.init).joined(separator: ",") + "]"
    }

    /// The irreducible a report's name stands for, for a block of size n (nil: not such a name).
    public static func named(_ name: String, n: Int) -> SymmetricGroupIrreducible? {
        all(of: n).first { $0.name == name }
    }

    /// n! / Π hook lengths.
    public var dimension: Int {
        let conjugate = (0..<partition[0]).map { j in partition.filter { $0 > j }.count }
        var value = Rational(1)
        for k in 1...n { value = value * Rational(k) }
        for (i, row) in partition.enumerated() {
            for j in 0..<row { value = value * Rational(1, (row - j - 1) + (conjugate[j] - i - 1) + 1) }
        }
        return value.intComponents!.numerator
    }

    /// χ_λ on the class of the given cycle type (cycle lengths in any order).
    public func character(cycleType: [Int]) -> Int {
        // Beta-numbers: λ_i + (ℓ - i), i = 1..ℓ; removing a rim hook of length r moves a bead
        // from b to b - r (free), with sign (-1)^(beads strictly between).
        let l = partition.count
        let beads = Set(partition.enumerated().map { i, part in part + (l - 1 - i) })
        var memo: [String: Int] = [:]
        func chi(_ beads: Set<Int>, _ cycles: ArraySlice<Int>) -> Int {
            guard let r = cycles.first else { return 1 }
            let key = beads.sorted().map(String.init).joined(separator: ",") + "|" + cycles.map(String.init).joined(separator: ",")
            if let known = memo[key] { return known }
            var total = 0
            for b in beads where b - r >= 0 && !beads.contains(b - r) {
                let between = beads.filter { $0 > b - r && $0 < b }.count
                var moved = beads
                moved.remove(b)
                moved.insert(b - r)
                total += (between % 2 == 0 ? 1 : -1) * chi(moved, cycles.dropFirst())
            }
            memo[key] = total
            return total
        }
        return chi(beads, cycleType.sorted(by: >)[...])
    }

    /// Every permutation of 0..<n (as the images of 0, 1, ...).
    public static func permutations(_ n: Int) -> [[Int]] {
        if n == 0 { return [[]] }
        return permutations(n - 1).flatMap { p in (0...p.count).map { i in var q = p; q.insert(n - 1, at: i); return q } }
    }

    /// The cycle type of a permutation.
    public static func cycleType(_ g: [Int]) -> [Int] {
        var seen = Array(repeating: false, count: g.count), lengths: [Int] = []
        for start in g.indices where !seen[start] {
            var length = 0, i = start
            while !seen[i] { seen[i] = true; i = g[i]; length += 1 }
            lengths.append(length)
        }
        return lengths
    }

    /// The projector's terms: each permutation g with its weight (dim λ / n!) χ_λ(g), the zero
    /// weights left out.
    public var projectorTerms: [(permutation: [Int], weight: Rational)] {
        let order = (1...n).reduce(1, *)
        var byType: [[Int]: Int] = [:]
        return Self.permutations(n).compactMap { g in
            let type = Self.cycleType(g).sorted(by: >)
            let chi = byType[type] ?? character(cycleType: type)
            byType[type] = chi
            return chi == 0 ? nil : (g, Rational(dimension * chi, order))
        }
    }
}
