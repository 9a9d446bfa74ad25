import Numbers

/// What `puiseux minima` prints: for k = d + m, the families of Δ(S_{d-p} x S_p), p = 0 ... P,
/// found from their critical points at one d, each with its limit, the leading terms of its
/// loss as d -> infinity, and whether it is a minimum or a saddle for large d (paper 001's
/// question: which isotropies carry the spurious minima), as text, JSON or a LaTeX table.
public struct MinimaReport {
    public struct Row {
        public var p: Int, isotropy: String, name: String, type: String, limit: [Rational]
        /// The loss's leading terms: (exponent of d, value text with its backed digits).
        public var loss: [(exponent: Rational, text: String)]
        public var kind: String, index: String
        /// The smallest bounded eigenvalue for large d (paper 003), and its component's label.
        public var softest: SoftestEigenvalue?, softestLabel: String?
        /// For a minimum: at each d, the isotropy of the direction in which the tangency arc
        /// leaves it (`SoftestDirection`), or why it is not known.
        public var arcs: [(d: Int, isotropy: String)] = []
        public init(p: Int, isotropy: String, name: String, type: String, limit: [Rational], loss: [(exponent: Rational, text: String)], kind: String, index: String) {
            (self.p, self.isotropy, self.name, self.type, self.limit, self.loss, self.kind, self.index) = (p, isotropy, name, type, limit, loss, kind, index)
        }
    }

    public var extraRows: Int, d: Int, rows: [Row]
    /// How many digits of the losses are shown in text (`DisplayDigits`; all by default).
    public var display: DisplayDigits = .all
    /// Isotropies searched and their outcome when no family came out (e.g. "none of exactly this isotropy").
    public var notes: [String]
    public init(extraRows: Int, d: Int, rows: [Row], notes: [String]) {
        (self.extraRows, self.d, self.rows, self.notes) = (extraRows, d, rows, notes)
    }

    func lossPieces(_ terms: [(exponent: Rational, text: String)]) -> [String] {
        TextWrap.series(terms.map { ($0.exponent, display.marked($0.text, known: DecimalText($0.text)?.digits.count ?? 0)) }) + ["+ ..."]
    }

    public var text: String {
        var lines = ["k = d + \(extraRows): families of Δ(S_{d-p} x S_p) found at d = \(d), and their large-d verdicts"]
        for r in rows {
            lines.append("p = \(r.p)  \(r.name) (type \(r.type)): \(r.kind == "saddle" ? "saddle, index \(r.index)" : r.kind)")
            lines.append("    limit (\(r.limit.map(\.description).joined(separator: ", ")))")
            lines += TextWrap.pieces("    loss =", lossPieces(r.loss), indent: 8)
            if let softest = r.softest {
                lines += TextWrap.words("    softest: \(r.softestLabel ?? softest.irrep), \(softest.twoTerms()) + ... (\(Self.decision(softest)))", indent: 6)
            }
            if !r.arcs.isEmpty {
                lines += TextWrap.words("    the tangency arcs leave it in " + r.arcs.map { "\($0.isotropy) at d = \($0.d)" }.joined(separator: "; "), indent: 6)
            }
        }
        lines += notes
        let minima = rows.filter { $0.kind == "minimum" }.map { "p = \($0.p) (\($0.name))" }
        lines.append("minima for large d: " + (minima.isEmpty ? "none" : minima.joined(separator: ", ")))
        return lines.joined(separator: "\n")
    }

    static func decision(_ s: SoftestEigenvalue) -> String {
        if let tied = s.tiedWith { return "tied with a \(tied)-eigenvalue to every known order: more terms are needed" }
        return s.decidedAt.map { "decided at d^(\($0))" } ?? "the only bounded eigenvalue"
    }

    public var json: String {
        let items = rows.map { r in
            JSON.object([("p", String(r.p)), ("isotropy", JSON.string(r.isotropy)), ("name", JSON.string(r.name)), ("type", JSON.string(r.type)),
                         ("limit", JSON.array(r.limit.map { JSON.string($0.description) }, indent: nil, closingIndent: nil)),
                         ("loss", JSON.array(r.loss.map { JSON.object([("exponent", JSON.string($0.exponent.description)), ("coefficient", JSON.string($0.text))], indent: nil) }, indent: nil, closingIndent: nil)),
                         ("verdict", JSON.string(r.kind)), ("index", JSON.string(r.index)), ("softest", r.softest?.json ?? "null"),
                         ("arcs", JSON.array(r.arcs.map { JSON.object([("d", String($0.d)), ("isotropy", JSON.string($0.isotropy))], indent: nil) }, indent: nil, closingIndent: nil))], indent: nil)
        }
        return JSON.object([("extra", String(extraRows)), ("d", String(d)),
                            ("families", JSON.array(items, indent: "    ", closingIndent: "  ")),
                            ("notes", JSON.array(notes.map(JSON.string), indent: nil, closingIndent: nil))], indent: "  ")
    }

