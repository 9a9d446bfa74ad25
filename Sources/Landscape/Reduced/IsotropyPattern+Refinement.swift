import Numbers

extension IsotropyPattern {
    /// The pattern whose isotropy is the subgroup obtained by splitting `parts` off the big
    /// block: Δ(S_{q - Σparts} x S_parts... x S_n2 x ...). The split blocks come right after
    /// the big block, so that the explicit matrices of both patterns share one layout.
    public func splittingBigBlock(_ parts: [Int]) throws -> IsotropyPattern {
        try IsotropyPattern(smallBlocks: parts + smallBlocks, extraRows: extraRows)
    }

    /// Coordinates in `finer` (a pattern for a subgroup, e.g. from `splittingBigBlock`, or with a
    /// small block split in place) of the
    /// point ξ of this pattern: the same matrix, read at the finer pattern's representative
    /// entries. The map is linear and independent of d, so any d that fits both will do.
    public func embed<T: ScalarField>(_ xi: [T], into finer: IsotropyPattern) throws -> [T] {
        precondition(finer.extraRows == extraRows)
        let d = max(minimumDimension, finer.minimumDimension) + 1
        let w = try matrix(xi, dimension: d)
        // Layout check: the finer pattern's blocks must refine ours in place (every boundary
        // between our blocks is one between its blocks): splitting the big block, or a small one.
        func boundaries(_ p: IsotropyPattern) -> Set<Int> {
            var ends = Set<Int>(), end = d - p.smallTotal
            ends.insert(end)
            for n in p.smallBlocks { end += n; ends.insert(end) }
            return ends
        }
        guard boundaries(self).isSubset(of: boundaries(finer)) else {
            throw PatternError.invalid("\(finer) does not refine \(self) in place")
        }
        return finer.representativeEntries(dimension: d).map { w[$0.row][$0.column] }
    }
}
