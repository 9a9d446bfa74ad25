import Testing
import Foundation

@Suite("puiseux arc")
struct ArcCLITests {
    @Test("an arc as JSON: steps, events, and the end's reason")
    func json() throws {
        let r = try CLI.run(["arc", "p1-m0-II", "--d", "10", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(Set(doc.keys) == ["family", "d", "isotropy", "sign", "lowest_eigenvalue", "signs_related", "steps", "events"])
        let steps = try #require(doc["steps"] as? [[String: Any]])
        #expect(steps.count > 20 && steps.allSatisfy { Set($0.keys) == ["r", "loss", "eta", "mu"] })
        let events = try #require(doc["events"] as? [[String: Any]])
        #expect(events.first?["kind"] as? String == "critical_point" && events.first?["index"] as? Int == 1)
        #expect(events.last?["kind"] as? String == "end")
        let csv = try CLI.run(["arc", "p1-m0-II", "--d", "10", "--format", "csv"])
        #expect(csv.stdout.hasPrefix("r,loss,eta,mu\n") && csv.stdout.split(separator: "\n").count == steps.count + 1)
    }

    @Test("bad requests: one line, exit 2", arguments: [
        ["arc", "p1-m2-II", "--d", "10"],              // a saddle at d = 10, not a minimum
        ["arc", "p0-m0-I", "--d", "2"],                // d too small
        ["arc", "p0-m0-I", "--d", "10", "--step", "0"],
        ["arc", "p0-m0-I", "--d", "10", "--sign", "x"],
        ["arc", "p9-m0-I", "--d", "10"],
        ["arc", "p0-m0-I", "--d", "10", "--format", "latex"],
    ])
    func badRequests(_ arguments: [String]) throws {
        try CLI.expectFailure(arguments, status: 2)
    }
}
