import Testing
import Foundation
import Numbers
import Series
@testable import Export

/// `CatalogueReport`, `CheckReport`, `IsotropyReport`, `CriticalReport`: each JSON parses, with
/// the documented keys (Docs/json-format.md), and the text says what the JSON says.
@Suite struct CommandReportTests {
    static func parse(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func catalogue() throws {
        let report = CatalogueReport(entries: [.init(name: "p0-m0-I", p: 0, extraRows: 0, type: "I", isotropy: "Δ(S_{d}), m = 0",
                                                     coordinates: ["D_1", "O_1"], limit: [Rational(-1), .zero], ramification: 2)])
        let families = try #require(try Self.parse(report.json)["families"] as? [[String: Any]])
        #expect(families.count == 1 && families[0]["limit"] as? [String] == ["-1", "0"] && families[0]["ramification"] as? Int == 2)
        #expect(report.text.contains("(D_1, O_1) -> (-1, 0)"))
    }

    @Test func checkCountsFailures() throws {
        let report = CheckReport(familyCount: 1, precision: 256, length: .terms(8), outcomes: [
            .init(family: "f", check: "a", passed: true, detail: "ok"), .init(family: "f", check: "b", passed: false, detail: "\"quoted\""),
        ], seconds: 1)
        let object = try Self.parse(report.json)
        #expect(object["passed"] as? Int == 1 && object["failed"] as? Int == 1)
        #expect((object["asked"] as? [String: Any])?["terms"] as? Int == 8)
        #expect(report.text.hasPrefix("puiseux check: 1 family at 256 and 512 bits, series to 8 nonzero terms"))
        #expect((object["checks"] as? [[String: Any]])?[1]["detail"] as? String == "\"quoted\"")
        #expect(report.text.hasSuffix("1 of 2 checks passed in 1 s; FAILED: f b"))
    }

    @Test func isotropyPermutationsPrintedOneBased() throws {
        let report = IsotropyReport(d: 3, k: 3, blockSizes: [2, 1], isTrivial: false, description: "Δ(S_{d-1} x S_{1}), m = 0",
                                    rowPermutation: [2, 0, 1], columnPermutation: [0, 1, 2], coordinates: [("D_1", 1.5)], maxDeviation: 0, tolerance: 1e-6)
        let object = try Self.parse(report.json)
        #expect(object["row_permutation"] as? [Int] == [3, 1, 2])
        #expect(report.text.contains("row permutation: 3 1 2"))
    }

    @Test func criticalTopLevelIsTheFirstPoint() throws {
        func point(_ loss: String) -> CriticalReport.Point {
            .init(type: "I", continuedFrom: nil, d: "10", precision: 128, names: ["D_1"], values: ["-0.9"], loss: loss, gradientNorm: "1e-30",
                  index: (0, (0, 0, 0, 0)), restrictedIndex: 0, isNondegenerate: true, smallestMagnitude: "0.01", isMinimum: true)
        }
        let report = CriticalReport(isotropy: "d", patternDescription: "Δ(S_{d}), m = 0", extraRows: 0, points: [point("0.1"), point("0.2")])
        let object = try Self.parse(report.json)
        #expect(object["loss"] as? String == "0.1")
        #expect((object["critical_points"] as? [Any])?.count == 2)
        #expect(report.text.contains("critical point 2 of 2: type I"))
    }
}
