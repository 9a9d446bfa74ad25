import Numbers
import Expressions

/// What `puiseux split` prints: the split of row J of a critical point into μ w_J and
/// (1 - μ) w_J (paper 002, Theorem 4.1 for output weights fixed at 1): the small block Y by
/// component (exactly at d, and as series in d for a family), the inertia the congruence
/// predicts and the one counted on the explicit Hessian, and the spectrum (exact at μ = 1/2,
/// from the explicit Hessian otherwise). Text, JSON and CSV (the eigenvalues).
public struct SplitReport: FormattedReport {
    /// A backed decimal (`text`, `digits` known) shown by the display rule.
    public struct Number {
        public var text: String, digits: Int
        public init(text: String, digits: Int) { (self.text, self.digits) = (text, digits) }
    }

    /// A group of eigenvalues: a component's name, the multiplicity of each, the values.
    public struct Group {
        public var name: String, multiplicity: Int, formula: String?, values: [Number]
        public init(name: String, multiplicity: Int, formula: String?, values: [Number]) {
            (self.name, self.multiplicity, self.formula, self.values) = (name, multiplicity, formula, values)
        }
    }

    public struct Inertia {
        public var positive: Int, zero: Int, negative: Int
        public init(positive: Int, zero: Int, negative: Int) { (self.positive, self.zero, self.negative) = (positive, zero, negative) }
        var text: String { "\(positive) positive, \(zero) zero, \(negative) negative" }
        var json: String { JSON.object([("positive", String(positive)), ("zero", String(zero)), ("negative", String(negative))], indent: nil) }
    }

    public var subject: String, d: String, row: Int, rowPlace: String, mu: String
    /// The isotropy of row J's stabiliser (the columns Y's components live on).
    public var stabiliser: String
    public var loss: Number, oldIndex: Int
    public var y: [Group]
    /// Y's eigenvalue series per component (names as in `y`), when computed.
    public var ySeries: [(name: String, formula: String, eigenvalues: [SpectrumEigenvalue])]?
    public var predicted: Inertia
    /// Counted on the explicit Hessian, with the size and the zero floor; nil above its size limit.
    public var computed: (inertia: Inertia, size: Int, floor: String)?
    /// The whole spectrum and where it comes from.
    public var eigenvalues: [Group], eigenvalueSource: String
    public var precision: Int
    public var display: DisplayDigits = .all

    public init(subject: String, d: String, row: Int, rowPlace: String, mu: String, stabiliser: String, loss: Number, oldIndex: Int,
                y: [Group], ySeries: [(name: String, formula: String, eigenvalues: [SpectrumEigenvalue])]?, predicted: Inertia,
                computed: (inertia: Inertia, size: Int, floor: String)?, eigenvalues: [Group], eigenvalueSource: String, precision: Int) {
        (self.subject, self.d, self.row, self.rowPlace, self.mu, self.stabiliser) = (subject, d, row, rowPlace, mu, stabiliser)
        (self.loss, self.oldIndex, self.y, self.ySeries, self.predicted, self.computed) = (loss, oldIndex, y, ySeries, predicted, computed)
        (self.eigenvalues, self.eigenvalueSource, self.precision) = (eigenvalues, eigenvalueSource, precision)
    }

    /// Whether the congruence's inertia and the explicit Hessian's agree (nil: not counted).
    public var agrees: Bool? {
        computed.map { $0.inertia.positive == predicted.positive && $0.inertia.zero == predicted.zero && $0.inertia.negative == predicted.negative }
    }

    func shown(_ n: Number) -> String { display.marked(n.text, known: n.digits) }

