import Testing
@testable import Landscape

/// The block notation of an isotropy (IsotropyPattern+Notation.swift): read and written the same
/// way, every malformed form refused with its own reason.
@Suite struct IsotropyPatternNotationTests {
    /// Every pattern's notation reads back as that pattern, for the isotropies of papers 000,
    /// 001 and 003 and a few more.
    @Test(arguments: [[], [1], [2], [1, 1], [2, 1], [1, 1, 1], [3], [2, 2, 1]])
    func notationRoundTrips(_ small: [Int]) throws {
        let pattern = try IsotropyPattern(smallBlocks: small, extraRows: 1)
        let read = try IsotropyPattern(notation: pattern.blockNotation, extraRows: 1)
        #expect(read == pattern)
        #expect(read.smallTotal == small.reduce(0, +))
    }

    @Test func examplesRead() throws {
        #expect(try IsotropyPattern.smallBlocks(notation: "d") == [])
        #expect(try IsotropyPattern.smallBlocks(notation: "d-1,1") == [1])
        #expect(try IsotropyPattern.smallBlocks(notation: " d-3, 2, 1 ") == [2, 1])
        #expect(try IsotropyPattern.smallBlocks(notation: "d-0") == [])
    }

    /// The old `family --isotropy 0|1` form, proportional blocks, inconsistent sums and junk
    /// are refused, each with a message that names the problem.
    @Test(arguments: [("1", "d-1,1"), ("0", "block notation"), ("d/2,d/2", "proportional"),
                      ("d-1,2", "must be d-2"), ("d-2,0", "positive integer"), ("x", "first entry"),
                      ("d,1", "must be d-1"), ("", "first entry")])
    func malformedIsRefused(_ text: String, _ reason: String) {
        do {
            _ = try IsotropyPattern.smallBlocks(notation: text)
            Issue.record("'\(text)' was accepted")
        } catch {
            #expect("\(error)".contains(reason), "'\(text)': \(error)")
        }
    }
}
