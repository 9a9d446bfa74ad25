import Testing
import Foundation

@Suite("puiseux spectrum")
struct SpectrumCLITests {
    @Test("--d: the four components with degrees; p0-m0-I at d = 20 has 2 t, 3 s, 1 x, 1 y eigenvalues")
    func finiteD() throws {
        let r = try CLI.run(["spectrum", "p0-m0-I", "--d", "20", "--precision", "128", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let components = try #require(object["components"] as? [[String: Any]])
        #expect(components.map { $0["irrep"] as? String } == ["t", "s", "x", "y"])
        #expect(components.map { ($0["eigenvalues"] as? [Any])?.count } == [2, 3, 1, 1])
        #expect(components.map { $0["degree"] as? String } == ["1", "19", "171", "170"])
        // A minimum: every eigenvalue positive (paper 000, Theorem 4: ΔS_d type I, k = d).
        for c in components { for e in c["eigenvalues"] as! [[String: Any]] { #expect(e["sign"] as? Int == 1) } }
    }

    @Test("series (default): p0-m0-I is a minimum; its x eigenvalue starts with 1/4 - 1/(2 pi) (Theorem 3)")
    func seriesVerdict() throws {
        let r = try CLI.run(["spectrum", "p0-m0-I", "--terms", "3", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(object["method"] as? String == "series")
        #expect((object["verdict"] as? [String: Any])?["kind"] as? String == "minimum")
        let components = try #require(object["components"] as? [[String: Any]])
        let x = try #require(((components[2]["eigenvalues"] as? [[String: Any]])?.first?["terms"] as? [[String: Any]])?.first)
        let value = try #require((x["coefficient"] as? String).flatMap(Double.init))
        #expect(abs(value - (0.25 - 1 / (2 * Double.pi))) < 1e-15)
        #expect((x["digits"] as? Int ?? 0) > 40)
    }

    @Test("p0-m1-I (k = d + 1) is a saddle: one negative standard eigenvalue, index d - 1 (paper 000)")
    func saddleVerdict() throws {
        let r = try CLI.run(["spectrum", "p0-m1-I", "--method", "numeric", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let verdict = try #require(object["verdict"] as? [String: Any])
        #expect(verdict["kind"] as? String == "saddle")
        #expect(verdict["index"] as? String == "d - 1")
        #expect((verdict["negative"] as? [String: Int])?["s"] == 1)
    }

    @Test("bad requests exit 2 with one line", arguments: [
        ["spectrum", "nope"], ["spectrum", "p0-m0-I", "--d", "5"], ["spectrum", "p0-m0-I", "--terms", "40"],
    ])
    func badUsage(_ arguments: [String]) throws {
        try CLI.expectFailure(arguments, status: 2)
    }

    /// A failure thrown while parsing is reported by its message, not as a Swift value.
    @Test("--d with --format latex: one readable line, exit 2")
    func latexAtFiniteD() throws {
        try CLI.expectFailure(["spectrum", "p0-m0-I", "--d", "50", "--format", "latex"], status: 2,
                              message: "error: --format latex is for the series (omit --d)")
    }
}
