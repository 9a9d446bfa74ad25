import Numbers

/// What `puiseux families --search` prints: the families found from an isotropy's critical
/// points at one d, each with its limit, the point (to pass to `family --from`) and its index
/// there, as text or JSON.
public struct DiscoveryReport {
    public struct Entry {
        public var name: String, type: String, limit: [Rational], loss: String, index: Int?, restrictedIndex: Int
        public var point: [String]
        public init(name: String, type: String, limit: [Rational], loss: String, index: Int?, restrictedIndex: Int, point: [String]) {
            (self.name, self.type, self.limit, self.loss, self.index, self.restrictedIndex, self.point) = (name, type, limit, loss, index, restrictedIndex, point)
        }
    }

    /// The isotropy in block notation, its description, m, d, the coordinate names.
    public var isotropy: String, patternDescription: String, extraRows: Int, d: Int, coordinates: [String]
    public var entries: [Entry]
    public var unfollowed: [(loss: String, reason: String)]
    public var largerIsotropyCount: Int
    public init(isotropy: String, patternDescription: String, extraRows: Int, d: Int, coordinates: [String], entries: [Entry],
                unfollowed: [(loss: String, reason: String)], largerIsotropyCount: Int) {
        (self.isotropy, self.patternDescription, self.extraRows, self.d, self.coordinates) = (isotropy, patternDescription, extraRows, d, coordinates)
        (self.entries, self.unfollowed, self.largerIsotropyCount) = (entries, unfollowed, largerIsotropyCount)
    }

    public var text: String {
        var lines = ["\(patternDescription) (--isotropy \(isotropy) --extra \(extraRows)): families through the critical points found at d = \(d)"]
        if entries.isEmpty { lines.append("  none of exactly this isotropy") }
        for e in entries {
            lines.append("\(e.name): type \(e.type), loss at d = \(d) \(e.loss), index \(e.index.map(String.init) ?? "unknown") (restricted \(e.restrictedIndex))")
            lines.append("  (\(coordinates.joined(separator: ", "))) -> (\(e.limit.map(\.description).joined(separator: ", ")))")
            lines.append("  puiseux family --isotropy \(isotropy) --extra \(extraRows) --from=\(e.point.joined(separator: ",")) --at \(d)")
        }
        for u in unfollowed { lines.append("not a regular family (loss \(u.loss) at d = \(d)): \(u.reason)") }
        if largerIsotropyCount > 0 {
            lines.append("\(largerIsotropyCount) critical point(s) of a larger isotropy were found too (see `puiseux critical`); their families belong to that isotropy")
        }
        return lines.joined(separator: "\n")
    }

    public var json: String {
        let items = entries.map { e in
            JSON.object([("name", JSON.string(e.name)), ("type", JSON.string(e.type)),
                         ("limit", JSON.array(e.limit.map { JSON.string($0.description) }, indent: nil, closingIndent: nil)),
                         ("loss", JSON.string(e.loss)), ("index", e.index.map(String.init) ?? "null"),
                         ("restricted_index", String(e.restrictedIndex)),
                         ("point", JSON.array(e.point.map(JSON.string), indent: nil, closingIndent: nil))], indent: nil)
        }
        let skipped = unfollowed.map { JSON.object([("loss", JSON.string($0.loss)), ("reason", JSON.string($0.reason))], indent: nil) }
        return JSON.object([
            ("isotropy", JSON.string(isotropy)), ("extra", String(extraRows)), ("d", String(d)),
            ("coordinates", JSON.array(coordinates.map(JSON.string), indent: nil, closingIndent: nil)),
            ("families", JSON.array(items, indent: "    ", closingIndent: "  ")),
            ("not_regular", JSON.array(skipped, indent: "    ", closingIndent: "  ")),
            ("larger_isotropy_points", String(largerIsotropyCount)),
        ], indent: "  ")
    }
}
