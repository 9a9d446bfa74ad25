import Testing
import Foundation

/// `--terms N` / `--order EXP` mean the same in every command (Docs/cli.md): at least N nonzero
/// terms of every printed series counted from its leading term (or a `missing_terms` saying
/// how many it lacks), or every term above d^EXP.
@Suite("--terms and --order, one meaning")
struct SeriesLengthCLITests {
    static func json(_ arguments: [String]) throws -> [String: Any] {
        let r = try CLI.run(arguments)
        #expect(r.status == 0, "\(arguments): \(r.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    /// A printed series: its nonzero terms (exponent, coefficient, digits), O-term, and missing count.
    struct Series {
        var terms: [(exponent: Double, text: String, digits: Int)]
        var order: Double
        var missing: Int
        init(_ object: [String: Any]) {
            let list = (object["terms"] as? [[String: Any]]) ?? []
            terms = list.filter { $0["bound"] == nil }.map { t in
                (Self.exponent(t["exponent"] as! String), t["coefficient"] as! String, t["digits"] as! Int)
            }
            order = Self.exponent(object["order"] as! String)
            missing = object["missing_terms"] as? Int ?? 0
        }
        static func exponent(_ text: String) -> Double {
            let parts = text.split(separator: "/").map { Double($0)! }
            return parts.count == 2 ? parts[0] / parts[1] : parts[0]
        }
    }

    static func familyRows(_ object: [String: Any]) -> [(String, Series)] {
        let coordinates = (object["coordinates"] as? [[String: Any]]) ?? []
        return coordinates.map { ($0["name"] as! String, Series($0)) } + [("loss", Series(object["loss"] as! [String: Any]))]
    }

    /// Two prints of one coefficient agree on the digits both show.
    static func agree(_ a: (text: String, digits: Int), _ b: (text: String, digits: Int)) -> Bool {
        let k = min(a.digits, b.digits)
        guard let x = Double(a.text), let y = Double(b.text) else { return false }
        return abs(x - y) <= max(abs(x), abs(y)) * pow(10, -Double(min(k, 15)) + 1)
    }

    @Test("family --terms 12: every row 12 nonzero terms from its leading one, reaching t^11; the same coefficients as a deeper --order run")
    func familyTerms() throws {
        let object = try Self.json(["family", "p0-m1-I", "--terms", "12", "--format", "json"])
        #expect((object["asked"] as? [String: Any])?["terms"] as? Int == 12)
        let b = try #require(object["ramification"] as? Int)
        let deeper = Dictionary(uniqueKeysWithValues: Self.familyRows(try Self.json(["family", "p0-m1-I", "--order", "-10", "--format", "json"])))
        for (name, row) in Self.familyRows(object) {
            #expect(row.missing == 0 && row.terms.count == 12, "\(name): \(row.terms.count) terms, \(row.missing) missing")
            // 12 nonzero terms from t^0 or later reach t^11 at least; the O-term is below the last.
            #expect(row.terms.last!.exponent <= -11 / Double(b) + 1e-12, "\(name)")
            #expect(row.order < row.terms.last!.exponent, "\(name)")
            // The --order run computes more powers: it has every one of these terms, and the
            // O-term of this row is its next nonzero exponent (or lies beyond what it printed).
            let other = try #require(deeper[name])
            for t in row.terms {
                let u = try #require(other.terms.first { abs($0.exponent - t.exponent) < 1e-12 }, "\(name) d^\(t.exponent)")
                #expect(Self.agree((t.text, t.digits), (u.text, u.digits)), "\(name) d^\(t.exponent): \(t.text) vs \(u.text)")
            }
            let next = other.terms.first { $0.exponent < row.terms.last!.exponent - 1e-12 }
            if let next { #expect(abs(next.exponent - row.order) < 1e-12, "\(name): O-term \(row.order), next term \(next.exponent)") }
        }
    }

    @Test("spectrum --terms 5 and --order -2: every eigenvalue 5 nonzero terms, or every term above d^(-2)")
    func spectrumTermsAndOrder() throws {
        func eigenvalues(_ object: [String: Any]) -> [Series] {
            ((object["components"] as? [[String: Any]]) ?? []).flatMap { ($0["eigenvalues"] as? [[String: Any]] ?? []).map(Series.init) }
        }
        let byTerms = eigenvalues(try Self.json(["spectrum", "p0-m0-I", "--terms", "5", "--format", "json"]))
        #expect(!byTerms.isEmpty)
        for e in byTerms { #expect(e.terms.count == 5 || e.missing == 5 - e.terms.count, "\(e.terms.map(\.exponent)) missing \(e.missing)") }
        #expect(byTerms.filter { $0.missing == 0 }.count * 2 > byTerms.count)
        let byOrder = eigenvalues(try Self.json(["spectrum", "p0-m0-I", "--order", "-2", "--format", "json"]))
        for e in byOrder {
            #expect(e.terms.allSatisfy { $0.exponent > -2 })
            #expect(e.order == -2 || e.missing > 0)
        }
    }

    /// The verdict is read off the computed series, not the printed ones: an order above the
    /// bounded eigenvalues' leading terms prints them as 0 + O(1) and leaves p0-m0-I a minimum.
    @Test("spectrum --order 0: only the d^1 terms printed, the verdict that of the whole series")
    func verdictFromTheComputedSeries() throws {
        let cut = try Self.json(["spectrum", "p0-m0-I", "--order", "0", "--format", "json"])
        let full = try Self.json(["spectrum", "p0-m0-I", "--terms", "2", "--format", "json"])
        #expect((cut["verdict"] as? [String: Any])?["kind"] as? String == "minimum")
        #expect((cut["verdict"] as? [String: Any])?["kind"] as? String == (full["verdict"] as? [String: Any])?["kind"] as? String)
        let printed = ((cut["components"] as? [[String: Any]]) ?? []).flatMap { ($0["eigenvalues"] as? [[String: Any]] ?? []).map(Series.init) }
        #expect(printed.count == 7 && printed.allSatisfy { e in e.order == 0 && e.terms.allSatisfy { $0.exponent == 1 } })
        // Exactly the eigenvalues whose leading term is of size d keep a term.
        let whole = ((full["components"] as? [[String: Any]]) ?? []).flatMap { ($0["eigenvalues"] as? [[String: Any]] ?? []).map(Series.init) }
        #expect(printed.filter { !$0.terms.isEmpty }.count == whole.filter { $0.terms.first?.exponent == 1 }.count)
    }

    /// A family given by a point has no catalogued b: the first window is planned for b = 4 (the
    /// largest found), since one planned for b = 2 gave this b = 4 family (Δ(S_{d-1} x S_1), m = 3,
    /// the point `families --isotropy d-1,1 --extra 3 --search` lists at d = 20) four powers of
    /// t, too few to evaluate F_d ("ask for more terms (8 or more for b = 4)").
    @Test(.enabled(if: CLITests.slow)) func orderForAFamilyOfUnknownRamification() throws {
        let point = "--from=-0.8823858115738706,0.092483467672113194,0.034353054934799847,0.039345083791145905,0.73672011186689716,0.060095861470330684,-0.36168421913227408,0.052727159487521113,-0.082688900902117221,0.044267235084244922,0.042875697755728081"
        let object = try Self.json(["family", "--isotropy", "d-1,1", "--extra", "3", point, "--at", "20", "--order", "-2", "--format", "json"])
        #expect(object["ramification"] as? Int == 4)
        for (name, row) in Self.familyRows(object) {
            #expect(row.order == -2 && row.missing == 0, "\(name): O(d^\(row.order)), \(row.missing) missing")
            #expect(!row.terms.isEmpty && row.terms.allSatisfy { $0.exponent > -2 }, "\(name)")
        }
    }

    @Test("bad lengths: one line naming the range, exit 2", arguments: [
        (["family", "p0-m0-I", "--terms", "3", "--order", "-1"], "--terms and --order cannot be used together"),
        (["family", "p0-m0-I", "--terms", "25"], "--terms must be between 1 and 24 (got 25)"),
        (["spectrum", "p0-m0-I", "--terms", "13"], "--terms must be between 1 and 12 (got 13)"),
        (["one-neuron", "--terms", "0"], "--terms must be between 1 and 24 (got 0)"),
        (["family", "p0-m0-I", "--order", "x"], "--order must be a rational exponent"),
        (["family", "p0-m0-I", "--order", "-40"], "--order -40 needs 80 powers of t = d^(-1/2); family computes at most 48"),
    ])
    func badLengths(_ arguments: [String], _ message: String) throws {
        let r = try CLI.run(arguments)
        #expect(r.status == 2, "\(arguments): \(r.stderr)")
        #expect(r.stderr.contains(message) && r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
    }
}
