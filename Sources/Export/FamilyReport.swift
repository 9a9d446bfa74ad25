import Foundation
import Numbers
import Series

/// What `puiseux family` prints, in each format (text, LaTeX, CSV, JSON; schema in
/// Docs/json-format.md): a family's coordinates and loss as series in t = d^(-1/b), each
/// coefficient with the digits two independent computations agree on, and the checks that
/// back them. The CLI computes; this type only lays the result out.
public struct FamilyReport {
    /// The family as the report names it (plain values: Export does not see the solvers).
    public struct Subject {
        public var name: String
        /// e.g. "Δ(S_{d-1} x S_{1}), m = 1".
        public var isotropy: String
        /// e.g. "$\Delta(S_{d-1} \times S_{1})$, $m = 1$".
        public var latexIsotropy: String
        public var extraRows: Int
        /// "I" or "II".
        public var type: String
        public var limit: [Rational]
        public init(name: String, isotropy: String, latexIsotropy: String, extraRows: Int, type: String, limit: [Rational]) {
            (self.name, self.isotropy, self.latexIsotropy, self.extraRows, self.type, self.limit) = (name, isotropy, latexIsotropy, extraRows, type, limit)
        }

        /// The family object of the JSON outputs of `family` and `spectrum`.
        public var json: String {
            JSON.object([("name", JSON.string(name)), ("isotropy", JSON.string(isotropy)), ("extra", String(extraRows)),
                         ("type", JSON.string(type)), ("limit", JSON.array(limit.map { JSON.string($0.description) }, indent: nil, closingIndent: nil))],
                        indent: nil)
        }
    }

    /// One printed coefficient: t^power with its confirmed text, or (no digit confirmed) a zero
    /// with the bound the two computations give.
    public struct Coefficient {
        public var power: Int
        public var text: String
        public var digits: Int
        public var bound: String?
        public var closedForm: ClosedForm?
        /// A decimal upper bound on |true - printed|, proved (`certified`); nil when the digits
        /// are backed by the agreement of two precisions only.
        public var radius: String?
        public var certified: Bool { radius != nil }
        public init(power: Int, text: String, digits: Int, bound: String? = nil, closedForm: ClosedForm? = nil, radius: String? = nil) {
            (self.power, self.text, self.digits, self.bound, self.closedForm, self.radius) = (power, text, digits, bound, closedForm, radius)
        }
    }

    /// What backs the digits: the series route's checks or the numeric route's two fits.
    public enum Verification {
        /// `notCertified`: nil when the coefficients are certified (`FamilyEnclosure`), else why not.
        /// `newton`: per checkpoint d the largest gap and its ratio to the truncation error, or to
        /// the series' own rounding where that is larger (`byRounding`; low precisions).
        case series(residual: [(bound: Rational, leading: Rational?)], newton: [(d: String, largestGap: Double, ratio: Double, byRounding: Bool)],
                    leadingExponentsFrom: String, leadingExponents: [Rational], bits: [Int], notCertified: String?)
        case numeric(firstNodes: Int, secondNodes: Int, bits: (Int, Int), fallbackReason: String?)

        /// One JSON object, keys in schema order.
        public var json: String {
            switch self {
            case let .series(residual, newton, from, exponents, bits, notCertified):
                var fields = [("residual", JSON.array(residual.map { JSON.object([("bound", JSON.string($0.bound.description)), ("leading", $0.leading.map { JSON.string($0.description) } ?? "null")], indent: nil) }, indent: nil, closingIndent: nil))]
                for point in newton {
                    fields.append(("newton_d_\(point.d)", JSON.object([("max_difference", JSON.string(String(format: "%.3e", point.largestGap))),
                                                                      (point.byRounding ? "ratio_to_rounding" : "ratio_to_truncation_error",
                                                                       JSON.string(String(format: "%.3f", point.ratio)))], indent: nil)))
                }
                fields += [("method", JSON.string("series-ring Newton, b detected")), ("leading_exponents_from", JSON.string(from)),
                           ("leading_exponents", JSON.array(exponents.map { JSON.string($0.description) }, indent: nil, closingIndent: nil)),
                           ("bits", "[" + bits.map(String.init).joined(separator: ", ") + "]"), ("certified", notCertified == nil ? "true" : "false")]
                if let notCertified { fields.append(("not_certified_because", JSON.string(notCertified))) }
                return JSON.object(fields, indent: nil)
            case let .numeric(first, second, bits, reason):
                var fields = [("method", JSON.string("numeric continuation and interpolation, two fits")),
                              ("first_fit", JSON.object([("nodes", String(first)), ("d_range", "[\"1e4\", \"1e8\"]"), ("bits", String(bits.0))], indent: nil)),
                              ("second_fit", JSON.object([("nodes", String(second)), ("d_range", "[\"2e4\", \"2e8\"]"), ("bits", String(bits.1))], indent: nil))]
                if let reason { fields.append(("fallback_reason", JSON.string(reason))) }
                fields += [("certified", "false"), ("not_certified_because", JSON.string("the numeric route's fits carry no error bound"))]
                return JSON.object(fields, indent: nil)
            }
        }
    }

