import Testing
import Foundation

@Suite("puiseux families")
struct FamiliesCLITests {
    @Test("JSON lists the eight families with their limits, coordinates and b")
    func json() throws {
        let r = try CLI.run(["families", "--format", "json"])
        #expect(r.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let families = try #require(object?["families"] as? [[String: Any]])
        #expect(families.count == 8)
        for f in families {
            let coordinates = try #require(f["coordinates"] as? [String])
            let limit = try #require(f["limit"] as? [String])
            #expect(coordinates.count == limit.count)
            #expect([2, 4].contains(f["ramification"] as? Int ?? 0))
        }
        #expect(families.first { $0["name"] as? String == "p1-m1-I" }?["ramification"] as? Int == 4)
    }

    @Test("a bad format is a usage error")
    func badFormat() throws {
        let r = try CLI.run(["families", "--format", "xml"])
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("error: "))
    }
}
