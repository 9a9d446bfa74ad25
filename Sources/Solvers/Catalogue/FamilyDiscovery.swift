import Numbers
import Landscape

/// The families of an isotropy found from its critical points at one d (`families --search`):
/// the search of `CriticalPointFinder`, each point of exactly this isotropy followed to d = 1e8
/// and its limit read off (`FamilyCatalogue.family(from:d:pattern:precision:)`), one entry per
/// (type, limit). Points of a larger isotropy belong to that isotropy's families and are only
/// counted; a point whose path has no rational limit (not a regular family) is reported with the
/// reason.
public struct FamilyDiscovery: Sendable {
    public struct Found: Sendable {
        /// The family (named by block notation and the d of the point), with the point it came
        /// from, and the point's index and restricted index there.
        public let family: Family
        public let point: CriticalPoint
        public let index: Int?
        public let restrictedIndex: Int
    }

    public let pattern: IsotropyPattern
    public let d: Int
    public let found: [Found]
    /// Points whose path could not be read as a regular family: (loss, reason).
    public let unfollowed: [(loss: Double, reason: String)]
    /// How many points of a strictly larger isotropy the search met.
    public let largerIsotropyCount: Int

    /// Runs the search at d with `starts` starts (precision for the points and their limits).
    /// `findsSaddles`: false to follow only the points the descent finds (`CriticalPointFinder`);
    /// `type`: only the families of that type (the search's starts all of that type).
    public init(pattern: IsotropyPattern, d: Int, starts: Int, precision: Int, findsSaddles: Bool = true, type: FamilyType? = nil) throws {
        let results = try CriticalPointFinder(starts: starts, findsSaddles: findsSaddles).find(pattern: pattern, d: Rational(d), precision: precision, type: type)
        let own = results.filter { $0.classification.largerIsotropy == nil }
        let followed = try Concurrently.map(own) { result -> Result<Family, Error> in
            Result { try FamilyCatalogue.family(from: result.point.coordinates.map(\.doubleValue), d: Double(d), pattern: pattern, precision: precision) }
        }
        var found = [Found](), unfollowed = [(loss: Double, reason: String)]()
        for (result, outcome) in zip(own, followed) {
            switch outcome {
            case .success(let family):
                // One entry per family: type and limit up to the symmetries (`FamilyName.canonical`).
                let canonical = FamilyName.canonical(family.limit, pattern: pattern)
                guard !found.contains(where: { $0.family.type == family.type && FamilyName.canonical($0.family.limit, pattern: pattern) == canonical }) else { continue }
                found.append(Found(family: family, point: result.point, index: result.classification.index?.total,
                                   restrictedIndex: result.classification.restrictedIndex))
            case .failure(let error):
                unfollowed.append((result.point.loss.doubleValue, "\(error)"))
            }
        }
        self.pattern = pattern
        self.d = d
        self.found = found
        self.unfollowed = unfollowed
        largerIsotropyCount = results.count - own.count
    }
}
