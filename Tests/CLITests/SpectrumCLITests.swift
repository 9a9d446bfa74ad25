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

    /// Paper 000, Theorem 3: x -> 1/4 - 1/(2 pi) and y -> 1/4 + 1/(2 pi), here from mpmath at
    /// 60 digits: 0.090845056908104664231116236627485637965540354259543551252333 and
    /// 0.40915494309189533576888376337251436203445964574045644874767.
    @Test("certified terms: every printed term of p0-m1-I carries a radius and agrees with the published values; p1-m0-II's clusters too; a b = 4 family says why not")
    func certifiedTerms() throws {
        let r = try CLI.run(["spectrum", "p0-m1-I", "--terms", "3", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let components = try #require(object["components"] as? [[String: Any]])
        var terms = 0
        for c in components {
            for e in try #require(c["eigenvalues"] as? [[String: Any]]) {
                #expect(e["not_certified_because"] == nil)
                for t in try #require(e["terms"] as? [[String: Any]]) {
                    #expect(t["certified"] as? Bool == true && t["radius"] is String, "\(c["irrep"] ?? "") \(t)")
                    terms += 1
                }
            }
        }
        #expect(terms >= 20)
        for (k, published) in [(2, "0.090845056908104664231116236627485637965540354259543551252333"), (3, "0.40915494309189533576888376337251436203445964574045644874767")] {
            let constant = try #require(((components[k]["eigenvalues"] as? [[String: Any]])?.first?["terms"] as? [[String: Any]])?.first)
            let text = try #require(constant["coefficient"] as? String), radius = try #require((constant["radius"] as? String).flatMap(Double.init))
            #expect(radius < 1e-70)
            // Printed value and published one agree to the 58 digits both have (the radius is far smaller).
            #expect(text.prefix(58) == published.prefix(58), "\(text) against \(published)")
        }
        // Two clusters (t[4], t[5] and s[1], s[2]), certified through their quadratic factors.
        let text = try CLI.run(["spectrum", "p1-m0-II", "--terms", "3"])
        #expect(text.status == 0, "\(text.stderr)")
        let words = text.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("certified: every printed term of t[1], t[2], t[3], t[4], t[5], s[1], s[2], s[3], s[4], s[5], x, y lies in a ball"), "\(text.stdout)")
        #expect(!text.stdout.contains("agreed on at two precisions only"))
        // A degenerate (b = 4) family is not certified: said, with the reason, and no radius.
        let degenerate = try CLI.run(["spectrum", "p1-m1-I", "--terms", "2", "--format", "json"])
        #expect(degenerate.status == 0 && !degenerate.stdout.contains("\"radius\""), "\(degenerate.stderr)")
        #expect(degenerate.stdout.contains("\"not_certified_because\": \"the Jacobian in η is singular at leading order"))
        let csv = try CLI.run(["spectrum", "p0-m0-I", "--terms", "2", "--format", "csv"])
        #expect(csv.stdout.hasPrefix("irrep,degree,eigenvalue,exponent,coefficient,digits,radius\n"))
        // The numeric route's fits carry no bounds: no term certified, no note.
        let numeric = try CLI.run(["spectrum", "p0-m0-I", "--method", "numeric", "--terms", "2"])
        #expect(numeric.status == 0 && !numeric.stdout.contains("certified"), "\(numeric.stdout)")
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

    /// The family with a dead neuron (d-2,1,1-m0-II:1,0,0,0,1,0,0,0,0,0; FamilyCLITests): its t
    /// component has three eigenvalues d/4 + O(1), a triple root of the Newton polygon's edge
    /// polynomial that Durand–Kerner spreads 1e-5 into the complex plane (refused as complex
    /// roots before). Every eigenvalue series, evaluated at d = 1e6, lies within its O-term of an
    /// eigenvalue of the same component of the exact spectrum there (`--d`: Newton's critical
    /// point and the isotypic blocks, no series), and the verdict is the exact spectrum's index.
    @Test(.enabled(if: CLITests.slow)) func deadNeuronSeriesAgreeWithTheExactSpectrum() throws {
        let point = "--from=1.049502710753911,-0.0026479015043019546,-0.0019525086789963073,0.00051483559786859897,-0.0068521194469784886,0.051918863427844163,-0.0026029408842193567,0.05079211935876341,-0.0001564584208239663,1.0440793577813577"
        let base = ["spectrum", "--isotropy", "d-2,1,1", "--extra", "0", point, "--at", "20", "--format", "json"]
        func json(_ extra: [String]) throws -> [String: Any] {
            let r = try CLI.run(base + extra, timeout: 1800)
            #expect(r.status == 0, "\(r.stderr)")
            return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        }
        let series = try json(["--terms", "3"]), exact = try json(["--d", "1000000"])
        let d = 1e6
        func exponent(_ text: String) -> Double {
            let parts = text.split(separator: "/").map { Double($0)! }
            return parts.count == 2 ? parts[0] / parts[1] : parts[0]
        }
        let values = Dictionary(uniqueKeysWithValues: ((exact["components"] as? [[String: Any]]) ?? []).map { c in
            (c["irrep"] as! String, ((c["eigenvalues"] as? [[String: Any]]) ?? []).map { Double($0["value"] as! String)! })
        })
        var negatives = 0
        for component in (series["components"] as? [[String: Any]]) ?? [] {
            let irrep = component["irrep"] as! String
            let exactValues = try #require(values[irrep], "\(irrep)")
            for e in (component["eigenvalues"] as? [[String: Any]]) ?? [] {
                let terms = (e["terms"] as? [[String: Any]]) ?? []
                let value = terms.reduce(0.0) { $0 + Double($1["coefficient"] as! String)! * pow(d, exponent($1["exponent"] as! String)) }
                let largest = terms.map { abs(Double($0["coefficient"] as! String)!) }.max() ?? 1
                let tolerance = 100 * max(1, largest) * pow(d, exponent(e["order"] as! String))
                let gap = exactValues.map { abs($0 - value) }.min() ?? .infinity
                #expect(gap <= tolerance, "\(irrep): series \(value), nearest exact at 1e6 off by \(gap) > \(tolerance)")
                if value < 0 { negatives += 1 }
            }
        }
        // Index 1 at d = 1e6 (one negative t eigenvalue, -0.159 d - 0.279 d^(1/2) + ...).
        #expect(negatives == 1)
        #expect((series["verdict"] as? [String: Any])?["index"] as? String == "1")
    }
}
