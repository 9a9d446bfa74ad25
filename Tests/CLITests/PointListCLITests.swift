import Testing
import Foundation

/// A point on the command line (`critical --start`, `--from` of family, spectrum, split): one
/// reader (`PointList`), the same numbers and the same one-line errors in every command.
@Suite("points on the command line")
struct PointListCLITests {
    @Test("a bad number is the same one line, exit 2, in every command that takes a point", arguments: [
        (["critical", "--isotropy", "d", "--d", "10", "--start", "-0.8,nan"], "--start: 'nan' is not a finite number"),
        (["family", "--isotropy", "d", "--extra", "0", "--from=-0.8,inf", "--at", "10"], "--from: 'inf' is not a finite number"),
        (["spectrum", "--isotropy", "d", "--extra", "0", "--from=-0.8,", "--at", "10"], "--from: '' is not a finite number"),
        (["split", "--isotropy", "d", "--d", "10", "--row", "1", "--mu", "1/2", "--from=-0.8,x"], "--from: 'x' is not a finite number"),
    ])
    func badNumber(_ arguments: [String], _ message: String) throws {
        let r = try CLI.run(arguments)
        #expect(r.status == 2 && r.stderr == "error: \(message)\n", "\(r.stderr)")
    }

    /// The CSV file's last row of numbers is the point (a header is skipped): `critical --start`
    /// from a file prints what it prints from the same numbers inline.
    @Test func csvFileIsItsLastRow() throws {
        let csv = FileManager.default.temporaryDirectory.appendingPathComponent("point-\(UUID().uuidString).csv")
        try "D_1, O_1\n9, 9\n-0.8003, 0.1985\n".write(to: csv, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: csv) }
        let inline = try CLI.run(["critical", "--isotropy", "d", "--d", "10", "--start", "-0.8003,0.1985", "--format", "json"])
        let file = try CLI.run(["critical", "--isotropy", "d", "--d", "10", "--start", csv.path, "--format", "json"])
        #expect(inline.status == 0 && file.status == 0, "\(inline.stderr) \(file.stderr)")
        #expect(inline.stdout == file.stdout)
    }
}
