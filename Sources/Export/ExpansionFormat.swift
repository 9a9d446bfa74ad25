import Expressions

/// The output formats of an `Expansion`.
///
/// - `text`: one line, `1.4142135623730950488 d^(-1/2) + 0.11785113019775792073 d^(-3/2) + O(d^(-5/2))`;
///   exact expansions show rationals: `d + 1/2 - 1/8 d^(-1) + O(d^(-2))`.
/// - `json`: the schema in Docs/json-format.md.
/// - `latex`: an equation fragment, `\frac{1}{2} - \frac{1}{8}\, d^{-1} + \mathcal{O}(d^{-2})`.
/// - `csv`: `exponent,coefficient,digits`, one row per term, then the O-term row.
public enum ExpansionFormat: String, CaseIterable, Sendable {
    case text, json, latex, csv
}

extension Expansion {
    /// The expansion in `format` (without a trailing newline), each decimal coefficient shown by
    /// `display` (text marks a shortened one with "..."; exact rationals are shown whole).
    public func formatted(_ format: ExpansionFormat, display: DisplayDigits = .all) -> String {
        var shown = self
        for k in shown.terms.indices where shown.terms[k].rational == nil {
            let term = shown.terms[k]
            shown.terms[k].coefficient = format == .text ? display.marked(term.coefficient, known: term.digits)
                                                         : display.shown(term.coefficient, known: term.digits).text
        }
        switch format {
        case .text: return shown.textDescription
        case .json: return shown.jsonDescription(pretty: true)
        case .latex: return shown.latexDescription
        case .csv: return shown.csvDescription
        }
    }
}
