/// The block notation every command uses for an isotropy Δ(S_{n_1} x ... x S_{n_r}): the block
/// sizes separated by commas, the big block first as "d" (no other blocks) or "d-s" with s the
/// sum of the others: "d", "d-1,1", "d-2,2", "d-2,1,1", "d-3,2,1". Paper 001 writes the same
/// groups; blocks proportional to d (d/2,d/2) are a different kind of family and are refused.
extension IsotropyPattern {
    /// Examples for messages.
    public static let notationExamples = "d, d-1,1, d-2,2, d-2,1,1 or d-3,2,1"

    /// The small blocks n_2, ..., n_r of an isotropy in block notation ("d-2,1,1" -> [1, 1]).
    /// Throws `PatternError.invalid` with a one-line reason.
    public static func smallBlocks(notation text: String) throws -> [Int] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.filter { !$0.isWhitespace } }
        if parts.count == 1, let p = Int(parts[0]), p >= 0 {
            // The catalogue's p of Δ(S_{d-p} x S_p), which `family --isotropy` used to take.
            let hint = p == 0 ? "d" : "d-\(p),\(p)"
            throw PatternError.invalid("'\(text)': the isotropy is written in block notation: \(hint) for Δ(S_{d-\(p)} x S_\(p)) (\(notationExamples))")
        }
        if parts.contains(where: { $0.contains("/") || $0.contains("*") }) {
            throw PatternError.invalid("'\(text)': blocks proportional to d are not supported; the small blocks must be fixed integers (\(notationExamples))")
        }
        var small = [Int]()
        for part in parts.dropFirst() {
            guard let n = Int(part), n >= 1 else {
                throw PatternError.invalid("'\(text)': block size '\(part)' is not a positive integer (\(notationExamples))")
            }
            small.append(n)
        }
        let s = small.reduce(0, +)
        let expected = s == 0 ? "d" : "d-\(s)"
        guard parts[0] == expected || (s == 0 && parts[0] == "d-0") else {
            if parts[0] == "d" || (parts[0].hasPrefix("d-") && Int(parts[0].dropFirst(2)) != nil) {
                throw PatternError.invalid("'\(text)': the big block must be \(expected) when the other blocks sum to \(s)")
            }
            throw PatternError.invalid("'\(text)': the first entry must be the big block, d or d-s (\(notationExamples))")
        }
        return small
    }

    /// The pattern of an isotropy in block notation with m extra rows.
    public init(notation text: String, extraRows: Int) throws {
        try self.init(smallBlocks: try IsotropyPattern.smallBlocks(notation: text), extraRows: extraRows)
    }

    /// This pattern's isotropy in block notation ("d-2,1,1"): what `smallBlocks(notation:)` reads.
    public var blockNotation: String {
        smallBlocks.isEmpty ? "d" : (["d-\(smallTotal)"] + smallBlocks.map(String.init)).joined(separator: ",")
    }
}
