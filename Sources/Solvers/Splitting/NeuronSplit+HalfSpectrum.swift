import Numbers
import LinearAlgebra
import Landscape

extension NeuronSplit {
    /// One component of the split point's spectrum at μ = 1/2: its name, the multiplicity of
    /// each eigenvalue (a function of integer d and as a formula), and the eigenvalues.
    public struct HalfComponent: Sendable {
        public let name: String
        public let multiplicity: @Sendable (Int) -> Int
        public let eigenvalues: [BigFloat]
    }

    /// The split point's whole Hessian spectrum at μ = 1/2, exactly at the point's d. With
    /// a = (u + v)/sqrt 2 and b = (u - v)/sqrt 2, an orthogonal change of the two new rows, the
    /// Hessian is block diagonal: D H D in (other rows, a), D = sqrt 2 on row J's entries (the
    /// old Hessian with row J read as p = sqrt 2 a), and 2 Y in b. D commutes with row J's
    /// stabiliser, so D H D splits by the isotypic components of `refined` as H does
    /// (`IsotypicSplit`); 2 Y's components come from `y`, plus the zero on w_J.
    public func halfSpectrum() throws -> [HalfComponent] {
        let split = try IsotypicSplit(refined)
        let xi = try point.pattern.embed(point.coordinates, into: refined)
        let bits = point.precision
        let root2 = try BigFloat.sqrt(BigFloat(2, precision: bits)), one = BigFloat(1, precision: bits)
        let q = refined.smallTotal
        var result: [HalfComponent] = []
        for space in split.spaces {
            let rowInFine = try Self.place(of: place, from: refined, in: space.fine)
            let inRow = Set(space.fine.rowCoordinates(rowInFine))
            let scaling = space.fine.coordinates.indices.map { inRow.contains($0) ? root2 : one }
            let values = try IsotypicSpectrum.complementEigenvalues(pattern: space.fine, d: point.d, xi: try split.coordinates(xi, in: space.fine),
                                                                    span: space.span, scaling: scaling)
            let (component, dimension) = (space.component, space.dimension)
            result.append(HalfComponent(name: space.name, multiplicity: { d in
                let g = IsotypicSpectrum.degrees(q: d - q)
                return dimension * [g.trivial, g.standard, g.exterior, g.y][component]
            }, eigenvalues: values))
        }
        let two = BigFloat(2, precision: bits)
        result.append(HalfComponent(name: "2Y: t", multiplicity: { _ in 1 }, eigenvalues: [BigFloat(0, precision: bits)] + y[0].eigenvalues.map { two * $0 }))
        for component in y.dropFirst() {
            let b = component.columnBlock!, refined = self.refined
            result.append(HalfComponent(name: "2Y: " + component.name, multiplicity: { d in
                (b == 0 ? d - refined.smallTotal : refined.smallBlocks[b - 1]) - 1
            }, eigenvalues: component.eigenvalues.map { two * $0 }))
        }
        return result
    }

    /// Row J's place in a pattern `fine` that refines `coarse` in place (big block splits come
    /// right after the big block, small blocks split where they are): the singleton block that
    /// starts at J's row, counted from the end of the matrix, which no refinement moves.
    static func place(of place: SplitRow.Place, from coarse: IsotropyPattern, in fine: IsotropyPattern) throws -> SplitRow.Place {
        guard case .block(let j) = place else { return place }
        let fromEnd = coarse.smallBlocks[(j - 1)...].reduce(0, +)
        var end = 0
        for (a, n) in fine.smallBlocks.enumerated().reversed() {
            end += n
            if end == fromEnd {
                guard n == 1 else { break }
                return .block(a + 1)
            }
        }
        throw IsotropyPattern.PatternError.invalid("\(fine) does not keep row J of \(coarse) as a singleton block")
    }
}
