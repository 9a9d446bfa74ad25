import Numbers
import Expressions

/// What `puiseux one-neuron` prints: the critical points of the one-neuron student on the line
/// W = c 1^T (paper 002), each value exactly at d or as a series in d, with backed digits.
public struct OneNeuronReport: FormattedReport {
    /// A value: text at d, or series terms (exponent, text) and the O-term exponent.
    public enum Value {
        case number(String)
        case series([(exponent: Rational, text: String)], order: Rational?)

        var text: String {
            switch self {
            case .number(let t): return t
            case .series(let terms, let order):
                let pieces = TextWrap.series(terms)
                return (pieces.isEmpty ? "0" : pieces.joined(separator: " ")) + (order.map { " + O(" + (Expansion.textMonomial($0).isEmpty ? "1" : Expansion.textMonomial($0)) + ")" } ?? "")
            }
        }

        var json: String {
            switch self {
            case .number(let t): return JSON.string(t)
            case .series(let terms, let order):
                return JSON.object([("terms", JSON.array(terms.map { JSON.object([("exponent", JSON.string($0.exponent.description)), ("coefficient", JSON.string($0.text))], indent: nil) }, indent: nil, closingIndent: nil)),
                                    ("order", order.map { JSON.string($0.description) } ?? "null")], indent: nil)
            }
        }
    }

    /// A quantity: its JSON key, its label in text, its value.
    public struct Quantity {
        public var key: String, label: String, value: Value
        public init(key: String, label: String, value: Value) { (self.key, self.label, self.value) = (key, label, value) }
    }

    /// A Hessian eigenvalue: its component (t, s, or "a" for paper 002's direction of the
    /// hyperbola), multiplicity as a formula in d, a label for text, its value.
    public struct Eigenvalue {
        public var irrep: String, multiplicity: String, label: String, value: Value
        public init(irrep: String, multiplicity: String, label: String, value: Value) {
            (self.irrep, self.multiplicity, self.label, self.value) = (irrep, multiplicity, label, value)
        }
    }

    public struct Point {
        public var sign: Int, kind: String
        /// The Hessian index as a formula in d ("0", "d - 1").
        public var index: String
        public var quantities: [Quantity]
        public var eigenvalues: [Eigenvalue]
        public init(sign: Int, kind: String, index: String, quantities: [Quantity], eigenvalues: [Eigenvalue]) {
            (self.sign, self.kind, self.index, self.quantities, self.eigenvalues) = (sign, kind, index, quantities, eigenvalues)
        }
    }

    /// "d = 10" or "as d -> infinity"; `d` the number, nil for series.
    public var at: String, d: String?
    /// "ours" or "002".
    public var units: String
    public var points: [Point]
    public var header: String
    /// How many digits LaTeX shows (the other formats get their values already shown).
    public var display: DisplayDigits = .all
    /// What the points are of: "one-neuron student W = c 1^T", or K equal rows.
    public var subject = "one-neuron student W = c 1^T"
    public init(at: String, d: String?, units: String, points: [Point], header: String) {
        (self.at, self.d, self.units, self.points, self.header) = (at, d, units, points, header)
    }

    public var text: String {
        var lines = TextWrap.words("\(subject) of the teacher I_d, \(at): \(header)", indent: 4)
        for p in points {
            lines.append("  c\(p.sign > 0 ? "+" : "-"): \(p.kind)")
            for q in p.quantities { lines += TextWrap.words("    \(q.label) = \(q.value.text)", indent: 8) }
            for e in p.eigenvalues { lines += TextWrap.words("    eigenvalue \(e.label) (multiplicity \(e.multiplicity)) = \(e.value.text)", indent: 8) }
        }
        return lines.joined(separator: "\n")
    }

    public var json: String {
        let items = points.map { p in
            JSON.object([("sign", String(p.sign)), ("kind", JSON.string(p.kind)), ("index", JSON.string(p.index))]
                        + p.quantities.map { ($0.key, $0.value.json) }
                        + [("eigenvalues", JSON.array(p.eigenvalues.map { e in
                            JSON.object([("irrep", JSON.string(e.irrep)), ("multiplicity", JSON.string(e.multiplicity)), ("value", e.value.json)], indent: nil)
                        }, indent: nil, closingIndent: nil))], indent: nil)
        }
        return JSON.object([("d", d.map(JSON.string) ?? "null"), ("at", JSON.string(at)), ("units", JSON.string(units)), ("subject", JSON.string(subject)),
                            ("critical_points", JSON.array(items, indent: "    ", closingIndent: "  "))], indent: "  ")
    }

