import ArgumentParser
import Landscape
import Solvers

/// `--isotropy` as every command reads it: block notation ("d", "d-1,1", "d-2,1,1"; parsed once,
/// by `IsotropyPattern.smallBlocks(notation:)`), with `--extra M` for the extra rows.
enum IsotropyArgument {
    /// The small blocks; a malformed value is a usage error naming the problem.
    static func smallBlocks(_ text: String) throws -> [Int] {
        do { return try IsotropyPattern.smallBlocks(notation: text) } catch { throw ValidationError("--isotropy \(error)") }
    }

    /// The pattern with `extra` rows (validated in each command's `validate`).
    static func pattern(_ text: String, extra: Int) throws -> IsotropyPattern {
        guard extra >= 0 else { throw ValidationError("--extra must be >= 0 (got \(extra))") }
        return try IsotropyPattern(smallBlocks: try smallBlocks(text), extraRows: extra)
    }
}

/// `--isotropy`/`--extra` as a filter of the catalogue (`families`, `check`).
struct CatalogueSelection: ParsableArguments {
    @Option(help: "Only the families of this isotropy, in block notation (d, d-1,1).")
    var isotropy: String?

    @Option(help: "Only the families with this many extra rows m = k - d.")
    var extra: Int?

    func validate() throws {
        if let isotropy { _ = try IsotropyArgument.smallBlocks(isotropy) }
        if let extra, extra < 0 { throw ValidationError("--extra must be >= 0 (got \(extra))") }
    }

    /// The catalogue's families that match (all when no filter is given); an empty selection is a
    /// usage error that says what the catalogue has.
    func families(from all: [Solvers.Family]) throws -> [Solvers.Family] {
        let small = try isotropy.map(IsotropyArgument.smallBlocks)
        let chosen = all.filter { f in (small.map { $0 == f.pattern.smallBlocks } ?? true) && (extra.map { $0 == f.extraRows } ?? true) }
        guard !chosen.isEmpty else {
            let have = Set(all.map { "--isotropy \($0.pattern.blockNotation) --extra \($0.extraRows)" }).sorted().joined(separator: "; ")
            throw ValidationError("no catalogued family has \([isotropy.map { "--isotropy \($0)" }, extra.map { "--extra \($0)" }].compactMap { $0 }.joined(separator: " ")); the catalogue has: \(have)")
        }
        return chosen
    }
}
