import Numbers
import Expressions

/// A coefficient table in the papers' layout: one row per series (a coordinate, the loss, an
/// eigenvalue), one column per power of d, decimals aligned on the point (dcolumn), the O-term
/// in the last column. A table wider than `widthBudget` is split into column groups stacked in
/// one table environment, each repeating the row labels, so that it fits a page of a paper
/// (portrait, 1-inch margins) without being shrunk.
public struct PowerTable: Sendable {
    /// One cell of a power column.
    public enum Cell: Sendable {
        /// A decimal as the reports print it ("-0.25", "1.5e-7"): aligned on the point.
        case decimal(String)
        /// LaTeX math (a closed form), centred, marked with a dagger.
        case closedForm(String)
    }

    public struct Row: Sendable {
        /// The cells of the label columns (LaTeX, already in math mode where needed).
        public var labels: [String]
        public var cells: [Rational: Cell]
        /// The exponent of the O-term (nil: none).
        public var order: Rational?
        public init(labels: [String], cells: [Rational: Cell], order: Rational?) { (self.labels, self.cells, self.order) = (labels, cells, order) }
    }

    public var labelHeaders: [String]
    public var rows: [Row]
    public var caption: String

    public init(labelHeaders: [String], rows: [Row], caption: String) {
        (self.labelHeaders, self.rows, self.caption) = (labelHeaders, rows, caption)
    }

    /// The width a group of columns may take, in points: the text width of a portrait page with
    /// 1-inch margins (6.5 in = 468 pt) less a margin for the estimate's error (fonts differ).
    public static let widthBudget = 430.0

    /// The powers of d that occur, largest first.
    var exponents: [Rational] { Set(rows.flatMap { $0.cells.keys }).sorted(by: >) }

    /// The column groups: consecutive powers whose estimated widths, with the label columns (and
    /// the O-term column in the last group), fit `widthBudget`; at least one power per group.
    var groups: [[Rational]] {
        let labels = labelHeaders.indices.map { i in (rows.map { Self.width(latex: $0.labels[i]) } + [Self.width(latex: labelHeaders[i])]).max()! + Self.columnSeparation }
            .reduce(0, +)
        let order = rows.compactMap(\.order).map { Self.width(latex: Self.bigO($0)) }.max().map { $0 + Self.columnSeparation } ?? 0
        var groups: [[Rational]] = [], current: [Rational] = [], used = labels
        let all = exponents
        for (k, e) in all.enumerated() {
            let w = columnWidth(e)
            let last = k == all.count - 1
            if !current.isEmpty && used + w + (last ? order : 0) > Self.widthBudget {
                groups.append(current)
                current = []
                used = labels
            }
            current.append(e)
            used += w
        }
        if !current.isEmpty || groups.isEmpty { groups.append(current) }
        return groups
    }

    /// The height a float of stacked groups may take, in points: the text height of an A4 page
    /// with 1-inch margins (about 700 pt) less room for the caption.
    public static let heightBudget = 560.0

    /// The estimated height of one group: a 12 pt line per row and for the header, the rules
    /// and the skip between groups.
    var groupHeight: Double { Double(rows.count + 1) * 12 + 18 }

    /// The groups of each float: as many as fit `heightBudget`, at least one.
    var floats: [[[Rational]]] {
        var floats: [[[Rational]]] = [], current: [[Rational]] = []
        for group in groups {
            if !current.isEmpty && Double(current.count + 1) * groupHeight > Self.heightBudget {
                floats.append(current)
                current = []
            }
            current.append(group)
        }
        floats.append(current)
        return floats
    }

    /// The table environment (needs booktabs and dcolumn); a table taller than a page is several
    /// floats, the first with the caption, the others saying they continue it.
    public var fragment: String {
        var lines: [String] = []
        let floats = self.floats
        let lastGroup = floats.last!.last!
        for (f, groups) in floats.enumerated() {
            lines += ["\\begin{table}[htbp]", "\\centering"]
            if f > 0 { lines.append("{\\small Table~\\thetable, continued.}\\par\\smallskip") }
            for (g, powers) in groups.enumerated() {
                let last = f == floats.count - 1 && powers == lastGroup
                if g > 0 { lines.append("\\par\\medskip") }
                lines += tabular(powers, withOrder: last)
            }
            if f == 0 { lines.append("\\caption{\(caption)}") }
            lines.append("\\end{table}")
        }
        return lines.joined(separator: "\n")
    }

