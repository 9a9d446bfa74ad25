import Numbers
import Expressions

/// CSV output: a header line, one row per printed coefficient, RFC 4180 quoting where needed.
/// Only backed digits appear (the same coefficients as the text output); the O-term is a row
/// with coefficient "O".
public enum CSV {
    /// A field, quoted if it contains a comma, a quote or a line break.
    public static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    public static func row(_ fields: [String]) -> String { fields.map(field).joined(separator: ",") }
}

extension Expansion {
    /// exponent,coefficient,digits per term, then the O-term row (exponent, "O", "").
    public var csvDescription: String {
        var rows = [CSV.row(["exponent", "coefficient", "digits"])]
        rows += terms.map { CSV.row([$0.exponent.description, $0.coefficient, String($0.digits)]) }
        if let order { rows.append(CSV.row([order.description, "O", ""])) }
        return rows.joined(separator: "\n")
    }
}