    /// Two booktabs tables: one row per family (p, type, limit, loss, verdict), then for the
    /// same families the softest eigenvalue's two terms, its component and where the tangency
    /// arcs leave the minima (paper 003). Numbers shown to `digits` digits (`DisplayDigits`).
    public func latex(digits: Int = 8) -> String {
        let display = DisplayDigits.count(digits)
        func short(_ text: String) -> String {
            let known = DecimalText(text)?.digits.count ?? digits
            let (shown, cut) = display.shown(text, known: known)
            return shown + (cut ? "\\ldots" : "")
        }
        func series(_ terms: [(exponent: Rational, text: String)]) -> String {
            terms.enumerated().map { i, t -> String in
                let power = t.exponent == .zero ? "" : " d^{\(t.exponent)}"
                let negative = t.text.hasPrefix("-")
                let body = short(negative ? String(t.text.dropFirst()) : t.text)
                return (i == 0 ? (negative ? "-" : "") : (negative ? " - " : " + ")) + body + power
            }.joined()
        }
        var lines = ["\\begin{table}[ht]", "\\centering", "\\small", "\\begin{tabular}{rllll}", "\\toprule",
                     "$p$ & type & limit & loss & large $d$ \\\\", "\\midrule"]
        for r in rows {
            let verdict = r.kind == "saddle" ? "saddle, index $\(r.index)$" : r.kind
            lines.append("\(r.p) & \(r.type) & $(\(r.limit.map(\.description).joined(separator: ", ")))$ & $\(series(Array(r.loss.prefix(3)))) + \\cdots$ & \(verdict) \\\\")
        }
        lines += ["\\bottomrule", "\\end{tabular}",
                  "\\caption{Families of $\\Delta(S_{d-p}\\times S_p)$, $k = d + \(extraRows)$, found from their critical points at $d = \(d)$: limit, loss as $d\\to\\infty$ (\(digits) digits shown, each backed by a computation at twice the precision), and the verdict from the leading terms of every Hessian eigenvalue series.}",
                  "\\end{table}"]
        let soft = rows.filter { $0.softest != nil }
        guard !soft.isEmpty else { return lines.joined(separator: "\n") }
        var ds = Array(Set(soft.flatMap { $0.arcs.map(\.d) })).sorted()
        // One column when every row's arcs keep the same isotropy at every d.
        let same = soft.allSatisfy { Set($0.arcs.map(\.isotropy)).count <= 1 }
        let header = same ? ["arc leaves in ($d = " + ds.map(String.init).joined(separator: ", ") + "$)"] : ds.map { "arc, $d = \($0)$" }
        if same { ds = Array(ds.prefix(1)) }
        lines += ["", "\\begin{table}[ht]", "\\centering", "\\small", "\\begin{tabular}{rll" + String(repeating: "l", count: 1 + ds.count) + "}", "\\toprule",
                  (["$p$", "type", "component", "smallest eigenvalue"] + header).joined(separator: " & ") + " \\\\", "\\midrule"]
        for r in soft {
            let s = r.softest!
            let terms = s.eigenvalue.terms.prefix(2).map { ($0.exponent, $0.text) }
            let label = (r.softestLabel ?? s.irrep).replacingOccurrences(of: " (x) ", with: " $\\otimes$ ").replacingOccurrences(of: "(d", with: "$(d").replacingOccurrences(of: ")", with: ")$")
            let arcs = ds.map { d in r.arcs.first { $0.d == d }.map { "$" + Self.latexIsotropy($0.isotropy) + "$" } ?? "" }
            lines.append(([String(r.p), r.type, label, "$\(series(terms)) + \\cdots$"] + arcs).joined(separator: " & ") + " \\\\")
        }
        lines += ["\\bottomrule", "\\end{tabular}",
                  "\\caption{The smallest bounded Hessian eigenvalue for large $d$ (two terms; its isotypic component, named by letter and partition) and the isotropy of the direction in which the tangency arcs leave the minimum, from its eigenvector at integer $d$ (paper 003).}",
                  "\\end{table}"]
        return lines.joined(separator: "\n")
    }

    /// "Δ(S_{d-2} x S_{1} x S_{1}), m = 0" in LaTeX math, without the m (the caption's).
    static func latexIsotropy(_ text: String) -> String {
        let group = text.components(separatedBy: ", m = ").first ?? text
        return group.replacingOccurrences(of: "Δ", with: "\\Delta").replacingOccurrences(of: " x ", with: " \\times ")
    }
}
