import Numbers
import Landscape

/// A family outside the catalogue named by what identifies it: its isotropy in block notation,
/// m, its type and its limit, "<blocks>-m<m>-<type>:<limit>", e.g. "d-2,2-m0-II:1,0,0,0,-1,0".
/// The name does not depend on the d or the order in which a search met the family, so every
/// command accepts it (`family`, `spectrum`: `FamilySelection`); the catalogue's families keep
/// their names (p1-m0-II).
public struct FamilyName: Sendable, Equatable, CustomStringConvertible {
    public let pattern: IsotropyPattern
    public let type: FamilyType
    public let limit: [Rational]

    /// `limit` is replaced by its canonical representative (`canonical`), so that the images of
    /// one family under the symmetries that keep the pattern get one name.
    public init(pattern: IsotropyPattern, type: FamilyType, limit: [Rational]) {
        (self.pattern, self.type, self.limit) = (pattern, type, Self.canonical(limit, pattern: pattern))
    }

    /// Of the limit's images under the symmetries that keep the pattern
    /// (`CriticalPointFinder.symmetryImages`: exchangeable rows, the rows of a pair, equal small
    /// blocks), the one whose nonzero entries come first: compared entry by entry, the larger
    /// magnitude wins, then the larger value. A search meets whichever image its start leads to;
    /// e.g. on d-2,1,1 the limits with D_2 = -1 and with B_23 = -1 (D_1 = 1, the rest 0) are one
    /// family, named by the first; on d-2,2 (D_2, O_2) = (-1, 0) wins over (0, -1).
    public static func canonical(_ limit: [Rational], pattern: IsotropyPattern) -> [Rational] {
        guard limit.count == pattern.dimension else { return limit }
        func precedes(_ a: [Rational], _ b: [Rational]) -> Bool {
            for (x, y) in zip(a, b) {
                let (mx, my) = (x < .zero ? -x : x, y < .zero ? -y : y)
                if mx != my { return mx < my }
                if x != y { return x < y }
            }
            return false
        }
        return CriticalPointFinder.symmetryImages(of: limit, pattern: pattern).max(by: precedes) ?? limit
    }

    public var description: String {
        "\(pattern.blockNotation)-m\(pattern.extraRows)-\(type):" + limit.map(\.description).joined(separator: ",")
    }

    /// Reads a name written as `description` writes it; nil when `text` does not have that
    /// shape (e.g. a catalogue name), a one-line error when it has it but does not parse.
    public init?(parsing text: String) throws {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let head = text[..<colon], tail = text[text.index(after: colon)...]
        let parts = head.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 3, let typePart = parts.last, let mPart = parts.dropLast().last, mPart.hasPrefix("m"),
              let m = Int(mPart.dropFirst()), m >= 0, let type = FamilyType(rawValue: String(typePart).uppercased()) else {
            throw IsotropyPattern.PatternError.invalid("'\(text)': a family name is <isotropy>-m<m>-<type>:<limit>, e.g. d-2,2-m0-II:1,0,0,0,-1,0")
        }
        let blocks = parts.dropLast(2).joined(separator: "-")
        let pattern = try IsotropyPattern(notation: blocks, extraRows: m)
        do {
            self.init(pattern: pattern, type: type, limit: try Self.limit(parsing: String(tail), pattern: pattern))
        } catch let IsotropyPattern.PatternError.invalid(reason) {
            throw IsotropyPattern.PatternError.invalid("'\(text)': \(reason)")
        }
    }

    /// A limit written as comma-separated rationals in the pattern's coordinate order (a name's
    /// tail, `--limit`): one reader for both, with as many entries as the pattern has coordinates.
    public static func limit(parsing text: String, pattern: IsotropyPattern) throws -> [Rational] {
        var limit: [Rational] = []
        for field in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard let c = Rational(String(field.filter { !$0.isWhitespace })) else {
                throw IsotropyPattern.PatternError.invalid("'\(field)' in the limit is not a rational number")
            }
            limit.append(c)
        }
        guard limit.count == pattern.dimension else {
            throw IsotropyPattern.PatternError.invalid("the limit has \(limit.count) entries; \(pattern.blockNotation) with m = \(pattern.extraRows) has \(pattern.dimension) coordinates (\(pattern.coordinates.map(\.description).joined(separator: ", ")))")
        }
        return limit
    }
}
