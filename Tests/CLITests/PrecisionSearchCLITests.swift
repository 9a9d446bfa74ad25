import Testing
import Foundation

/// `--digits N` without `--precision` (family, spectrum): the working precision is raised
/// until every printed value shows N backed digits (Sources/puiseux/PrecisionSearch.swift).
@Suite("--digits N chooses the precision")
struct PrecisionSearchCLITests {
    static func json(_ arguments: [String]) throws -> [String: Any] {
        let r = try CLI.run(arguments, timeout: 300)
        try #require(r.status == 0, "\(arguments): \(r.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    /// Each printed term of a family's JSON: (row, exponent, coefficient text, digits, certified).
    static func familyTerms(_ j: [String: Any]) throws -> [(row: String, power: String, text: String, digits: Int, certified: Bool)] {
        let rows = try #require(j["coordinates"] as? [[String: Any]]) + [try #require(j["loss"] as? [String: Any])]
        return try rows.flatMap { row in
            try #require(row["terms"] as? [[String: Any]]).map { t in
                ((row["name"] as? String) ?? "loss", (t["exponent"] as? String) ?? "?", (t["coefficient"] as? String) ?? "", (t["digits"] as? Int) ?? 0,
                 (t["certified"] as? Bool) ?? false)
            }
        }
    }

    /// The first n significant digits of a decimal text (sign, point and exponent dropped).
    static func significant(_ text: String, _ n: Int) -> String {
        let mantissa = text.split(whereSeparator: { $0 == "e" || $0 == "E" })[0]
        return String(mantissa.filter(\.isNumber).drop { $0 == "0" }.prefix(n))
    }

    @Test("family --digits 100: chosen above the default, 100 certified digits in every term, equal to a 1024-bit run's")
    func familyHundredDigits() throws {
        let asked = try Self.json(["family", "p0-m1-I", "--terms", "4", "--digits", "100", "--format", "json"])
        let bits = try #require(asked["precision_bits"] as? Int)
        #expect(bits > 256 && bits < 1024, "chosen precision \(bits)")
        let terms = try Self.familyTerms(asked)
        #expect(terms.count >= 12)
        // Independent: a run at 1024 bits (about 308 digits), cut to the same 100 digits.
        let reference = try Self.familyTerms(try Self.json(["family", "p0-m1-I", "--terms", "4", "--precision", "1024", "--format", "json"]))
        for t in terms {
            #expect(t.certified, "\(t.row) d^\(t.power) not certified")
            #expect(t.digits >= 100, "\(t.row) d^\(t.power): \(t.digits) digits")
            let other = try #require(reference.first { $0.row == t.row && $0.power == t.power }, "\(t.row) d^\(t.power) missing at 1024 bits")
            // Rounded to 100 digits the two may differ in the last one only by a carry: compare 99.
            #expect(Self.significant(t.text, 99) == Self.significant(other.text, 99), "\(t.row) d^\(t.power): \(t.text) against \(other.text)")
        }
    }

    @Test("--digits above what 256 bits back raises the precision until every value has them: a b = 4 family, a spectrum at one d")
    func raises() throws {
        // At the default 256 bits p1-m1-I's kernel directions are known to about 55 digits.
        func digits(_ j: [String: Any]) throws -> [Int] { try Self.familyTerms(j).map(\.digits) }
        let plain = try Self.json(["family", "p1-m1-I", "--terms", "3", "--format", "json"])
        let before = try digits(plain)
        #expect(before.min()! < 60, "the default precision already backs 60 digits: the test no longer raises")
        let asked = try Self.json(["family", "p1-m1-I", "--terms", "3", "--digits", "60", "--format", "json"])
        #expect((asked["precision_bits"] as? Int ?? 0) > 256)
        let after = try digits(asked)
        #expect(after.allSatisfy { $0 >= 60 }, "\(after)")
        #expect(after.count == before.count)
        // The exact spectrum at d = 1000 (P and P + 64 bits agree on about 0.3 P digits).
        let spectrum = try Self.json(["spectrum", "p1-m0-II", "--d", "1000", "--digits", "90", "--format", "json"])
        #expect((spectrum["precision_bits"] as? Int ?? 0) > 256)
        let values = try #require(spectrum["components"] as? [[String: Any]]).flatMap { c in
            try #require(c["eigenvalues"] as? [[String: Any]]).map { ($0["digits"] as? Int) ?? 0 }
        }
        #expect(!values.isEmpty && values.allSatisfy { $0 >= 90 }, "\(values)")
    }

    @Test("--precision with --digits runs once, as given; --max-precision too low for N fails in one line")
    func limits() throws {
        let given = try Self.json(["family", "p0-m1-I", "--terms", "3", "--digits", "100", "--precision", "256", "--format", "json"])
        #expect(given["precision_bits"] as? Int == 256)
        let r = try CLI.run(["family", "p0-m1-I", "--terms", "3", "--digits", "100", "--max-precision", "256"])
        #expect(r.status == 1 && r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("error: --digits 100: ") && r.stderr.contains("at 256 bits, the most --max-precision allows"), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1)
        try CLI.expectFailure(["family", "p0-m1-I", "--max-precision", "32"], status: 2,
                              message: "error: --max-precision must be between 64 and 16384 bits (got 32)")
    }
}