    /// One column group: the label columns, its powers, and the O-term column if it is the last.
    func tabular(_ powers: [Rational], withOrder last: Bool) -> [String] {
        let spec = String(repeating: "l", count: labelHeaders.count) + powers.map { e -> String in
            let (whole, fraction) = digitCounts(e)
            return "D{.}{.}{\(whole).\(fraction)}"
        }.joined() + (last ? "l" : "")
        var lines = ["\\begin{tabular}{\(spec)}", "\\toprule"]
        let header = labelHeaders + powers.map { "\\multicolumn{1}{c}{$" + (Self.monomial($0).isEmpty ? "d^{0}" : Self.monomial($0)) + "$}" } + (last ? ["O-term"] : [])
        lines += [header.joined(separator: " & ") + " \\\\", "\\midrule"]
        for row in rows {
            var cells = row.labels
            for e in powers {
                switch row.cells[e] {
                case .decimal(let text)?: cells.append(Self.alignedDecimal(text))
                case .closedForm(let latex)?: cells.append("\\multicolumn{1}{c}{$" + latex + "^\\dagger$}")
                case nil: cells.append("")
                }
            }
            if last { cells.append(row.order.map { "$" + Self.bigO($0) + "$" } ?? "") }
            lines.append(cells.joined(separator: " & ") + " \\\\")
        }
        return lines + ["\\bottomrule", "\\end{tabular}"]
    }

    /// A complete document: article class, portrait A4 with 1-inch margins, the table.
    public var standalone: String {
        ["\\documentclass{article}", "\\usepackage{booktabs}", "\\usepackage{dcolumn}", "\\usepackage{amsmath}",
         "\\usepackage[a4paper,margin=1in]{geometry}", "\\begin{document}", fragment, "\\end{document}"].joined(separator: "\n")
    }

    // MARK: width estimates (computer modern at 10 pt)

    /// Twice \tabcolsep.
    static let columnSeparation = 12.0

    /// A decimal cell in a D column: its point on the column's axis, "1.5e-7" as 1.5 \times 10^{-7}.
    static func alignedDecimal(_ text: String) -> String {
        let latex = Expansion.latexDecimal(text)
        return text.hasPrefix("-") ? "-" + latex.dropFirst() : latex
    }

    /// dcolumn's reservation for a power column, in digit widths left and right of the point
    /// (a minus sign counts as one and a half, "e-7" set as \times 10^{-7} as seven).
    func digitCounts(_ e: Rational) -> (Int, Int) {
        var whole = 1, fraction = 0
        for row in rows {
            guard case .decimal(let text)? = row.cells[e] else { continue }
            let parts = text.split(separator: ".", maxSplits: 1)
            let w = Self.width(decimal: String(parts[0])), f = parts.count > 1 ? Self.width(decimal: "." + parts[1]) - 2.8 : 0
            whole = max(whole, Int((w / 5).rounded(.up)))
            fraction = max(fraction, Int((f / 5).rounded(.up)))
        }
        return (whole, fraction)
    }

    /// The estimated width of a power column: its widest integer part plus widest fraction.
    func columnWidth(_ e: Rational) -> Double {
        var whole = 0.0, fraction = 0.0, centred = Self.width(latex: Self.monomial(e)) + 4
        for row in rows {
            switch row.cells[e] {
            case .decimal(let text)?:
                let parts = text.split(separator: ".", maxSplits: 1)
                whole = max(whole, Self.width(decimal: String(parts[0])))
                fraction = max(fraction, parts.count > 1 ? Self.width(decimal: "." + parts[1]) : 0)
            case .closedForm(let latex)?: centred = max(centred, Self.width(latex: latex) + 6)
            case nil: break
            }
        }
        return max(whole + fraction, centred) + Self.columnSeparation
    }

    /// Digits 5 pt, a minus 7.8 pt, the point 2.8 pt, "e-7" set as \times 10^{-7} about 32 pt.
    static func width(decimal text: String) -> Double {
        var s = Substring(text), w = 0.0
        if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) { w += 32; s = s[..<e] }
        for c in s { w += c == "-" ? 7.8 : (c == "." ? 2.8 : 5) }
        return w
    }

    /// A rough width of LaTeX source: commands count as one symbol, braces and $ as nothing,
    /// sub- and superscripts at 70 %.
    static func width(latex text: String) -> Double {
        var w = 0.0, script = 0, depth = 0, scriptDepth: [Int] = []
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            switch c {
            case "\\":
                while let n = chars.first, n.isLetter { chars.removeFirst() }
                w += script > 0 ? 5 : 7
            case "^", "_": script += 1; scriptDepth.append(depth)
            case "{": depth += 1
            case "}":
                depth -= 1
                if let d = scriptDepth.last, d == depth { scriptDepth.removeLast(); script -= 1 }
            case "$": break
            default:
                w += script > 0 ? 3.5 : 5
                if script > 0, let d = scriptDepth.last, d == depth { scriptDepth.removeLast(); script -= 1 }
            }
        }
        return w
    }

    /// \mathcal{O}(d^{e}), \mathcal{O}(1) for e = 0.
    static func bigO(_ e: Rational) -> String { "\\mathcal{O}(" + (e.isZero ? "1" : monomial(e)) + ")" }

    /// `d^{e}`; "" for e = 0, `d` for e = 1.
    static func monomial(_ e: Rational) -> String { Expansion.latexMonomial(e) }
}
