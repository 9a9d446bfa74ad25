import Numbers
import Expressions

/// A booktabs table (or a whole document around it) for coefficient and eigenvalue tables in
/// the style of paper 000's Table 1. Cells are LaTeX already; `series` builds the usual one.
public struct LaTeXTable: Sendable {
    public var caption: String
    public var header: [String]
    public var rows: [[String]]

    public init(caption: String, header: [String], rows: [[String]]) {
        self.caption = caption
        self.header = header
        self.rows = rows
    }

    /// `c_1 d^{e_1} + c_2 d^{e_2} + ... + \mathcal{O}(d^{order})` in math mode, from decimal
    /// coefficient strings (signs folded into the operators, scientific decimals as powers of ten).
    public static func series(_ terms: [(exponent: Rational, coefficient: String)], order: Rational?) -> String {
        var text = ""
        for term in terms {
            let negative = term.coefficient.hasPrefix("-")
            let magnitude = Expansion.latexDecimal(negative ? String(term.coefficient.dropFirst()) : term.coefficient)
            let monomial = Expansion.latexMonomial(term.exponent)
            let body = monomial.isEmpty ? magnitude : (magnitude == "1" ? monomial : magnitude + "\\, " + monomial)
            text += text.isEmpty ? (negative ? "-" : "") + body : (negative ? " - " : " + ") + body
        }
        if let order {
            let monomial = Expansion.latexMonomial(order)
            text += (text.isEmpty ? "" : " + ") + "\\mathcal{O}(" + (monomial.isEmpty ? "1" : monomial) + ")"
        }
        return "$" + (text.isEmpty ? "0" : text) + "$"
    }

    /// The table environment (needs \usepackage{booktabs}).
    public var fragment: String {
        var lines = ["\\begin{table}[ht]", "\\centering", "\\begin{tabular}{" + String(repeating: "l", count: header.count) + "}",
                     "\\toprule", header.joined(separator: " & ") + " \\\\", "\\midrule"]
        lines += rows.map { $0.joined(separator: " & ") + " \\\\" }
        lines += ["\\bottomrule", "\\end{tabular}", "\\caption{\(caption)}", "\\end{table}"]
        return lines.joined(separator: "\n")
    }

    /// A complete document: article class, booktabs, amsmath, the table.
    public var standalone: String {
        ["\\documentclass{article}", "\\usepackage{booktabs}", "\\usepackage{amsmath}", "\\usepackage[margin=2cm,landscape]{geometry}",
         "\\begin{document}", fragment, "\\end{document}"].joined(separator: "\n")
    }
}
