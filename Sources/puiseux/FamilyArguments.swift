import ArgumentParser
import Foundation
import Numbers
import Export
import Landscape
import Solvers

/// Output formats of the commands about a catalogued family (`family`, `spectrum`).


/// The arguments `family` and `spectrum` share: which family (a catalogue name; or isotropy,
/// extra rows and type; or a critical point at finite d), the precision, and whether LaTeX
/// output is a whole document.
struct FamilyArguments: ParsableArguments {
    @Argument(help: "The family's name, as listed by `puiseux families` (or give --isotropy/--extra/--type, or --from).")
    var name: String?

    @Option(help: "The isotropy in block notation (as in `critical`): d or d-1,1 with --extra and --type instead of a name; with --from, the isotropy of the point, any (d-2,2, d-2,1,1, ...).")
    var isotropy: String?

    @Option(help: "m = k - d, the number of extra rows (0...2 in the catalogue).")
    var extra: Int?

    @Option(help: "Type: I (D_1 -> -1) or II (D_1 -> +1).")
    var type: String?

    @Option(help: "A critical point at finite d, in the paper's coordinate order: comma-separated numbers, or a CSV file whose last row holds them (optionally preceded by d). Needs --isotropy and --extra.")
    var from: String?

    @Option(help: "With --from: the d of the point (unless the CSV row starts with it).")
    var at: Double?

    @Option(help: PrecisionRule.help("every digit shown is confirmed at twice this."))
    var precision: Int = 256

    @Flag(help: "With --format latex: a complete document instead of a table fragment.")
    var standalone = false

    @Flag(help: "Text: the series only, without the summary, the checks and the verdict.")
    var quiet = false

    func validate() throws {
        try PrecisionRule.validate(precision)
        let ways = [name != nil, from != nil, from == nil && (isotropy != nil || extra != nil || type != nil)].filter { $0 }.count
        guard ways == 1 else {
            throw ValidationError("give exactly one of: a family name, --isotropy/--extra/--type, or --from with --isotropy/--extra")
        }
        if let name {
            guard FamilyCatalogue.named(name) != nil else {
                throw ValidationError("unknown family '\(name)'; the families are \(FamilyCatalogue.families.map(\.name).joined(separator: ", "))")
            }
            return
        }
        guard let isotropy, let m = extra else { throw ValidationError("--isotropy and --extra are both needed") }
        guard (0...6).contains(m) else { throw ValidationError("--extra must be between 0 and 6 (got \(m))") }
        if from == nil {
            let p = try IsotropyArgument.catalogueP(isotropy)
            guard let type, let t = FamilyType(rawValue: type.uppercased()) else {
                throw ValidationError("--type must be I or II")
            }
            guard FamilyCatalogue.family(p: p, extraRows: m, type: t) != nil else {
                throw ValidationError("no catalogued family has --isotropy \(isotropy) --extra \(m) --type \(t) (see `puiseux families`; give a critical point with --from for another family)")
            }
        } else {
            _ = try point()
        }
    }

    /// The point and its d from --from/--at. Throws `ValidationError` (exit 2) on a malformed
    /// list, an unreadable file, a non-finite number or a missing d.
    func point() throws -> (d: Double, coordinates: [Double]) {
        guard let from else { throw ValidationError("--from is missing") }
        var text = from
        if FileManager.default.fileExists(atPath: from) {
            guard let contents = try? String(contentsOfFile: from, encoding: .utf8) else {
                throw ValidationError("cannot read --from file '\(from)'")
            }
            // The last row that is not empty and not a header.
            let rows = contents.split(whereSeparator: \.isNewline).map(String.init)
                .filter { row in Double(row.split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? "") != nil }
            guard let last = rows.last else { throw ValidationError("--from file '\(from)' has no row of numbers") }
            text = last
        }
        let fields = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        var values: [Double] = []
        for field in fields {
            guard let v = Double(field), v.isFinite else {
                throw ValidationError("--from: '\(field)' is not a finite number")
            }
            values.append(v)
        }
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
        if let name { return FamilyCatalogue.named(name)! }
        let m = extra!
        if from == nil {
            let p = try IsotropyArgument.catalogueP(isotropy!)
            return FamilyCatalogue.family(p: p, extraRows: m, type: FamilyType(rawValue: type!.uppercased())!)!
        }
        let (d, coordinates) = try point()
        let pattern = try IsotropyArgument.pattern(isotropy!, extra: m)
        do {
            return try FamilyCatalogue.family(from: coordinates, d: d, pattern: pattern, precision: max(precision, 192))
        } catch {
            throw CLIFailure(computation: "--from: \(error)")
        }
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
