import Numbers
import LinearAlgebra
import Landscape

/// Splitting row J of a critical point W into the rows μ w_J and (1 - μ) w_J, 0 < μ < 1 (paper
/// 002, section 4, redone for output weights fixed at 1; Docs/neuron-splitting.md). The network
/// function is unchanged (relu is positively homogeneous) and the point stays critical.
///
/// In the coordinates p = u + v, q = (1 - μ) u - μ v of the two new rows (u, v) the Hessian is
/// block diagonal: the old Hessian in (other rows, p), and Y / (μ (1 - μ)) in q, where
/// Y = H_JJ - I/2 = Σ_{i != J} h1(w_J, w_i) - Σ_j h1(w_J, e_j) is computed at the old point. So
/// the split point's inertia is the old Hessian's plus Y's (Sylvester), for every μ in (0, 1);
/// Y w_J = 0 exactly (h1(w, .) annihilates w), the direction of the line of split points.
///
/// Y commutes with the stabiliser of row J in the isotropy group, the isotropy of the pattern
/// with J split off (`SplitRow.refinement`). Its eigenvalues come by component: on the vectors
/// that stabiliser fixes (one coordinate per column block), from the Hessian restricted to row
/// J's coordinates there; on the standard representation of each column block b of size
/// n_b >= 2 (multiplicity n_b - 1), as a difference of two traces, with one more index split
/// off b. No d x d matrix is formed, so d may be any real number.
public struct NeuronSplit: Sendable {
    /// One component of Y: "t" (the vectors fixed by row J's stabiliser) or the standard
    /// representation of the columns of one block ("s(S_{d-2})", `standardName`).
    public struct Component: Sendable {
        public let name: String
        /// The column block whose standard representation this is; nil for t.
        public let columnBlock: Int?
        /// Y's eigenvalues on it; for t without the exact zero on w_J.
        public let eigenvalues: [BigFloat]
    }

    public let point: CriticalPoint
    public let row: SplitRow
    /// The pattern of row J's stabiliser, and J's place in it.
    public let refined: IsotropyPattern
    public let place: SplitRow.Place
    /// Y's components: t first, then s(b) for each column block of size >= 2.
    public let y: [Component]
    /// |Y u| / |Y| for u the unit vector of w_J: Y w_J = 0 holds to this (a check of the point).
    public let nullResidual: BigFloat

    public init(point: CriticalPoint, row: SplitRow) throws {
        self.point = point
        self.row = row
        (refined, place) = try row.refinement(of: point.pattern)
        let xi = try point.pattern.embed(point.coordinates, into: refined)
        let (block, direction) = try Self.rowBlock(pattern: refined, place: place, d: point.d, xi: xi)
        let bits = point.precision
        // Y u = 0 for u along w_J: the check, then Y on u's complement.
        let image = block * direction
        let scale = block.entries.map(\.magnitude).max() ?? BigFloat(1, precision: bits)
        nullResidual = try (image.map(\.magnitude).max() ?? BigFloat(0, precision: bits)) / max(scale, BigFloat(1, precision: bits))
        let trivial = try IsotypicSpectrum.compressed(block, toComplementOf: [direction]).symmetricEigenvalues()
        var components = [Component(name: "t", columnBlock: nil, eigenvalues: trivial)]
        let sizes = refined.blockSizes(d: point.d)
        for (b, size) in sizes.enumerated() where size.doubleValue >= 2 {
            let (finer, finerPlace) = try Self.splittingOneColumn(b, of: refined, place: place)
            let finerXi = try point.pattern.embed(point.coordinates, into: finer)
            let larger = try Self.rowBlock(pattern: finer, place: finerPlace, d: point.d, xi: finerXi).block
            components.append(Component(name: Self.standardName(column: b, of: refined), columnBlock: b, eigenvalues: [larger.trace - block.trace]))
        }
        y = components
    }

    /// The name of the standard component on the columns of block b: "s(S_{d-2})" for the big
    /// block of a pattern with 2 indices outside it, "s(S_{3}) block 2" for a small one.
    static func standardName(column b: Int, of pattern: IsotropyPattern) -> String {
        b == 0 ? "s(S_{d-\(pattern.smallTotal)})" : "s(S_{\(pattern.smallBlocks[b - 1])}) block \(b + 1)"
    }

    /// The multiplicity of each eigenvalue of a component at integer d: 1 for t, n_b - 1 for s(b).
    public func multiplicity(_ component: Component, d: Int) -> Int {
        guard let b = component.columnBlock else { return 1 }
        return (b == 0 ? d - refined.smallTotal : refined.smallBlocks[b - 1]) - 1
    }

    /// The multiplicity as a formula in d: "1", "d - 2", "2".
    public func multiplicityFormula(_ component: Component) -> String {
        guard let b = component.columnBlock else { return "1" }
        if b == 0 { return "d - \(refined.smallTotal + 1)" }
        return String(refined.smallBlocks[b - 1] - 1)
    }

    /// The pattern with one more index split off column block b (in place), and row J's place.
    static func splittingOneColumn(_ b: Int, of pattern: IsotropyPattern, place: SplitRow.Place) throws -> (IsotropyPattern, SplitRow.Place) {
        var moved = place
        if case .block(let j) = place, b == 0 || j > b { moved = .block(j + 1) }
        if b == 0 { return (try pattern.splittingBigBlock([1]), moved) }
        var blocks = pattern.smallBlocks
        blocks.replaceSubrange((b - 1)...(b - 1), with: [blocks[b - 1] - 1, 1])
        return (try IsotropyPattern(smallBlocks: blocks, extraRows: pattern.extraRows), moved)
    }

    /// Y on the span of row J's coordinates of a pattern in which J is a singleton block (or an
    /// extra row), in the orthonormal frame y = C^{1/2} ξ: the principal block of
    /// C^{1/2} DF C^{-1/2} minus I/2; and the unit vector of w_J in that frame.
    static func rowBlock(pattern: IsotropyPattern, place: SplitRow.Place, d: BigFloat, xi: [BigFloat]) throws -> (block: Matrix<BigFloat>, direction: [BigFloat]) {
        let (s, roots) = try RestrictedSpectrum.symmetricJacobian(pattern: pattern, d: d, xi: xi)
        let indices = pattern.rowCoordinates(place)
        let half = BigFloat(Rational(1, 2), precision: d.precision)
        let block = Matrix<BigFloat>(rows: indices.count, columns: indices.count) { a, b in
            s[indices[a], indices[b]] - (a == b ? half : BigFloat(0, precision: d.precision))
        }
        let w = indices.map { roots[$0] * xi[$0] }
        let norm = try BigFloat.sqrt(w.reduce(BigFloat(0, precision: d.precision)) { $0 + $1 * $1 })
        return (block, try w.map { try $0 / norm })
    }
}
