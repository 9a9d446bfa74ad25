import ArgumentParser
import Foundation
import Numbers
import Expressions
import Export
import Solvers

/// `puiseux family NAME`: the fractional power series of a catalogued family and of its loss,
/// by the numeric route (continuation to large d and interpolation in t = d^(-1/b)), with the
/// digits of each coefficient backed by a second, independent fit.
struct Family: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "family",
        abstract: "Series of a family of critical points and of its loss in t = d^(-1/b) (numeric route).",
        discussion: """
            NAME is one of `puiseux families` (e.g. p1-m0-II). The critical points are followed \
            from d = 20 to large d in MPFR and interpolated in t = d^(-1/b) (b from the \
            catalogue; Docs/family-series.md). A second fit, with two more nodes over a range \
            twice as large and 64 more bits, is computed as well; each coefficient is printed with \
            the digits both fits agree on. A coefficient on which the fits share no digit is \
            reported as numerically zero, with the larger of its two fitted sizes as a bound. The series-ring \
            solver of the issue tracker is not in yet: b is taken from the catalogue.

            Examples:
              puiseux family p0-m1-I --terms 6
              puiseux family p1-m0-II --terms 8 --format json
            """)

    @OptionGroup var shared: FamilyArguments

    @Option(help: "Number of t-powers to fit, from t^0 (4...24).")
    var terms: Int = 8

    @Option(help: "Output format: text, json or latex (a booktabs table).")
    var format: FamilyFormat = .text

    func validate() throws {
        guard (4...24).contains(terms) else { throw ValidationError("--terms must be between 4 and 24 (got \(terms))") }
    }

    struct Coefficient {
        var power: Int
        var text: String
        var digits: Int
        /// For a coefficient with no agreeing digit: the larger of its two fitted sizes, a bound
        /// on the coefficient if it is zero (it is reported as numerically zero).
        var bound: String? = nil
    }

    func run() throws {
        let family = shared.family, precision = shared.precision, standalone = shared.standalone
        let b = family.expectedRamification
        let first: NumericFamilyExpansion, second: NumericFamilyExpansion
        do {
            first = try NumericFamilyExpansion.compute(family, ramification: b, nodes: terms + 4, range: (1e4, 1e8), precision: precision)
            second = try NumericFamilyExpansion.compute(family, ramification: b, nodes: terms + 6, range: (2e4, 2e8), precision: precision + 64)
        } catch {
            throw CLIFailure(computation: "\(family.name): \(error)")
        }
        let maximumDigits = BigFloat.decimalDigits(forBits: precision)
        func backed(_ x: [BigFloat], _ y: [BigFloat]) -> [Coefficient] {
            (0..<terms).compactMap { j in
                let k = Expansion.agreedDigits(x[j], y[j], maximumDigits: maximumDigits)
                if k == 0 {
                    // No digit agrees: the two fits only agree that it is small.
                    let size = max(abs(x[j].doubleValue), abs(y[j].doubleValue))
                    return Coefficient(power: j, text: "0", digits: 0, bound: String(format: "%.1e", size))
                }
                return Coefficient(power: j, text: x[j].formatted(significantDigits: k), digits: k)
            }
        }
        let coordinates = family.pattern.coordinates.indices.map { backed(first.coordinates[$0], second.coordinates[$0]) }
        let loss = backed(first.loss, second.loss)
        func exponent(_ j: Int) -> String { Rational(-j, b).description }
        let order = exponent(terms)
        switch format {
        case .text:
            print("\(family.name): \(family.pattern), type \(family.type); t = d^(-1/\(b)); fits at \(precision) and \(precision + 64) bits")
            var zeros = [String]()
            func line(_ label: String, _ cs: [Coefficient]) {
                var body = ""
                for c in cs {
                    if let bound = c.bound { zeros.append("\(label) at d^(\(exponent(c.power))) (|c| < \(bound))"); continue }
                    let negative = c.text.hasPrefix("-")
                    let magnitude = negative ? String(c.text.dropFirst()) : c.text
                    let monomial = c.power == 0 ? magnitude : "\(magnitude) d^(\(exponent(c.power)))"
                    body += body.isEmpty ? (negative ? "-" : "") + monomial : (negative ? " - " : " + ") + monomial
                }
                print("  \(label) = \(body.isEmpty ? "0" : body) + O(d^(\(order)))")
            }
            for (i, c) in family.pattern.coordinates.enumerated() { line(c.description, coordinates[i]) }
            line("loss", loss)
            print("  digits: each coefficient shows the digits both fits agree on")
            if !zeros.isEmpty { print("  numerically zero: " + zeros.joined(separator: "; ")) }
        case .latex:
            func cell(_ cs: [Coefficient]) -> String {
                LaTeXTable.series(cs.filter { $0.bound == nil }.map { (Rational(-$0.power, b), $0.text) }, order: Rational(-terms, b))
            }
            var rows = family.pattern.coordinates.enumerated().map { i, c -> [String] in
                let name = c.description.replacingOccurrences(of: "_", with: "_{") + "}"
                return ["$\\xi_{\(i + 1)} = \(name)$", cell(coordinates[i])]
            }
            rows.append(["loss", cell(loss)])
            let table = LaTeXTable(
                caption: "Family \(family.name) (\(shared.latexIsotropy), type \(family.type)): series in $d^{-1/\(b)}$; every digit agrees between two independent fits. Computed by puiseux.",
                header: ["coordinate", "series"], rows: rows)
            print(standalone ? table.standalone : table.fragment)
        case .json:
            func terms(_ cs: [Coefficient]) -> String {
                "[" + cs.map { "{\"exponent\": \(JSON.string(exponent($0.power))), \"coefficient\": \(JSON.string($0.text)), \"digits\": \($0.digits)" + ($0.bound.map { ", \"bound\": \(JSON.string($0))" } ?? "") + "}" }
                    .joined(separator: ", ") + "]"
            }
            let coords = family.pattern.coordinates.enumerated().map { i, c in
                "    {\"index\": \(i + 1), \"name\": \(JSON.string(c.description)), \"terms\": \(terms(coordinates[i]))}"
            }
            print("""
                {
                  "family": \(shared.familyJSON),
                  "ramification": \(b),
                  "precision_bits": \(precision),
                  "order": \(JSON.string(order)),
                  "coordinates": [
                \(coords.joined(separator: ",\n"))
                  ],
                  "loss": {"terms": \(terms(loss))},
                  "verification": {"method": "numeric continuation and interpolation, two fits", "first_fit": {"nodes": \(self.terms + 4), "d_range": ["1e4", "1e8"], "bits": \(precision)}, "second_fit": {"nodes": \(self.terms + 6), "d_range": ["2e4", "2e8"], "bits": \(precision + 64)}}
                }
                """)
        }
    }
}
