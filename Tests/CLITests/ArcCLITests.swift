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

    /// A minimum outside the catalogue, given by its point: the type I minimum of Δ(S_{d-2} x S_2)
    /// at d = 10 (`critical --isotropy d-2,2 --d 10 --type I`). Its arc continues the chain of type I
    /// minima: over an index-1 saddle to the minimum of Δ(S_{d-3} x S_3).
    @Test func fromAPoint() throws {
        let r = try CLI.run(["arc", "--isotropy", "d-2,2", "--d", "10", "--format", "json",
                             "--from=-0.7423756153839,0.24238932382105,-0.0085307908479,0.01768623051854,1.06112709850818,0.00229594345205"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let critical = try #require(doc["events"] as? [[String: Any]]).filter { $0["kind"] as? String == "critical_point" }
        #expect(critical.prefix(2).compactMap { $0["index"] as? Int } == [1, 0])
        #expect((critical.dropFirst().first?["note"] as? String ?? "").contains("S_{d-3} x S_{3}"))
        try CLI.expectFailure(["arc", "--isotropy", "d-2,2", "--d", "10", "--from", "1,2"], status: 2)
        try CLI.expectFailure(["arc", "p0-m0-I", "--isotropy", "d", "--d", "10", "--from", "1,2"], status: 2)
    }
}
