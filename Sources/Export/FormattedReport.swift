/// A report that writes itself in the output formats (`OutputFormat`): the one place where a
/// format is turned into text, so commands print `report.formatted(format, standalone:)` instead of
/// switching on the format themselves. Each command still says which formats it accepts
/// (`OutputFormat.require`).
public protocol FormattedReport {
    var text: String { get }
    var json: String { get }
    var csv: String { get }
    /// The LaTeX table; `standalone`: a whole document around it.
    func latex(standalone: Bool) -> String
}

extension FormattedReport {
    public func formatted(_ format: OutputFormat, standalone: Bool = false) -> String {
        switch format {
        case .text: return text
        case .json: return json
        case .csv: return csv
        case .latex: return latex(standalone: standalone)
        }
    }
}
