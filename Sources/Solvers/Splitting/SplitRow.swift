import Numbers
import Landscape

/// The row J of a critical point that a neuron split copies (paper 002, section 4), up to the
/// isotropy's symmetry: which block it belongs to, or which extra row it is. Every row of one
/// block gives the same split up to a permutation, so the block is all that the spectra need;
/// the explicit check at integer d uses the row itself.
public struct SplitRow: Sendable, Equatable, CustomStringConvertible {
    public enum Place: Sendable, Equatable {
        /// A row of block a (0 the big block, a >= 1 the small blocks in order).
        case block(Int)
        /// The extra row e (0-based).
        case extra(Int)
    }

    public let place: Place
    /// J, 1-based, in the explicit (d + m) x d matrix at integer d.
    public let row: Int

    /// Row J (1-based) of the pattern's matrix at integer d: rows 1..d - s are the big block, then
    /// the small blocks in order, then the m extra rows.
    public init(row: Int, pattern: IsotropyPattern, d: Int) throws {
        try pattern.validate(dimension: d)
        let k = d + pattern.extraRows
        guard (1...k).contains(row) else {
            throw IsotropyPattern.PatternError.invalid("row \(row) is not a row of the \(k) x \(d) matrix (rows are numbered 1 to \(k))")
        }
        self.row = row
        if row > d {
            place = .extra(row - d - 1)
            return
        }
        var end = d - pattern.smallTotal
        if row <= end { place = .block(0); return }
        for (a, n) in pattern.smallBlocks.enumerated() {
            end += n
            if row <= end { place = .block(a + 1); return }
        }
        preconditionFailure("row \(row) not placed")
    }

    public var description: String { "row \(row) (\(placeName))" }

    /// "big block", "small block 2", "extra row 1".
    public var placeName: String {
        switch place {
        case .block(0): return "big block"
        case .block(let a): return "small block \(a)"
        case .extra(let e): return "extra row \(e + 1)"
        }
    }

    /// The pattern of the subgroup that fixes row J (J split off its block as a singleton, in
    /// place; the pattern itself for an extra row or a block of size 1), and J's place there.
    public func refinement(of pattern: IsotropyPattern) throws -> (pattern: IsotropyPattern, place: Place) {
        switch place {
        case .extra: return (pattern, place)
        case .block(0): return (try pattern.splittingBigBlock([1]), .block(1))
        case .block(let a):
            let n = pattern.smallBlocks[a - 1]
            if n == 1 { return (pattern, place) }
            var blocks = pattern.smallBlocks
            blocks.replaceSubrange((a - 1)...(a - 1), with: [1, n - 1])
            return (try IsotropyPattern(smallBlocks: blocks, extraRows: pattern.extraRows), .block(a))
        }
    }
}

extension IsotropyPattern {
    /// The coordinates (indices) that live in one row: those of a singleton block's row (its
    /// diagonal entry and its entries on the other blocks' columns), or of an extra row. Varying
    /// only these moves only that row of the matrix.
    func rowCoordinates(_ place: SplitRow.Place) -> [Int] {
        coordinates.indices.filter { i in
            switch (coordinates[i], place) {
            case (.diagonal(let a), .block(let j)): return a == j
            case (.cross(let a, _), .block(let j)): return a == j
            case (.extra(let e, _), .extra(let f)): return e == f
            default: return false
            }
        }
    }

    /// The block of the columns of each coordinate in `rowCoordinates(place)`, in that order.
    func columnBlocks(_ place: SplitRow.Place) -> [Int] {
        rowCoordinates(place).map { i in
            switch coordinates[i] {
            case .diagonal(let a): return a
            case .cross(_, let b), .extra(_, let b): return b
            case .offDiagonal(let a): return a
            }
        }
    }
}
