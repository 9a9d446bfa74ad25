extension DetectedIsotropy {
    /// The largest isotropy of the form Δ(S_{n_1} x ... x S_{n_r}) (blocks of a pairing of d
    /// rows with the d columns, the remaining k - d rows extra) that `w` has up to a row and a
    /// column permutation, with every entry within `relativeTolerance` x max |w_ij| of the
    /// average of its orbit.
    ///
    /// Method (Docs/isotropy-detection.md): entries are grouped into value classes (sorted
    /// values, a new class at each gap above a threshold); colour refinement on the bipartite
    /// row/column graph gives row and column classes; a column class is paired with a row
    /// class of the same size whose submatrix is "diagonal" (constant, or one value forming a
    /// permutation), with individualisation when no pairing exists; for that pairing the
    /// blocks are the connected components of the transpositions Δ(i j) that fix the value
    /// classes, which is exactly the largest Young subgroup fixing the classified matrix.
    /// Thresholds 2, 1, 1/4, 1/16 and 0 times the absolute tolerance are tried; the verified
    /// candidate with the largest group order wins (threshold 0 always verifies).
    ///
    /// Heuristic: the block structure is exact for the chosen pairing, but the pairing may miss
    /// symmetry the colour refinement cannot see (see the doc). Cost about O(k d^2) per
    /// refinement plus O(d^3) for the transpositions.
    ///
    /// Throws `DetectionError.invalidInput` for an empty or ragged matrix, k < d, a non-finite
    /// entry (with its 1-based row and column), or a tolerance that is not positive and finite.
    public static func detect(_ w: [[Double]], relativeTolerance: Double = 1e-6) throws -> DetectedIsotropy {
        guard relativeTolerance > 0, relativeTolerance.isFinite else {
            throw DetectionError.invalidInput("the tolerance must be positive and finite (got \(relativeTolerance))")
        }
        guard let first = w.first, !first.isEmpty else { throw DetectionError.invalidInput("the matrix is empty") }
        let k = w.count, d = first.count
        for (i, row) in w.enumerated() {
            guard row.count == d else {
                throw DetectionError.invalidInput("row \(i + 1) has \(row.count) entries, row 1 has \(d)")
            }
            if let j = row.firstIndex(where: { !$0.isFinite }) {
                throw DetectionError.invalidInput("row \(i + 1), column \(j + 1): \(row[j]) is not a finite number")
            }
        }
        guard k >= d else {
            throw DetectionError.invalidInput("the matrix has k = \(k) rows and d = \(d) columns; isotropy detection needs k >= d")
        }
        let scale = w.lazy.flatMap { $0 }.reduce(0.0) { max($0, abs($1)) }
        let tolerance = relativeTolerance * scale
        let thresholds = tolerance > 0 ? [2, 1, 0.25, 0.0625].map { $0 * tolerance } + [0] : [0]
        var best: DetectedIsotropy?
        for threshold in thresholds {
            let labels = valueClasses(w, threshold: threshold)
            let (pairing, extra) = pairRowsWithColumns(labels)
            let blocks = transpositionBlocks(labels, pairing: pairing, extra: extra)
            let candidate = assemble(w, pairing: pairing, extra: extra, blocks: blocks, tolerance: tolerance)
            guard candidate.maxDeviation <= tolerance else { continue }
            if best == nil || candidate.logOrder > best!.logOrder + 1e-9 { best = candidate }
        }
        // Threshold 0 groups only equal entries, whose averages are exact: it always verifies.
        return best!
    }

    /// Class labels of the entries: sorted values, a new class where the gap exceeds the threshold.
    static func valueClasses(_ w: [[Double]], threshold: Double) -> [[Int]] {
        let d = w[0].count
        let order = (0..<(w.count * d)).sorted { w[$0 / d][$0 % d] < w[$1 / d][$1 % d] }
        var labels = [[Int]](repeating: [Int](repeating: 0, count: d), count: w.count)
        var label = 0
        var previous = w[order[0] / d][order[0] % d]
        for index in order {
            let value = w[index / d][index % d]
            if value - previous > threshold { label += 1 }
            labels[index / d][index % d] = label
            previous = value
        }
        return labels
    }

    /// Stable colour refinement of the bipartite row/column graph with edge colours `labels`.
    static func refine(_ labels: [[Int]], rows: inout [Int], columns: inout [Int]) {
        let k = labels.count, d = labels[0].count
        let labelCount = labels.lazy.flatMap { $0 }.max()! + 1
        func renumber(_ keys: [[Int]]) -> [Int] {
            var ids = [[Int]: Int]()
            return keys.map { key in
                if let id = ids[key] { return id }
                ids[key] = ids.count
                return ids.count - 1
            }
        }
        var classes = (Set(rows).count, Set(columns).count)
        while true {
            let newRows = renumber((0..<k).map { i in
                [rows[i]] + (0..<d).map { j in columns[j] * labelCount + labels[i][j] }.sorted()
            })
            let newColumns = renumber((0..<d).map { j in
                [columns[j]] + (0..<k).map { i in rows[i] * labelCount + labels[i][j] }.sorted()
            })
            rows = newRows
            columns = newColumns
            let counts = (Set(rows).count, Set(columns).count)
            if counts == classes { return }
            classes = counts
        }
    }

    /// For rows R and columns C of one size: column -> row pairing making R x C "diagonal"
    /// (constant, or one label forming a permutation matrix and one other label), else nil.
    static func diagonalPairing(_ labels: [[Int]], rows: [Int], columns: [Int]) -> [Int: Int]? {
        guard rows.count == columns.count else { return nil }
        let values = Set(rows.flatMap { i in columns.map { labels[i][$0] } })
        if values.count == 1 { return Dictionary(uniqueKeysWithValues: zip(columns, rows)) }
        guard values.count == 2 else { return nil }
        for value in values.sorted() {
            var pairing = [Int: Int]()
            var isPermutation = true
            for i in rows {
                let hits = columns.filter { labels[i][$0] == value }
                guard hits.count == 1, pairing[hits[0]] == nil else { isPermutation = false; break }
                pairing[hits[0]] = i
            }
            if isPermutation { return pairing }
        }
        return nil
    }

    /// Chooses the extra rows and pairs every column j with a block row `pairing[j]`.
    static func pairRowsWithColumns(_ labels: [[Int]]) -> (pairing: [Int], extra: [Int]) {
        let k = labels.count, d = labels[0].count
        var rowColours = [Int](repeating: 0, count: k), columnColours = [Int](repeating: 0, count: d)
        func classes(_ colours: [Int]) -> [[Int]] {
            var groups = [Int: [Int]]()
            for (index, colour) in colours.enumerated() { groups[colour, default: []].append(index) }
            return groups.values.sorted { $0[0] < $1[0] }
        }
        while true {
            refine(labels, rows: &rowColours, columns: &columnColours)
            let rowClasses = classes(rowColours), columnClasses = classes(columnColours)
            // A row class must be paired unless every row is constant on every column class.
            let mustPair = rowClasses.map { rows in
                columnClasses.contains { cols in rows.contains { i in Set(cols.map { labels[i][$0] }).count > 1 } }
            }
            var pairings = [[Int: [Int: Int]]](repeating: [:], count: columnClasses.count)
            var neighbours = [[Int]](repeating: [], count: rowClasses.count)
            for (c, cols) in columnClasses.enumerated() {
                for (r, rows) in rowClasses.enumerated() {
                    if let p = diagonalPairing(labels, rows: rows, columns: cols) {
                        pairings[c][r] = p
                        neighbours[r].append(c)
                    }
                }
            }
            var rowOf = [Int?](repeating: nil, count: columnClasses.count)
            var columnOf = [Int?](repeating: nil, count: rowClasses.count)
            var visited = Set<Int>()
            func augmentFromRow(_ r: Int) -> Bool {
                for c in neighbours[r] where !visited.contains(c) {
                    visited.insert(c)
                    if rowOf[c] == nil || augmentFromRow(rowOf[c]!) {
                        rowOf[c] = r; columnOf[r] = c
                        return true
                    }
                }
                return false
            }
            let candidates = pairings.map { $0.keys.sorted() }
            func augmentFromColumn(_ c: Int) -> Bool {
                // A free row first (keeps the search short), then augmenting paths.
                if let r = candidates[c].first(where: { columnOf[$0] == nil }) {
                    columnOf[r] = c; rowOf[c] = r
                    return true
                }
                for r in candidates[c] where !visited.contains(r) {
                    visited.insert(r)
                    if columnOf[r] == nil || augmentFromColumn(columnOf[r]!) {
                        columnOf[r] = c; rowOf[c] = r
                        return true
                    }
                }
                return false
            }
            // Rows that must be paired first; augmenting paths from columns keep them paired.
            for r in rowClasses.indices where mustPair[r] { visited = []; _ = augmentFromRow(r) }
            for c in columnClasses.indices where rowOf[c] == nil { visited = []; _ = augmentFromColumn(c) }

            let unpairedRows = rowClasses.indices.filter { mustPair[$0] && columnOf[$0] == nil }
            let unpairedColumns = columnClasses.indices.filter { rowOf[$0] == nil }
            if unpairedRows.isEmpty && unpairedColumns.isEmpty {
                var pairing = [Int](repeating: 0, count: d)
                var paired = Set<Int>()
                for (c, r) in rowOf.enumerated() {
                    for (column, row) in pairings[c][r!]! { pairing[column] = row; paired.insert(row) }
                }
                return (pairing, (0..<k).filter { !paired.contains($0) })
            }
            // Individualise one index and refine again: each step adds a class, so this ends.
            func individualise(row i: Int) { rowColours[i] = (rowColours.max() ?? 0) + 1 }
            func individualise(column j: Int) { columnColours[j] = (columnColours.max() ?? 0) + 1 }
            if let r = unpairedRows.first {
                if rowClasses[r].count >= 2 { individualise(row: rowClasses[r][0]); continue }
                let i = rowClasses[r][0]
                if let cols = columnClasses.first(where: { cols in Set(cols.map { labels[i][$0] }).count > 1 }) {
                    individualise(column: cols[0]); continue
                }
            }
            if let c = unpairedColumns.first {
                let size = columnClasses[c].count
                if let rows = rowClasses.filter({ $0.count > size }).min(by: { $0.count < $1.count }) {
                    individualise(row: rows[0]); continue
                }
                if size >= 2 { individualise(column: columnClasses[c][0]); continue }
            }
            if let rows = rowClasses.first(where: { $0.count >= 2 }) { individualise(row: rows[0]); continue }
            if let cols = columnClasses.first(where: { $0.count >= 2 }) { individualise(column: cols[0]); continue }
            // All classes are singletons: pair in order (every pairing is then valid).
            return (Array(0..<d), Array(d..<k))
        }
    }

    /// The coarsest blocks for a pairing: connected components of the transpositions Δ(i j)
    /// (rows pairing[i], pairing[j] and columns i, j swapped) that fix the labelled matrix.
    static func transpositionBlocks(_ labels: [[Int]], pairing: [Int], extra: [Int]) -> [[Int]] {
        let d = pairing.count
        let a = pairing.map { labels[$0] }  // a[i][j]: block row paired with column i, column j
        var parent = Array(0..<d)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        func fixes(_ i: Int, _ j: Int) -> Bool {
            guard a[i][i] == a[j][j], a[i][j] == a[j][i] else { return false }
            for e in extra where labels[e][i] != labels[e][j] { return false }
            for l in 0..<d where l != i && l != j {
                if a[i][l] != a[j][l] || a[l][i] != a[l][j] { return false }
            }
            return true
        }
        for i in 0..<d {
            for j in (i + 1)..<d where root(i) != root(j) && fixes(i, j) {
                parent[root(j)] = root(i)
            }
        }
        var groups = [Int: [Int]]()
        for i in 0..<d { groups[root(i), default: []].append(i) }
        return groups.values.sorted { $0[0] < $1[0] }
    }

    /// The layout, the coordinates as orbit averages and the largest deviation.
    static func assemble(_ w: [[Double]], pairing: [Int], extra: [Int], blocks: [[Int]],
                         tolerance: Double) -> DetectedIsotropy {
        let k = w.count, d = w[0].count
        // Big block first, then decreasing size; ties by smallest column.
        let ordered = blocks.sorted { $0.count != $1.count ? $0.count > $1.count : $0[0] < $1[0] }
        let sizes = ordered.map(\.count)
        let columns = ordered.flatMap { $0 }
        let rows = columns.map { pairing[$0] } + extra
        let pattern = sizes[0] >= 2 ? try? IsotropyPattern(smallBlocks: Array(sizes.dropFirst()), extraRows: k - d) : nil
        let coordinates = pattern?.coordinates ?? trivialCoordinates(d: d, extraRows: k - d)
        let index = Dictionary(uniqueKeysWithValues: coordinates.enumerated().map { ($1, $0) })
        let blockOf = sizes.enumerated().flatMap { b, n in Array(repeating: b, count: n) }
        func coordinate(_ i: Int, _ j: Int) -> Int {
            if i >= d { return index[.extra(row: i - d, columnBlock: blockOf[j])]! }
            let (a, b) = (blockOf[i], blockOf[j])
            if a != b { return index[.cross(rowBlock: a, columnBlock: b)]! }
            return index[i == j ? .diagonal(block: a) : .offDiagonal(block: a)]!
        }
        // Mean as first + Σ(x - first)/n, exact when all entries of an orbit are equal.
        var firsts = [Double?](repeating: nil, count: coordinates.count)
        var counts = [Int](repeating: 0, count: coordinates.count)
        var sums = [Double](repeating: 0, count: coordinates.count)
        for i in 0..<k {
            for j in 0..<d {
                let c = coordinate(i, j), x = w[rows[i]][columns[j]]
                if firsts[c] == nil { firsts[c] = x }
                counts[c] += 1
                sums[c] += x - firsts[c]!
            }
        }
        let values = coordinates.indices.map { c in firsts[c]! + sums[c] / Double(counts[c]) }
        var deviation = 0.0
        for i in 0..<k {
            for j in 0..<d {
                let delta = abs(w[rows[i]][columns[j]] - values[coordinate(i, j)])
                deviation = delta.isNaN ? .infinity : max(deviation, delta)
            }
        }
        return DetectedIsotropy(d: d, k: k, blockSizes: sizes, rowPermutation: rows, columnPermutation: columns,
                                pattern: pattern, coordinates: coordinates, values: values,
                                maxDeviation: deviation, absoluteTolerance: tolerance)
    }

    /// The coordinates when every block has one index: IsotropyPattern's order without O_1.
    static func trivialCoordinates(d: Int, extraRows: Int) -> [FixedPointCoordinate] {
        var list: [FixedPointCoordinate] = [.diagonal(block: 0)]
        for a in 1..<max(d, 1) {
            list += [.cross(rowBlock: 0, columnBlock: a), .cross(rowBlock: a, columnBlock: 0), .diagonal(block: a)]
        }
        for a in 1..<max(d, 1) { for b in 1..<d where a != b { list.append(.cross(rowBlock: a, columnBlock: b)) } }
        for e in 0..<extraRows { for b in 0..<d { list.append(.extra(row: e, columnBlock: b)) } }
        return list
    }
}
