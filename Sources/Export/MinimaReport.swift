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
        public init(p: Int, isotropy: String, name: String, type: String, limit: [Rational], loss: [(exponent: Rational, text: String)], kind: String, index: String) {
            (self.p, self.isotropy, self.name, self.type, self.limit, self.loss, self.kind, self.index) = (p, isotropy, name, type, limit, loss, kind, index)
        }
    }

    public var extraRows: Int, d: Int, rows: [Row]
    /// Isotropies searched and their outcome when no family came out (e.g. "none of exactly this isotropy").
    public var notes: [String]
    public init(extraRows: Int, d: Int, rows: [Row], notes: [String]) {
        (self.extraRows, self.d, self.rows, self.notes) = (extraRows, d, rows, notes)
    }

    static func lossText(_ terms: [(exponent: Rational, text: String)]) -> String {
        terms.enumerated().map { i, t in
            let power = t.exponent == .zero ? "" : " d^(\(t.exponent))"
            let negative = t.text.hasPrefix("-")
            let size = negative ? String(t.text.dropFirst()) : t.text
            return (i == 0 ? (negative ? "-" : "") : (negative ? " - " : " + ")) + size + power
        }.joined() + " + ..."
    }

    public var text: String {
        var lines = ["k = d + \(extraRows): families of Δ(S_{d-p} x S_p) found at d = \(d), and their large-d verdicts"]
        for r in rows {
            lines.append("p = \(r.p)  \(r.name) (type \(r.type)): \(r.kind == "saddle" ? "saddle, index \(r.index)" : r.kind)")
            lines.append("    limit (\(r.limit.map(\.description).joined(separator: ", "))); loss = \(Self.lossText(r.loss))")
        }
        lines += notes
        let minima = rows.filter { $0.kind == "minimum" }.map { "p = \($0.p) (\($0.name))" }
        lines.append("minima for large d: " + (minima.isEmpty ? "none" : minima.joined(separator: ", ")))
        return lines.joined(separator: "\n")
    }

    public var json: String {
        let items = rows.map { r in
            JSON.object([("p", String(r.p)), ("isotropy", JSON.string(r.isotropy)), ("name", JSON.string(r.name)), ("type", JSON.string(r.type)),
                         ("limit", JSON.array(r.limit.map { JSON.string($0.description) }, indent: nil, closingIndent: nil)),
                         ("loss", JSON.array(r.loss.map { JSON.object([("exponent", JSON.string($0.exponent.description)), ("coefficient", JSON.string($0.text))], indent: nil) }, indent: nil, closingIndent: nil)),
                         ("verdict", JSON.string(r.kind)), ("index", JSON.string(r.index))], indent: nil)
        }
        return JSON.object([("extra", String(extraRows)), ("d", String(d)),
                            ("families", JSON.array(items, indent: "    ", closingIndent: "  ")),
                            ("notes", JSON.array(notes.map(JSON.string), indent: nil, closingIndent: nil))], indent: "  ")
    }

    /// A booktabs table: one row per family (p, type, limit, loss, verdict); the loss with the
    /// digits shown truncated to `digits` (every one backed).
    public func latex(digits: Int = 10) -> String {
        func short(_ text: String) -> String {
            let negative = text.hasPrefix("-")
            let body = negative ? String(text.dropFirst()) : text
            var count = 0, out = ""
            for ch in body {
                if ch.isNumber { if count >= digits { break }; if !(out.isEmpty && ch == "0") || out.contains(".") { count += 1 } }
                out.append(ch)
            }
            return (negative ? "-" : "") + out + (out.count < body.count ? "\\ldots" : "")
        }
        var lines = ["\\begin{table}[ht]", "\\centering", "\\begin{tabular}{rllll}", "\\toprule",
                     "$p$ & type & limit & loss & large $d$ \\\\", "\\midrule"]
        for r in rows {
            let loss = r.loss.prefix(3).enumerated().map { i, t -> String in
                let power = t.exponent == .zero ? "" : " d^{\(t.exponent)}"
                let negative = t.text.hasPrefix("-")
                let body = short(negative ? String(t.text.dropFirst()) : t.text)
                return (i == 0 ? (negative ? "-" : "") : (negative ? " - " : " + ")) + body + power
            }.joined()
            let verdict = r.kind == "saddle" ? "saddle, index $\(r.index)$" : r.kind
            lines.append("\(r.p) & \(r.type) & $(\(r.limit.map(\.description).joined(separator: ", ")))$ & $\(loss) + \\cdots$ & \(verdict) \\\\")
        }
        lines += ["\\bottomrule", "\\end{tabular}",
                  "\\caption{Families of $\\Delta(S_{d-p}\\times S_p)$, $k = d + \(extraRows)$, found from their critical points at $d = \(d)$: limit, loss as $d\\to\\infty$ (\(digits) digits shown, each backed by a computation at twice the precision), and the verdict from the leading terms of every Hessian eigenvalue series.}",
                  "\\end{table}"]
        return lines.joined(separator: "\n")
    }
}
