import Numbers
import Expressions

/// What `puiseux count --ratios` prints: for a minimal width r* and widths m = A ... B, the
/// ratios of paper 004's equation 5, R_k = G(r* - k, m)/T(r*, m), and the sum of equation 6,
/// sum_k a_k R_k with a_k = C(r* - 1, k - 1), against ((r* - 1)/r*)^m, and where each drops
/// below 1 and where equation 6 holds. Values are exact rationals shown by `display`
/// (`DisplayDigits.shown(exact:)`). The CLI computes.
public struct SubspaceRatioReport: FormattedReport {
    public struct Row {
        public var m: Int, ratios: [Rational], weightedSum: Rational, bound: Rational, holds: Bool
        public init(m: Int, ratios: [Rational], weightedSum: Rational, bound: Rational, holds: Bool) {
            (self.m, self.ratios, self.weightedSum, self.bound, self.holds) = (m, ratios, weightedSum, bound, holds)
        }
    }

    public var minimalWidth: Int, widths: ClosedRange<Int>, rows: [Row]
    /// Per k (index k - 1): the first m of the range with R_k < 1.
    public var firstBelowOne: [Int?]
    public var sumFirstBelowOne: Int?
    /// The smallest m from which equation 6 holds through the end of the range.
    public var holdsFrom: Int?
    public var display: DisplayDigits

    public init(minimalWidth: Int, widths: ClosedRange<Int>, rows: [Row], firstBelowOne: [Int?], sumFirstBelowOne: Int?, holdsFrom: Int?, display: DisplayDigits) {
        (self.minimalWidth, self.widths, self.rows, self.firstBelowOne) = (minimalWidth, widths, rows, firstBelowOne)
        (self.sumFirstBelowOne, self.holdsFrom, self.display) = (sumFirstBelowOne, holdsFrom, display)
    }

    /// The LaTeX table (`table`); `standalone` wraps it in a document.
    public func latex(standalone: Bool) -> String { standalone ? table.standalone : table.fragment }

    var failures: [Int] { rows.filter { !$0.holds }.map(\.m) }
    var ks: ClosedRange<Int> { 1...(minimalWidth - 1) }
    func shown(_ q: Rational) -> String { display.shown(exact: q).text }
    var anyRounded: Bool { rows.contains { row in (row.ratios + [row.weightedSum, row.bound]).contains { display.shown(exact: $0).shortened } } }

    /// "m = 7", or why there is none.
    func at(_ m: Int?) -> String { m.map { "m = \($0)" } ?? "not for m <= \(widths.upperBound)" }

    /// The widths as short runs: "4 ... 6, 9, 10".
    static func runs(_ values: [Int]) -> String {
        var runs: [ClosedRange<Int>] = []
        for v in values {
            if let last = runs.last, last.upperBound + 1 == v { runs[runs.count - 1] = last.lowerBound...v } else { runs.append(v...v) }
        }
        return runs.map { $0.count <= 2 ? $0.map(String.init).joined(separator: ", ") : "\($0.lowerBound) ... \($0.upperBound)" }.joined(separator: ", ")
    }

    /// Each piece but the last followed by `mark`, for a list that `TextWrap` breaks between pieces.
    static func separated(_ pieces: [String], by mark: String) -> [String] {
        pieces.enumerated().map { $0.offset < pieces.count - 1 ? $0.element + mark : $0.element }
    }

