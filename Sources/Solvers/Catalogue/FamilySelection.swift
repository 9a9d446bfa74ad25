import Numbers
import Landscape

/// The family a request names by isotropy, m, type and/or limit (`family`/`spectrum` with
/// `--isotropy --extra --type [--limit]`, or a `FamilyName`): a catalogued family where the
/// request fits one (the catalogue's names stay shortcuts: `--type` alone picks it), otherwise
/// the families `FamilyDiscovery` finds at d = 20 that fit. One fits: that family. Several:
/// `SolverError.ambiguous` listing them (name and limit). None: `SolverError.noCriticalPoint`.
public enum FamilySelection {
    public static let searchDimension = 20

    public static func family(pattern: IsotropyPattern, type: FamilyType?, limit: [Rational]?,
                              starts: Int = CriticalPointFinder.defaultStarts, precision: Int) throws -> Family {
        precondition(type != nil || limit != nil, "a selection needs a type or a limit")
        precondition(limit.map { $0.count == pattern.dimension } ?? true, "a limit has one entry per coordinate (FamilyName.limit(parsing:pattern:))")
        // Limits compared up to the symmetries that keep the pattern (`FamilyName.canonical`).
        let wanted = limit.map { FamilyName.canonical($0, pattern: pattern) }
        func fits(_ f: Family) -> Bool {
            type.map { f.type == $0 } ?? true && wanted.map { FamilyName.canonical(f.limit, pattern: pattern) == $0 } ?? true
        }
        if let known = FamilyCatalogue.families.first(where: { $0.pattern == pattern && fits($0) }) { return known }
        // With a type, the search starts near that type's limit structure only and follows only
        // its points (half the work; the families found are the same as those of a full search
        // that have that type, up to what the starts reach).
        let found = try FamilyDiscovery(pattern: pattern, d: searchDimension, starts: starts, precision: max(precision, 192), type: type)
            .found.map(\.family).filter(fits)
        let request = "\(pattern.blockNotation), m = \(pattern.extraRows)" + (type.map { ", type \($0)" } ?? "")
            + (limit.map { ", limit (" + $0.map(\.description).joined(separator: ", ") + ")" } ?? "")
        switch found.count {
        case 1: return found[0]
        case 0:
            throw SolverError.noCriticalPoint("no family of \(request) among those through the critical points found at d = \(searchDimension) (\(starts) starts); `puiseux families --isotropy \(pattern.blockNotation) --extra \(pattern.extraRows) --search` lists them")
        default:
            throw SolverError.ambiguous("\(found.count) families of \(request): " + found.map(\.name).joined(separator: ", ") + "; give one by name or with --limit")
        }
    }
}
