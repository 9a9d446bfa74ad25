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

    @Test("bad requests exit 2 with one line", arguments: [
        ["spectrum", "nope"], ["spectrum", "p0-m0-I", "--d", "5"], ["spectrum", "p0-m0-I", "--terms", "40"],
    ])
    func badUsage(_ arguments: [String]) throws {
        try CLI.expectFailure(arguments, status: 2)
    }
}
