import Testing
import Foundation

/// `puiseux count`: paper 004's counts as printed, against values worked out by hand (Figure 4,
/// small ratios) and against decimal arithmetic done here digit by digit (no GMP, no Double).
@Suite("puiseux count")
struct CountCLITests {
    /// A nonnegative integer as decimal digits, least significant first: enough to build 2^n
    /// and n! independently of the binary under test.
    struct Digits {
        var digits: [Int] = [1]
        mutating func multiply(by n: Int) {
            var carry = 0
            for i in digits.indices {
                let v = digits[i] * n + carry
                digits[i] = v % 10
                carry = v / 10
            }
            while carry > 0 { digits.append(carry % 10); carry /= 10 }
        }
        /// Subtracts a small v <= self.
        mutating func subtract(_ v: Int) {
            var borrow = v, i = 0
            while borrow > 0 {
                let d = digits[i] - borrow % 10
                borrow /= 10
                if d < 0 { digits[i] = d + 10; borrow += 1 } else { digits[i] = d }
                i += 1
            }
            while digits.count > 1 && digits.last == 0 { digits.removeLast() }
        }
        var text: String { digits.reversed().map(String.init).joined() }
    }

    static func json(_ r: CLI.Result) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    @Test("T(3, 4) = 60 = 36 + 24 and G(3, 4) = 36 (paper 004, Figure 4) as text")
    func figure4Text() throws {
        let r = try CLI.run(["count", "--r", "3", "--m", "4"])
        #expect(r.status == 0 && r.stderr == "")
        #expect(r.stdout == """
            an irreducible point of width r = 3 expanded to width m = 4 (d_in = 1, d_out = 1)
            G(3, 4) = 36 critical subspaces (Prop. 4.3), each of dimension m - r = 1
            T(3, 4) = 60 affine subspaces of the expansion manifold (Theorem 3.1), by the number j of zero-type groups:
              j = 0: 36 of dimension 1
              j = 1: 24 of dimension 1

            """)
    }

    @Test("JSON: the schema, counts as exact integer strings, dimensions d_out (m - r - j) + j d_in")
    func jsonSchema() throws {
        let r = try CLI.run(["count", "--r", "2", "--m", "5", "--din", "4", "--dout", "3", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try Self.json(r)
        #expect(Set(doc.keys) == ["r", "m", "G", "T", "by_zero_groups"])
        #expect(doc["r"] as? Int == 2 && doc["m"] as? Int == 5)
        // G(2, 5) = 2^5 - 2 = 30 surjections; splitting 5 neurons into 2 labelled and j unlabelled
        // groups: S(5, 2 + j) (2 + j)!/j! = 30, 150, 120, 20 for j = 0 ... 3; T = 320.
        #expect(doc["G"] as? String == "30" && doc["T"] as? String == "320")
        let groups = try #require(doc["by_zero_groups"] as? [[String: Any]])
        #expect(groups.map { $0["j"] as? Int } == [0, 1, 2, 3])
        #expect(groups.map { $0["count"] as? String } == ["30", "150", "120", "20"])
        #expect(groups.map { $0["dimension"] as? Int } == [9, 10, 11, 12])
    }

    @Test("huge counts print in full: G(2, 1000) = 2^1000 - 2 and T(1000, 1000) = 1000!")
    func hugeCounts() throws {
        var power = Digits()
        for _ in 0..<1000 { power.multiply(by: 2) }
        power.subtract(2)
        let g = try Self.json(try CLI.run(["count", "--r", "2", "--m", "1000", "--format", "json"]))
        #expect(g["G"] as? String == power.text)
        var factorial = Digits()
        for n in 1...1000 { factorial.multiply(by: n) }
        let t = try CLI.run(["count", "--r", "1000", "--m", "1000"])
        #expect(t.status == 0)
        #expect(t.stdout.contains("T(1000, 1000) = \(factorial.text) affine subspaces"), "\(factorial.text.count) digits")
    }

    @Test("G and T at m = 60 in under a second, the process included")
    func fast() throws {
        let start = Date()
        let r = try CLI.run(["count", "--r", "30", "--m", "60", "--format", "json"])
        #expect(r.status == 0)
        #expect(Date().timeIntervalSince(start) < 1)
    }

    @Test("CSV and LaTeX")
    func csvAndLaTeX() throws {
        let csv = try CLI.run(["count", "--r", "3", "--m", "4", "--format", "csv"])
        #expect(csv.stdout == "quantity,r,m,j,count,dimension\nG,3,4,,36,1\nT,3,4,,60,\nzero_groups,3,4,0,36,1\nzero_groups,3,4,1,24,1\n")
        let latex = try CLI.run(["count", "--r", "3", "--m", "4", "--format", "latex"])
        #expect(latex.stdout.hasPrefix("\\begin{table}") && latex.stdout.contains("0 & 36 & 1 \\\\\n1 & 24 & 1 \\\\"))
        #expect(latex.stdout.contains("$T(3, 4) = 60$"))
        let standalone = try CLI.run(["count", "--ratios", "--rstar", "3", "--m", "3:5", "--format", "latex", "--standalone"])
        #expect(standalone.stdout.hasPrefix("\\documentclass{article}") && standalone.stdout.contains("$m$ & $R_{1}$ & $R_{2}$"))
    }

    /// r* = 3 by hand: T(3, 3) = 6, T(3, 4) = 60; G(2, 3) = 6, G(1, 3) = 1, G(2, 4) = 14, G(1, 4) = 1;
    /// a_1 = 1, a_2 = 2. m = 3: R = 1, 1/6, sum 4/3 > (2/3)^3 = 8/27. m = 4: R = 7/30, 1/60,
    /// sum 4/15 > 16/81. m = 5 (T = 450, G(2, 5) = 30, G(1, 5) = 1): sum 32/450 = 16/225 < 32/243.
    @Test("--ratios: exact fractions with --digits all, correctly rounded decimals otherwise")
    func ratios() throws {
        let exact = try Self.json(try CLI.run(["count", "--ratios", "--rstar", "3", "--m", "3:5", "--format", "json", "--digits", "all"]))
        let rows = try #require(exact["rows"] as? [[String: Any]])
        #expect(rows.map { $0["ratios"] as? [String] } == [["1", "1/6"], ["7/30", "1/60"], ["1/15", "1/450"]])
        #expect(rows.map { $0["sum"] as? String } == ["4/3", "4/15", "16/225"])
        #expect(rows.map { $0["bound"] as? String } == ["8/27", "16/81", "32/243"])
        #expect(rows.map { $0["holds"] as? Bool } == [false, false, true])
        #expect(exact["holds_from"] as? Int == 5 && exact["fails_at"] as? [Int] == [3, 4] && exact["sum_first_below_one"] as? Int == 4)
        #expect((exact["first_below_one"] as? [[String: Int]])?.map { $0["m"] } == [4, 3])
        // 16 digits by default in every format: 1/6 = 0.1666..., 7/30 = 0.2333...
        let decimal = try CLI.run(["count", "--ratios", "--rstar", "3", "--m", "3:4", "--format", "csv"])
        #expect(decimal.stdout == "m,R_1,R_2,sum,bound,holds\n3,1,0.1666666666666667,1.333333333333333,0.2962962962962963,false\n"
                + "4,0.2333333333333333,0.01666666666666667,0.2666666666666667,0.1975308641975309,false\n")
        let text = try CLI.run(["count", "--ratios", "--rstar", "3", "--m", "3:5", "--digits", "3"])
        #expect(text.stdout.contains("m = 5: sum = 0.0711..., bound = 0.132..., eq. 6 holds\n    R_1 = 0.0667..., R_2 = 0.00222...\n"))
        #expect(text.stdout.contains("eq. 6 holds from m = 5 through m = 5; it fails at m = 3, 4\n"))
    }

    @Test("eq. 6 for r* = 4 fails at m = 4, 5, 6 and holds from m = 7")
    func equation6() throws {
        let doc = try Self.json(try CLI.run(["count", "--ratios", "--rstar", "4", "--m", "4:40", "--format", "json"]))
        #expect(doc["holds_from"] as? Int == 7 && doc["fails_at"] as? [Int] == [4, 5, 6])
    }

    @Test("bad requests: one line, exit 2", arguments: [
        (["count", "--r", "5", "--m", "4"], "error: --r must be at most --m (got r = 5, m = 4): a point of width r expands only to m >= r"),
        (["count", "--r", "0", "--m", "4"], "error: --r must be at least 1 (got 0)"),
        (["count", "--r", "-3", "--m", "4"], "error: --r must be at least 1 (got -3)"),
        (["count", "--r", "3", "--m", "-4"], nil),
        (["count", "--r", "3", "--m", "1001"], nil),
        (["count", "--r", "3", "--m", "99999999999999999999999"], nil),
        (["count", "--r", "99999999999999999999", "--m", "4"], nil),
        (["count", "--r", "3", "--m", "4", "--din", "0"], nil),
        (["count", "--r", "3", "--m", "4", "--dout", "10000000"], nil),
        (["count", "--r", "3", "--m", "3:5"], nil),
        (["count", "--r", "3", "--m", "4", "--digits", "5"], nil),
        (["count", "--m", "4"], nil),
        (["count", "--r", "3"], nil),
        (["count", "--ratios", "--rstar", "1", "--m", "3:5"], "error: --rstar must be at least 2 (got 1): eq. 5 compares with a width r* - k >= 1"),
        (["count", "--ratios", "--rstar", "3", "--m", "2:5"], nil),
        (["count", "--ratios", "--rstar", "3", "--m", "5:4"], nil),
        (["count", "--ratios", "--rstar", "3", "--m", "3:x"], nil),
        (["count", "--ratios", "--rstar", "3", "--m", "3:4:5"], nil),
        (["count", "--ratios", "--rstar", "3", "--m", ":5"], nil),
        (["count", "--ratios", "--m", "3:5"], nil),
        (["count", "--ratios", "--r", "3", "--rstar", "3", "--m", "3:5"], nil),
        (["count", "--ratios", "--rstar", "50", "--m", "50:1000", "--digits", "all"], nil),
        (["count", "--ratios", "--rstar", "500", "--m", "500:1000"], "error: --ratios would compute 249999 ratios (501 widths x 499 values of k); at most 20000: narrow --m"),
        (["count", "--ratios", "--rstar", "3", "--m", "3:5", "--digits", "9223372036854775807"], nil),
        (["count", "--rstar", "3", "--m", "3"], nil),
    ] as [([String], String?)])
    func bad(_ arguments: [String], _ message: String?) throws {
        try CLI.expectFailure(arguments, status: 2, message: message)
    }

    @Test func outputFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("puiseux-count-\(getpid()).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try CLI.run(["count", "--r", "3", "--m", "4", "--format", "json", "--output", path])
        #expect(r.status == 0 && r.stdout == "")
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("\"T\": \"60\""))
    }
}