    public var subject: Subject
    public var ramification: Int
    public var precision: Int
    /// What was asked for (`--terms` / `--order`); each row is cut to it (`SeriesLength.cut`).
    public var length: SeriesLength
    /// How many powers of t were computed, t^0 ... t^(window - 1): where every row's known
    /// part ends.
    public var window: Int
    /// How the two computations were done, e.g. "series-ring Newton at 256 and 512 bits, b = 2 detected".
    public var header: String
    /// For a family given by a point: the line that says so (text only).
    public var origin: String?
    public var coordinates: [(name: String, coefficients: [Coefficient])]
    public var loss: [Coefficient]
    /// The checks, one line each (text).
    public var checks: [String]
    public var verification: Verification
    /// Whether a second computation backs the digits (false: every printed coefficient is
    /// certified and none was run; the series route's `bits` then lists one precision).
    public var confirmedAtTwoPrecisions: Bool {
        if case .series(_, _, _, _, let bits, _) = verification { return bits.count > 1 }
        return true
    }
    /// Whether closed forms were asked for (a column or section even when none was found).
    public var closedForms: Bool
    /// How many digits of each coefficient are shown (`DisplayDigits`; all by default).
    public var display: DisplayDigits = .all
    /// Text with the series only (`--quiet`): no summary, no checks.
    public var quiet = false

    public init(subject: Subject, ramification: Int, precision: Int, length: SeriesLength, window: Int, header: String, origin: String?,
                coordinates: [(name: String, coefficients: [Coefficient])], loss: [Coefficient], checks: [String],
                verification: Verification, closedForms: Bool) {
        (self.subject, self.ramification, self.precision, self.length, self.window) = (subject, ramification, precision, length, window)
        (self.header, self.origin) = (header, origin)
        (self.coordinates, self.loss, self.checks, self.verification, self.closedForms) = (coordinates, loss, checks, verification, closedForms)
    }

    func exponent(_ j: Int) -> String { Rational(-j, ramification).description }
    var rows: [(name: String, coefficients: [Coefficient])] { coordinates + [("loss", loss)] }

    /// A row cut to `length`: its confirmed nonzero coefficients, known down to t^window.
    func cut(_ cs: [Coefficient]) -> SeriesCut<Coefficient> {
        length.cut(cs.filter { $0.bound == nil }, exponent: { Rational(-$0.power, ramification) }, known: Rational(-window, ramification))
    }

    /// The printed part of a row: its terms, O-term and (when short of what was asked) how many
    /// terms are missing; the zeros with a bound above the O-term.
    func printed(_ cs: [Coefficient]) -> (terms: [Coefficient], order: String, missing: Int, zeros: [Coefficient]) {
        let c = cut(cs)
        let order = c.order ?? Rational(-window, ramification)
        return (c.kept, order.description, c.missing, cs.filter { $0.bound != nil && Rational(-$0.power, ramification) > order })
    }

    /// Every printed coefficient, named ("t^3 of D_1"), with the digits known of it
    /// (`DisplayDigits.shortest`).
    public var printedDigits: [(what: String, digits: Int)] {
        rows.flatMap { row in printedTerms(row.coefficients).map { (what: "t^\($0.power) of \(row.name)", digits: $0.digits) } }
    }

    /// Whether every printed coefficient, terms and zeros with a bound, is certified.
    public var everyPrintedCoefficientCertified: Bool {
        rows.allSatisfy { row in
            let p = printed(row.coefficients)
            return p.terms.allSatisfy(\.certified) && p.zeros.allSatisfy(\.certified)
        }
    }

    /// The coefficients of a row that are printed (closed forms are sought for these only).
    public func printedTerms(_ cs: [Coefficient]) -> [Coefficient] { cut(cs).kept }

