import Testing
import Foundation

@Suite("puiseux minima")
struct MinimaCLITests {
    /// For k = d and p <= 1 the search finds p0-m0-I, p1-m0-I and p1-m0-II, all minima for large
    /// d; p1-m0-II's loss starts with alpha_0 / d, alpha_0 = 1/2 - 2/pi^2 (paper 000, whose
    /// "2.97..." is a misprint for 0.297..., seeds/README.md), here to 30 digits.
    @Test func paperZeroFamiliesAreMinima() throws {
        let r = try CLI.run(["minima", "--max-p", "1", "--starts", "8", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let families = try #require(doc["families"] as? [[String: Any]])
        #expect(Set(families.compactMap { $0["name"] as? String }) == ["p0-m0-I", "p1-m0-I", "p1-m0-II"])
        #expect(families.allSatisfy { $0["verdict"] as? String == "minimum" })
        let typeTwo = try #require(families.first { $0["name"] as? String == "p1-m0-II" })
        let loss = try #require(typeTwo["loss"] as? [[String: Any]])
        #expect(loss.first?["exponent"] as? String == "-1")
        let alpha0 = 0.5 - 2 / (Double.pi * Double.pi)
        let printed = try #require(Double(loss.first?["coefficient"] as? String ?? ""))
        #expect(abs(printed - alpha0) < 1e-15)
        // 1/2 - 2/pi^2 to 36 digits, computed with mpmath at 50 digits (an independent computation).
        #expect((loss.first?["coefficient"] as? String ?? "").hasPrefix("0.297357632715324457112241073580544722"))
        // Paper 003: the smallest eigenvalue lives in x for type I and in s for type II; the
        // arcs leave in the Young subgroup that fixes a vector of that component (MATH.md 4).
        let expected: [String: (String, String)] = ["p0-m0-I": ("x", "S_{d-2} x S_{1} x S_{1}"),
                                                    "p1-m0-I": ("x", "S_{d-3} x S_{1} x S_{1} x S_{1}"),
                                                    "p1-m0-II": ("s", "S_{d-2} x S_{1} x S_{1}")]
        for family in families {
            let name = try #require(family["name"] as? String)
            let softest = try #require(family["softest"] as? [String: Any])
            #expect(softest["irrep"] as? String == expected[name]?.0, "\(name)")
            #expect(softest["decided_at"] as? String == "-1/2", "\(name): the second term decides")
            let arcs = try #require(family["arcs"] as? [[String: Any]])
            #expect(arcs.count == 2 && arcs.allSatisfy { ($0["isotropy"] as? String ?? "").contains(expected[name]!.1) }, "\(name): \(arcs)")
        }
    }

    @Test("bad options are usage errors", arguments: [["minima", "--max-p", "7"], ["minima", "--d", "3"], ["minima", "--format", "csv"]])
    func badOptions(_ arguments: [String]) throws {
        try CLI.expectFailure(arguments, status: 2)
    }
}
