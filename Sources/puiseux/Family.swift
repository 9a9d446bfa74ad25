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
        abstract: "Series of a family of critical points and of its loss in t = d^(-1/b).",
        discussion: """
            NAME is one of `puiseux families` (e.g. p1-m0-II). Default route (--method series): \
            Newton on F_d in the ring of Puiseux series, started from leading exponents guessed at \
            d <= 1600 (or read at 1e6-1e8 when the guess fails its checks); b is detected. Lifted \
            to twice the precision; each \
            coefficient is printed with the digits both agree on, and the residual of F_d at the \
            series and the agreement with Newton at two large d are printed. A degenerate family \
            on which the series iteration does not converge is reported and done by the numeric \
            route (--method numeric: continuation and interpolation, b from the catalogue, two fits). \
            A coefficient with no agreeing digit is reported as numerically zero with a bound \
            (Docs/family-series.md).

            Examples:
              puiseux family p0-m1-I --terms 6
              puiseux family p1-m0-II --terms 8 --format json
            """)

    @OptionGroup var shared: FamilyArguments

    @Option(parsing: .unconditional, help: "Number of terms in t = d^(-1/b), from t^0 (4...24).")
    var terms: Int = 8

    @Option(help: "Output format: text, json, latex (a booktabs table) or csv (coordinate,exponent,coefficient,digits,...).")
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
        var closedForm: ClosedForm? = nil
    }

    @Option(help: "Route: series (Newton in the ring of Puiseux series, b detected; the default) or numeric (continuation and interpolation, b from the catalogue).")
    var method: FamilyMethod = .series

    @Flag(help: "Identify coefficients as rational combinations of basis constants (PSLQ; marked as identified numerically, with the digits of evidence; none below 15).")
    var closedForms = false

    @Option(help: "With --closed-forms: extra basis constants, comma-separated expressions in pi (e.g. \"sqrt(3), log(2)\").")
    var basis: String?

    /// The two independent computations whose agreeing digits are printed, and what checks them.
    struct Computed {
        var b: Int
        var first: (coordinates: [[BigFloat]], loss: [BigFloat])
        var second: (coordinates: [[BigFloat]], loss: [BigFloat])
        var header: String
        var checks: [String]
        var verificationJSON: String
    }

    func computeSeries(_ family: Solvers.Family, precision: Int) throws -> Computed {
        Progress.report("\(family.name): series at \(precision) bits")
        let first = try SeriesFamilyExpansion.compute(family, terms: terms, precision: precision)
        Progress.report("\(family.name): series lifted to \(2 * precision) bits")
        let second = try first.lifted(toPrecision: 2 * precision)
        defer { Progress.clear() }
        let n = family.pattern.dimension
        let b = first.ramification
        guard second.ramification == b else {
            throw CLIFailure(computation: "\(family.name): the ramification differs between \(precision) bits (\(b)) and \(2 * precision) bits (\(second.ramification))")
        }
        var checks = [String](), json = [String]()
        // Residual of F_d at the truncated series: each component must be O(d^(row scale - terms/b)).
        let orders = try first.residualOrders()
        let worst = orders.map { o in o.leading.map { ($0 - o.bound) } ?? Rational(-1000) }.max()!
        guard worst <= 0 else {
            throw CLIFailure(computation: "\(family.name): F_d at the series is larger than its truncation allows (by d^(\(worst)))")
        }
        let residualText = orders.enumerated().map { j, o in "F_\(j + 1) = O(d^(\(o.bound)))" }.joined(separator: ", ")
        checks.append("residual of F_d at the series (\(terms) terms): \(residualText)")
        json.append("\"residual\": [" + orders.map { o in "{\"bound\": \(JSON.string(o.bound.description)), \"leading\": \(o.leading.map { JSON.string($0.description) } ?? "null")}" }.joined(separator: ", ") + "]")
        // Agreement with the finite-d critical points (continuation + Newton) at the two larger d.
        var agreement = [String]()
        for (d, worstGap, worstRatio) in try first.newtonAgreement() {
            guard worstRatio < 10 else {
                throw CLIFailure(computation: "\(family.name): the series disagrees with Newton at d = \(d.formatted(significantDigits: 6)) beyond its truncation error")
            }
            agreement.append("d = \(d.formatted(significantDigits: 6)): max |series - Newton| = \(String(format: "%.1e", worstGap)) (<= \(String(format: "%.1f", worstRatio)) x the truncation error)")
            json.append("\"newton_d_\(d.formatted(significantDigits: 6))\": {\"max_difference\": \(JSON.string(String(format: "%.3e", worstGap))), \"ratio_to_truncation_error\": \(JSON.string(String(format: "%.3f", worstRatio)))}")
        }
        checks.append("agreement with Newton: " + agreement.joined(separator: "; "))
        checks.append("digits: each coefficient shows the digits the \(precision)- and \(2 * precision)-bit solutions agree on")
        json.append("\"method\": \"series-ring Newton, b detected\", \"leading_exponents_from\": \(JSON.string(first.leadingSource)), \"leading_exponents\": [\(first.solution.leadingExponents.map { JSON.string($0.description) }.joined(separator: ", "))], \"bits\": [\(precision), \(2 * precision)]")
        return Computed(
            b: b,
            first: ((0..<n).map(first.coordinateCoefficients), first.lossCoefficients),
            second: ((0..<n).map(second.coordinateCoefficients), second.lossCoefficients),
            header: "series-ring Newton at \(precision) and \(2 * precision) bits, b = \(b) detected",
            checks: checks, verificationJSON: "{" + json.joined(separator: ", ") + "}")
    }

    func computeNumeric(_ family: Solvers.Family, precision: Int, reason: String?) throws -> Computed {
        let b = family.expectedRamification
        guard b > 0 else {
            throw CLIFailure(computation: "\(family.name) is not in the catalogue, so the numeric route has no ramification to fit with; use --method series (b detected)")
        }
        let first = try NumericFamilyExpansion.compute(family, ramification: b, nodes: terms + 4, range: (1e4, 1e8), precision: precision)
        let second = try NumericFamilyExpansion.compute(family, ramification: b, nodes: terms + 6, range: (2e4, 2e8), precision: precision + 64)
        var checks = ["digits: each coefficient shows the digits both fits agree on"]
        if let reason { checks.insert("numeric route because \(reason)", at: 0) }
        return Computed(
            b: b, first: (first.coordinates, first.loss), second: (second.coordinates, second.loss),
            header: "numeric continuation, fits at \(precision) and \(precision + 64) bits, b = \(b) from the catalogue",
            checks: checks,
            verificationJSON: "{\"method\": \"numeric continuation and interpolation, two fits\", \"first_fit\": {\"nodes\": \(terms + 4), \"d_range\": [\"1e4\", \"1e8\"], \"bits\": \(precision)}, \"second_fit\": {\"nodes\": \(terms + 6), \"d_range\": [\"2e4\", \"2e8\"], \"bits\": \(precision + 64)}" + (reason.map { ", \"fallback_reason\": \(JSON.string($0))" } ?? "") + "}")
    }

    @OptionGroup var destination: OutputFile

    func run() throws {
        try destination.redirect()
        let family = try shared.resolve(), precision = shared.precision, standalone = shared.standalone
        let computed: Computed
        do {
            switch method {
            case .numeric: computed = try computeNumeric(family, precision: precision, reason: nil)
            case .series:
                do {
                    computed = try computeSeries(family, precision: precision)
                } catch let error as SolverError where family.expectedRamification > 0 {
                    // A degenerate family (singular leading-order Jacobian): say so, use the other route.
                    computed = try computeNumeric(family, precision: precision, reason: error.description)
                }
            }
        } catch let failure as CLIFailure {
            throw failure
        } catch {
            throw CLIFailure(computation: "\(family.name): \(error)")
        }
        let b = computed.b
        let first = computed.first, second = computed.second
        func backed(_ x: [BigFloat], _ y: [BigFloat]) -> [Coefficient] {
            (0..<terms).compactMap { j in
                // Both exactly zero: a zero the series arithmetic decided (numeric-zero rule).
                if x[j].isZero && y[j].isZero { return nil }
                switch ConfirmedDigits(x[j], y[j], precision: precision) {
                case .digits(let k):
                    return Coefficient(power: j, text: x[j].formatted(significantDigits: k), digits: k)
                case .zero(let bound), .unconfirmed(let bound):
                    // No digit agrees: reported as zero with the bound the two values give
                    // (for the numeric route's fits, a bound on a coefficient that is small).
                    return Coefficient(power: j, text: "0", digits: 0, bound: String(format: "%.1e", bound))
                }
            }
        }
        var coordinates = family.pattern.coordinates.indices.map { backed(first.coordinates[$0], second.coordinates[$0]) }
        var loss = backed(first.loss, second.loss)
        if closedForms {
            var constants = ClosedFormFinder.defaultBasis
            for e in (basis ?? "").split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !e.isEmpty {
                do { _ = try Expression.parse(e) } catch { throw CLIFailure(usage: "--basis: \(e): \(error)") }
                constants.append(BasisConstant(userExpression: e))
            }
            func identify(_ list: inout [Coefficient]) throws {
                for k in list.indices where list[k].bound == nil {
                    guard let x = BigFloat(list[k].text, precision: precision) else { continue }
                    list[k].closedForm = try ClosedFormFinder.identify(x, digits: list[k].digits, basis: constants)
                }
            }
            for i in coordinates.indices { try identify(&coordinates[i]) }
            try identify(&loss)
        }
        func exponent(_ j: Int) -> String { Rational(-j, b).description }
        let order = exponent(terms)
        switch format {
        case .text:
            print("\(family.name): \(family.pattern), type \(family.type); t = d^(-1/\(b)); \(computed.header)")
            if let (d, _) = try? shared.point(), shared.from != nil {
                print("  the family through the given critical point at d = \(d) (Newton-polished, followed to d = 1e8), limit (\(family.limit.map(\.description).joined(separator: ", ")))")
            }
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
            if closedForms {
                let names = family.pattern.coordinates.map(\.description) + ["loss"]
                let found = zip(names, coordinates + [loss]).flatMap { name, cs in
                    cs.compactMap { c in c.closedForm.map { "    \(name), d^(\(exponent(c.power))): \($0.text)   [\($0.evidenceDigits) digits of evidence]" } }
                }
                print("  closed forms (identified numerically by integer relations, not proved):" + (found.isEmpty ? " none with 15 or more digits of evidence" : ""))
                for line in found { print(line) }
            }
            for check in computed.checks { print("  \(check)") }
            if !zeros.isEmpty { print("  numerically zero: " + zeros.joined(separator: "; ")) }
        case .latex:
            func cell(_ cs: [Coefficient]) -> String {
                LaTeXTable.series(cs.filter { $0.bound == nil }.map { (Rational(-$0.power, b), $0.text) }, order: Rational(-terms, b))
            }
            // With --closed-forms, a third column: the identified coefficients, marked with a dagger.
            func forms(_ cs: [Coefficient]) -> String {
                let found = cs.compactMap { c in c.closedForm.map { "$d^{\(exponent(c.power))}$: $\($0.latex)$" } }
                return found.isEmpty ? "" : found.joined(separator: "; ") + "$^\\dagger$"
            }
            var rows = family.pattern.coordinates.enumerated().map { i, c -> [String] in
                let name = c.description.replacingOccurrences(of: "_", with: "_{") + "}"
                return ["$\\xi_{\(i + 1)} = \(name)$", cell(coordinates[i])] + (closedForms ? [forms(coordinates[i])] : [])
            }
            rows.append(["loss", cell(loss)] + (closedForms ? [forms(loss)] : []))
            let note = closedForms ? " $^\\dagger$Closed forms identified numerically by integer relations (PSLQ), each with at least 15 digits of evidence; not proved." : ""
            let table = LaTeXTable(
                caption: "Family \(family.name) (\(FamilyArguments.latexIsotropy(family)), type \(family.type)): series in $d^{-1/\(b)}$; every digit agrees between two independent computations (\(computed.header)).\(note) Computed by puiseux.",
                header: ["coordinate", "series"] + (closedForms ? ["closed forms"] : []), rows: rows)
            print(standalone ? table.standalone : table.fragment)
        case .csv:
            print(CSV.row(["coordinate", "exponent", "coefficient", "digits", "closed_form", "evidence_digits"]))
            let names = family.pattern.coordinates.map(\.description) + ["loss"]
            for (name, cs) in zip(names, coordinates + [loss]) {
                for c in cs where c.bound == nil {
                    print(CSV.row([name, exponent(c.power), c.text, String(c.digits), c.closedForm?.text ?? "", c.closedForm.map { String($0.evidenceDigits) } ?? ""]))
                }
                print(CSV.row([name, order, "O", "", "", ""]))
            }
        case .json:
            func terms(_ cs: [Coefficient]) -> String {
                "[" + cs.map { "{\"exponent\": \(JSON.string(exponent($0.power))), \"coefficient\": \(JSON.string($0.text)), \"digits\": \($0.digits)" + ($0.bound.map { ", \"bound\": \(JSON.string($0))" } ?? "")
                    + ($0.closedForm.map { ", \"closed_form\": {\"text\": \(JSON.string($0.text)), \"latex\": \(JSON.string($0.latex)), \"evidence_digits\": \($0.evidenceDigits), \"status\": \"identified numerically\"}" } ?? "") + "}" }
                    .joined(separator: ", ") + "]"
            }
            let coords = family.pattern.coordinates.enumerated().map { i, c in
                "    {\"index\": \(i + 1), \"name\": \(JSON.string(c.description)), \"terms\": \(terms(coordinates[i]))}"
            }
            print("""
                {
                  "family": \(FamilyArguments.json(family)),
                  "ramification": \(b),
                  "precision_bits": \(precision),
                  "order": \(JSON.string(order)),
                  "coordinates": [
                \(coords.joined(separator: ",\n"))
                  ],
                  "loss": {"terms": \(terms(loss))},
                  "verification": \(computed.verificationJSON)
                }
                """)
        }
    }
}

enum FamilyMethod: String, ExpressibleByArgument, CaseIterable {
    case series, numeric
}
