import Foundation
import Numbers
import Series

/// What `puiseux spectrum NAME` prints: the Hessian eigenvalues of a family per isotypic
/// component as series in d (each term with the digits two computations agree on), and the
/// verdict (minimum or saddle, index, descent components), in text, LaTeX, CSV or JSON. The CLI
/// computes; this type only lays the result out.
public struct SpectrumReport {
    public var subject: FamilyReport.Subject
    /// Every eigenvalue series as computed (the verdict and the softest eigenvalue are read
    /// off these); what is printed is `printed`, cut to `length`.
    public var components: [SpectrumComponent]
    public var ramification: Int
    public var precision: Int
    /// "series" or "numeric".
    public var method: String
    /// How the two computations were done (text header).
    public var header: String
    /// What the two computations are, for the LaTeX caption.
    public var agreement: String
    /// Minimum or saddle from the computed series' leading terms; the sign changes of the
    /// printed ones.
    public var verdict: SpectrumVerdict { SpectrumVerdict(components: components, printed: printed, p: p) }
    /// The small blocks' total: the big block is S_(d-p).
    public var p: Int
    /// How many digits of each coefficient are shown (`DisplayDigits`; all by default).
    public var display: DisplayDigits = .all
    /// Text with the eigenvalue series only (`--quiet`): no verdict, no method.
    public var quiet = false
    /// Whether a second computation at another precision backs the digits (false: every
    /// printed term is certified and none was run).
    public var confirmedAtTwoPrecisions = true

    public init(subject: FamilyReport.Subject, components: [SpectrumComponent], p: Int, ramification: Int, precision: Int,
                method: String, header: String, agreement: String) {
        (self.subject, self.components, self.ramification, self.precision, self.p) = (subject, components, ramification, precision, p)
        (self.method, self.header, self.agreement) = (method, header, agreement)
    }

    /// The smallest bounded eigenvalue for large d and its component (paper 003), as printed.
    public var softest: SoftestEigenvalue? { SoftestEigenvalue(components: printed) }

    public var text: String {
        var lines = [String]()
        if !quiet {
            lines += TextWrap.words("\(subject.name): \(subject.isotropy), type \(subject.type): Hessian eigenvalues by isotypic component as d -> infinity", indent: 4)
            lines += verdict.lines.flatMap { TextWrap.words("  \($0)", indent: 4) }
            if let softest { lines += TextWrap.words("  " + softest.line, indent: 4) }
            lines += TextWrap.words("  computed by \(header)", indent: 4)
        }
        var shortened = false
        for component in printed {
            if !quiet { lines.append("  \(component.label(p: p)), multiplicity \(component.degree):") }
            for eigenvalue in component.eigenvalues {
                let terms = eigenvalue.terms.map { t -> (exponent: Rational, text: String) in
                    let (text, cut) = display.shown(t.text, known: t.digits)
                    shortened = shortened || cut
                    return (t.exponent, cut ? text + "..." : text)
                }
                var pieces = (terms.isEmpty ? ["0"] : TextWrap.series(terms)) + ["+ O(d^(\(eigenvalue.order)))"]
                if !quiet, let change = eigenvalue.signChange { pieces.append("  [truncated series vanishes at d = \(change)]") }
                lines += TextWrap.pieces(quiet ? "\(component.irrep):" : "    ", pieces, indent: 6)
            }
        }
        if !quiet, let note = shortNote { lines += TextWrap.words("  " + note, indent: 4) }
        if !quiet, let note = certificationNote { lines += TextWrap.words("  " + note, indent: 4) }
        if shortened, !quiet, case .count(let n) = display {
            lines.append("  shown: at most \(n) significant digits (\"...\": more are known; --digits all shows them)")
        }
        return lines.joined(separator: "\n")
    }