    public var text: String {
        var lines = TextWrap.words("split of \(subject) at d = \(d): row \(row) (\(rowPlace)) into μ w_J and (1 - μ) w_J, μ = \(mu); output weights fixed at 1 (Docs/neuron-splitting.md)", indent: 4)
        lines.append("  the critical point: loss \(shown(loss)), Hessian index \(oldIndex)")
        lines += TextWrap.words("  Y = H_JJ - I/2 at the old point, by component of row J's stabiliser \(stabiliser) (\(precision) bits, digits confirmed at \(precision + 64)):", indent: 4)
        for g in y {
            let zero = g.name == "t" ? ["0 (on w_J, exactly)"] : []
            lines += TextWrap.words("    \(g.name) (multiplicity \(g.formula.flatMap { $0 == String(g.multiplicity) ? nil : "\($0) = " } ?? "")\(g.multiplicity)): " + (zero + g.values.map(shown)).joined(separator: ", "), indent: 8)
        }
        if let series = ySeries {
            lines.append("  Y as series in d (each eigenvalue to the terms both precisions agree on):")
            for (name, formula, list) in series {
                for e in list {
                    let terms = e.terms.map { (exponent: $0.exponent, text: display.marked($0.text, known: $0.digits)) }
                    let body = TextWrap.series(terms).joined(separator: " ")
                    lines += TextWrap.words("    \(name) (multiplicity \(formula)): \(body.isEmpty ? "0" : body) + O(\(Expansion.textMonomial(e.order).isEmpty ? "1" : Expansion.textMonomial(e.order)))", indent: 8)
                }
            }
        }
        lines.append("  predicted inertia (the old Hessian's plus Y's, every μ in (0, 1)): \(predicted.text)")
        if let c = computed {
            lines.append("  computed inertia (the explicit \(c.size) x \(c.size) Hessian, |λ| <= \(c.floor) counted as zero): \(c.inertia.text): " + (agrees! ? "agree" : "DISAGREE"))
        } else {
            lines.append("  computed inertia: not counted (the explicit Hessian is limited to 900 x 900)")
        }
        lines += TextWrap.words("  spectrum (\(eigenvalueSource)):", indent: 4)
        for g in eigenvalues {
            lines += TextWrap.words("    \(g.name) (multiplicity \(g.multiplicity)): " + g.values.map(shown).joined(separator: ", "), indent: 8)
        }
        return lines.joined(separator: "\n")
    }

    func groupJSON(_ g: Group) -> [String] {
        g.values.map { v in
            JSON.object([("component", JSON.string(g.name)), ("value", JSON.string(display.shown(v.text, known: v.digits).text)),
                         ("multiplicity", String(g.multiplicity))], indent: nil)
        }
    }

    public var json: String {
        var fields: [(String, String)] = [
            ("family", JSON.string(subject)), ("d", JSON.string(d)), ("row", String(row)), ("row_place", JSON.string(rowPlace)), ("mu", JSON.string(mu)),
            ("loss", JSON.string(display.shown(loss.text, known: loss.digits).text)), ("index", String(oldIndex)),
            ("inertia", computed.map { $0.inertia.json } ?? "null"), ("predicted_inertia", predicted.json),
            ("inertia_agrees", agrees.map { String($0) } ?? "null"),
            ("eigenvalues_from", JSON.string(eigenvalueSource)),
            ("eigenvalues", JSON.array(eigenvalues.flatMap(groupJSON), indent: "    ", closingIndent: "  ")),
            ("stabiliser", JSON.string(stabiliser)),
            ("y_block", JSON.array(y.flatMap { g in
                (g.name == "t" ? [JSON.object([("component", JSON.string("t")), ("value", JSON.string("0")), ("multiplicity", "1"), ("note", JSON.string("on w_J, exactly"))], indent: nil)] : [])
                    + groupJSON(g) }, indent: "    ", closingIndent: "  ")),
        ]
        if let series = ySeries {
            fields.append(("y_series", JSON.array(series.flatMap { name, formula, list in
                list.map { e in
                    JSON.object([("component", JSON.string(name)), ("multiplicity", JSON.string(formula)),
                                 ("terms", JSON.array(e.terms.map { JSON.object([("exponent", JSON.string($0.exponent.description)),
                                                                                  ("coefficient", JSON.string(display.shown($0.text, known: $0.digits).text))], indent: nil) },
                                                      indent: nil, closingIndent: nil)),
                                 ("order", JSON.string(e.order.description))], indent: nil)
                }
            }, indent: "    ", closingIndent: "  ")))
        }
        return JSON.object(fields, indent: "  ")
    }

    /// One row per eigenvalue (of the spectrum, then of Y).
    public var csv: String {
        var rows = [CSV.row(["block", "component", "value", "multiplicity"])]
        for g in eigenvalues { for v in g.values { rows.append(CSV.row(["hessian", g.name, display.shown(v.text, known: v.digits).text, String(g.multiplicity)])) } }
        for g in y {
            if g.name == "t" { rows.append(CSV.row(["y", "t", "0", "1"])) }
            for v in g.values { rows.append(CSV.row(["y", g.name, display.shown(v.text, known: v.digits).text, String(g.multiplicity)])) }
        }
        return rows.joined(separator: "\n")
    }

