import Testing
import Foundation

@Suite("puiseux check and --output")
struct CheckCLITests {
    @Test("check --fast: every check passes, with digits, published values and Theorem 3 (exit 0)")
    func fastCheck() throws {
        let r = try CLI.run(["check", "--fast", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let checks = try #require(object["checks"] as? [[String: Any]])
        #expect(object["failed"] as? Int == 0)
        #expect(checks.count >= 18)
        let kinds = Set(checks.compactMap { $0["check"] as? String })
        #expect(kinds.isSuperset(of: ["ramification", "digits", "residual", "Newton", "published", "Theorem 3", "certified", "spectrum"]))
        // Each fast family's spectrum as `spectrum --terms 6` prints it: every term certified, each
        // ball containing the term computed again at 2P (p1-m0-II's four clustered eigenvalues too).
        let spectra = checks.filter { $0["check"] as? String == "spectrum" }
        #expect(Set(spectra.compactMap { $0["family"] as? String }) == ["p0-m0-I", "p0-m1-I", "p1-m0-II"])
        for spectrum in spectra {
            let detail = spectrum["detail"] as? String ?? ""
            #expect(spectrum["passed"] as? Bool == true && detail.contains("each containing the 512-bit term") && !detail.contains("confirmed at"), "\(detail)")
        }
        // The three fast families are regular: each is certified, its balls containing the 2P values.
        let certified = checks.filter { $0["check"] as? String == "certified" }
        #expect(Set(certified.compactMap { $0["family"] as? String }) == ["p0-m0-I", "p0-m1-I", "p1-m0-II"])
        #expect(certified.allSatisfy { $0["passed"] as? Bool == true && ($0["detail"] as? String ?? "").contains("each containing the") })
        // Paper 000's closed forms (1/2 - 1/pi, -4/(3 pi), ..., alpha_0) lie in the certified balls.
        let closedForms = checks.filter { $0["check"] as? String == "published" && ["p0-m1-I", "p1-m0-II"].contains($0["family"] as? String ?? "") }
        #expect(closedForms.count == 4)
        #expect(closedForms.allSatisfy { $0["passed"] as? Bool == true && ($0["detail"] as? String ?? "").contains("lies in the certified ball") })
        // Theorem 3's closed forms lie in the balls of the x and y eigenvalues of every certified family.
        let theorem = checks.filter { $0["check"] as? String == "Theorem 3" }
        #expect(theorem.count == 3 && theorem.allSatisfy { ($0["detail"] as? String ?? "").contains("both closed forms lie in the certified balls") })
        // alpha_0 = 1/2 - 2/pi^2 (paper 000) is among the published values reproduced.
        #expect(checks.contains { ($0["detail"] as? String ?? "").hasPrefix("alpha_0 = 1/2 - 2/pi^2") && $0["passed"] as? Bool == true })
    }

    @Test("--output FILE writes the result there and nothing to stdout")
    func outputFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("puiseux-out-\(getpid()).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try CLI.run(["expand", "sqrt(d^2 + d) - d", "--terms", "3", "--format", "json", "--output", path])
        #expect(r.status == 0 && r.stdout.isEmpty, "\(r.stderr)")
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written.contains("\"ramification\""))
    }

    @Test("--format csv: a header, one row per backed coefficient, the O-term row; closed forms in their own column")
    func csv() throws {
        let family = try CLI.run(["family", "p1-m0-II", "--terms", "6", "--format", "csv", "--closed-forms"])
        #expect(family.status == 0, "\(family.stderr)")
        let rows = family.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.first == ["coordinate", "exponent", "coefficient", "digits", "closed_form", "evidence_digits", "radius"])
        // p1-m0-II is certified: every coefficient row carries its radius, the O-term rows none.
        #expect(rows.dropFirst().allSatisfy { $0[2] == "O" ? $0[6].isEmpty : (Double($0[6]) ?? 1) < 1e-60 })
        let alpha = try #require(rows.first { $0.first == "loss" && $0[1] == "-1" })
        #expect(abs((Double(alpha[2]) ?? 0) - (0.5 - 2 / (Double.pi * Double.pi))) < 1e-15)
        #expect(alpha[4] == "1/2 - 2/pi^2")
        #expect(rows.contains { $0.first == "loss" && $0[2] == "O" })
        let spectrum = try CLI.run(["spectrum", "p0-m0-I", "--d", "20", "--format", "csv", "--precision", "128"])
        #expect(spectrum.status == 0 && spectrum.stdout.hasPrefix("irrep,degree,value,digits\nt,1,"), "\(spectrum.stdout.prefix(80))")
        let expand = try CLI.run(["expand", "sqrt(d^2 + d) - d", "--terms", "3", "--format", "csv"])
        #expect(expand.stdout == "exponent,coefficient,digits\n0,0.5,38\n-1,-0.125,38\n-2,0.0625,38\n-3,O,\n")
    }

    @Test("negative --terms is reported as out of range, not as a missing value", arguments: [
        ["family", "p0-m0-I", "--terms", "-3"], ["spectrum", "p0-m0-I", "--terms", "-1"], ["check", "--terms", "-1"],
    ])
    func negativeTerms(_ arguments: [String]) throws {
        let r = try CLI.run(arguments)
        #expect(r.status == 2 && r.stderr.contains("--terms must be between"), "\(r.stderr)")
    }

    @Test("an unwritable --output is bad usage for every command (exit 2, one line)", arguments: [
        ["expand", "d", "--output", "/nonexistent/dir/x"], ["families", "--output", "/nonexistent/dir/x"],
        ["family", "p0-m0-I", "--output", "/nonexistent/dir/x"], ["spectrum", "p0-m0-I", "--output", "/nonexistent/dir/x"],
        ["check", "--fast", "--output", "/nonexistent/dir/x"], ["check", "--precision", "20000"], ["check", "--format", "latex"],
    ])
    func unwritable(_ arguments: [String]) throws {
        try CLI.expectFailure(arguments, status: 2)
    }
}
