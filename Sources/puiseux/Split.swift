import ArgumentParser
import Foundation
import Numbers
import Series
import Export
import Landscape
import Solvers

/// `puiseux split`: a neuron split of a critical point at integer d (paper 002, section 4, for
/// output weights fixed at 1; `NeuronSplit`).
struct Split: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Split row J of a critical point into mu w_J and (1 - mu) w_J: Y, the inertia predicted and counted, the spectrum.",
        discussion: """
            Our output weights are fixed at 1, so splitting row J keeps the network function \
            only for 0 < mu < 1 (relu(mu z) = mu relu(z)), and the split point is critical. In \
            the rows p = u + v, q = (1 - mu) u - mu v the Hessian is block diagonal: the old \
            Hessian, and Y/(mu (1 - mu)) with Y = H_JJ - I/2 at the old point \
            (Docs/neuron-splitting.md). So the split point's inertia is the old one's plus \
            Y's (Y w_J = 0: the line of split points), for every mu in (0, 1); it is checked \
            against the explicit (k + 1) d x (k + 1) d Hessian. Y is printed by component of \
            row J's stabiliser, exactly at d (and with --terms as series in d for a catalogue \
            family); at mu = 1/2 the whole spectrum is exact (an orthogonal change of the two \
            rows), otherwise it is the explicit Hessian's in Double. Rows are numbered from 1: \
            the big block first, then the small blocks, then the extra rows.

            Examples:
              puiseux split p1-m0-II --d 10 --row 10 --mu 1/2
              puiseux split p0-m0-I --d 10 --row 1 --mu 0.3 --format json
              puiseux split p1-m0-II --d 20 --row 1 --mu 1/2 --terms 3

            Exit status: 0 success, 1 a computation failed (or the predicted and the counted \
            inertia disagree), 2 bad usage (mu outside (0, 1), a row out of range).
            """)

    @OptionGroup var given: PointArguments

    @Option(help: "The row J to split, 1 ... d + m.")
    var row: Int

    @Option(help: "The share mu of row J in the first copy: a decimal or a fraction (1/2), 0 < mu < 1.")
    var mu: String

    @OptionGroup var length: SeriesLengthOption

    /// Whether Y's series were asked for (--terms or --order).
    var wantsSeries: Bool { length.terms != nil || length.order != nil }

    /// The largest --terms N.
    static let mostTerms = 8

    /// The powers of t per eigenvalue of Y computed, as for `spectrum`.
    var window: SeriesWindow { .eigenvalues(length.length, mostTerms: Self.mostTerms, command: "split") }

    @Option(help: PrecisionRule.help("every digit shown is confirmed at this plus 64."))
    var precision: Int = 256

    @Option(help: "Output format: text, json, csv (the eigenvalues) or latex (a booktabs table of Y).")
    var format: OutputFormat = .text

    @Flag(help: "With --format latex: a complete document instead of a table fragment.")
    var standalone = false

    @OptionGroup var shown: DigitsOption

    @OptionGroup var destination: OutputFile

    /// The largest d: the explicit check's (k + 1) d x (k + 1) d Hessian stays within
    /// `FullHessianIndex.maximumSize` up to d = 28 for m <= 2; beyond, it is not counted.
    static let maximumDimension = 200

    func validate() throws {
        try OutputFormat.require(format, in: [.text, .json, .csv, .latex], command: "split")
        try PrecisionRule.validate(precision)
        try given.validate(maximumDimension: Self.maximumDimension)
        _ = try share()
        let k = given.dimension + (try given.pattern()).extraRows
        guard (1...k).contains(row) else { throw ValidationError("--row must be between 1 and \(k), the rows of W at d = \(given.dimension) (got \(row))") }
        if wantsSeries {
            guard given.name != nil else { throw ValidationError("--terms and --order need a family by name (Y's series come from the family's series), not --from") }
            try length.validate(mostTerms: Self.mostTerms)
        }
    }

    /// mu as an exact rational in (0, 1).
    func share() throws -> Rational {
        guard let value = Rational(mu) ?? Rational(decimal: mu) else {
            throw ValidationError("--mu must be a decimal or a fraction such as 1/2 (got '\(mu)')")
        }
        guard value > Rational(0), value < Rational(1) else {
            throw ValidationError("--mu must lie strictly between 0 and 1 (got \(mu)): our output weights are fixed at 1, and relu(mu z) + relu((1 - mu) z) = relu(z) holds only for 0 <= mu <= 1 (mu = 0 or 1 leaves a zero row, where the loss is not differentiable)")
        }
        return value
    }

    func run() throws {
        try destination.redirect()
        let mu = try share()
        let points = try given.point(precision: precision, confirmation: precision + 64)
        let report = try computeReport(points, mu: mu)
        print(report.formatted(format, standalone: standalone))
        if report.agrees == false { throw CLIFailure(computation: "the predicted and the counted inertia disagree") }
    }

    /// The digits of x (working) that y (confirmation) backs.
    func backed(_ x: BigFloat, _ y: BigFloat) throws -> SplitReport.Number {
        let confirmed = ConfirmedDigits(x, y, precision: precision)
        guard let text = confirmed.text(x) else { throw CLIFailure(computation: "\(x.formatted(significantDigits: 10)) is not confirmed at \(precision + 64) bits") }
        return SplitReport.Number(text: text, digits: max(confirmed.count, 1))
    }

    func computeReport(_ points: (working: CriticalPoint, confirmation: CriticalPoint), mu: Rational) throws -> SplitReport {
        let d = given.dimension
        let place = try SplitRow(row: row, pattern: points.working.pattern, d: d)
        let label = given.label("point")
        do {
            let (a, b) = (try NeuronSplit(point: points.working, row: place), try NeuronSplit(point: points.confirmation, row: place))
            let old = try IsotypicSpectrum(points.working)
            let y = try zip(a.y, b.y).map { x, z in
                SplitReport.Group(name: x.name, multiplicity: a.multiplicity(x, d: d), formula: a.multiplicityFormula(x),
                                  values: try zip(x.eigenvalues, z.eigenvalues).map { try backed($0, $1) })
            }
            let predicted = try a.predictedInertia(d: d, old: old)
            let dense = try SplitHessian.eigenvalues(points.working, row: place, mu: mu, d: d)
            let computed = dense.map { values, floor in
                (inertia: Self.inertia(SplitHessian.inertia(values, floor: floor)), size: values.count, floor: BigFloat(floor, precision: 64).formattedUpperBound(significantDigits: 2))
            }
            var (eigenvalues, source) = (dense.map { SplitReport.denseGroups($0.values, floor: $0.floor) } ?? [], "the explicit Hessian in Double")
            if mu == Rational(1, 2) {
                eigenvalues = try zip(a.halfSpectrum(), b.halfSpectrum()).map { x, z in
                    SplitReport.Group(name: x.name, multiplicity: x.multiplicity(d), formula: nil, values: try zip(x.eigenvalues, z.eigenvalues).map { try backed($0, $1) })
                }.filter { !$0.values.isEmpty && $0.multiplicity > 0 }
                source = "exact at mu = 1/2: the old Hessian with row J scaled by sqrt 2 by isotypic component, and 2Y"
            } else if dense == nil {
                source = "not computed: exact only at mu = 1/2, and the explicit Hessian is limited to \(FullHessianIndex.maximumSize) x \(FullHessianIndex.maximumSize)"
            }
            var report = SplitReport(
                subject: label, d: String(d), row: row, rowPlace: place.placeName, mu: mu.description, stabiliser: a.refined.description,
                loss: try backed(points.working.loss, points.confirmation.loss), oldIndex: old.index(q: d - points.working.pattern.smallTotal),
                y: y, ySeries: wantsSeries ? try ySeries(a, place: place.place) : nil, predicted: Self.inertia(predicted),
                computed: computed, eigenvalues: eigenvalues, eigenvalueSource: source, precision: precision)
            report.display = shown.display(forPeople: format.isForPeople)
            return report
        } catch let failure as CLIFailure {
            throw failure
        } catch {
            throw CLIFailure(computation: "\(label) at d = \(d), row \(row): \(error)")
        }
    }

    /// Y's series at P and 2P bits, each term to the digits both agree on, cut to what was
    /// asked (`SeriesWindow`, as `spectrum` does).
    func ySeries(_ split: NeuronSplit, place: SplitRow.Place) throws -> [(name: String, formula: String, eigenvalues: [SpectrumEigenvalue])] {
        guard let family = try given.namedFamily(precision: max(precision, 192)) else { throw CLIFailure(usage: "--terms needs a family by name") }
        Progress.report("\(family.name): Y's series at \(precision) and \(2 * precision) bits")
        defer { Progress.clear() }
        typealias Series = [(name: String, formula: String, eigenvalues: [SpectrumEigenvalue])]
        let (series, _) = try window.lengthened(guessedRamification: SeriesWindow.plannedRamification(family.expectedRamification), { window -> (series: Series, ramification: Int) in
            let both = try NeuronSplit.ySeriesConfirmed(family, place: place, terms: window, precision: precision, confirmation: 2 * precision)
            let series = zip(both.working, both.confirmation).map { x, z in
                (name: x.name, formula: split.multiplicityFormula(split.y.first { $0.name == x.name }!),
                 eigenvalues: zip(x.eigenvalues, z.eigenvalues).map { SpectrumEigenvalue(working: $0, confirmation: $1, precision: precision) })
            }
            return (series, both.working.flatMap(\.eigenvalues).map(\.ramification).max() ?? 2)
        }, ramification: \.ramification, shortCounts: { SeriesWindow.shortCounts($0.series.flatMap(\.eigenvalues)) })
        return series.series.map { ($0.name, $0.formula, $0.eigenvalues.map { $0.cut(to: length.length) }) }
    }

    static func inertia(_ i: Solvers.Inertia) -> SplitReport.Inertia { SplitReport.Inertia(positive: i.positive, zero: i.zero, negative: i.negative) }
}
