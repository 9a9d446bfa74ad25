import ArgumentParser
import Foundation
import Numbers
import Export
import Landscape
import Solvers

/// `puiseux minima`: paper 001's question as a computation. For k = d + m and p = 0 ... P, the
/// families of Δ(S_{d-p} x S_p) found from their critical points at --d (`families --search`),
/// each with its loss series and the large-d verdict of its Hessian eigenvalue series
/// (`spectrum`): which are minima for large d.
struct Minima: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Which families of Δ(S_{d-p} x S_p), p = 0...P, are minima for large d (paper 001), with their losses.",
        discussion: """
            For each p the families are found as `families --isotropy d-p,p --search` finds \
            them (critical points at --d, each followed to d = 1e8, limit read off); for each, \
            the loss series and every Hessian eigenvalue series (`spectrum`, P and 2P bits) \
            give the verdict for large d: a minimum when every eigenvalue's leading term is \
            positive. p <= 6 (the isotypic split covers blocks of size up to 6).

            Examples:
              puiseux minima
              puiseux minima --max-p 2 --format latex

            Exit status: 0 success, 1 a computation failed, 2 bad usage.
            """)


    @Option(help: "The largest p (0...6).")
    var maxP: Int = 3

    @Option(help: "m = k - d, the number of extra rows (0...3).")
    var extra: Int = 0

    @Option(name: .customLong("d"), help: "The integer d of the search (8...40).")
    var dimension: Int = 20

    /// Minima only: the descent alone (`CriticalPointFinder.defaultMinimaStarts`).
    @Option(help: "Gradient-descent starts per isotropy (1...1000).")
    var starts: Int = CriticalPointFinder.defaultMinimaStarts

    @Option(help: "Output format: text, json or latex.")
    var format: OutputFormat = .text

    func validate() throws {
        try OutputFormat.require(format, in: [.text, .json, .latex], command: "minima")
        guard (0...IsotypicSplit.largestBlock).contains(maxP) else { throw ValidationError("--max-p must be between 0 and \(IsotypicSplit.largestBlock) (got \(maxP))") }
        guard (0...3).contains(extra) else { throw ValidationError("--extra must be between 0 and 3 (got \(extra))") }
        guard (8...40).contains(dimension) else { throw ValidationError("--d must be between 8 and 40 (got \(dimension))") }
        guard (1...1_000).contains(starts) else { throw ValidationError("--starts must be between 1 and 1000 (got \(starts))") }
    }

    @OptionGroup var shown: DigitsOption

    @OptionGroup var destination: OutputFile

    static let precision = 256
    static let terms = 3

    func run() throws {
        var rows: [MinimaReport.Row] = [], notes: [String] = []
        for p in 0...maxP {
            let pattern = try IsotropyPattern(smallBlocks: p == 0 ? [] : [p], extraRows: extra)
            let found = try discover(pattern)
            if found.isEmpty { notes.append("p = \(p): no family of exactly Δ(S_{d-\(p)} x S_\(p)) among the critical points found at d = \(dimension)") }
            for family in found { rows.append(try row(p: p, family)) }
        }
        Progress.clear()
        try destination.redirect()
        var report = MinimaReport(extraRows: extra, d: dimension, rows: rows, notes: notes)
        report.display = shown.display(forPeople: format.isForPeople)
        switch format {
        case .text: print(report.text)
        case .json: print(report.json)
        case .latex: print(report.latex())
        case .csv: preconditionFailure("--format csv is refused by validate()")
        }
    }

    /// The families of one isotropy (`FamilyDiscovery`).
    func discover(_ pattern: IsotropyPattern) throws -> [Solvers.Family] {
        Progress.report("minima: families of \(pattern.blockNotation) at d = \(dimension)")
        do {
            return try FamilyDiscovery(pattern: pattern, d: dimension, starts: starts, precision: 192, findsSaddles: false).found.map(\.family)
        } catch {
            throw CLIFailure(computation: "minima: the search for \(pattern.blockNotation) failed: \(error)")
        }
    }

    /// One family's loss terms and verdict.
    func row(p: Int, _ family: Solvers.Family) throws -> MinimaReport.Row {
        Progress.report("minima: spectrum of \(family.name)")
        let (a, b): (SeriesSpectrum, SeriesSpectrum)
        do {
            (a, b) = try SeriesSpectrum.computeConfirmed(family, terms: Self.terms, precision: Self.precision, confirmation: 2 * Self.precision)
        } catch {
            throw CLIFailure(computation: "minima: \(family.name): \(error)")
        }
        let verdict = SpectrumVerdict(components: Spectrum.components(family, working: a, confirmation: b, precision: Self.precision), p: family.p)
        Progress.report("minima: the arcs' directions of \(family.name)")
        let ramification = a.expansion.ramification
        let (x, y) = (a.expansion.lossCoefficients, b.expansion.lossCoefficients)
        var loss: [(exponent: Rational, text: String)] = []
        for j in 0..<min(x.count, y.count) where loss.count < 3 {
            let confirmed = ConfirmedDigits(x[j], BigFloat(y[j], precision: Self.precision), precision: Self.precision)
            guard confirmed.count > 0, !x[j].isZero, let text = confirmed.text(x[j]) else { continue }
            loss.append((Rational(-j, ramification), text))
        }
        let components = Spectrum.components(family, working: a, confirmation: b, precision: Self.precision)
        var row = MinimaReport.Row(p: p, isotropy: family.pattern.blockNotation, name: family.name, type: family.type.rawValue,
                                   limit: family.limit, loss: loss, kind: verdict.kind, index: verdict.index)
        row.softest = SoftestEigenvalue(components: components)
        row.softestLabel = row.softest.map { s in SpectrumComponent(irrep: s.irrep, degree: "", eigenvalues: []).label(p: family.p) }
        if verdict.kind == "minimum", let softest = row.softest {
            row.arcs = arcDimensions.filter { $0 > family.pattern.minimumDimension }.map { (d: $0, isotropy: Self.arcIsotropy(family, softest, d: $0)) }
        }
        return row
    }

    /// The d at which the arcs' directions are computed (paper 003's arcs: d = 10 and 20).
    var arcDimensions: [Int] { [10, 20] }

    /// The isotropy of the direction in which the tangency arc leaves the minimum at d: the
    /// eigenvector of the softest component's eigenvalue nearest the softest series at d, in the
    /// largest fixed-point space holding one (`SoftestDirection`); or why it is not known.
    static func arcIsotropy(_ family: Solvers.Family, _ softest: SoftestEigenvalue, d: Int) -> String {
        do {
            let direction = try SoftestDirection(family: family, d: d, irrep: softest.irrep, near: softest.eigenvalue.value(at: Double(d)))
            return direction.detected.description
        } catch {
            return "not computed (\(error))"
        }
    }
}
