import Numbers

/// Paper 004's counts for a two-layer network f(x) = sum_i a_i sigma(w_i . x) with w_i in R^d_in,
/// a_i in R^d_out: an irreducible point of width r (distinct w_1 ... w_r, every a_t != 0)
/// expanded to width m >= r (Definitions 3.2-3.3, Theorem 3.1, Propositions 4.3 and 4.5).
///
/// A subspace of the expansion manifold is fixed by which neurons carry each w_t (r labelled,
/// nonempty groups; their output vectors sum to a_t) and how the remaining "zero-type" neurons
/// split into j nonempty groups, each sharing a free incoming vector w' and outputs summing to 0.
/// The zero-type groups have no labels: only the split matters (Docs/subspace-counts.md).
public struct SubspaceCount: Sendable {
    /// The subspaces with exactly j zero-type groups, and the dimension each of them has.
    public struct ZeroGroups: Sendable, Equatable {
        public var j: Int
        public var count: BigInteger
        public var dimension: Int
    }

    public let r: Int, m: Int, inputDimension: Int, outputDimension: Int

    /// G(r, m): the critical subspaces of Proposition 4.3, one per surjection [m] -> [r] (which
    /// neurons copy which w_t; no zero-type neurons): r! S(m, r).
    public let criticalSubspaces: BigInteger

    /// T(r, m): the affine subspaces of the expansion manifold (Theorem 3.1), the sum of `byZeroGroups`.
    public let expansionSubspaces: BigInteger

    /// j = 0 ... m - r. For j = 0 the count is G(r, m).
    public let byZeroGroups: [ZeroGroups]

    /// The dimension of each critical subspace (eq. 4): per group of k copies of w_t the outputs
    /// are beta a_t with the k betas summing to 1, so k - 1 free numbers whatever d_out is.
    public var criticalDimension: Int { m - r }

    /// Precondition: 1 <= r <= m, dimensions >= 1.
    public init(r: Int, m: Int, inputDimension: Int = 1, outputDimension: Int = 1) {
        self.init(r: r, row: StirlingRow(m), inputDimension: inputDimension, outputDimension: outputDimension)
    }

    /// From the Stirling row of m (`SubspaceRatios` reuses one row for many r).
    public init(r: Int, row: StirlingRow, inputDimension: Int = 1, outputDimension: Int = 1) {
        let m = row.n
        precondition(1 <= r && r <= m, "SubspaceCount needs 1 <= r <= m (got r = \(r), m = \(m))")
        precondition(inputDimension >= 1 && outputDimension >= 1, "dimensions are at least 1")
        (self.r, self.m, self.inputDimension, self.outputDimension) = (r, m, inputDimension, outputDimension)
        var groups: [ZeroGroups] = []
        // A split of [m] into r + j blocks, r of them labelled w_1 ... w_r in order and j left
        // unlabelled: S(m, r + j) (r + j)!/j! ways. (r + j)!/j! = (j + 1) ... (j + r), updated by
        // (r + j)/j from one j to the next.
        var labellings = BigInteger.factorial(r)
        for j in 0...(m - r) {
            if j > 0 { labellings = (labellings * (r + j)).dividedExactly(by: j) }
            groups.append(ZeroGroups(j: j, count: row[r + j] * labellings,
                                     dimension: Self.dimension(r: r, m: m, zeroGroups: j, inputDimension: inputDimension, outputDimension: outputDimension)))
        }
        byZeroGroups = groups
        criticalSubspaces = groups[0].count
        expansionSubspaces = groups.reduce(.zero) { $0 + $1.count }
    }

    /// The dimension of a subspace with j zero-type groups (eq. 3): a group of k copies of w_t
    /// has outputs summing to a_t, (k - 1) d_out free numbers; a zero-type group of b neurons has
    /// its w' (d_in) and outputs summing to 0, (b - 1) d_out. The group sizes add up to m, so
    /// d_out (m - r - j) + j d_in, whatever the sizes.
    public static func dimension(r: Int, m: Int, zeroGroups j: Int, inputDimension: Int, outputDimension: Int) -> Int {
        outputDimension * (m - r - j) + j * inputDimension
    }
}
