import Numbers

extension IsotropyPattern {
    /// The explicit (d + m) x d matrix of the fixed point ξ at integer d: rows of the big
    /// block first, then the small blocks in order, then the m extra rows; columns likewise.
    public func matrix<T: ScalarField>(_ xi: [T], dimension d: Int) throws -> [[T]] {
        try validate(dimension: d)
        precondition(xi.count == self.dimension)
        let zero = xi[0].constant(0)
        let index = Dictionary(uniqueKeysWithValues: coordinates.enumerated().map { ($1, $0) })
        func value(_ c: FixedPointCoordinate) -> T { index[c].map { xi[$0] } ?? zero }
        let sizes = [d - smallTotal] + smallBlocks
        let blockOf = sizes.enumerated().flatMap { a, n in Array(repeating: a, count: n) }
        var rows = [[T]]()
        for i in 0..<d {
            rows.append((0..<d).map { j in
                let a = blockOf[i], b = blockOf[j]
                if a != b { return value(.cross(rowBlock: a, columnBlock: b)) }
                return i == j ? value(.diagonal(block: a)) : value(.offDiagonal(block: a))
            })
        }
        for e in 0..<extraRows {
            rows.append((0..<d).map { j in value(.extra(row: e, columnBlock: blockOf[j])) })
        }
        return rows
    }

    /// One matrix entry (row, column) of each coordinate's orbit, in coordinate order: where
    /// the read-off field reads the gradient matrix.
    public func representativeEntries(dimension d: Int) -> [(row: Int, column: Int)] {
        let starts = ([d - smallTotal] + smallBlocks).reduce(into: [0]) { $0.append($0.last! + $1) }
        return coordinates.map { c in
            switch c {
            case .diagonal(let a): return (starts[a], starts[a])
            case .offDiagonal(let a): return (starts[a], starts[a] + 1)
            case .cross(let a, let b): return (starts[a], starts[b])
            case .extra(let e, let b): return (d + e, starts[b])
            }
        }
    }
}
