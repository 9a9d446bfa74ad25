import ArgumentParser
import Foundation
import Numbers
import Export
import Landscape
import Solvers

/// The arguments `family` and `spectrum` share: which family (a catalogue name or a
/// `FamilyName`; or isotropy, extra rows, type and/or limit, `FamilySelection`; or a critical
/// point at finite d), the precision, and whether LaTeX output is a whole document.
struct FamilyArguments: ParsableArguments {
    @Argument(help: "The family's name: a catalogue name (p1-m0-II) or one that `puiseux families --search` prints (d-2,2-m0-II:1,0,0,0,-1,0). Or give --isotropy/--extra with --type and/or --limit, or --from.")
    var name: String?

    @Option(help: "The isotropy in block notation (as in `critical`): d, d-1,1, d-2,2, d-2,1,1, ... With --type/--limit: the family is the catalogue's, or found by the search of `families --search` at d = 20; with --from, the isotropy of the point.")
    var isotropy: String?

    @Option(help: "m = k - d, the number of extra rows.")
    var extra: Int?

    @Option(help: "Type: I (D_1 -> -1) or II (D_1 -> +1).")
    var type: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("The family's limit, comma-separated rationals in the coordinate order `critical` prints (write --limit=-1,0,... when it starts with a minus sign).", valueName: "c1,c2,..."))
    var limit: String?

    @Option(help: "A critical point at finite d, in the paper's coordinate order: comma-separated numbers, or a CSV file whose last row holds them (optionally preceded by d). Needs --isotropy and --extra.")
    var from: String?

    @Option(help: "With --from: the d of the point (unless the CSV row starts with it).")
    var at: Double?

    @Option(name: .customLong("precision"),
            help: PrecisionRule.help("every digit shown is confirmed at twice this; default \(PrecisionRule.familyDefault), or with --digits N the least that backs N digits of every printed value."))
    var requestedPrecision: Int?

    @Option(help: "With --digits N and no --precision: the most bits the working precision is raised to.")
    var maxPrecision: Int = PrecisionSearch.defaultMaximum

    /// The working precision of this run: --precision, else the default (a `PrecisionSearch`
    /// sets `requestedPrecision` for each of its attempts).
    var precision: Int { requestedPrecision ?? PrecisionRule.familyDefault }

    @Flag(help: "With --format latex: a complete document instead of a table fragment.")
    var standalone = false

    @Flag(help: "Text: the series only, without the summary, the checks and the verdict.")
    var quiet = false

    func validate() throws {
        try PrecisionRule.validate(precision)
        try PrecisionRule.validate(maxPrecision, option: "--max-precision")
        let ways = [name != nil, from != nil, from == nil && (isotropy != nil || extra != nil || type != nil || limit != nil)].filter { $0 }.count
        guard ways == 1 else {
            throw ValidationError("give exactly one of: a family name, --isotropy/--extra with --type and/or --limit, or --from with --isotropy/--extra")
        }
        if let name {
            guard try FamilyCatalogue.named(name) != nil || parsedName(name) != nil else {
                throw ValidationError("unknown family '\(name)'; the catalogue's families are \(FamilyCatalogue.families.map(\.name).joined(separator: ", ")), other names are <isotropy>-m<m>-<type>:<limit> as `puiseux families --search` prints them")
            }
            return
        }
        guard let isotropy, let m = extra else { throw ValidationError("--isotropy and --extra are both needed") }
        guard (0...6).contains(m) else { throw ValidationError("--extra must be between 0 and 6 (got \(m))") }
        if from == nil {
            _ = try selection()
        } else {
            guard type == nil, limit == nil else { throw ValidationError("--from gives the family by its point; --type and --limit do not apply") }
            _ = try point()
        }
    }

    /// A `FamilyName`, or nil for a name of another shape; a malformed one is a usage error.
    func parsedName(_ name: String) throws -> FamilyName? {
        do { return try FamilyName(parsing: name) } catch { throw ValidationError("\(error)") }
    }

    /// The pattern, type and limit of --isotropy/--extra/--type/--limit.
    func selection() throws -> (pattern: IsotropyPattern, type: FamilyType?, limit: [Rational]?) {
        guard let isotropy, let m = extra else { throw ValidationError("--isotropy and --extra are both needed") }
        let pattern = try IsotropyArgument.pattern(isotropy, extra: m)
        var t: FamilyType?
        if let type {
            guard let parsed = FamilyType(rawValue: type.uppercased()) else { throw ValidationError("--type must be I or II") }
            t = parsed
        }
        var c: [Rational]?
        if let limit {
            do { c = try FamilyName.limit(parsing: limit, pattern: pattern) } catch { throw ValidationError("--limit: \(error)") }
        }
        guard t != nil || c != nil else { throw ValidationError("--isotropy/--extra need --type or --limit to say which family") }
        return (pattern, t, c)
    }

    /// The point and its d from --from/--at. Throws `ValidationError` (exit 2) on a malformed
    /// list, an unreadable file, a non-finite number or a missing d.
    func point() throws -> (d: Double, coordinates: [Double]) {
        guard let from else { throw ValidationError("--from is missing") }
        let values = try PointList.numbers(from, option: "--from").map(\.doubleValue)
        guard let isotropy, let m = extra else { throw ValidationError("--from needs --isotropy and --extra") }
        let pattern = try IsotropyArgument.pattern(isotropy, extra: m)
        let n = pattern.dimension
        if values.count == n + 1, at == nil { return (values[0], Array(values.dropFirst())) }
        guard values.count == n else {
            throw ValidationError("--from: \(values.count) numbers, but --isotropy \(isotropy) --extra \(m) has \(n) coordinates (\(pattern.coordinates.map(\.description).joined(separator: ", ")))\(at == nil ? ", or d and them" : "")")
        }
        guard let d = at else { throw ValidationError("--from: give the point's d with --at (or as the CSV row's first number)") }
        guard d.isFinite, d >= Double(pattern.minimumDimension) else { throw ValidationError("--at must be a finite d >= \(pattern.minimumDimension)") }
        return (d, values)
    }

    /// The family: from the catalogue, or found from the point (continuation to large d; exit 1
    /// with the reason when the point is not near a critical point of a regular family).
    func resolve() throws -> Solvers.Family {
        if let name, let known = FamilyCatalogue.named(name) { return known }
        if let name, let parsed = try parsedName(name) { return try select(parsed.pattern, parsed.type, parsed.limit) }
        let m = extra!
        if from == nil {
            let (pattern, t, c) = try selection()
            return try select(pattern, t, c)
        }
        let (d, coordinates) = try point()
        let pattern = try IsotropyArgument.pattern(isotropy!, extra: m)
        do {
            return try FamilyCatalogue.family(from: coordinates, d: d, pattern: pattern, precision: max(precision, 192))
        } catch {
            throw CLIFailure(computation: "--from: \(error)")
        }
    }

    /// `FamilySelection`: an ambiguous request or one that no family fits is a usage error
    /// (exit 2, the candidates or the reason in one line); a failed search is a computation's.
    func select(_ pattern: IsotropyPattern, _ type: FamilyType?, _ limit: [Rational]?) throws -> Solvers.Family {
        do {
            return try FamilySelection.family(pattern: pattern, type: type, limit: limit, precision: precision)
        } catch let error as SolverError {
            switch error {
            case .ambiguous(let text), .noCriticalPoint(let text): throw CLIFailure(usage: text)
            default: throw CLIFailure(computation: "\(error)")
            }
        }
    }

    /// A failure about `family`, named once: solver messages that already start with the
    /// family's name are not prefixed again.
    static func failure(_ family: Solvers.Family, _ error: Error) -> String {
        let text = "\(error)"
        return text.hasPrefix("\(family.name): ") ? text : "\(family.name): \(text)"
    }

    /// The family as the reports of Export name it.
    static func subject(_ f: Solvers.Family) -> FamilyReport.Subject {
        FamilyReport.Subject(name: f.name, isotropy: f.pattern.description, latexIsotropy: latexIsotropy(f), extraRows: f.extraRows,
                             type: f.type.rawValue, limit: f.limit)
    }

    /// "$\Delta(S_{d-1} \times S_{1})$, $m = 1$" for captions.
    static func latexIsotropy(_ f: Solvers.Family) -> String {
        let blocks = [f.p == 0 ? "S_{d}" : "S_{d-\(f.p)}"] + f.pattern.smallBlocks.map { "S_{\($0)}" }
        return "$\\Delta(" + blocks.joined(separator: " \\times ") + ")$, $m = \(f.extraRows)$"
    }
}
