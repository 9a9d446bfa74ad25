import Expressions

/// The output formats, one type for every command (each accepts the ones that apply to it:
/// `supported`, checked by the CLI with one message).
///
/// - `text`: for a terminal, e.g. an expansion on one line,
///   `1.4142135623730950488 d^(-1/2) + 0.11785113019775792073 d^(-3/2) + O(d^(-5/2))`;
///   exact expansions show rationals: `d + 1/2 - 1/8 d^(-1) + O(d^(-2))`.
/// - `json`: the schemas in Docs/json-format.md and Docs/cli.md.
/// - `latex`: an equation fragment (expand), `\frac{1}{2} - \frac{1}{8}\, d^{-1} + \mathcal{O}(d^{-2})`,
///   or a table in the papers' layout (family, spectrum, minima).
/// - `csv`: one row per term, then the O-term row.
public enum OutputFormat: String, CaseIterable, Sendable {
    case text, json, latex, csv

    /// Text and LaTeX are read by people (16 digits by default), JSON and CSV by programs.
    public var isForPeople: Bool { self == .text || self == .latex }

    /// "text, json or latex".
    public static func list(_ formats: [OutputFormat]) -> String {
        let names = formats.map(\.rawValue)
        return names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " or " + names.last!
    }
}

extension Expansion {
    /// The expansion in `format` (without a trailing newline), each decimal coefficient shown by
    /// `display` (text marks a shortened one with "..."; exact rationals are shown whole).
    public func formatted(_ format: OutputFormat, display: DisplayDigits = .all) -> String {
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