    /// The rows that have fewer nonzero terms than asked for within the computed powers, with
    /// how many they have and lack; a row with no nonzero term at all is not counted (a
    /// coordinate that vanishes: more powers would not give it terms).
    public var shortRows: [(name: String, count: Int, missing: Int)] {
        rows.compactMap { row in
            let c = cut(row.coefficients)
            return c.missing > 0 && !c.kept.isEmpty ? (row.name, c.kept.count, c.missing) : nil
        }
    }

    /// The shown text of a coefficient and whether known digits were left out.
    func shown(_ c: Coefficient) -> (text: String, shortened: Bool) { display.shown(c.text, known: c.digits) }

    /// The fewest and most digits the shown coefficients are known to (for captions).
    var knownDigits: (Int, Int)? {
        let known = rows.flatMap { printed($0.coefficients).terms }.filter { $0.closedForm == nil }.map(\.digits)
        return known.min().map { ($0, known.max()!) }
    }

    /// The series of one row as printed, as text pieces ("c1 m1", "+ c2 m2", ..., "+ O(...)").
    func seriesPieces(_ cs: [Coefficient]) -> [String] {
        let row = printed(cs)
        let terms = row.terms.map { c in (Rational(-c.power, ramification), display.marked(c.text, known: c.digits)) }
        return (terms.isEmpty ? ["0"] : TextWrap.series(terms)) + ["+ O(d^(\(row.order)))"]
    }

    /// A row's leading `count` known terms, whatever was asked for (the summary's loss), then
    /// "+ ..." when more are known.
    func leadingPieces(_ cs: [Coefficient], count: Int) -> [String] {
        let known = cs.filter { $0.bound == nil }
        let terms = known.prefix(count).map { c in (Rational(-c.power, ramification), display.marked(c.text, known: c.digits)) }
        if terms.isEmpty { return ["0 + O(d^(\(Rational(-window, ramification))))"] }
        return TextWrap.series(Array(terms)) + (known.count > count ? ["+ ..."] : ["+ O(d^(\(Rational(-window, ramification))))"])
    }

    /// A summary (the family, b, its limit, the loss's leading terms), the series of every
    /// coordinate and the loss, then the checks; with `quiet` the series only.
    public var text: String {
        var lines = [String]()
        if !quiet {
            lines += TextWrap.words("\(subject.name): \(subject.isotropy), type \(subject.type); b = \(ramification) (series in t = d^(-1/\(ramification))); limit (\(subject.limit.map(\.description).joined(separator: ", ")))", indent: 4)
            lines += TextWrap.pieces("  loss =", leadingPieces(loss, count: 2), indent: 6)
            if let origin { lines += TextWrap.words("  " + origin, indent: 4) }
            lines += TextWrap.words("  computed by \(header)", indent: 4)
        }
        var zeros = [String]()
        for (label, cs) in rows {
            for c in printed(cs).zeros { zeros.append("\(label) at d^(\(exponent(c.power))) (|c| < \(c.bound!))") }
            lines += TextWrap.pieces("  \(label) =", seriesPieces(cs), indent: 6)
        }
        if quiet { return lines.joined(separator: "\n") }
        if closedForms {
            let found = rows.flatMap { name, cs in
                cs.compactMap { c in c.closedForm.map { "    \(name), d^(\(exponent(c.power))): \($0.text)   [\($0.evidenceDigits) digits of evidence]" } }
            }
            lines.append("  closed forms (identified numerically by integer relations, not proved):" + (found.isEmpty ? " none with 15 or more digits of evidence" : ""))
            lines += found.flatMap { TextWrap.words($0, indent: 8) }
        }
        lines += checks.flatMap { TextWrap.words("  \($0)", indent: 4) }
        if !zeros.isEmpty { lines += TextWrap.words("  numerically zero: " + zeros.joined(separator: "; "), indent: 4) }
        let short = shortRows
        if !short.isEmpty {
            let list = short.map { "\($0.name) (\($0.missing) missing)" }.joined(separator: ", ")
            lines += TextWrap.words("  fewer than \(length.words) within the \(window) powers of t computed: \(list); each is printed to what is known, its O-term true", indent: 4)
        }
        if case .count(let n) = display, rows.contains(where: { printed($0.coefficients).terms.contains { shown($0).shortened } }) {
            lines.append("  shown: at most \(n) significant digits (\"...\": more are known; --digits all shows them)")
        }
        return lines.joined(separator: "\n")
    }

