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

    /// --search on d-1,1 rediscovers the catalogue's two families (matched by limit and type,
    /// an independent check of the search, the continuation and the limit reading), and every
    /// other family it finds there is a saddle whose small-block row vanishes (limit D_2 = 0,
    /// B_21 = 0: the families Newton's saddle search found, which paper 000 does not list); on d-2,2
    /// it finds the two families of that isotropy, each with the `family --from` that computes
    /// its series; a search without --isotropy is refused.
    @Test func searchFindsFamilies() throws {
        let known = try CLI.run(["families", "--isotropy", "d-1,1", "--extra", "0", "--search", "--starts", "8", "--format", "json"])
        #expect(known.status == 0, "\(known.stderr)")
        let k = try #require(try JSONSerialization.jsonObject(with: Data(known.stdout.utf8)) as? [String: Any])
        let families = k["families"] as? [[String: Any]] ?? []
        let names = Set(families.compactMap { $0["name"] as? String })
        #expect(names.isSuperset(of: ["p1-m0-I", "p1-m0-II"]), "\(names)")
        for f in families where !["p1-m0-I", "p1-m0-II"].contains(f["name"] as? String ?? "") {
            let limit = f["limit"] as? [String] ?? []
            #expect(limit.count == 5 && limit[3] == "0" && limit[4] == "0", "\(f["name"] ?? "?"): \(limit)")
            #expect((f["index"] as? Int ?? 0) > 0, "\(f["name"] ?? "?") is a saddle at d = 20")
        }
        let new = try CLI.run(["families", "--isotropy", "d-2,2", "--extra", "0", "--search", "--starts", "8"])
        #expect(new.status == 0, "\(new.stderr)")
        #expect(new.stdout.contains("d-2,2-m0-II:1,0,0,0,-1,0: type II") && new.stdout.contains("(D_1, O_1, B_12, B_21, D_2, O_2) -> (1, 0, 0, 0, -1, 0)"))
        #expect(new.stdout.contains("d-2,2-m0-I:-1,0,0,0,1,0: type I") && new.stdout.contains("puiseux family --isotropy d-2,2 --extra 0 --from="))
        let bad = try CLI.run(["families", "--search"])
        #expect(bad.status == 2 && bad.stderr.contains("--search needs --isotropy"))
    }
}