    public var text: String {
        var lines = TextWrap.words("eqs. 5 and 6 of paper 004 for r* = \(minimalWidth), m = \(widths.lowerBound) ... \(widths.upperBound): "
            + "R_k = G(r* - k, m)/T(r*, m) for k = 1 ... \(minimalWidth - 1), and sum = sum_k a_k R_k with a_k = C(r* - 1, k - 1) "
            + "against the bound ((r* - 1)/r*)^m", indent: 4)
        for row in rows {
            lines.append("m = \(row.m): sum = \(display.marked(exact: row.weightedSum)), bound = \(display.marked(exact: row.bound)), eq. 6 \(row.holds ? "holds" : "fails")")
            let values = zip(ks, row.ratios).map { "R_\($0) = \(display.marked(exact: $1))" }
            lines += TextWrap.pieces("    ", Self.separated(values, by: ","), indent: 4)
        }
        lines += TextWrap.pieces("R_k < 1 first at:", Self.separated(zip(ks, firstBelowOne).map { "k = \($0): \(at($1))" }, by: ";"), indent: 4)
        lines.append("sum < 1 first at \(at(sumFirstBelowOne))")
        let verdict = holdsFrom.map { "eq. 6 holds from m = \($0) through m = \(widths.upperBound)" } ?? "eq. 6 fails at m = \(widths.upperBound)"
        lines += TextWrap.words(verdict + (failures.isEmpty ? "; it fails nowhere in the range" : "; it fails at m = " + Self.runs(failures)), indent: 4)
        if case .count(let n) = display, anyRounded {
            lines.append("shown: \(n) significant digits (\"...\": rounded; the values are exact rationals, --digits all prints them as fractions)")
        }
        return lines.joined(separator: "\n")
    }

    public var json: String {
        let items = rows.map { row in
            JSON.object([("m", String(row.m)), ("ratios", JSON.array(row.ratios.map { JSON.string(shown($0)) }, indent: nil, closingIndent: nil)),
                         ("sum", JSON.string(shown(row.weightedSum))), ("bound", JSON.string(shown(row.bound))), ("holds", row.holds ? "true" : "false")], indent: nil)
        }
        let firsts = zip(ks, firstBelowOne).map { JSON.object([("k", String($0)), ("m", $1.map(String.init) ?? "null")], indent: nil) }
        return JSON.object([("rstar", String(minimalWidth)), ("m_from", String(widths.lowerBound)), ("m_to", String(widths.upperBound)),
                            ("rows", JSON.array(items, indent: "    ", closingIndent: "  ")),
                            ("first_below_one", JSON.array(firsts, indent: nil, closingIndent: nil)),
                            ("sum_first_below_one", sumFirstBelowOne.map(String.init) ?? "null"),
                            ("holds_from", holdsFrom.map(String.init) ?? "null"),
                            ("fails_at", JSON.array(failures.map(String.init), indent: nil, closingIndent: nil))], indent: "  ")
    }

    /// One row per m: m, R_1 ... R_{r*-1}, sum, bound, holds.
    public var csv: String {
        let header = CSV.row(["m"] + ks.map { "R_\($0)" } + ["sum", "bound", "holds"])
        return ([header] + rows.map { row in
            CSV.row([String(row.m)] + row.ratios.map(shown) + [shown(row.weightedSum), shown(row.bound), row.holds ? "true" : "false"])
        }).joined(separator: "\n")
    }

    public var table: LaTeXTable {
        func cell(_ q: Rational) -> String {
            let text = shown(q)
            return "$" + (text.contains("/") ? Expansion.latexRational(q) : Expansion.latexDecimal(text)) + "$"
        }
        let verdict = holdsFrom.map { "it holds from $m = \($0)$ through $m = \(widths.upperBound)$" } ?? "it fails at $m = \(widths.upperBound)$"
        return LaTeXTable(
            caption: "Equations (5) and (6) of paper 004 for $r^* = \(minimalWidth)$: $R_k = G(r^*-k, m)/T(r^*, m)$ and "
                + "$\\sum_k a_k R_k$ with $a_k = \\binom{r^*-1}{k-1}$ against $((r^*-1)/r^*)^m$; \(verdict).",
            header: ["$m$"] + ks.map { "$R_{\($0)}$" } + ["$\\sum_k a_k R_k$", "$((r^*-1)/r^*)^m$", "(6)"],
            rows: rows.map { row in [String(row.m)] + row.ratios.map(cell) + [cell(row.weightedSum), cell(row.bound), row.holds ? "holds" : "fails"] })
    }
}
