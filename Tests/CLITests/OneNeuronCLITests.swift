import Testing
import Foundation

@Suite("puiseux one-neuron")
struct OneNeuronCLITests {
    /// c+ = (sqrt(d - 1) + pi - acos(1/sqrt(d)))/pi at d = 10: 1.5573460409009387..., computed
    /// independently with mpmath at 50 digits: (3 + pi - acos(1/sqrt(10)))/pi.
    @Test func atDimension() throws {
        let r = try CLI.run(["one-neuron", "--d", "10", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let points = try #require(doc["critical_points"] as? [[String: Any]])
        #expect(points.map { $0["kind"] as? String } == ["minimum", "saddle of index d - 1"])
        #expect((points[0]["c"] as? String ?? "").hasPrefix("1.55734604090093"))
        let series = try CLI.run(["one-neuron", "--terms", "3"])
        #expect(series.status == 0 && series.stdout.contains("0.3183098861837907... d^(1/2) + 0.5"), "\(series.stdout)")
    }

    /// --units 002: the paper's invariants; ||w|| a for c+ is Theorem 3.3's k h(u)/h(1) at k = 10,
    /// u = 1/sqrt(10): 4.92476059... (computed independently in OneNeuronTests.theorem33).
    @Test func paperUnits() throws {
        let r = try CLI.run(["one-neuron", "--d", "10", "--units", "002", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(doc["d"] as? String == "10" && doc["units"] as? String == "002")
        let points = try #require(doc["critical_points"] as? [[String: Any]])
        #expect(points.map { Set($0.keys) } == Array(repeating: ["sign", "kind", "index", "norm_times_a", "similarity", "loss", "eigenvalues"], count: 2))
        #expect((points[0]["norm_times_a"] as? String ?? "").hasPrefix("4.92476059"))
        let eigenvalues = try #require(points[1]["eigenvalues"] as? [[String: Any]])
        #expect(eigenvalues.map { $0["multiplicity"] as? String } == ["1", "1", "d - 1"])
    }

    /// --rows 3: the index (K - 1)(d - 1) for c+, K (d - 1) for c-; c is c+/3 (the same function).
    @Test func equalRows() throws {
        let r = try CLI.run(["one-neuron", "--d", "10", "--rows", "3", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let points = try #require(doc["critical_points"] as? [[String: Any]])
        #expect(points.map { $0["index"] as? String } == ["2(d - 1)", "3(d - 1)"])
        let c = try #require(Double(points[0]["c"] as? String ?? ""))
        #expect(abs(3 * c - 1.5573460409009387) < 1e-15)
    }

    @Test("bad requests: one line, exit 2", arguments: [["one-neuron", "--rows", "0"], ["one-neuron", "--rows", "2", "--units", "002"], ["one-neuron", "--d", "1"], ["one-neuron", "--terms", "0"], ["one-neuron", "--format", "csv", "--rows", "-1"], ["one-neuron", "--units", "003"], ["one-neuron", "--d", "10", "--format", "xml"]])
    func bad(_ arguments: [String]) throws {
        try CLI.expectFailure(arguments, status: 2)
    }
}