    /// The papers' layout (`PowerTable`): one row per coordinate and the loss, one column per
    /// power of d, closed forms (when asked for and found) in place of their decimals.
    public func latex(standalone: Bool) -> String {
        let table = rows.enumerated().map { i, row -> PowerTable.Row in
            let label = row.name == "loss" ? "loss" : "$\\xi_{\(i + 1)} = " + row.name.replacingOccurrences(of: "_", with: "_{") + "}$"
            var cells = [Rational: PowerTable.Cell]()
            let cut = cut(row.coefficients)
            for c in cut.kept {
                cells[Rational(-c.power, ramification)] = c.closedForm.map { .closedForm($0.latex) } ?? .decimal(shown(c).text)
            }
            return PowerTable.Row(labels: [label], cells: cells, order: cut.order ?? Rational(-window, ramification))
        }
        // Certified when every printed term is (`Coefficient.radius`): the digits are proved, not
        // only agreed on.
        let certified = rows.allSatisfy { printed($0.coefficients).terms.allSatisfy(\.certified) }
        let digits = DigitsCaption.text(certified: certified, confirmed: confirmedAtTwoPrecisions, test: "a Krawczyk test",
                                        known: knownDigits.map { (fewest: $0.0, most: $0.1) }, display: display, source: header)
        let note = closedForms ? " $^\\dagger$Closed forms identified numerically by integer relations (PSLQ), each with at least 15 digits of evidence; not proved." : ""
        let power = PowerTable(
            labelHeaders: ["coordinate"], rows: table,
            caption: "Family \(subject.name) (\(subject.latexIsotropy), type \(subject.type)): coordinates and loss as series in $d^{-1/\(ramification)}$; \(digits).\(note) Computed by puiseux.")
        return standalone ? power.standalone : power.fragment
    }

    public var csv: String {
        var lines = [CSV.row(["coordinate", "exponent", "coefficient", "digits", "closed_form", "evidence_digits", "radius"])]
        for (name, cs) in rows {
            let row = printed(cs)
            for c in row.terms {
                lines.append(CSV.row([name, exponent(c.power), shown(c).text, String(c.digits), c.closedForm?.text ?? "", c.closedForm.map { String($0.evidenceDigits) } ?? "",
                                      c.radius ?? ""]))
            }
            lines.append(CSV.row([name, row.order, "O", "", "", "", ""]))
        }
        return lines.joined(separator: "\n")
    }

    public var json: String {
        /// The row's printed terms with the zeros above its O-term (each with its bound), in
        /// decreasing powers of d; then its O-term and, when short, how many terms it lacks.
        func series(_ cs: [Coefficient]) -> [(String, String)] {
            let row = printed(cs)
            let listed = (row.terms + row.zeros).sorted { $0.power < $1.power }
            var fields = [("terms", terms(listed)), ("order", JSON.string(row.order))]
            if row.missing > 0 { fields.append(("missing_terms", String(row.missing))) }
            return fields
        }
        func terms(_ cs: [Coefficient]) -> String {
            JSON.array(cs.map { c in
                let (text, shortened) = shown(c)
                var fields = [("exponent", JSON.string(exponent(c.power))), ("coefficient", JSON.string(text)), ("digits", String(c.digits))]
                if shortened, case .count(let n) = display { fields.append(("shown_digits", String(n))) }
                if let bound = c.bound { fields.append(("bound", JSON.string(bound))) }
                if let radius = c.radius { fields.append(("radius", JSON.string(radius))) }
                fields.append(("certified", c.certified ? "true" : "false"))
                if let form = c.closedForm {
                    fields.append(("closed_form", JSON.object([("text", JSON.string(form.text)), ("latex", JSON.string(form.latex)),
                                                               ("evidence_digits", String(form.evidenceDigits)), ("status", JSON.string("identified numerically"))], indent: nil)))
                }
                return JSON.object(fields, indent: nil)
            }, indent: nil, closingIndent: nil)
        }
        let coords = coordinates.enumerated().map { i, c in
            JSON.object([("index", String(i + 1)), ("name", JSON.string(c.name))] + series(c.coefficients), indent: nil)
        }
        return JSON.object([
            ("family", subject.json), ("ramification", String(ramification)), ("precision_bits", String(precision)),
            ("asked", length.json), ("powers_computed", String(window)),
            ("coordinates", JSON.array(coords, indent: "    ", closingIndent: "  ")),
            ("loss", JSON.object(series(loss), indent: nil)), ("verification", verification.json),
        ], indent: "  ")
    }
}
