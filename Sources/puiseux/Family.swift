import ArgumentParser
import Foundation
import Numbers
import Balls
import Series
import Expressions
import Export
import Solvers

/// `puiseux family NAME`: the fractional power series of a family and of its loss in
/// t = d^(-1/b), by the series route (Newton in the ring of Puiseux series; `--method numeric`:
/// continuation and interpolation), with the digits of each coefficient backed by a second
/// computation at a higher precision.
struct Family: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "family",
        abstract: "Series of a family of critical points and of its loss in t = d^(-1/b).",
        discussion: """
            NAME is one of `puiseux families` (e.g. p1-m0-II). Default route (--method series): \
            Newton on F_d in the ring of Puiseux series, started from leading exponents guessed at \
            d <= 1600 (or read at 1e6-1e8 when the guess fails its checks); b is detected. The \
            coefficients are then certified (a Krawczyk test in ball arithmetic) and printed to \
            the digits their balls prove; where the certificate does not reach a printed \
            coefficient (a degenerate family) the series is lifted to twice the precision and \
            each coefficient shows the digits both agree on. The residual of F_d at the series \
            and the agreement with Newton at two large d are printed. A degenerate family \
            on which the series iteration does not converge is reported and done by the numeric \
            route (--method numeric: continuation and interpolation, b from the catalogue, two fits). \
            A coefficient with no agreeing digit is reported as numerically zero with a bound \
            (Docs/family-series.md).

            --terms N prints at least N nonzero terms of every coordinate and of the loss, \
            counted from each one's leading term (more powers of t are computed where \
            coefficients vanish); --order EXP prints every term above d^EXP.

            Examples:
              puiseux family p0-m1-I --terms 6
              puiseux family p1-m0-II --terms 8 --format json
              puiseux family p1-m1-I --order -2
            """)

    @OptionGroup var shared: FamilyArguments

    @OptionGroup var length: SeriesLengthOption

    @Option(help: "Output format: text, json, latex (a booktabs table) or csv (coordinate,exponent,coefficient,digits,...).")
    var format: OutputFormat = .text

    /// The largest --terms N: 24 nonzero terms of a b = 4 family's rows take up to twice as many
    /// powers of t (`SeriesWindow`).
    static let mostTerms = 24

    func validate() throws {
        try length.validate(mostTerms: Self.mostTerms)
    }

    typealias Coefficient = FamilyReport.Coefficient

    @Option(help: "Route: series (Newton in the ring of Puiseux series, b detected; the default) or numeric (continuation and interpolation, b from the catalogue).")
    var method: FamilyMethod = .series

    @Flag(help: "Identify coefficients as rational combinations of basis constants (PSLQ; marked as identified numerically, with the digits of evidence; none below 15).")
    var closedForms = false

    @Option(help: "With --closed-forms: extra basis constants, comma-separated expressions in pi (e.g. \"sqrt(3), log(2)\").")
    var basis: String?

    /// The computations whose digits are printed (the second, agreeing, one absent where
    /// every printed coefficient is certified), and what checks them.
    struct Computed {
        var b: Int
        var first: (coordinates: [[BigFloat]], loss: [BigFloat])
        var second: (coordinates: [[BigFloat]], loss: [BigFloat])?
        var header: String
        var checks: [String]
        var verification: FamilyReport.Verification
        /// Proved enclosures of the first computation's coefficients (series route, when the
        /// Krawczyk test succeeds).
        var certificate: FamilyEnclosure? = nil
    }

    func computeSeries(_ family: Solvers.Family, precision: Int, window terms: Int) throws -> Computed {
        Progress.report("\(family.name): series at \(precision) bits")
        let first = try SeriesFamilyExpansion.compute(family, terms: terms, precision: precision)
        Progress.report("\(family.name): series certified (and lifted to \(2 * precision) bits where not)")
        let (second, certificate) = try first.certifiedOrLifted(toPrecision: 2 * precision) { enclosure in
            layout(family, first: first, enclosure: enclosure, window: terms).everyPrintedCoefficientCertified
        }
        defer { Progress.clear() }
        let n = family.pattern.dimension
        let b = first.ramification
        if let second, second.ramification != b {
            throw CLIFailure(computation: "\(family.name): the ramification differs between \(precision) bits (\(b)) and \(2 * precision) bits (\(second.ramification))")
        }
        var checks = [String]()
        // Residual of F_d at the truncated series: each component must be O(d^(row scale - terms/b)).
        let orders = try first.residualOrders()
        let worst = orders.map { o in o.leading.map { ($0 - o.bound) } ?? Rational(-1000) }.max()!
        guard worst <= 0 else {
            throw CLIFailure(computation: "\(family.name): F_d at the series is larger than its truncation allows (by d^(\(worst)))")
        }
        let residualText = orders.enumerated().map { j, o in "F_\(j + 1) = O(d^(\(o.bound)))" }.joined(separator: ", ")
        checks.append("residual of F_d at the series (\(terms) powers of t): \(residualText)")
        // Agreement with the finite-d critical points (continuation + Newton) at the two larger d.
        var agreement = [String](), newton = [(d: String, largestGap: Double, ratio: Double, byRounding: Bool)]()
        for (d, worstGap, worstRatio, byRounding) in try first.newtonAgreement() {
            guard worstRatio < 10 else {
                throw CLIFailure(computation: "\(family.name): the series disagrees with Newton at d = \(d.formatted(significantDigits: 6)) beyond its truncation error")
            }
            let measure = byRounding ? "the series' \(precision)-bit rounding, larger there than its truncation error" : "the truncation error"
            agreement.append("d = \(d.formatted(significantDigits: 6)): max |series - Newton| = \(String(format: "%.1e", worstGap)) (<= \(String(format: "%.1f", worstRatio)) x \(measure))")
            newton.append((d.formatted(significantDigits: 6), worstGap, worstRatio, byRounding))
        }
        checks.append("agreement with Newton: " + agreement.joined(separator: "; "))
        let bits = second == nil ? [precision] : [precision, 2 * precision]
        switch certificate {
        case .success:
            let confirmation = second == nil ? "every printed coefficient is enclosed, so no second run at \(2 * precision) bits was needed" : "the \(precision)- and \(2 * precision)-bit solutions agree on them too"
            checks.append("digits: certified: every digit shown lies in a ball proved to contain the true coefficient (Krawczyk test on the truncated coefficient system in \(FamilyEnclosure.ballPrecision(working: precision))-bit ball arithmetic; assumes the family is a Puiseux series with these leading exponents and that the cancellations at its limit are exact; Docs/certified-digits.md); \(confirmation)")
        case .failure(let reason):
            checks.append("digits: each coefficient shows the digits the \(precision)- and \(2 * precision)-bit solutions agree on (not certified: \(reason))")
        }
        return Computed(
            b: b,
            first: ((0..<n).map(first.coordinateCoefficients), first.lossCoefficients),
            second: second.map { s in ((0..<n).map(s.coordinateCoefficients), s.lossCoefficients) },
            header: "series-ring Newton at " + (second == nil ? "\(precision) bits, every coefficient certified" : "\(precision) and \(2 * precision) bits") + ", b = \(b) detected",
            checks: checks,
            verification: .series(residual: orders.map { ($0.bound, $0.leading) }, newton: newton, leadingExponentsFrom: first.leadingSource,
                                  leadingExponents: first.solution.leadingExponents, bits: bits,
                                  notCertified: { if case .failure(let reason) = certificate { return reason.description } else { return nil } }()),
            certificate: try? certificate.get())
    }

    /// The series laid out from its certificate alone (no second run): what `report` would
    /// print if the certificate were the whole backing.
    func layout(_ family: Solvers.Family, first: SeriesFamilyExpansion, enclosure: FamilyEnclosure, window: Int) -> FamilyReport {
        let n = family.pattern.dimension
        let coordinates = (0..<n).map { backed(first.coordinateCoefficients($0), nil, window: window, balls: enclosure.coordinateCoefficients($0, count: window)) }
        let loss = backed(first.lossCoefficients, nil, window: window, balls: enclosure.lossCoefficients(count: window))
        return FamilyReport(
            subject: FamilyArguments.subject(family), ramification: first.ramification, precision: shared.precision, length: length.length, window: window,
            header: "", origin: nil, coordinates: zip(family.pattern.coordinates, coordinates).map { ($0.description, $1) }, loss: loss,
            checks: [], verification: .numeric(firstNodes: 0, secondNodes: 0, bits: (0, 0), fallbackReason: nil), closedForms: false)
    }

    func computeNumeric(_ family: Solvers.Family, precision: Int, reason: String?, window terms: Int) throws -> Computed {
        let b = family.expectedRamification
        guard b > 0 else {
            throw CLIFailure(computation: "\(family.name) is not in the catalogue, so the numeric route has no ramification to fit with; use --method series (b detected)")
        }
        let first = try NumericFamilyExpansion.compute(family, ramification: b, nodes: terms + 4, range: (1e4, 1e8), precision: precision)
        let second = try NumericFamilyExpansion.compute(family, ramification: b, nodes: terms + 6, range: (2e4, 2e8), precision: precision + 64)
        var checks = ["digits: each coefficient shows the digits both fits agree on"]
        if let reason { checks.insert("numeric route because \(reason)", at: 0) }
        return Computed(
            b: b, first: (first.coordinates, first.loss), second: (second.coordinates, second.loss),
            header: "numeric continuation, fits at \(precision) and \(precision + 64) bits, b = \(b) from the catalogue",
            checks: checks,
            verification: .numeric(firstNodes: terms + 4, secondNodes: terms + 6, bits: (precision, precision + 64), fallbackReason: reason))
    }

    @OptionGroup var shown: DigitsOption

    @OptionGroup var destination: OutputFile

    func run() throws {
        try destination.redirect()
        let family = try shared.resolve()
        let (command, computed) = try atChosenPrecision { try $0.computedToLength(family) }
        var report = computed
        if closedForms { try command.identifyClosedForms(&report) }
        report.display = shown.display(forPeople: format.isForPeople)
        report.quiet = shared.quiet
        switch format {
        case .text: print(report.text)
        case .latex: print(report.latex(standalone: shared.standalone))
        case .csv: print(report.csv)
        case .json: print(report.json)
        }
    }

    /// `body` run by this command at the precision `--digits` needs (`PrecisionSearch`), with
    /// the command as it ran.
    func atChosenPrecision(_ body: (Family) throws -> FamilyReport) throws -> (command: Family, report: FamilyReport) {
        let search = PrecisionSearch(given: shared.requestedPrecision, display: shown.asked ?? .all, maximum: shared.maxPrecision)
        return try search.run({ bits in
            let command = at(bits)
            return (command, try body(command))
        }, printed: { $0.report.printedDigits })
    }

    /// This command at `bits` of working precision (an attempt of `PrecisionSearch`).
    func at(_ bits: Int) -> Family {
        var command = self
        command.shared.requestedPrecision = bits
        return command
    }

    /// The powers of t computed (`SeriesWindow`): coordinates start at t^0; the series route
    /// reads b off at least four powers; at most twice `mostTerms`.
    var window: SeriesWindow { .coordinates(length.length, mostTerms: Self.mostTerms, command: "family") }

    /// The family's series computed to the asked length: a first window, then a longer one
    /// while a row is short of it.
    func computedToLength(_ family: Solvers.Family) throws -> FamilyReport {
        try window.lengthened(guessedRamification: SeriesWindow.plannedRamification(family.expectedRamification), { try report(family, window: $0) },
                              ramification: \.ramification, shortCounts: { $0.shortRows.map(\.count) }).result
    }

    /// The family computed to `window` powers of t, laid out (not yet cut: the report cuts).
    func report(_ family: Solvers.Family, window: Int) throws -> FamilyReport {
        let computed: Computed
        do { computed = try compute(family, window: window) } catch let failure as CLIFailure { throw PrecisionRule.hinted(failure, precision: shared.precision) }
        let certificate = computed.certificate
        let coordinates = family.pattern.coordinates.indices.map {
            backed(computed.first.coordinates[$0], computed.second?.coordinates[$0], window: window, balls: certificate?.coordinateCoefficients($0, count: window))
        }
        let loss = backed(computed.first.loss, computed.second?.loss, window: window, balls: certificate?.lossCoefficients(count: window))
        return FamilyReport(
            subject: FamilyArguments.subject(family), ramification: computed.b, precision: shared.precision, length: length.length, window: window,
            header: computed.header, origin: origin(family),
            coordinates: zip(family.pattern.coordinates, coordinates).map { ($0.description, $1) }, loss: loss,
            checks: computed.checks, verification: computed.verification, closedForms: closedForms)
    }

    /// The family by the requested route; a degenerate family the series route cannot solve
    /// is said so and done by the numeric route.
    func compute(_ family: Solvers.Family, window: Int) throws -> Computed {
        let precision = shared.precision
        do {
            switch method {
            case .numeric: return try computeNumeric(family, precision: precision, reason: nil, window: window)
            case .series:
                do {
                    return try computeSeries(family, precision: precision, window: window)
                } catch let error as SolverError where family.expectedRamification > 0 && !error.isAmbiguous {
                    return try computeNumeric(family, precision: precision, reason: error.description, window: window)
                }
            }
        } catch let failure as CLIFailure {
            throw failure
        } catch {
            throw CLIFailure(computation: FamilyArguments.failure(family, error))
        }
    }

    /// The first `window` coefficients of x (working precision) as `BackedCoefficient` decides
    /// them from y (the confirming computation, when run) and `balls` (a certificate): a
    /// certified one with its radius, an agreed one to its digits, a zero with its bound (the
    /// ball's, proved, or the two values'), none where both are exactly zero.
    func backed(_ x: [BigFloat], _ y: [BigFloat]?, window: Int, balls: [Ball?]? = nil) -> [Coefficient] {
        (0..<window).compactMap { j in
            switch BackedCoefficient(x[j], confirmation: y?[j], ball: balls?[j] ?? nil, precision: shared.precision) {
            case .certified(let decimal):
                return Coefficient(power: j, text: decimal.text, digits: decimal.digits, radius: decimal.radius)
            case .absent:
                return nil
            case .certifiedZero(let bound):
                return Coefficient(power: j, text: "0", digits: 0, bound: bound.formattedUpperBound(significantDigits: 2), radius: bound.formattedUpperBound(significantDigits: 3))
            case .agreed(let k):
                return Coefficient(power: j, text: x[j].formatted(significantDigits: k), digits: k)
            case .zero(let bound), .unconfirmed(let bound):
                return Coefficient(power: j, text: "0", digits: 0, bound: String(format: "%.1e", bound))
            }
        }
    }

    /// PSLQ on every printed coefficient, over the default basis and the user's constants.
    func identifyClosedForms(_ report: inout FamilyReport) throws {
        var constants = ClosedFormFinder.defaultBasis
        for e in (basis ?? "").split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !e.isEmpty {
            do { _ = try Expression.parse(e) } catch { throw CLIFailure(usage: "--basis: \(e): \(error)") }
            constants.append(BasisConstant(userExpression: e))
        }
        let layout = report
        func identify(_ list: inout [Coefficient]) throws {
            let printed = Set(layout.printedTerms(list).map(\.power))
            for k in list.indices where printed.contains(list[k].power) {
                guard let x = BigFloat(list[k].text, precision: shared.precision) else { continue }
                list[k].closedForm = try ClosedFormFinder.identify(x, digits: list[k].digits, basis: constants)
            }
        }
        for i in report.coordinates.indices { try identify(&report.coordinates[i].coefficients) }
        try identify(&report.loss)
    }

    /// For a family given by a point (--from): where it was found.
    func origin(_ family: Solvers.Family) -> String? {
        guard shared.from != nil, let (d, _) = try? shared.point() else { return nil }
        return "the family through the given critical point at d = \(d) (Newton-polished, followed to d = 1e8), limit (\(family.limit.map(\.description).joined(separator: ", ")))"
    }
}

enum FamilyMethod: String, ExpressibleByArgument, CaseIterable {
    case series, numeric
}
