import ArgumentParser
import Foundation
import Numbers
import Expressions
import Export
import Landscape
import Solvers

/// `puiseux critical`: critical points of the two-layer ReLU loss with a given isotropy at
/// a real d, found by `CriticalPointFinder` (or Newton from --start) and classified.
struct Critical: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Critical points of the loss with a given isotropy at a real dimension d.",
        discussion: """
            The isotropy Δ(S_{n_1} x ... x S_{n_r}) is given by its block sizes, the big block \
            first as d or d-s (s = the sum of the others): d, d-1,1, d-2,1,1, d-2,2; --extra m \
            adds m rows (k = d + m). Without --start, --starts seeded pseudo-random starts near \
            D_1 = -1 (type I) and D_1 = +1 (type II) are each followed by gradient descent (to \
            minima in the fixed-point space) and by Newton on the gradient (to its saddles too), \
            and every end point is refined by Newton in MPFR; global minima (loss < 1e-8) and copies under row permutations are \
            dropped. For d > 60 the search runs at d = 30 and each point is continued in d. \
            With --start x1,x2,... (coordinates in the order printed), Newton runs from there \
            at d. Every point is re-solved at twice --precision from the first solve; a \
            coordinate or loss is printed only with the digits both solves agree on (a value \
            below 2^(-P/2) in both is printed as 0). The gradient norm is the Frobenius norm of \
            the full gradient at the P-bit point (3 digits). index is the number of negative \
            eigenvalues of the full Hessian at an integer d: with its isotypic parts t, s, x, y \
            for isotropy d or d-1,1, counted on the kd x kd Hessian for the others (kd <= 900; \
            otherwise null); larger_isotropy names the point's own isotropy when it is larger \
            than the one searched (a point of a coarser fixed-point space); restricted_index counts them on the \
            fixed-point space; nondegenerate means every computed |eigenvalue| >= 2^(-P/2).

            Examples:
              puiseux critical --isotropy d --d 10
              puiseux critical --isotropy d-1,1 --extra 1 --type II --d 20
              puiseux critical --isotropy d-1,1 --type II --d 1000 --format json
              puiseux critical --isotropy d-1,1 --d 10 --start 1.0044,-0.0158,0.1824,0.126,-0.699
            """)

    @Option(name: .long, help: ArgumentHelp("Block sizes, big block first: d, d-1,1, d-2,1,1, d-2,2.", valueName: "blocks"))
    var isotropy: String

    @Option(name: .long, parsing: .unconditional, help: "Number m >= 0 of extra rows (k = d + m).")
    var extra: Int = 0

    @Option(name: .long, help: ArgumentHelp("Only critical points of this type: I (D_1 near -1) or II (D_1 near +1).", valueName: "I|II"))
    var type: String?

    @Option(name: .customLong("d"), parsing: .unconditional,
            help: ArgumentHelp("The dimension: a real number such as 20, 10.5 or 1000, at least the pattern's minimum.", valueName: "d"))
    var dimension: String

    @Option(name: .long, parsing: .unconditional, help: PrecisionRule.help("digits are checked at twice this."))
    var precision: Int = 256

    @Option(name: .long, parsing: .unconditional,
            help: ArgumentHelp("Start Newton here instead of searching: comma-separated coordinates in the printed order, or a CSV file whose last row holds them.", valueName: "x1,x2,..."))
    var start: String?

    /// `CriticalPointFinder.defaultStarts` (Docs/cli.md).
    @Option(name: .long, parsing: .unconditional, help: "Number of starts of the search, each followed by gradient descent and by Newton (1...1000; the default finds what 200 find on the isotropies measured in Docs/cli.md).")
    var starts: Int = CriticalPointFinder.defaultStarts

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        try OutputFormat.require(format, in: [.text, .json], command: "critical")
        let blocks = try IsotropyArgument.smallBlocks(isotropy)
        guard extra >= 0 else { throw ValidationError("--extra must be >= 0 (got \(extra))") }
        if let type, FamilyType(rawValue: type) == nil { throw ValidationError("--type must be I or II (got '\(type)')") }
        try PrecisionRule.validate(precision)
        guard (1...1_000).contains(starts) else { throw ValidationError("--starts must be between 1 and 1000 (got \(starts))") }
        let d = try Critical.parseDimension(dimension)
        let pattern = try IsotropyPattern(smallBlocks: blocks, extraRows: extra)
        guard d >= Rational(pattern.minimumDimension) else {
            throw ValidationError("--d \(dimension) does not fit --isotropy \(isotropy): the blocks need d >= \(pattern.minimumDimension)")
        }
        if let start {
            let xi = try Critical.parseStart(start)
            guard xi.count == pattern.dimension else {
                throw ValidationError("--start has \(xi.count) coordinates; \(pattern) has \(pattern.dimension): \(pattern.coordinates.map(\.description).joined(separator: ", "))")
            }
        }
    }

    /// The dimension as an exact rational ("20", "10.5", "1e3").
    static func parseDimension(_ text: String) throws -> Rational {
        guard let d = Rational(text) else { throw ValidationError("--d must be a real number such as 20 or 10.5 (got '\(text)')") }
        return d
    }

    static func parseStart(_ text: String) throws -> [Rational] { try PointList.numbers(text, option: "--start") }

    @OptionGroup var destination: OutputFile

    func run() throws {
        try destination.redirect()
        let pattern = try IsotropyPattern(smallBlocks: try IsotropyArgument.smallBlocks(isotropy), extraRows: extra)
        let d = try Critical.parseDimension(dimension)
        let wanted = type.flatMap(FamilyType.init(rawValue:))
        var reports = [Report]()
        do {
            let results: [CriticalPointFinder.Result]
            if let start {
                let xi = try Critical.parseStart(start).map { BigFloat($0, precision: precision) }
                let point: CriticalPoint
                do {
                    point = try NewtonSolver().solve(pattern: pattern, d: BigFloat(d, precision: precision), start: xi)
                } catch {
                    throw CLIFailure(computation: "Newton from --start did not reach a critical point at d = \(dimension): \(error)")
                }
                if let wanted, point.type != wanted {
                    throw CLIFailure(computation: "Newton from --start converged to a type \(point.type) point (D_1 = \(point.coordinates[0].formatted(significantDigits: 6))), not type \(wanted)")
                }
                results = [.init(point: point, classification: try CriticalPointClassification(point), continuedFrom: nil)]
            } else {
                results = try CriticalPointFinder(starts: starts).find(pattern: pattern, d: d, precision: precision, type: wanted)
                guard !results.isEmpty else {
                    let kind = wanted.map { "type \($0) " } ?? ""
                    throw CLIFailure(computation: "no \(kind)critical point of \(pattern) found at d = \(dimension) from \(starts) starts; try more --starts or --start")
                }
            }
            reports = try results.map { try Report($0, d: d, precision: precision) }
        } catch let error as SolverError {
            throw CLIFailure(computation: error.description)
        } catch let error as ComputationError {
            throw CLIFailure(computation: error.description)
        } catch let error as IsotropyPattern.PatternError {
            throw CLIFailure(usage: error.description)
        }
        let report = CriticalReport(isotropy: Critical.isotropyText(pattern), patternDescription: pattern.description,
                                    extraRows: extra, points: reports.map(\.exported))
        print(format == .json ? report.json : report.text)
    }

    static func isotropyText(_ pattern: IsotropyPattern) -> String {
        pattern.smallBlocks.isEmpty ? "d" : (["d-\(pattern.smallTotal)"] + pattern.smallBlocks.map(String.init)).joined(separator: ",")
    }

    /// One critical point ready to print: every digit of the coordinates and the loss backed
    /// by a re-solve at twice the precision.
    struct Report {
        var result: CriticalPointFinder.Result
        var d: String
        var precision: Int
        var names: [String]
        var values: [String]
        var loss: String
        var gradientNorm: String

        init(_ result: CriticalPointFinder.Result, d: Rational, precision: Int) throws {
            self.result = result
            self.precision = precision
            let point = result.point
            let high = 2 * precision
            let again: CriticalPoint
            do {
                again = try NewtonSolver().solve(pattern: point.pattern, d: BigFloat(d, precision: high),
                                                 start: point.coordinates.map { BigFloat($0, precision: high) })
            } catch {
                throw CLIFailure(computation: "the re-solve at \(high) bits from the \(precision)-bit point failed (\(error)); the digits cannot be backed")
            }
            let names = point.pattern.coordinates.map(\.description)
            self.names = names
            values = try zip(names.indices, names).map { i, name in
                try Report.backed(point.coordinates[i], again.coordinates[i], precision: precision, name: name)
            }
            loss = try Report.backed(point.loss, again.loss, precision: precision, name: "the loss")
            gradientNorm = point.gradientNorm.formatted(significantDigits: 3)
            self.d = d.isInteger ? d.description : BigFloat(d, precision: precision).formatted(significantDigits: BigFloat.decimalDigits(forBits: precision))
        }

        /// x (P bits) with the significant digits it shares with y (2P bits); "0" when both are
        /// below 2^(-P/2) in magnitude; a computation failure when no digit is backed.
        static func backed(_ x: BigFloat, _ y: BigFloat, precision: Int, name: String) throws -> String {
            if let text = ConfirmedDigits(x, y, precision: precision).text(x) { return text }
            throw CLIFailure(computation: "\(name) is not backed: the solves at \(precision) and \(2 * precision) bits disagree on its first digit")
        }

        var classification: CriticalPointClassification { result.classification }

        /// The point as Export lays it out.
        var exported: CriticalReport.Point {
            let c = classification
            var point = CriticalReport.Point(
                type: c.type.rawValue, continuedFrom: result.continuedFrom, d: d, precision: precision, names: names, values: values,
                loss: loss, gradientNorm: gradientNorm, index: c.index.map { i in (i.total, i.components.map { ($0.trivial, $0.standard, $0.exterior, $0.y) }) },
                restrictedIndex: c.restrictedIndex, isNondegenerate: c.isNondegenerate,
                smallestMagnitude: c.smallestMagnitude.formatted(significantDigits: 3), isMinimum: c.isMinimum)
            point.largerIsotropy = c.largerIsotropy?.blockNotation
            return point
        }
    }
}
