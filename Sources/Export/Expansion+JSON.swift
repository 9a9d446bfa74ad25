import Numbers
import Expressions

extension Expansion {
    /// The expansion as JSON (schema: Docs/json-format.md), keys in schema order:
    ///
    ///     {"ramification": 2, "precision_bits": 128, "order": "-5/2", "exact": false,
    ///      "terms": [{"exponent": "-1/2", "coefficient": "1.41...", "digits": 38}, ...]}
    ///
    /// `order` is null for an exact finite sum; `rational` appears in terms of exact
    /// expansions only; a certified expansion (balls) adds `"certified": true` and, per term,
    /// `radius` (a decimal upper bound on |true - printed|) and `"certified": true`. `pretty` indents by two spaces, one term per line.
    public func jsonDescription(pretty: Bool = true) -> String {
        let termObjects = terms.map { term -> String in
            var fields = [("exponent", JSON.string(term.exponent.description)),
                          ("coefficient", JSON.string(term.coefficient)),
                          ("digits", String(term.digits))]
            if let q = term.rational { fields.append(("rational", JSON.string(q.description))) }
            if isCertified { fields += [("radius", JSON.string(term.radius ?? "0")), ("certified", "true")] }
            return JSON.object(fields, indent: nil)
        }
        var fields = [("ramification", String(ramification)),
                      ("precision_bits", String(precision)),
                      ("order", order.map { JSON.string($0.description) } ?? "null"),
                      ("exact", isExact ? "true" : "false")]
        if isCertified { fields.append(("certified", "true")) }
        fields.append(("terms", JSON.array(termObjects, indent: pretty ? "    " : nil, closingIndent: pretty ? "  " : nil)))
        return JSON.object(fields, indent: pretty ? "  " : nil)
    }
}

/// Minimal JSON text building with a fixed key order.
public enum JSON {
    /// A JSON string literal with the required escapes.
    public static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// `{"k": v, ...}` on one line, or one field per line indented by `indent`.
    public static func object(_ fields: [(String, String)], indent: String?) -> String {
        let parts = fields.map { string($0.0) + ": " + $0.1 }
        guard let indent else { return "{" + parts.joined(separator: ", ") + "}" }
        return "{\n" + parts.map { indent + $0 }.joined(separator: ",\n") + "\n}"
    }

    /// `[a, b]` on one line, or one element per line.
    public static func array(_ elements: [String], indent: String?, closingIndent: String?) -> String {
        guard let indent, !elements.isEmpty else { return "[" + elements.joined(separator: ", ") + "]" }
        return "[\n" + elements.map { indent + $0 }.joined(separator: ",\n") + "\n" + (closingIndent ?? "") + "]"
    }
}