    /// The papers' layout (`PowerTable`, Table 1 of paper 000 with more terms): one row per
    /// eigenvalue with its component and multiplicity, one column per power of d.
    public func latex(standalone: Bool) -> String {
        var rows = [PowerTable.Row]()
        var known = [Int]()
        for component in printed {
            for (k, eigenvalue) in component.eigenvalues.enumerated() {
                var cells = [Rational: PowerTable.Cell]()
                for t in eigenvalue.terms {
                    cells[t.exponent] = .decimal(display.shown(t.text, known: t.digits).text)
                    known.append(t.digits)
                }
                let labels = k == 0 ? [component.latexLabel(p: p), "$" + component.degree + "$"] : ["", ""]
                rows.append(PowerTable.Row(labels: labels, cells: cells, order: eigenvalue.order))
            }
        }
        let certified = !known.isEmpty && printed.allSatisfy { $0.eigenvalues.allSatisfy { $0.terms.allSatisfy(\.certified) } }
        let digits = DigitsCaption.text(certified: certified, confirmed: confirmedAtTwoPrecisions, test: "Krawczyk tests",
                                        known: known.min().map { (fewest: $0, most: known.max()!) }, display: display, source: agreement)
        let table = PowerTable(
            labelHeaders: ["component", "multiplicity"], rows: rows,
            caption: "Hessian eigenvalues of family \(subject.name) (\(subject.latexIsotropy), type \(subject.type)) by isotypic component of $S_{\(Self.latexBigBlock(p: p))}$ (partitions in parentheses), as series in $d$; \(digits). \(verdict.lines.first.map { $0.prefix(1).uppercased() + $0.dropFirst() + ". " } ?? "")Computed by puiseux.")
        return standalone ? table.standalone : table.fragment
    }

    /// What was asked for (`--terms` / `--order`): every printed eigenvalue is cut to it.
    public var length: SeriesLength?

    /// The eigenvalues as printed: cut to `length` (each to N nonzero terms, or above an order),
    /// while the verdict stays that of the whole computed series (an order above an
    /// eigenvalue's leading term prints "0 + O(...)", not an undecided verdict).
    var printed: [SpectrumComponent] { length.map { l in components.map { $0.cut(to: l) } } ?? components }

    /// Every printed term, named ("d^(-1/2) of s[2]"), with the digits known of it
    /// (`DisplayDigits.shortest`).
    public var printedDigits: [(what: String, digits: Int)] {
        printed.flatMap { c in
            c.eigenvalues.enumerated().flatMap { e, v in v.terms.map { (what: "d^(\($0.exponent)) of \(c.irrep)[\(e + 1)]", digits: $0.digits) } }
        }
    }

    /// Which printed eigenvalues are certified (every printed term in a proved ball) and why
    /// the others are not; nil when no certificate was tried (the numeric route).
    var certificationNote: String? {
        var certified = [String](), uncertified = [String: [String]]()
        var reasons = [String]()
        for c in printed {
            for (k, e) in c.eigenvalues.enumerated() {
                let label = c.eigenvalues.count == 1 ? c.irrep : "\(c.irrep)[\(k + 1)]"
                if !e.terms.isEmpty && e.terms.allSatisfy(\.certified) { certified.append(label); continue }
                let why = e.notCertifiedBecause ?? (e.terms.contains(where: \.certified) ? "terms beyond its certificate's O-term" : nil)
                guard let why else { continue }
                if uncertified[why] == nil { reasons.append(why) }
                uncertified[why, default: []].append(label)
            }
        }
        guard !certified.isEmpty || !reasons.isEmpty else { return nil }
        var parts = [String]()
        if !certified.isEmpty {
            parts.append("certified: every printed term of \(certified.joined(separator: ", ")) lies in a ball proved to contain the true coefficient (Krawczyk tests in ball arithmetic; assumes the family's Puiseux expansion and exact cancellations at its limit; Docs/certified-digits.md)")
        }
        if !reasons.isEmpty {
            parts.append("digits agreed on at two precisions only: " + reasons.map { "\(uncertified[$0]!.joined(separator: ", ")) (\($0))" }.joined(separator: "; "))
        }
        return parts.joined(separator: "; ")
    }

    /// The line naming the eigenvalues with fewer terms than asked for, or nil.
    var shortNote: String? {
        let short = printed.flatMap { c in c.eigenvalues.enumerated().filter { $0.element.missing > 0 }.map { "\(c.irrep)[\($0.offset + 1)] (\($0.element.missing) missing)" } }
        guard !short.isEmpty, let length else { return nil }
        return "fewer than \(length.words) known: \(short.joined(separator: ", ")); each is printed to the first power its two computations do not both decide (raise --precision) or to the last computed, its O-term true"
    }

    static func latexBigBlock(p: Int) -> String { p == 0 ? "d" : "d-\(p)" }

    public var csv: String {
        var lines = [CSV.row(["irrep", "degree", "eigenvalue", "exponent", "coefficient", "digits", "radius"])]
        for component in printed {
            for (k, eigenvalue) in component.eigenvalues.enumerated() {
                for t in eigenvalue.terms { lines.append(CSV.row([component.irrep, component.degree, String(k + 1), t.exponent.description, display.shown(t.text, known: t.digits).text, String(t.digits), t.radius ?? ""])) }
                lines.append(CSV.row([component.irrep, component.degree, String(k + 1), eigenvalue.order.description, "O", "", ""]))
            }
        }
        return lines.joined(separator: "\n")
    }

