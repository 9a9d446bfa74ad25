import Numbers

/// The isotropy Δ(S_{n_1} x ... x S_{n_r}) of a matrix in M(d + m, d): blocks of consecutive
/// indices (the same permutation on rows 1..d and on columns), block 1 the big one with
/// n_1 = d - (n_2 + ... + n_r), and m extra rows (MATH.md section 2).
public struct IsotropyPattern: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// n_2, ..., n_r: the fixed sizes of the small blocks (each >= 1).
    public let smallBlocks: [Int]
    /// m = k - d >= 0.
    public let extraRows: Int

    public enum PatternError: Error, Equatable, CustomStringConvertible {
        case invalid(String)
        public var description: String { if case .invalid(let s) = self { return s }; return "" }
    }

    public init(smallBlocks: [Int], extraRows: Int) throws {
        guard extraRows >= 0 else { throw PatternError.invalid("the number of extra rows m must be >= 0 (got \(extraRows))") }
        guard smallBlocks.allSatisfy({ $0 >= 1 }) else {
            throw PatternError.invalid("small block sizes must be >= 1 (got \(smallBlocks))")
        }
        self.smallBlocks = smallBlocks
        self.extraRows = extraRows
        coordinates = IsotropyPattern.makeCoordinates(smallBlocks: smallBlocks, extraRows: extraRows)
    }

    /// Δ(S_{d-p} x S_p) with m extra rows (p = 0: Δ S_d).
    public static func standard(p: Int, extraRows m: Int) throws -> IsotropyPattern {
        guard p >= 0 else { throw PatternError.invalid("p must be >= 0 (got \(p))") }
        return try IsotropyPattern(smallBlocks: p == 0 ? [] : [p], extraRows: m)
    }

    public var blockCount: Int { smallBlocks.count + 1 }
    /// Whether every small block is a single index: the isotropy group is then S_q (q = d - s)
    /// and the Hessian's isotypic components are those of S_q alone, t, s, x and y
    /// (`IsotypicSpectrum`); a block of size n >= 2 adds the irreducibles of S_n.
    public var smallBlocksAreSingletons: Bool { smallBlocks.allSatisfy { $0 == 1 } }
    /// Sum of the small blocks: the big block has d - smallTotal indices.
    public var smallTotal: Int { smallBlocks.reduce(0, +) }
    /// The smallest d for which the pattern fits with a big block of at least 2 indices.
    public var minimumDimension: Int { smallTotal + 2 }

    /// Coordinates in the project's (the paper's) order; see `makeCoordinates`.
    public let coordinates: [FixedPointCoordinate]
    public var dimension: Int { coordinates.count }

    /// Whether block `a` (0-based; 0 is the big block) has an off-diagonal coordinate.
    public func hasOffDiagonal(_ a: Int) -> Bool { a == 0 || smallBlocks[a - 1] >= 2 }

    /// Order: D_1, O_1; then for each small block a: B_1a, B_a1, D_a, O_a (if n_a >= 2);
    /// then B_ab between small blocks (a != b, lexicographic); then per extra row e:
    /// E_e1, ..., E_er. For p = 0 and p = 1 this is the order of paper 000 (MATH.md section 2).
    static func makeCoordinates(smallBlocks: [Int], extraRows: Int) -> [FixedPointCoordinate] {
        let r = smallBlocks.count + 1
        var list: [FixedPointCoordinate] = [.diagonal(block: 0), .offDiagonal(block: 0)]
        for a in 1..<max(r, 1) {
            list += [.cross(rowBlock: 0, columnBlock: a), .cross(rowBlock: a, columnBlock: 0), .diagonal(block: a)]
            if smallBlocks[a - 1] >= 2 { list.append(.offDiagonal(block: a)) }
        }
        for a in 1..<max(r, 1) { for b in 1..<r where a != b { list.append(.cross(rowBlock: a, columnBlock: b)) } }
        for e in 0..<extraRows { for b in 0..<r { list.append(.extra(row: e, columnBlock: b)) } }
        return list
    }

    /// Sizes n_1, ..., n_r as scalars for a real (or series) d.
    public func blockSizes<T: ScalarField>(d: T) -> [T] {
        [d - d.constant(smallTotal)] + smallBlocks.map { d.constant($0) }
    }

    /// Number of matrix entries of each coordinate (polynomials in d), in coordinate order.
    public func entryCounts<T: ScalarField>(d: T) -> [T] {
        let n = blockSizes(d: d)
        return coordinates.map { c in
            switch c {
            case .diagonal(let a): return n[a]
            case .offDiagonal(let a): return n[a] * (n[a] - d.constant(1))
            case .cross(let a, let b): return n[a] * n[b]
            case .extra(_, let b): return n[b]
            }
        }
    }

    /// The entry counts as text polynomials in d, e.g. "d - 1", "(d - 1)(d - 2)".
    public var entryCountFormulas: [String] {
        let big = smallTotal == 0 ? "d" : "d - \(smallTotal)"
        let bigMinusOne = "d - \(smallTotal + 1)"
        func size(_ a: Int) -> String { a == 0 ? big : String(smallBlocks[a - 1]) }
        return coordinates.map { c in
            switch c {
            case .diagonal(let a): return size(a)
            case .offDiagonal(let a):
                return a == 0 ? "(\(big))(\(bigMinusOne))" : String(smallBlocks[a - 1] * (smallBlocks[a - 1] - 1))
            case .cross(let a, let b):
                if a == 0 || b == 0 {
                    let other = smallBlocks[max(a, b) - 1]
                    return other == 1 ? big : "\(other)(\(big))"
                }
                return String(smallBlocks[a - 1] * smallBlocks[b - 1])
            case .extra(_, let b): return size(b)
            }
        }
    }

    public var description: String {
        let sizes = (smallTotal == 0 ? ["d"] : ["d-\(smallTotal)"]) + smallBlocks.map(String.init)
        return "Δ(" + sizes.map { "S_{\($0)}" }.joined(separator: " x ") + "), m = \(extraRows)"
    }

    /// Throws unless the pattern fits an integer d (the big block needs at least 2 indices).
    public func validate(dimension d: Int) throws {
        guard d >= minimumDimension else {
            throw PatternError.invalid("d = \(d) is below the block sizes: \(self) needs d >= \(minimumDimension)")
        }
    }
}

/// One coordinate of the fixed-point space (blocks 0-based; 0 is the big block).
public enum FixedPointCoordinate: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// D_a: the diagonal entries of block a.
    case diagonal(block: Int)
    /// O_a: the off-diagonal entries inside block a.
    case offDiagonal(block: Int)
    /// B_ab: rows of block a on columns of block b (a != b).
    case cross(rowBlock: Int, columnBlock: Int)
    /// E_eb: extra row e on the columns of block b.
    case extra(row: Int, columnBlock: Int)

    /// The paper's 1-based name: D_1, O_1, B_12, E_21, ...
    public var description: String {
        switch self {
        case .diagonal(let a): return "D_\(a + 1)"
        case .offDiagonal(let a): return "O_\(a + 1)"
        case .cross(let a, let b): return "B_\(a + 1)\(b + 1)"
        case .extra(let e, let b): return "E_\(e + 1)\(b + 1)"
        }
    }
}
