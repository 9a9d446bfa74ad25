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
    /// The expansion in `format` (without a trailing newline).
    public func formatted(_ format: ExpansionFormat) -> String {
        switch format {
        case .text: return textDescription
        case .json: return jsonDescription(pretty: true)
        case .latex: return latexDescription
        case .csv: return csvDescription
        }
    }
}