    /// A booktabs table: Y's eigenvalues by component (with the zero on w_J), their multiplicity,
    /// the value at d and, with the series, the series in d; the caption gives the split, the
    /// predicted and counted inertia and the digits rule.
    public func latex(standalone: Bool) -> String {
        func math(_ name: String) -> String {
            name == "t" ? "$t$" : "$" + name.replacingOccurrences(of: "S_{", with: "S_{").replacingOccurrences(of: " block ", with: "$ block $") + "$"
        }
        func decimal(_ n: Number) -> String { "$" + Expansion.latexDecimal(display.shown(n.text, known: n.digits).text) + "$" }
        var header = ["component", "multiplicity", "$Y$ at $d = \(d)$"]
        if ySeries != nil { header.append("as a series in $d$") }
        var rows: [[String]] = []
        // The series are not paired with the values at d (their order at d need not be the
        // large-d one): each gets its own row.
        for g in y {
            let multiplicity = "$" + (g.formula ?? String(g.multiplicity)) + "$"
            let blank = ySeries != nil ? [""] : []
            if g.name == "t" { rows.append([math(g.name), "$1$", "$0$ (on $w_J$)"] + (ySeries != nil ? ["$0$"] : [])) }
            for v in g.values { rows.append([math(g.name), multiplicity, decimal(v)] + blank) }
            for e in ySeries?.first(where: { $0.name == g.name })?.eigenvalues ?? [] {
                rows.append([math(g.name), multiplicity, "", LaTeXTable.series(e.terms.map { (exponent: $0.exponent, coefficient: display.shown($0.text, known: $0.digits).text) }, order: e.order)])
            }
        }
        let counted = computed.map { "counted on the explicit $\($0.size) \\times \($0.size)$ Hessian: (\($0.inertia.positive), \($0.inertia.zero), \($0.inertia.negative))" } ?? "not counted (the explicit Hessian is limited to $900 \\times 900$)"
        let caption = "Splitting row \(row) (\(rowPlace)) of \(subject) at $d = \(d)$ into $\\mu w_J$ and $(1 - \\mu) w_J$, $\\mu = \(mu)$, output weights fixed at 1: the block $Y = H_{JJ} - I/2$ of the old point by component of row $J$'s stabiliser. Inertia (positive, zero, negative) predicted by the congruence, the old Hessian's plus $Y$'s: (\(predicted.positive), \(predicted.zero), \(predicted.negative)); \(counted). Every digit shown agrees between computations at two precisions. Computed by puiseux."
        let table = LaTeXTable(caption: caption, header: header, rows: rows)
        return standalone ? table.standalone : table.fragment
    }

    /// Eigenvalues computed in Double with an absolute error bound `floor`: sorted, those within
    /// `floor` of the previous one in a group (one eigenvalue with a multiplicity), each shown to
    /// the digits every number within `floor` of it rounds to; |λ| <= floor is 0.
    public static func denseGroups(_ values: [Double], floor: Double) -> [Group] {
        var clusters: [[Double]] = []
        for v in values.sorted() {
            if let last = clusters.last?.last, v - last <= floor { clusters[clusters.count - 1].append(v) } else { clusters.append([v]) }
        }
        return clusters.map { c in
            let mean = c.reduce(0, +) / Double(c.count)
            guard abs(mean) > floor else { return Group(name: "λ", multiplicity: c.count, formula: nil, values: [Number(text: "0", digits: 1)]) }
            let (lower, upper) = (BigFloat(mean - floor, precision: 64), BigFloat(mean + floor, precision: 64))
            let k = Expansion.agreedDigits(lower, upper, maximumDigits: 15)
            guard k > 0 else {  // not even the first digit is backed: the value and its bound
                let text = BigFloat(mean, precision: 64).formatted(significantDigits: 2) + " ± " + BigFloat(floor, precision: 64).formattedUpperBound(significantDigits: 2)
                return Group(name: "λ", multiplicity: c.count, formula: nil, values: [Number(text: text, digits: 2)])
            }
            return Group(name: "λ", multiplicity: c.count, formula: nil, values: [Number(text: BigFloat(mean, precision: 64).formatted(significantDigits: k), digits: k)])
        }
    }
}