    /// The LaTeX label of a quantity or an eigenvalue's component.
    static let latexLabels = ["c": "$c$", "loss": "loss", "norm_times_a": "$\\|w\\|\\,a$", "similarity": "$u$",
                              "t": "$t$", "s": "$s$", "a": "hyperbola", "t⊗t": "$t\\otimes t$", "t⊗s": "$t\\otimes s$",
                              "s⊗t": "$s\\otimes t$", "s⊗s": "$s\\otimes s$"]

    /// Every value as a row: the point (c+ or c-), the label, the multiplicity (eigenvalues).
    var valueRows: [(point: String, key: String, multiplicity: String?, value: Value)] {
        points.flatMap { p -> [(point: String, key: String, multiplicity: String?, value: Value)] in
            let name = p.sign > 0 ? "c+" : "c-"
            return p.quantities.map { (name, $0.key, nil, $0.value) } + p.eigenvalues.map { (name, $0.irrep, $0.multiplicity, $0.value) }
        }
    }

    /// A booktabs table: series in the papers' layout (`PowerTable`, one column per power of d),
    /// or the values at d, shown by `display`.
    public func latex(standalone: Bool) -> String {
        func latexMultiplicity(_ m: String?) -> String { m.map { "$" + $0 + "$" } ?? "" }
        let caption = "\(subject.replacingOccurrences(of: "1_K 1^T", with: "$1_K 1^T$").replacingOccurrences(of: "c 1^T", with: "$c\\,1^T$")) of the teacher $I_d$, \(d.map { "$d = \($0)$" } ?? "as series in $d$") (\(units == "002" ? "paper 002's units" : "our units"); eigenvalues by component, with multiplicities). Every digit shown agrees between computations at two precisions. Computed by puiseux."
        if d == nil {
            let rows = valueRows.map { r -> PowerTable.Row in
                guard case .series(let terms, let order) = r.value else { return PowerTable.Row(labels: [], cells: [:], order: nil) }
                var cells: [Rational: PowerTable.Cell] = [:]
                for t in terms { cells[t.exponent] = .decimal(display.shown(t.text, known: DecimalText(t.text)?.digits.count ?? 0).text) }
                return PowerTable.Row(labels: [r.point == "c+" ? "$c_+$" : "$c_-$", Self.latexLabels[r.key] ?? r.key, latexMultiplicity(r.multiplicity)], cells: cells, order: order)
            }
            let table = PowerTable(labelHeaders: ["point", "value", "multiplicity"], rows: rows, caption: caption)
            return standalone ? table.standalone : table.fragment
        }
        let rows = valueRows.map { r -> [String] in
            guard case .number(let text) = r.value else { return [] }
            let shown = display.shown(text, known: DecimalText(text)?.digits.count ?? 0).text
            return [r.point == "c+" ? "$c_+$" : "$c_-$", Self.latexLabels[r.key] ?? r.key, latexMultiplicity(r.multiplicity), "$" + Expansion.latexDecimal(shown) + "$"]
        }
        let table = LaTeXTable(caption: caption, header: ["point", "value", "multiplicity", "at $d = \(d!)$"], rows: rows)
        return standalone ? table.standalone : table.fragment
    }

    /// One row per value (at d) or per term (series, then the O-term row).
    public var csv: String {
        var lines = [CSV.row(["point", "value", "multiplicity", "exponent", "coefficient"])]
        for r in valueRows {
            switch r.value {
            case .number(let text): lines.append(CSV.row([r.point, r.key, r.multiplicity ?? "", "", text]))
            case .series(let terms, let order):
                for t in terms { lines.append(CSV.row([r.point, r.key, r.multiplicity ?? "", t.exponent.description, t.text])) }
                if let order { lines.append(CSV.row([r.point, r.key, r.multiplicity ?? "", order.description, "O"])) }
            }
        }
        return lines.joined(separator: "\n")
    }
}
