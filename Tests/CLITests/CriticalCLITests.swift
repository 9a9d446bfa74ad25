import Testing
import Foundation

/// End-to-end tests of `puiseux critical`: JSON structure and values against the published
/// d = 10 points (MATH.md section 6), and the exit status of bad input (2) and failed
/// computations (1). Searches use one or two starts to stay fast in debug builds.
@Suite("puiseux critical")
struct CriticalCLITests {
    static func json(_ r: CLI.Result) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
        return try #require(object as? [String: Any])
    }

    static let pointKeys: Set<String> = ["family", "d", "precision_bits", "continued_from", "coordinates", "point", "loss",
                                         "gradient_norm", "index", "restricted_index", "components", "nondegenerate", "minimum", "larger_isotropy"]

    @Test("search: p = 0, type I at d = 10 as JSON")
    func searchJSON() throws {
        let r = try CLI.run(["critical", "--isotropy", "d", "--d", "10", "--type", "I", "--starts", "1",
                             "--precision", "128", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr == "")
        let top = try Self.json(r)
        #expect(Set(top.keys) == Self.pointKeys.union(["critical_points"]))
        let family = try #require(top["family"] as? [String: Any])
        #expect(family["isotropy"] as? String == "d")
        #expect(family["extra"] as? Int == 0)
        #expect(family["type"] as? String == "I")
        #expect(top["d"] as? String == "10")
        #expect(top["precision_bits"] as? Int == 128)
        let coordinates = try #require(top["coordinates"] as? [[String: String]])
        #expect(coordinates.map { $0["name"] } == ["D_1", "O_1"])
        let point = try #require(top["point"] as? [String])
        #expect(point == coordinates.map { $0["value"]! })
        #expect(point[0].hasPrefix("-0.8003"))
        #expect(point[1].hasPrefix("0.1984") || point[1].hasPrefix("0.1985"))
        #expect(point[0].count > 30)  // about 38 backed digits at 128 bits
        #expect((top["loss"] as? String)?.hasPrefix("0.07663666") == true)
        #expect(top["index"] as? Int == 0)
        #expect(top["restricted_index"] as? Int == 0)
        #expect(top["components"] as? [String: Int] == ["t": 0, "s": 0, "x": 0, "y": 0])
        #expect(top["nondegenerate"] as? Bool == true)
        #expect(top["minimum"] as? Bool == true)
        let all = try #require(top["critical_points"] as? [[String: Any]])
        #expect(!all.isEmpty)
        for p in all { #expect(Set(p.keys) == Self.pointKeys) }
        #expect(all[0]["loss"] as? String == top["loss"] as? String)
    }

    @Test("--start: the p = 1 type II point at d = 10 as text")
    func startText() throws {
        let r = try CLI.run(["critical", "--isotropy", "d-1,1", "--d", "10", "--type", "II", "--precision", "128",
                             "--start", "1.0044,-0.0158,0.1824,0.126,-0.699"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("critical point 1 of 1: type II"))
        #expect(r.stdout.contains("  D_1             1.00435482"))
        #expect(r.stdout.contains("  loss            0.0187021945"))
        #expect(r.stdout.contains("  index           0 (t 0, s 0, x 0, y 0)"))
        #expect(r.stdout.contains("  minimum         yes"))
    }

    @Test("non-integer d: no full index (null), restricted index given")
    func realDimension() throws {
        let r = try CLI.run(["critical", "--isotropy", "d", "--d", "10.5", "--precision", "128", "--format", "json",
                             "--start", "-0.8,0.2"])
        #expect(r.status == 0, "\(r.stderr)")
        let top = try Self.json(r)
        #expect(top["d"] as? String == "10.5")
        #expect(top["index"] is NSNull)
        #expect(top["components"] is NSNull)
        #expect(top["minimum"] is NSNull)
        #expect(top["restricted_index"] as? Int == 0)
    }

    @Test("bad usage: one line on stderr, exit status 2", arguments: [
        ["critical", "--isotropy", "d-2,2", "--d", "3"],
        ["critical", "--isotropy", "d-1,1", "--extra", "-1", "--d", "10"],
        ["critical", "--isotropy", "d-2,1", "--d", "10"],
        ["critical", "--isotropy", "e-1,1", "--d", "10"],
        ["critical", "--isotropy", "d-1,x", "--d", "10"],
        ["critical", "--isotropy", "d", "--type", "III", "--d", "10"],
        ["critical", "--isotropy", "d", "--d", "ten"],
        ["critical", "--isotropy", "d", "--d", "10", "--start", "1,2,3"],
        ["critical", "--isotropy", "d", "--d", "10", "--start", "1,a"],
        ["critical", "--isotropy", "d", "--d", "10", "--precision", "8"],
        ["critical", "--d", "10"],
    ])
    func usageErrors(_ arguments: [String]) throws {
        try CLI.expectFailure(arguments, status: 2)
    }

    @Test("failed computations: one line on stderr, exit status 1", arguments: [
        ["critical", "--isotropy", "d", "--d", "10", "--start", "0,0"],
        ["critical", "--isotropy", "d", "--d", "10", "--start", "1e6,-3e7"],
        ["critical", "--isotropy", "d", "--d", "10", "--type", "II", "--start", "-0.8,0.2"],
    ])
    func computationErrors(_ arguments: [String]) throws {
        try CLI.expectFailure(arguments + ["--precision", "128"], status: 1)
    }
}
