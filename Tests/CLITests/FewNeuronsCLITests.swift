import Testing
import Foundation

@Suite("puiseux few-neurons")
struct FewNeuronsCLITests {
    /// K = 1 on any column blocks: exactly c+ 1 and c- 1 (Docs/one-neuron.md), c+ = 1.55734604...
    /// at d = 10 (the same value `one-neuron` prints, checked there against mpmath).
    @Test func oneRow() throws {
        let r = try CLI.run(["few-neurons", "--rows", "1", "--blocks", "d-1,1", "--d", "10", "--starts", "40", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let points = try #require(doc["critical_points"] as? [[String: Any]])
        #expect(points.count == 2)
        let first = try #require((points.first?["rows"] as? [[String]])?.first)
        #expect(first.allSatisfy { $0.hasPrefix("1.55734604090093") })
        #expect(points.map { $0["index"] as? Int } == [0, 9])
    }

    @Test("bad requests: one line, exit 2", arguments: [
        ["few-neurons", "--rows", "0", "--blocks", "d", "--d", "10"],
        ["few-neurons", "--rows", "2", "--blocks", "d-1,x", "--d", "10"],
        ["few-neurons", "--rows", "2", "--blocks", "d-3,3", "--d", "3"],
        ["few-neurons", "--rows", "2", "--blocks", "d", "--d", "10", "--starts", "0"],
        ["few-neurons", "--rows", "2", "--blocks", "d", "--d", "10", "--format", "latex"],
    ])
    func badRequests(_ arguments: [String]) throws {
        try CLI.expectFailure(arguments, status: 2)
    }
}
