import Testing
import Foundation
import Numbers
@testable import Expressions
@testable import Export

private func term(_ e: Rational, _ c: String, _ k: Int, _ q: Rational? = nil) -> Expansion.Term {
    Expansion.Term(exponent: e, coefficient: c, digits: k, rational: q)
}

private let numeric = Expansion(
    ramification: 2, precision: 64, order: Rational(-5, 2), isExact: false,
    terms: [term(Rational(-1, 2), "1.4142135623730950488", 20), term(Rational(-3, 2), "0.11785113019775792073", 20)],
    relativeTerms: 16)

private let exact = Expansion(
    ramification: 1, precision: 128, order: Rational(-2), isExact: true,
    terms: [term(Rational(1), "1", 38, .one), term(Rational(0), "0.5", 38, Rational(1, 2)),
            term(Rational(-1), "-0.125", 38, Rational(-1, 8))],
    relativeTerms: 16)

@Suite("Export")
struct ExportTests {
    @Test("text")
    func text() {
        #expect(numeric.textDescription
            == "1.4142135623730950488 d^(-1/2) + 0.11785113019775792073 d^(-3/2) + O(d^(-5/2))")
        #expect(exact.textDescription == "d + 1/2 - 1/8 d^(-1) + O(d^(-2))")
        let polynomial = Expansion(ramification: 1, precision: 128, order: nil, isExact: true,
                                   terms: [term(Rational(2), "-1", 38, -Rational.one), term(Rational(0), "3", 38, Rational(3))],
                                   relativeTerms: 8)
        #expect(polynomial.textDescription == "-d^2 + 3")
        let empty = Expansion(ramification: 1, precision: 128, order: nil, isExact: true, terms: [], relativeTerms: 8)
        #expect(empty.textDescription == "0")
        let bare = Expansion(ramification: 1, precision: 128, order: Rational(0), isExact: false,
                             terms: [term(Rational(3, 2), "-2.5e-7", 3)], relativeTerms: 8)
        #expect(bare.textDescription == "-2.5e-7 d^(3/2) + O(1)")
    }

    @Test("LaTeX")
    func latex() {
        #expect(numeric.latexDescription
            == "1.4142135623730950488\\, d^{-1/2} + 0.11785113019775792073\\, d^{-3/2} + \\mathcal{O}(d^{-5/2})")
        #expect(exact.latexDescription == "d + \\frac{1}{2} - \\frac{1}{8}\\, d^{-1} + \\mathcal{O}(d^{-2})")
        let scientific = Expansion(ramification: 1, precision: 128, order: Rational(0), isExact: false,
                                   terms: [term(Rational(2), "-2.5e-7", 3)], relativeTerms: 8)
        #expect(scientific.latexDescription == "-2.5 \\times 10^{-7}\\, d^{2} + \\mathcal{O}(1)")
    }

    @Test("JSON follows the schema, keys in order")
    func json() throws {
        let text = numeric.jsonDescription(pretty: false)
        #expect(text == """
            {"ramification": 2, "precision_bits": 64, "order": "-5/2", "exact": false, "terms": [\
            {"exponent": "-1/2", "coefficient": "1.4142135623730950488", "digits": 20}, \
            {"exponent": "-3/2", "coefficient": "0.11785113019775792073", "digits": 20}]}
            """)
        for expansion in [numeric, exact] {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(expansion.jsonDescription().utf8)) as? [String: Any])
            #expect(Set(object.keys) == ["ramification", "precision_bits", "order", "exact", "terms"])
            #expect(object["exact"] as? Bool == expansion.isExact)
            let terms = try #require(object["terms"] as? [[String: Any]])
            #expect(terms.count == expansion.terms.count)
            for (t, expected) in zip(terms, expansion.terms) {
                #expect(t["exponent"] as? String == expected.exponent.description)
                #expect(t["coefficient"] as? String == expected.coefficient)
                #expect(t["digits"] as? Int == expected.digits)
                #expect((t["rational"] as? String) == expected.rational?.description)
                #expect(Set(t.keys) == (expansion.isExact ? ["exponent", "coefficient", "digits", "rational"]
                                                          : ["exponent", "coefficient", "digits"]))
            }
        }
        let finite = Expansion(ramification: 1, precision: 128, order: nil, isExact: true, terms: [], relativeTerms: 8)
        #expect(finite.jsonDescription(pretty: false)
            == "{\"ramification\": 1, \"precision_bits\": 128, \"order\": null, \"exact\": true, \"terms\": []}")
    }

    @Test("JSON strings are escaped")
    func escaping() {
        #expect(JSON.string("a\"b\\c\n\u{1}") == "\"a\\\"b\\\\c\\n\\u0001\"")
    }

    @Test("formatted dispatches on the format")
    func formats() {
        #expect(exact.formatted(.text) == exact.textDescription)
        #expect(exact.formatted(.latex) == exact.latexDescription)
        #expect(exact.formatted(.json) == exact.jsonDescription(pretty: true))
        #expect(exact.formatted(.csv) == exact.csvDescription)
        #expect(OutputFormat.allCases.map(\.rawValue) == ["text", "json", "latex", "csv"])
    }

    @Test("CSV: quoting of fields with commas and quotes (RFC 4180)")
    func csvQuoting() {
        #expect(CSV.row(["a", "b,c", "say \"x\""]) == "a,\"b,c\",\"say \"\"x\"\"\"")
    }

    @Test("expanding and printing end to end")
    func endToEnd() throws {
        let x = try Expansion(expanding: Expression.parse("sqrt(d^2 + d) - d"),
                              options: ExpansionOptions(target: .terms(4), precision: 128))
        #expect(x.textDescription == "1/2 - 1/8 d^(-1) + 1/16 d^(-2) - 5/128 d^(-3) + O(d^(-4))")
        let y = try Expansion(expanding: Expression.parse("acos(1 - 1/d)"),
                              options: ExpansionOptions(target: .terms(2), precision: 64))
        // 64 bits back floor(64 log10 2) = 19 digits.
        #expect(y.textDescription == "1.414213562373095049 d^(-1/2) + 0.1178511301977579207 d^(-3/2) + O(d^(-5/2))")
        #expect(y.terms.map(\.digits) == [19, 19])
    }
}
