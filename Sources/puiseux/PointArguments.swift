import ArgumentParser
import Numbers
import Landscape
import Solvers

/// A critical point at one integer d, as `arc` and `split` take it: a catalogue family's point
/// at --d, or Newton's from the coordinates of --from for --isotropy/--extra. One reader for both.
struct PointArguments: ParsableArguments {
    @Argument(help: "A family: a catalogue name (puiseux families) or one `families --search` prints (d-2,2-m0-II:1,0,0,0,-1,0); or give --isotropy and --from.")
    var name: String?

    @Option(help: "With --from: the point's isotropy in block notation (d, d-1,1, d-2,2, d-2,1,1, ...).")
    var isotropy: String?

    @Option(help: "With --from: m = k - d, the number of extra rows.")
    var extra: Int = 0

    @Option(help: "A critical point at --d in the coordinate order `critical` prints: comma-separated numbers, or a CSV file whose last row holds them (polished by Newton).")
    var from: String?

    @Option(name: .customLong("d"), help: "The integer d.")
    var dimension: Int

    /// Checks what can be checked without computing: one way of giving the point, a d from the
    /// pattern's smallest + 1 up to the command's `maximumDimension`, a well-formed --from.
    func validate(maximumDimension: Int) throws {
        guard (name != nil) != (from != nil) else { throw ValidationError("give a family name or --isotropy with --from (one of them)") }
        let pattern = try self.pattern()
        guard (pattern.minimumDimension + 1...maximumDimension).contains(dimension) else {
            throw ValidationError("--d must be an integer between \(pattern.minimumDimension + 1) and \(maximumDimension) (got \(dimension))")
        }
        if from != nil { _ = try startCoordinates(pattern) }
    }

    /// The point's isotropy pattern: the named family's, or --isotropy with --extra.
    func pattern() throws -> IsotropyPattern {
        if let name {
            if let family = FamilyCatalogue.named(name) { return family.pattern }
            guard let parsed = (try? FamilyName(parsing: name)) ?? nil else {
                throw ValidationError("unknown family '\(name)': the catalogue's are \(FamilyCatalogue.families.map(\.name).joined(separator: ", ")), other names are <isotropy>-m<m>-<type>:<limit> as `puiseux families --search` prints them")
            }
            return parsed.pattern
        }
        guard let isotropy else { throw ValidationError("--from needs --isotropy (and --extra when m > 0)") }
        guard extra >= 0 else { throw ValidationError("--extra must be >= 0 (got \(extra))") }
        return try IsotropyArgument.pattern(isotropy, extra: extra)
    }

    /// The --from coordinates, one per coordinate of the pattern.
    func startCoordinates(_ pattern: IsotropyPattern) throws -> [Double] {
        let values = try PointList.numbers(from ?? "", option: "--from")
        guard values.count == pattern.dimension else {
            throw ValidationError("--from needs \(pattern.dimension) finite numbers for \(pattern) (\(pattern.coordinates.map(\.description).joined(separator: ", ")))")
        }
        return values.map(\.doubleValue)
    }

    /// What the output calls the point.
    func label(_ what: String) -> String { name ?? "the \(what) of \(isotropy ?? "?") given by --from" }

    /// The catalogue family, when given by its catalogue name.
    var family: Solvers.Family? { name.flatMap(FamilyCatalogue.named) }

    /// The family of the name: the catalogue's, or the one `FamilySelection` finds for a
    /// `FamilyName` (its search at d = 20); nil with --from.
    func namedFamily(precision: Int) throws -> Solvers.Family? {
        guard let name else { return nil }
        if let known = FamilyCatalogue.named(name) { return known }
        guard let parsed = try FamilyName(parsing: name) else { return nil }
        return try FamilySelection.family(pattern: parsed.pattern, type: parsed.type, limit: parsed.limit, precision: precision)
    }

    /// The point at --d (at `precision` bits, and polished at `confirmation` when asked): the
    /// family's, or Newton's from --from. A failure is a computation's (exit 1).
    func point(precision: Int, confirmation: Int) throws -> (working: CriticalPoint, confirmation: CriticalPoint) {
        do {
            if let family = try namedFamily(precision: max(precision, 192)) {
                return try FamilyCatalogue.criticalPoint(of: family, at: Double(dimension), precision: precision, confirmation: confirmation)
            }
            let pattern = try self.pattern()
            let start = try startCoordinates(pattern)
            let newton = NewtonSolver()
            let working = try newton.solve(pattern: pattern, d: BigFloat(dimension, precision: precision), start: start.map { BigFloat($0, precision: precision) })
            let polished = try newton.solve(pattern: pattern, d: BigFloat(dimension, precision: confirmation),
                                            start: working.coordinates.map { BigFloat($0, precision: confirmation) })
            return (working, polished)
        } catch {
            throw CLIFailure(computation: "\(label("point")) at d = \(dimension): \(error)")
        }
    }
}