    public var json: String {
        let comps = printed.map { component in
            let values = component.eigenvalues.map { eigenvalue -> String in
                var fields = [("terms", JSON.array(eigenvalue.terms.map(termJSON), indent: nil, closingIndent: nil)),
                              ("order", JSON.string(eigenvalue.order.description)), ("sign", String(eigenvalue.sign))]
                if eigenvalue.missing > 0 { fields.append(("missing_terms", String(eigenvalue.missing))) }
                if let why = eigenvalue.notCertifiedBecause { fields.append(("not_certified_because", JSON.string(why))) }
                if !quiet, let change = eigenvalue.signChange { fields.append(("sign_change_d", JSON.string(change))) }
                return JSON.object(fields, indent: nil)
            }
            return JSON.object([("irrep", JSON.string(component.irrep)), ("degree", JSON.string(component.degree)),
                                ("eigenvalues", JSON.array(values, indent: nil, closingIndent: nil))], indent: nil)
        }
        return JSON.object([("family", subject.json), ("ramification", String(ramification)), ("precision_bits", String(precision)),
                            ("method", JSON.string(method))] + (length.map { [("asked", $0.json)] } ?? []) + [("components", JSON.array(comps, indent: "    ", closingIndent: "  ")),
                            ("verdict", verdict.json), ("softest", softest?.json ?? "null")], indent: "  ")
    }

    func termJSON(_ t: SpectrumTerm) -> String {
        let (text, shortened) = display.shown(t.text, known: t.digits)
        var fields = [("exponent", JSON.string(t.exponent.description)), ("coefficient", JSON.string(text)), ("digits", String(t.digits))]
        if shortened, case .count(let n) = display { fields.append(("shown_digits", String(n))) }
        if let radius = t.radius { fields.append(("radius", JSON.string(radius))) }
        fields.append(("certified", t.certified ? "true" : "false"))
        return JSON.object(fields, indent: nil)
    }

    /// The exact spectrum at one d: per component, its degree there and its eigenvalues (text,
    /// digits, sign).
    public struct AtDimension {
        public var subject: FamilyReport.Subject
        public var d: String
        public var precision: Int
        public var components: [(irrep: String, degree: String, values: [(text: String, digits: Int, sign: Int)])]
        /// How many digits of each eigenvalue are shown (`DisplayDigits`; all by default).
        public var display: DisplayDigits = .all
        /// The small blocks' total (names the components' partitions of d - p).
        public var p = 0
        public init(subject: FamilyReport.Subject, d: String, precision: Int, components: [(irrep: String, degree: String, values: [(text: String, digits: Int, sign: Int)])]) {
            (self.subject, self.d, self.precision, self.components) = (subject, d, precision, components)
        }

        /// Every eigenvalue, named ("s[2]"), with the digits known of it (`DisplayDigits.shortest`).
        public var printedDigits: [(what: String, digits: Int)] {
            components.flatMap { c in c.values.enumerated().map { (what: "\(c.irrep)[\($0.offset + 1)]", digits: $0.element.digits) } }
        }

        public var text: String {
            (["\(subject.name) at d = \(d): Hessian eigenvalues by component (multiplicity = degree)"]
                + components.flatMap { c in
                    TextWrap.pieces("  \(SpectrumComponent(irrep: c.irrep, degree: c.degree, eigenvalues: []).label(p: p)), multiplicity \(c.degree):", c.values.enumerated().map { k, v in display.marked(v.text, known: v.digits) + (k + 1 < c.values.count ? "," : "") }, indent: 6)
                }).joined(separator: "\n")
        }

        public var csv: String {
            ([CSV.row(["irrep", "degree", "value", "digits"])]
                + components.flatMap { c in c.values.map { CSV.row([c.irrep, c.degree, display.shown($0.text, known: $0.digits).text, String($0.digits)]) } }).joined(separator: "\n")
        }

        public var json: String {
            let comps = components.map { c in
                JSON.object([("irrep", JSON.string(c.irrep)), ("degree", JSON.string(c.degree)),
                             ("eigenvalues", JSON.array(c.values.map { JSON.object([("value", JSON.string(display.shown($0.text, known: $0.digits).text)), ("digits", String($0.digits)), ("sign", String($0.sign))], indent: nil) }, indent: nil, closingIndent: nil))],
                            indent: nil)
            }
            return JSON.object([("family", subject.json), ("d", JSON.string(d)), ("precision_bits", String(precision)),
                                ("components", JSON.array(comps, indent: "    ", closingIndent: "  "))], indent: "  ")
        }
    }
}
