/// The diagonal-type isotropy Δ(S_{n_1} x ... x S_{n_r}) found for a matrix W in M(k, d)
/// by `DetectedIsotropy.detect`, together with the permutations that bring W to the
/// standard layout of `IsotropyPattern.matrix` and the fixed-point coordinates ξ read off
/// as orbit averages (Docs/isotropy-detection.md).
///
/// Indices are 0-based. `layout[i][j] = w[rowPermutation[i]][columnPermutation[j]]` is W in
/// the standard layout: the rows of the big block first (row i paired with column i), then
/// the other blocks in decreasing size, then the m = k - d extra rows.
///
/// "No symmetry" (no block of size >= 2) is reported as d blocks of size 1, `pattern == nil`
/// and `isTrivial == true`; the coordinates are then those of the pattern order with O_1
/// dropped: D_1, then B_1a, B_a1, D_a for a = 2..d, then B_ab, then E_eb.
public struct DetectedIsotropy: Sendable, CustomStringConvertible {
    /// Number of columns d and of rows k >= d.
    public let d: Int
    public let k: Int
    /// n_1 >= n_2 >= ... >= n_r (sum d); n_1 >= 2 unless the isotropy is trivial.
    public let blockSizes: [Int]
    /// Layout row i is row `rowPermutation[i]` of W (0-based).
    public let rowPermutation: [Int]
    /// Layout column j is column `columnPermutation[j]` of W (0-based).
    public let columnPermutation: [Int]
    /// The pattern for `blockSizes` and m extra rows; nil when the isotropy is trivial.
    public let pattern: IsotropyPattern?
    /// Coordinates in the pattern's (the paper's) order and their values: orbit averages.
    public let coordinates: [FixedPointCoordinate]
    public let values: [Double]
    /// The largest |W_ij - average of its orbit|; at most `absoluteTolerance`.
    public let maxDeviation: Double
    /// relative tolerance x max |W_ij|.
    public let absoluteTolerance: Double

    /// m = k - d.
    public var extraRows: Int { k - d }
    /// Whether no block has two or more indices.
    public var isTrivial: Bool { pattern == nil }

    /// "Δ(S_{d-1} x S_1), m = 1" (IsotropyPattern's notation) or "trivial, m = 1".
    public var description: String {
        pattern.map(\.description) ?? "trivial, m = \(extraRows)"
    }

    /// The order of the group, as log(n_1! ... n_r!); used to compare candidates.
    var logOrder: Double {
        blockSizes.reduce(0) { sum, n in sum + (n < 2 ? 0 : (2...n).reduce(0) { $0 + _log(Double($1)) }) }
    }

    public enum DetectionError: Error, Equatable, CustomStringConvertible {
        case invalidInput(String)
        public var description: String { if case .invalidInput(let s) = self { return s }; return "" }
    }
}

/// Natural logarithm without Foundation (only used to compare group orders).
func _log(_ x: Double) -> Double {
    // log x = 2 atanh((x - 1)/(x + 1)) after scaling x into [1, 2).
    var m = x, e = 0.0
    while m >= 2 { m /= 2; e += 1 }
    while m < 1 { m *= 2; e -= 1 }
    let y = (m - 1) / (m + 1), y2 = y * y
    var term = y, sum = 0.0, n = 1.0
    while abs(term) > 1e-17 { sum += term / n; term *= y2; n += 2 }
    return 2 * sum + e * 0.693_147_180_559_945_3
}
