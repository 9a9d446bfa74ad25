import Testing
import Foundation

/// Writes `contents` to a fresh temporary file and returns its path.
private func temporaryCSV(_ contents: String) throws -> String {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("isotropy-\(UUID().uuidString).csv")
    try contents.write(to: url, atomically: true, encoding: .utf8)
    return url.path
}

/// Δ(S_4 x S_1) with one extra row, rows and columns scrambled, a comment and a blank line.
private let scrambledCSV = """
    # Delta(S_4 x S_1), m = 1, scrambled
    2, 2, 3, 2, 1
    0.5, 0.5, 0.25, 0.5, 0.5

    2, 1, 3, 2, 2
    4, 4, 7, 4, 4
    1, 2, 3, 2, 2   # a trailing comment
    2, 2, 3, 1, 2
    """

@Suite("puiseux isotropy")
struct IsotropyCLITests {
    @Test("text output: isotropy, permutations, coordinates")
    func text() throws {
        let path = try temporaryCSV(scrambledCSV)
        let r = try CLI.run(["isotropy", "--csv", path])
        #expect(r.status == 0)
        #expect(r.stderr == "")
        #expect(r.stdout == """
            isotropy: Δ(S_{d-1} x S_{1}), m = 1   (d = 5, k = 6; blocks 4 + 1)
            row permutation: 5 3 6 1 2 4
            column permutation: 1 2 4 5 3
            coordinates:
              D_1 = 1.0
              O_1 = 2.0
              B_12 = 3.0
              B_21 = 0.5
              D_2 = 0.25
              E_11 = 4.0
              E_12 = 7.0
            max deviation: 0.0 (allowed 7e-06)

            """)
    }

    @Test("JSON output; noise below the tolerance is averaged out")
    func json() throws {
        let noisy = scrambledCSV.replacingOccurrences(of: "1, 2, 3, 2, 2", with: "1, 2.0000001, 3, 2, 2")
        let path = try temporaryCSV(noisy)
        let r = try CLI.run(["isotropy", "--csv", path, "--format", "json", "--tolerance", "1e-7"])
        #expect(r.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(object["d"] as? Int == 5)
        #expect(object["k"] as? Int == 6)
        #expect(object["isotropy"] as? [Int] == [4, 1])
        #expect(object["extra"] as? Int == 1)
        #expect(object["row_permutation"] as? [Int] == [5, 3, 6, 1, 2, 4])
        #expect(object["column_permutation"] as? [Int] == [1, 2, 4, 5, 3])
        let coordinates = try #require(object["coordinates"] as? [[String: Any]])
        #expect(coordinates.compactMap { $0["name"] as? String } == ["D_1", "O_1", "B_12", "B_21", "D_2", "E_11", "E_12"])
        let o1 = try #require(coordinates[1]["value"] as? Double)
        #expect(abs(o1 - (2 + 1e-7 / 12)) < 1e-12)
        let deviation = try #require(object["max_deviation"] as? Double)
        #expect(deviation > 0 && deviation <= 7e-7)
        // A tolerance below the noise loses the symmetry of the perturbed row.
        let strict = try CLI.run(["isotropy", "--csv", path, "--format", "json", "--tolerance", "1e-9"])
        #expect(strict.status == 0)
        #expect(!strict.stdout.contains("\"isotropy\": [4, 1]"))
    }

    @Test("no symmetry is reported as trivial with d blocks of size 1")
    func trivial() throws {
        let path = try temporaryCSV("1, 2\n3, 5\n7, 11\n")
        let r = try CLI.run(["isotropy", "--csv", path])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("isotropy: trivial, m = 1   (d = 2, k = 3; all blocks of size 1)\n"))
    }

    @Test("bad input: one line on stderr, exit status 2", arguments: [
        ("1, 2\n3, nan\n", "line 2 (row 2), column 2: 'nan' is not a finite number"),
        ("1, 2\n3, inf\n", "line 2 (row 2), column 2: 'inf' is not a finite number"),
        ("1, 2\n# c\n3, 1e999\n", "line 3 (row 2), column 2: '1e999' is not a finite number"),
        ("1, 2\n3, x\n", "line 2 (row 2), column 2: 'x' is not a number"),
        ("w1, w2\n1, 2\n3, 4\n", "line 1 (row 1), column 1: 'w1' is not a number"),
        ("1, , 2\n", "line 1 (row 1), column 2: empty entry"),
        ("1, 2\n3\n", "line 2 (row 2) has 1 entries, row 1 has 2"),
        ("1, 2, 3\n4, 5, 6\n", "the matrix has k = 2 rows and d = 3 columns; isotropy detection needs k >= d"),
        ("", "no matrix rows (the file is empty or only comments)"),
        ("# only a comment\n\n", "no matrix rows (the file is empty or only comments)"),
    ])
    func badInput(_ contents: String, _ message: String) throws {
        let path = try temporaryCSV(contents)
        let r = try CLI.run(["isotropy", "--csv", path])
        #expect(r.status == 2)
        #expect(r.stdout == "")
        #expect(r.stderr == "error: \(path): \(message)\n")
    }

    @Test("bad usage: missing file, bad tolerance", arguments: [
        (["isotropy", "--csv", "/nonexistent/w.csv"], "error: cannot read '/nonexistent/w.csv'\n"),
        (["isotropy", "--csv", "W", "--tolerance", "0"], "error: --tolerance must be a positive finite number (got 0.0)\n"),
        (["isotropy", "--csv", "W", "--tolerance", "-1e-6"], "error: --tolerance must be a positive finite number (got -1e-06)\n"),
        (["isotropy", "--csv", "W", "--format", "latex"], nil),
        (["isotropy"], nil),
    ])
    func badUsage(_ arguments: [String], _ message: String?) throws {
        let r = try CLI.run(arguments)
        #expect(r.status == 2)
        #expect(r.stdout == "")
        #expect(r.stderr.hasPrefix("error: "))
        #expect(r.stderr.filter { $0 == "\n" }.count == 1)
        if let message { #expect(r.stderr == message) }
    }
}
