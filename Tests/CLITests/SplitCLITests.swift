import Testing
import Foundation

/// `puiseux split` end to end: the inertia the congruence predicts against the explicit Hessian's
/// (computed by the command, compared here from its JSON), the exact μ = 1/2 spectrum's
/// multiplicities adding up to (k + 1) d, and bad requests.
@Suite("puiseux split")
struct SplitCLITests {
    @Test("JSON: predicted and counted inertia agree, the spectrum counts (k + 1) d", arguments: [
        (["p0-m0-I", "--d", "10", "--row", "1", "--mu", "1/2"], 10, 10),
        (["p1-m0-II", "--d", "20", "--row", "20", "--mu", "0.25"], 20, 20),
        (["p1-m0-II", "--d", "10", "--row", "3", "--mu", "1/2"], 10, 10),
    ])
    func json(_ arguments: [String], _ d: Int, _ k: Int) throws {
        let r = try CLI.run(["split"] + arguments + ["--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(doc["inertia_agrees"] as? Bool == true)
        let predicted = try #require(doc["predicted_inertia"] as? [String: Int])
        let counted = try #require(doc["inertia"] as? [String: Int])
        #expect(predicted == counted)
        #expect(predicted["zero"] == 1 && predicted.values.reduce(0, +) == (k + 1) * d)
        let eigenvalues = try #require(doc["eigenvalues"] as? [[String: Any]])
        #expect(eigenvalues.compactMap { $0["multiplicity"] as? Int }.reduce(0, +) == (k + 1) * d)
        let y = try #require(doc["y_block"] as? [[String: Any]])
        #expect(y.compactMap { $0["multiplicity"] as? Int }.reduce(0, +) == d, "Y is d x d")
    }

    @Test("a point given by --from splits like the catalogue's")
    func fromAPoint() throws {
        // p1-m0-II at d = 10 (MATH.md section 5's point, polished by Newton).
        let r = try CLI.run(["split", "--isotropy", "d-1,1", "--d", "10", "--row", "10", "--mu", "1/3", "--format", "json",
                             "--from=1.0044,-0.0158,0.1824,0.126,-0.699"])
        #expect(r.status == 0, "\(r.stderr)")
        let named = try CLI.run(["split", "p1-m0-II", "--d", "10", "--row", "10", "--mu", "1/3", "--format", "json"])
        let a = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let b = try #require(try JSONSerialization.jsonObject(with: Data(named.stdout.utf8)) as? [String: Any])
        #expect(a["predicted_inertia"] as? [String: Int] == b["predicted_inertia"] as? [String: Int])
        #expect((a["y_block"] as? [[String: Any]])?.count == (b["y_block"] as? [[String: Any]])?.count)
    }

    @Test("--format latex: Y's table with its series compiles without an overfull box", .enabled(if: LaTeXCLITests.pdflatex != nil))
    func latex() throws {
        let r = try CLI.run(["split", "p1-m0-II", "--d", "10", "--row", "1", "--mu", "1/2", "--terms", "3", "--format", "latex", "--standalone"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\\toprule") && r.stdout.contains("(100, 1, 9)"))
        let (status, log) = try LaTeXCLITests.compile(r.stdout)
        #expect(status == 0 && !log.contains("Overfull \\hbox"))
    }

    /// A family outside the catalogue by the name `families --search` prints: the Δ(S_{d-2} x S_2)
    /// type II minimum, a row of its pair split in half; the exact μ = 1/2 spectrum comes from the
    /// isotypic components of Δ(S_{d-2} x S_1 x S_1) (the pair's stabiliser of the row).
    @Test(.enabled(if: CLITests.slow)) func familyByName() throws {
        let r = try CLI.run(["split", "d-2,2-m0-II:1,0,0,0,-1,0", "--d", "10", "--row", "9", "--mu", "1/2", "--format", "json"], timeout: 600)
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(doc["inertia_agrees"] as? Bool == true)
        #expect((doc["eigenvalues"] as? [[String: Any]])?.compactMap { $0["multiplicity"] as? Int }.reduce(0, +) == 110)
    }

    @Test("bad requests: one line, exit 2", arguments: [
        ["split", "p1-m0-II", "--d", "10", "--row", "1", "--mu", "1.5"],
        ["split", "p1-m0-II", "--d", "10", "--row", "1", "--mu", "0"],
        ["split", "p1-m0-II", "--d", "10", "--row", "1", "--mu", "-1/2"],
        ["split", "p1-m0-II", "--d", "10", "--row", "1", "--mu", "half"],
        ["split", "p1-m0-II", "--d", "10", "--row", "0", "--mu", "1/2"],
        ["split", "p1-m0-II", "--d", "10", "--row", "11", "--mu", "1/2"],
        ["split", "p1-m0-II", "--d", "2", "--row", "1", "--mu", "1/2"],
        ["split", "p1-m0-II", "--d", "10", "--row", "1", "--mu", "1/2", "--format", "xml"],
        ["split", "--isotropy", "d-1,1", "--d", "10", "--row", "1", "--mu", "1/2", "--terms", "3", "--from=1,0,0.2,0.1,-0.7"],
        ["split", "p9-m0-I", "--d", "10", "--row", "1", "--mu", "1/2"],
    ])
    func badRequests(_ arguments: [String]) throws {
        try CLI.expectFailure(arguments, status: 2)
    }
}
