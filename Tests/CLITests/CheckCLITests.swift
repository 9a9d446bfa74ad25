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
        #expect(kinds.isSuperset(of: ["ramification", "digits", "residual", "Newton", "published", "Theorem 3"]))
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

    @Test("an unwritable --output is bad usage for every command (exit 2, one line)", arguments: [
        ["expand", "d", "--output", "/nonexistent/dir/x"], ["families", "--output", "/nonexistent/dir/x"],
        ["family", "p0-m0-I", "--output", "/nonexistent/dir/x"], ["spectrum", "p0-m0-I", "--output", "/nonexistent/dir/x"],
        ["check", "--fast", "--output", "/nonexistent/dir/x"], ["check", "--precision", "64"],
    ])
    func unwritable(_ arguments: [String]) throws {
        try CLI.expectFailure(arguments, status: 2)
    }
}
