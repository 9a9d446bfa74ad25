import ArgumentParser
import Foundation
import Numbers
import Series
import Expressions
import Export
import Solvers

/// `puiseux spectrum NAME`: the Hessian eigenvalues of a family by isotypic component, as
/// series in d or exactly at one d.
struct Spectrum: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Hessian eigenvalues of a family by isotypic component (t, s, x, y): series in d, or at one d.",
        discussion: """
            Components of S_{d-p}: trivial t (degree 1), standard s (d-p-1), exterior square x \
            ((q-1)(q-2)/2) and y (q(q-3)/2), q = d - p. With --d D: the eigenvalues of each \
            component at the family's critical point at d = D (no kd x kd matrix is formed), \
            digits backed by a second computation at precision + 64 bits. Without --d: each \
            eigenvalue as a series c_1 d + c_0 + c_{-1/b} d^(-1/b) + ... in the series ring at P and \
            2P bits (--method numeric: two fits of the exact spectra at large d, Docs/table1.md), \
            each to --terms N nonzero terms from its own leading one (or --order EXP: every term \
            above d^EXP); digits shown are those both computations agree on.

            Examples:
              puiseux spectrum p1-m0-II --d 1000000
              puiseux spectrum p1-m1-II --terms 4
              puiseux spectrum p1-m0-II --order -2
              puiseux spectrum p1-m2-II --format json
            """)

    @OptionGroup var shared: FamilyArguments

    @Option(help: "A dimension d >= 10 (real) for the exact spectrum at that d (the point from the family's series for d >= 1e4, by continuation below); omit for the series.")
    var d: Double?

    @OptionGroup var length: SeriesLengthOption

    @Option(help: "Route for the series: series (the series ring; leading terms from the Newton polygon of each characteristic polynomial; the default) or numeric (continuation and two fits, the independent check).")
    var method: FamilyMethod = .series

    @Option(help: "Output format: text, json or latex (series only: a booktabs table like paper 000's Table 1).")
    var format: OutputFormat = .text

    func validate() throws {
        if d != nil && format == .latex { throw ValidationError("--format latex is for the series (omit --d)") }
        if let d { guard d.isFinite, d >= 10, d <= 1e30 else { throw ValidationError("--d must be between 10 and 1e30 (got \(d))") } }
        try length.validate(mostTerms: Self.mostTerms)
        // The isotypic split takes small blocks up to `IsotypicSplit.largestBlock`.
        if let isotropy = shared.isotropy, let small = try? IsotropyArgument.smallBlocks(isotropy), let n = small.max(), n > IsotypicSplit.largestBlock {
            throw ValidationError("--isotropy \(isotropy): spectra are computed for small blocks of size up to \(IsotypicSplit.largestBlock) (a block of \(n) would need the \(n)! permutations of S_\(n)); `puiseux family` gives this isotropy's series")
        }
    }

    static let names = ["t", "s", "x", "y"]

    /// The largest --terms N (the family's series behind 12 nonzero terms of a b = 4
    /// eigenvalue is long: twice that + 6b + 2 powers).
    static let mostTerms = 12
    /// The numeric route's fits have 12 nodes: at most this many powers from d^1.
    static let numericWindow = 12

    /// The powers of t per eigenvalue computed (`SeriesWindow`): eigenvalues start at d^1 at
    /// most; b/2 spare; at most twice `mostTerms`.
    var window: SeriesWindow { .eigenvalues(length.length, mostTerms: Self.mostTerms, command: "spectrum") }

    @OptionGroup var shown: DigitsOption

    @OptionGroup var destination: OutputFile

    func run() throws {
        try destination.redirect()
        let family = try shared.resolve()
        let search = PrecisionSearch(given: shared.requestedPrecision, display: shown.asked ?? .all, maximum: shared.maxPrecision)
        if let d {
            print(formatted(try search.run({ try at($0).finiteSpectrum(family, at: d) }, printed: \.printedDigits)))
        } else {
            print(formatted(try search.run({ try at($0).seriesReport(family) }, printed: \.printedDigits)))
        }
    }

    /// This command at `bits` of working precision (an attempt of `PrecisionSearch`).
    func at(_ bits: Int) -> Spectrum {
        var command = self
        command.shared.requestedPrecision = bits
        return command
    }

    /// The eigenvalue series by the requested route, laid out.
    func seriesReport(_ family: Solvers.Family) throws -> SpectrumReport {
        let (components, header, ramification, confirmed): ([SpectrumComponent], String, Int, Bool)
        do {
            (components, header, ramification, confirmed) = try method == .series ? seriesComponents(family) : numericComponents(family)
        } catch let failure as CLIFailure {
            throw PrecisionRule.hinted(failure, precision: shared.precision)
        }
        return seriesReport(family, components: components, header: header, ramification: ramification, confirmed: confirmed)
    }

    /// The digits of x (at the working precision) that y (at the confirming one) backs.
    func backed(_ x: BigFloat, _ y: BigFloat) -> (text: String, digits: Int) {
        let confirmed = ConfirmedDigits(x, y, precision: shared.precision)
        return (confirmed.text(x) ?? "0", confirmed.count)
    }

    /// The degree of each component's eigenvalues as a formula in d.
    static func degreeFormulas(_ family: Solvers.Family) -> [String] {
        // q = d - s (s single indices outside the big block): 1, q - 1, (q-1)(q-2)/2, q(q-3)/2.
        let s = family.p
        func q(_ shift: Int) -> String { s + shift == 0 ? "d" : "d - \(s + shift)" }
        func product(_ a: String, _ b: String) -> String { (a == "d" ? a : "(\(a))") + "(\(b))/2" }
        return ["1", q(1), product(q(1), q(2)), product(q(0), q(3))]
    }

    /// The exact spectrum at one d: the critical point at P and P + 64 bits, each component's
    /// eigenvalues with the digits both agree on.
    func finiteSpectrum(_ family: Solvers.Family, at d: Double) throws -> SpectrumReport.AtDimension {
        let precision = shared.precision
        let (a, b): (IsotypicSpectrum, IsotypicSpectrum)
        do {
            let points = try FamilyCatalogue.criticalPoint(of: family, at: d, precision: precision, confirmation: precision + 64)
            (a, b) = (try IsotypicSpectrum(points.working), try IsotypicSpectrum(points.confirmation))
        } catch {
            throw CLIFailure(computation: "\(family.name) at d = \(d): \(error)")
        }
        var lists = [(a.trivial, b.trivial), (a.standard, b.standard), (a.exterior, b.exterior), (a.y, b.y)]
        let q = d - Double(family.p)
        let base = [1, q - 1, (q - 1) * (q - 2) / 2, q * (q - 3) / 2]
        var degrees = base.map { Self.number($0) }
        var names = Self.names
        // With blocks of size 2 to 6: the same components tensored with each non-trivial
        // irreducible of its S_n, degree times the irreducible's dimension.
        for (t, u) in zip(a.twists, b.twists) {
            lists += [(t.trivial, u.trivial), (t.standard, u.standard), (t.exterior, u.exterior), (t.y, u.y)]
            degrees += base.map { Self.number($0 * Double(t.dimension)) }
            names += Self.names.map { $0 + "-" + t.irrep }
        }
        var report = SpectrumReport.AtDimension(
            subject: FamilyArguments.subject(family), d: Self.number(d), precision: precision,
            components: lists.enumerated().filter { !$0.element.0.isEmpty || $0.offset < Self.names.count }.map { i, pair in
                (names[i], degrees[i], zip(pair.0, pair.1).map { x, y in let v = backed(x, y); return (v.text, v.digits, x.sign) })
            })
        report.display = shown.display(forPeople: format.isForPeople)
        report.p = family.p
        return report
    }

    func formatted(_ report: SpectrumReport.AtDimension) -> String {
        switch format {
        case .text: report.text
        case .csv: report.csv
        case .json, .latex: report.json
        }
    }

    /// The eigenvalue series by the numeric route: two fits of exact spectra at large d.
    func numericComponents(_ family: Solvers.Family) throws -> (components: [SpectrumComponent], header: String, ramification: Int, confirmed: Bool) {
        let precision = shared.precision
        let bExponent = family.expectedRamification
        guard bExponent > 0 else {
            throw CLIFailure(computation: "\(family.name) is not in the catalogue: its eigenvalue series need its ramification (run `puiseux family` with the same --from); --d gives its exact spectrum at any d")
        }
        let (first, second): (NumericSpectrumExpansion, NumericSpectrumExpansion)
        Progress.report("\(family.name): exact spectra at large d (fits)")
        do {
            first = try NumericSpectrumExpansion.compute(family, ramification: bExponent, nodes: 12, range: (1e4, 1e8), precision: precision)
            second = try NumericSpectrumExpansion.compute(family, ramification: bExponent, nodes: 14, range: (2e4, 2e8), precision: precision + 64)
        } catch {
            throw CLIFailure(computation: FamilyArguments.failure(family, error))
        }
        let header = "numeric route: two fits (12 nodes in [1e4, 1e8] at \(precision) bits, 14 in [2e4, 2e8] at \(precision + 64)) agree on the digits shown"
        let degreeFormulas = Self.degreeFormulas(family)
        let terms = min(Self.numericWindow, try window.first(ramification: bExponent))
        let components = first.components.enumerated().map { i, component in
            let other = second.components[i].eigenvalues
            let order = Rational(bExponent - terms, bExponent)
            let list = component.eigenvalues.enumerated().map { e, coefficients in
                SpectrumEigenvalue(terms: (0..<terms).compactMap { j -> SpectrumTerm? in
                    let v = backed(coefficients[j], other[e][j])
                    return v.digits == 0 ? nil : SpectrumTerm(exponent: Rational(bExponent - j, bExponent), text: v.text, digits: v.digits, value: coefficients[j].doubleValue)
                }, order: order)
            }
            // A twisted component has the degree of the one it twists times the irreducible's
            // dimension (2 for the standard representation of S_3).
            let base = Self.names.firstIndex(of: SpectrumComponent.base(component.name)) ?? i
            let formula = degreeFormulas[base], factor = SpectrumComponent.twistDimension(component.name)
            let degree = factor == 1 ? formula : (formula == "1" ? "\(factor)" : "\(factor)(\(formula))")
            return SpectrumComponent(irrep: component.name, degree: degree, eigenvalues: list)
        }
        return (components, header, bExponent, true)
    }

    /// The eigenvalue series at P and 2P bits, the digits both agree on, cut to what was
    /// asked: a first window of powers of t, then a longer one while an eigenvalue that ends
    /// where its computation ends is short of it (one that ends where the two computations
    /// disagree needs precision, not powers).
    func seriesComponents(_ family: Solvers.Family) throws -> (components: [SpectrumComponent], header: String, ramification: Int, confirmed: Bool) {
        let (computed, window) = try self.window.lengthened(
            guessedRamification: SeriesWindow.plannedRamification(family.expectedRamification), { try seriesComponents(family, window: $0) },
            ramification: \.ramification, shortCounts: { SeriesWindow.shortCounts($0.components.flatMap(\.eigenvalues)) })
        let precision = shared.precision
        let backing = computed.confirmed ? "at \(precision) and \(2 * precision) bits" : "at \(precision) bits"
        let digits = computed.confirmed ? "digits shown agree" : "every digit shown certified in ball arithmetic (no second run needed)"
        let header = "series ring \(backing) (leading terms from the Newton polygon of each characteristic polynomial), \(digits); \(length.length.words) of each eigenvalue (\(window) powers of t from its leading one computed)"
        return (computed.components, header, computed.ramification, computed.confirmed)
    }

    /// The eigenvalue series to `window` powers of t from each leading one, not yet cut.
    func seriesComponents(_ family: Solvers.Family, window terms: Int) throws -> (components: [SpectrumComponent], ramification: Int, confirmed: Bool) {
        let precision = shared.precision
        let (a, b, certificate): (SeriesSpectrum, SeriesSpectrum?, Result<SpectrumEnclosure, SpectrumEnclosure.NotCertified>)
        do {
            Progress.report("\(family.name): eigenvalue series at \(precision) bits, certified (and at \(2 * precision) bits where not)")
            (a, b, certificate) = try SeriesSpectrum.computeCertified(family, terms: terms, precision: precision, confirmation: 2 * precision)
            Progress.clear()
        } catch {
            throw CLIFailure(computation: FamilyArguments.failure(family, error))
        }
        return (Self.components(family, working: a, confirmation: b, precision: precision, certificate: certificate), a.ramification, b != nil)
    }

    /// The eigenvalue series at P (and at the confirmation's precision, when run) laid out for
    /// Export: each term with the digits its ball proves (`certificate`) or both runs agree on,
    /// each component with its degree formula.
    static func components(_ family: Solvers.Family, working a: SeriesSpectrum, confirmation b: SeriesSpectrum?, precision: Int,
                           certificate: Result<SpectrumEnclosure, SpectrumEnclosure.NotCertified>? = nil) -> [SpectrumComponent] {
        let degreeFormulas = Self.degreeFormulas(family)
        return a.components.enumerated().map { i, component in
            let list = component.eigenvalues.enumerated().map { e, series in
                let enclosure = certificate?.flatMap { $0.components[i].eigenvalues[e] }
                return SpectrumEigenvalue(working: series, confirmation: b?.components[i].eigenvalues[e], precision: precision,
                                          enclosure: try? enclosure?.get(), notCertifiedBecause: { if case .failure(let why) = enclosure { return why.description } else { return nil } }())
            }
            // A twisted component has the degree of the one it twists times the irreducible's
            // dimension (2 for the standard representation of S_3).
            let base = Self.names.firstIndex(of: SpectrumComponent.base(component.name)) ?? i
            let formula = degreeFormulas[base], factor = SpectrumComponent.twistDimension(component.name)
            let degree = factor == 1 ? formula : (formula == "1" ? "\(factor)" : "\(factor)(\(formula))")
            return SpectrumComponent(irrep: component.name, degree: degree, eigenvalues: list)
        }
    }

    /// The eigenvalue series and the verdict, laid out. `confirmed`: whether a second
    /// computation (2P, or the numeric route's second fit) backs the digits; false when every
    /// printed term is certified and none was run.
    func seriesReport(_ family: Solvers.Family, components: [SpectrumComponent], header: String, ramification: Int, confirmed: Bool) -> SpectrumReport {
        var report = SpectrumReport(
            subject: FamilyArguments.subject(family), components: components, p: family.p, ramification: ramification,
            precision: shared.precision, method: method.rawValue, header: header,
            agreement: method == .numeric ? "two fits" : confirmed ? "series ring at two precisions" : "series ring, ball arithmetic")
        report.length = length.length
        report.display = shown.display(forPeople: format.isForPeople)
        report.quiet = shared.quiet
        report.confirmedAtTwoPrecisions = confirmed
        return report
    }

    func formatted(_ report: SpectrumReport) -> String {
        switch format {
        case .text: report.text
        case .latex: report.latex(standalone: shared.standalone)
        case .csv: report.csv
        case .json: report.json
        }
    }

    static func number(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}
