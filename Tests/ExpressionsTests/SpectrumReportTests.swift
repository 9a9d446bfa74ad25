import Testing
import Foundation
import Numbers
@testable import Export

/// `SpectrumVerdict` and `SpectrumReport`: the index polynomial against the multiplicities of
/// the components counted by hand (MATH.md section 4: 1, q - 1, (q-1)(q-2)/2, q(q-3)/2 with
/// q = d - p), the minimum/saddle verdict, and JSON that parses with the schema's keys.
@Suite struct SpectrumReportTests {
    static func eigenvalue(_ sign: Double) -> SpectrumEigenvalue {
        SpectrumEigenvalue(terms: [SpectrumTerm(exponent: .zero, text: sign < 0 ? "-0.5" : "0.5", digits: 10, value: 0.5 * sign)], order: Rational(-1))
    }

    static func components(t: [Double], s: [Double], x: [Double], y: [Double]) -> [SpectrumComponent] {
        zip(["t", "s", "x", "y"], [t, s, x, y]).map { SpectrumComponent(irrep: $0, degree: "?", eigenvalues: $1.map(eigenvalue)) }
    }

    /// The index polynomial evaluated at integer d equals the count of negative eigenvalues with
    /// multiplicities at that d.
    @Test(arguments: [(0, [1.0], [-1.0, 1.0], [-1.0], [1.0]), (1, [-1.0], [-1.0, -1.0], [1.0], [-1.0]), (1, [1.0], [1.0], [1.0], [1.0])])
    func indexCountsMultiplicities(_ p: Int, _ t: [Double], _ s: [Double], _ x: [Double], _ y: [Double]) throws {
        let verdict = SpectrumVerdict(components: Self.components(t: t, s: s, x: x, y: y), p: p)
        for d in [7, 10, 23] {
            let q = d - p
            let multiplicity = [1, q - 1, (q - 1) * (q - 2) / 2, q * (q - 3) / 2]
            let expected = zip([t, s, x, y], multiplicity).reduce(0) { $0 + $1.0.filter { $0 < 0 }.count * $1.1 }
            #expect(Self.evaluate(verdict.index, at: d) == Rational(expected), "index \(verdict.index) at d = \(d)")
        }
        let kind = expectedKind(t + s + x + y)
        #expect(verdict.json.contains("\"kind\": \"\(kind)\""))
    }

    /// "a d^2 + b d + c" as printed (coefficients like 2, (3/2), -) at d.
    static func evaluate(_ polynomial: String, at d: Int) -> Rational {
        polynomial.replacingOccurrences(of: " - ", with: " + -").components(separatedBy: " + ").reduce(Rational.zero) { sum, term in
            let power = term.hasSuffix("d^2") ? 2 : (term.hasSuffix("d") ? 1 : 0)
            var c = term
            if power == 2 { c = String(c.dropLast(3)) } else if power == 1 { c = String(c.dropLast(1)) }
            c = c.trimmingCharacters(in: .whitespaces)
            let negative = c.hasPrefix("-")
            if negative { c.removeFirst() }
            c = c.trimmingCharacters(in: CharacterSet(charactersIn: "() "))
            let parts = c.split(separator: "/").compactMap { Int($0) }
            let size = c.isEmpty ? Rational.one : (parts.count == 2 ? Rational(parts[0], parts[1]) : Rational(parts[0]))
            let value = size * Rational(d * d) * (power == 2 ? .one : .zero) + size * Rational(d) * (power == 1 ? .one : .zero) + size * (power == 0 ? .one : .zero)
            return negative ? sum - value : sum + value
        }
    }

    func expectedKind(_ signs: [Double]) -> String { signs.contains { $0 < 0 } ? "saddle" : "minimum" }

    @Test func jsonParsesWithTheSchemaKeys() throws {
        let subject = FamilyReport.Subject(name: "p0-m0-I", isotropy: "Δ(S_{d}), m = 0", latexIsotropy: "$\\Delta(S_{d})$, $m = 0$",
                                           extraRows: 0, type: "I", limit: [Rational(-1), .zero])
        let report = SpectrumReport(subject: subject, components: Self.components(t: [1], s: [1], x: [1], y: [1]), p: 0,
                                    ramification: 2, precision: 64, method: "series", header: "test", agreement: "test")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.json.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["family", "ramification", "precision_bits", "method", "components", "verdict", "softest"])
        #expect((object["components"] as? [Any])?.count == 4)
        #expect(report.text.contains("verdict: a minimum for large d"))
    }
}
