import Testing
import Foundation
import Numbers
import Series
@testable import Export

/// `FamilyReport`: each format lays out the same coefficients; a coefficient without a confirmed
/// digit appears as a zero with its bound (text, JSON) and not as a number (LaTeX, CSV).
@Suite struct FamilyReportTests {
    static var report: FamilyReport { FamilyReport(
        subject: .init(name: "p0-m0-I", isotropy: "Δ(S_{d}), m = 0", latexIsotropy: "$\\Delta(S_{d})$, $m = 0$", extraRows: 0, type: "I", limit: [Rational(-1), .zero]),
        ramification: 2, precision: 64, length: .order(Rational(-3, 2)), window: 3, header: "test", origin: nil,
        coordinates: [("D_1", [.init(power: 0, text: "-1", digits: 19), .init(power: 2, text: "2.5", digits: 18)]),
                      ("O_1", [.init(power: 1, text: "0", digits: 0, bound: "1.0e-40"), .init(power: 2, text: "-3", digits: 19)])],
        loss: [.init(power: 0, text: "0.18", digits: 2)], checks: ["a check"],
        verification: .numeric(firstNodes: 7, secondNodes: 9, bits: (64, 128), fallbackReason: nil), closedForms: false) }

    @Test func textShowsSeriesOrderAndZeros() {
        let text = Self.report.text
        #expect(text.contains("  D_1 = -1 + 2.5 d^(-1) + O(d^(-3/2))"))
        #expect(text.contains("  O_1 = -3 d^(-1) + O(d^(-3/2))"))
        #expect(text.contains("numerically zero: O_1 at d^(-1/2) (|c| < 1.0e-40)"))
    }

    @Test func jsonParsesWithTheSchemaKeysAndKeepsTheBound() throws {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(Self.report.json.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["family", "ramification", "precision_bits", "asked", "powers_computed", "coordinates", "loss", "verification"])
        let coordinates = try #require(object["coordinates"] as? [[String: Any]])
        let terms = try #require(coordinates[1]["terms"] as? [[String: Any]])
        #expect(terms[0]["bound"] as? String == "1.0e-40")
        #expect(coordinates[1]["order"] as? String == "-3/2")
        #expect((object["asked"] as? [String: Any])?["order"] as? String == "-3/2")
    }

    /// `--terms N`: each row to N nonzero terms from its leading one, the O-term at the next
    /// nonzero term when it is known, else where the computed powers end, and a short row named.
    @Test func termsCutEachRowAtItsOwnOrder() throws {
        var report = Self.report
        report.length = .terms(1)
        let text = report.text
        #expect(text.contains("  D_1 = -1 + O(d^(-1))"))
        #expect(text.contains("  O_1 = -3 d^(-1) + O(d^(-3/2))"))
        #expect(!text.contains("fewer than"))
        report.length = .terms(2)
        #expect(report.text.contains("  D_1 = -1 + 2.5 d^(-1) + O(d^(-3/2))"))
        #expect(report.shortRows.map(\.name) == ["O_1", "loss"])
        #expect(report.text.contains("fewer than 2 nonzero terms within the 3 powers of t computed: O_1 (1 missing), loss (1 missing)"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.json.utf8)) as? [String: Any])
        let coordinates = try #require(object["coordinates"] as? [[String: Any]])
        #expect(coordinates[0]["missing_terms"] == nil && coordinates[1]["missing_terms"] as? Int == 1)
        // The summary shows the loss's leading known terms whatever the cut (here none printed).
        report.length = .order(Rational(1))
        #expect(report.text.contains("  loss = 0.18 + O(d^(-3/2))"))
        #expect(report.text.contains("  loss = 0 + O(d^(1))"))
    }

    @Test func csvAndLatexLeaveUnconfirmedValuesOut() {
        #expect(!Self.report.csv.contains("1.0e-40"))
        #expect(Self.report.csv.contains("O_1,-1,-3,19,,"))
        #expect(!Self.report.latex(standalone: false).contains("1.0e-40"))
    }
}
