import Testing
import Foundation

@Suite("puiseux family")
struct FamilyCLITests {
    @Test("p0-m1-I: JSON with coordinates in the paper's order, loss 1/2 - 1/pi - 4/(3 pi) d^(-1/2) + ...")
    func json() throws {
        let r = try CLI.run(["family", "p0-m1-I", "--terms", "5", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(object["ramification"] as? Int == 2)
        let coordinates = try #require(object["coordinates"] as? [[String: Any]])
        #expect(coordinates.map { $0["name"] as? String } == ["D_1", "O_1", "E_11"])
        let loss = try #require((object["loss"] as? [String: Any])?["terms"] as? [[String: Any]])
        func value(_ exponent: String) -> Double? {
            (loss.first { $0["exponent"] as? String == exponent }?["coefficient"] as? String).flatMap(Double.init)
        }
        // Published (paper 000; MATH.md section 6): 1/2 - 1/pi and -4/(3 pi).
        #expect(abs((value("0") ?? 0) - (0.5 - 1 / Double.pi)) < 1e-12)
        #expect(abs((value("-1/2") ?? 0) + 4 / (3 * Double.pi)) < 1e-10)
        // Every printed coefficient states its digits; numerically zero ones carry a bound.
        for term in loss { #expect(term["digits"] is Int) }
    }

    @Test("bad requests exit 2 with one line", arguments: [
        ["family", "p9-m0-I"], ["family", "p0-m1-I", "--terms", "100"], ["family", "p0-m1-I", "--precision", "64"],
    ])
    func badUsage(_ arguments: [String]) throws {
        try CLI.expectFailure(arguments, status: 2)
    }
}
