import Numbers
import Series
import LinearAlgebra
import Landscape

extension NeuronSplit {
    public typealias S = PuiseuxSeries<BigFloat>

    /// Y's eigenvalues as Puiseux series in d, for a family and the block of row J: the same
    /// components as `init(point:row:)` (t without its exact zero; s(b) per column block), in
    /// the series ring. t: the characteristic polynomial of the Jacobian's block on row J's
    /// coordinates minus I/2, divided by λ for the zero on w_J, and its roots as the spectrum's
    /// are found; the standard ones: a difference of two traces.
    public struct SeriesComponent: Sendable {
        public let name: String
        public let columnBlock: Int?
        public let eigenvalues: [S]
    }

    /// The family's series is lengthened as `SeriesSpectrum.compute` does until every
    /// eigenvalue is known to `terms` terms from its leading one.
    public static func ySeries(_ family: Family, place: SplitRow.Place, terms: Int, precision: Int,
                               expansion given: SeriesFamilyExpansion? = nil) throws -> [SeriesComponent] {
        try SeriesSpectrum.lengthening(family, terms: terms, precision: precision, expansion: given, label: "Y series") {
            try ySeries(at: $0, place: place, terms: terms)
        }
    }

    /// Y's series at P bits and again at `confirmation` bits, for the digits both agree on
    /// (`SeriesSpectrum.atTwoPrecisions`).
    public static func ySeriesConfirmed(_ family: Family, place: SplitRow.Place, terms: Int, precision: Int,
                                        confirmation: Int) throws -> (working: [SeriesComponent], confirmation: [SeriesComponent]) {
        try SeriesSpectrum.atTwoPrecisions(family, terms: terms, precision: precision, confirmation: confirmation) { expansion, bits in
            try ySeries(family, place: place, terms: terms, precision: bits, expansion: expansion)
        }
    }

    /// Y's series at the family's series as given.
    static func ySeries(at expansion: SeriesFamilyExpansion, place coarsePlace: SplitRow.Place, terms: Int) throws -> [SeriesComponent] {
        let family = expansion.family, b = expansion.ramification
        let precision = expansion.solution.coordinates[0].precision
        let order = Rational(expansion.terms, b)
        let xi = expansion.solution.coordinates.map { $0.addingBigO(dExponent: -order) }
        let context = xi[0].context
        let d = S.d(context: context)
        let representative = try SplitRow.representative(coarsePlace, pattern: family.pattern)
        let (refined, place) = try representative.refinement(of: family.pattern)
        let half = S(constant: BigFloat(Rational(1, 2), precision: precision), context: context)
        /// Row J's block of the Jacobian on Fix(pattern), minus I/2.
        func rowBlock(_ pattern: IsotropyPattern, _ place: SplitRow.Place) throws -> [[S]] {
            let at = try family.pattern.embed(xi, into: pattern)
            let j = try ReducedLoss(pattern: pattern, d: d).fieldAndJacobian(at, parallel: true).jacobian
            let rows = pattern.rowCoordinates(place)
            return rows.map { r in rows.map { c in r == c ? j[r, c] - half : j[r, c] } }
        }
        let block = try rowBlock(refined, place)
        let label = "\(family.name), Y of \(representative)"
        func truncated(_ s: S) throws -> S { try SeriesSpectrum.truncated(s, terms: terms, ramification: b, label: "\(label): an eigenvalue") }
        let trivial = try CharacteristicPolynomial(block).deflatedByZeroRoot
            .seriesRoots(name: "\(label): t-eigenvalue", ramification: b, terms: terms, precision: precision, context: context, truncated: truncated)
        var components = [SeriesComponent(name: "t", columnBlock: nil, eigenvalues: trivial.sorted(by: SeriesSpectrum.asymptoticallyBelow))]
        func trace(_ m: [[S]]) -> S { m.indices.reduce(S(constant: BigFloat(0, precision: precision), context: context)) { $0 + m[$1][$1] } }
        func absoluteTrace(_ m: [[S]]) -> S { trace(m.indices.map { i in m[i].map { $0.mapCoefficients(context: context) { $0.magnitude } } }) }
        for column in 0..<refined.blockCount where column == 0 || refined.smallBlocks[column - 1] >= 2 {
            let (finer, finerPlace) = try splittingOneColumn(column, of: refined, place: place)
            let larger = try rowBlock(finer, finerPlace)
            let raw = trace(larger) - trace(block)
            let value = try CharacteristicPolynomial.withoutNoise(raw, bound: absoluteTrace(larger) + absoluteTrace(block))
            components.append(SeriesComponent(name: standardName(column: column, of: refined), columnBlock: column, eigenvalues: [try truncated(value)]))
        }
        return components
    }
}

extension SplitRow {
    /// A row of the given place, for patterns (and series in d) where no integer d is fixed: the
    /// place is what the spectra depend on (`SplitRow`).
    static func representative(_ place: Place, pattern: IsotropyPattern) throws -> SplitRow {
        let d = pattern.minimumDimension + 1
        switch place {
        case .extra(let e): return try SplitRow(row: d + e + 1, pattern: pattern, d: d)
        case .block(let a): return try SplitRow(row: d - pattern.smallTotal + pattern.smallBlocks[..<max(a - 1, 0)].reduce(0, +) + (a == 0 ? 0 : 1), pattern: pattern, d: d)
        }
    }
}
