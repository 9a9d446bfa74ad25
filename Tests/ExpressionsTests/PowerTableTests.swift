import Testing
import Numbers
@testable import Export

@Suite("PowerTable: the papers' layout of coefficient tables")
struct PowerTableTests {
    /// Rows of 16-digit decimals over `powers` powers of d^(-1/2).
    static func table(rows: Int, powers: Int, digits: Int = 16) -> PowerTable {
        let text = "-" + String(repeating: "7", count: 3) + "." + String(repeating: "1", count: digits - 3)
        let list = (0..<rows).map { r in
            PowerTable.Row(labels: ["$\\xi_{\(r + 1)}$"], cells: Dictionary(uniqueKeysWithValues: (0..<powers).map { (Rational(-$0, 2), PowerTable.Cell.decimal(text)) }),
                           order: Rational(-powers, 2))
        }
        return PowerTable(labelHeaders: ["coordinate"], rows: list, caption: "test")
    }

    @Test("every power in exactly one group, in order; each group within the width budget; O-term last")
    func groups() {
        for (powers, digits) in [(1, 16), (4, 16), (12, 16), (24, 40), (12, 4)] {
            let t = Self.table(rows: 3, powers: powers, digits: digits)
            let groups = t.groups
            #expect(groups.flatMap { $0 } == t.exponents)
            for group in groups where group.count > 1 {
                let labels = 12 + PowerTable.width(latex: "coordinate")
                #expect(labels + group.map(t.columnWidth).reduce(0, +) <= PowerTable.widthBudget + 1)
            }
            #expect(t.fragment.components(separatedBy: "O-term").count == 2)
            #expect(t.fragment.components(separatedBy: "\\begin{tabular}").count == groups.count + 1)
        }
        // Few digits fit more powers per group than many.
        #expect(Self.table(rows: 3, powers: 12, digits: 4).groups.count < Self.table(rows: 3, powers: 12).groups.count)
    }

    @Test("decimals sit in dcolumn cells; closed forms are centred and daggered")
    func cells() {
        let row = PowerTable.Row(labels: ["loss"], cells: [.zero: .closedForm("\\frac{1}{\\pi}"), Rational(-1): .decimal("1.5e-7")], order: Rational(-2))
        let text = PowerTable(labelHeaders: ["coordinate"], rows: [row], caption: "c").fragment
        #expect(text.contains("\\multicolumn{1}{c}{$\\frac{1}{\\pi}^\\dagger$}"))
        #expect(text.contains("1.5 \\times 10^{-7}"))
        #expect(text.contains("$\\mathcal{O}(d^{-2})$"))
    }
}

@Suite("TextWrap: text outputs fit 100 columns")
struct TextWrapTests {
    @Test("pieces are kept whole and lines stay within the width unless a piece alone is longer")
    func wrap() {
        let pieces = (0..<40).map { "+ \($0).123456789 d^(-\($0)/2)" }
        let lines = TextWrap.pieces("  D_1 =", pieces, indent: 6)
        #expect(lines.allSatisfy { $0.count <= TextWrap.width })
        #expect(lines.joined(separator: " ").split(separator: " ").joined(separator: " ") == (["  D_1 ="] + pieces).joined(separator: " ").split(separator: " ").joined(separator: " "))
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("      +") })
        let long = String(repeating: "9", count: 150)
        #expect(TextWrap.pieces("x =", [long, "+ 1"], indent: 2) == ["x = " + long, "  + 1"])
    }
}
