import Numbers
import Expressions

/// What `puiseux one-neuron` prints: the critical points of the one-neuron student on the line
/// W = c 1^T (paper 002), each value exactly at d or as a series in d, with backed digits.
public struct OneNeuronReport {
    /// A value: text at d, or series terms (exponent, text) and the O-term exponent.
    public enum Value {
        case number(String)
        case series([(exponent: Rational, text: String)], order: Rational?)

        var text: String {
            switch self {
            case .number(let t): return t
            case .series(let terms, let order):
                let pieces = TextWrap.series(terms)
                return (pieces.isEmpty ? "0" : pieces.joined(separator: " ")) + (order.map { " + O(" + (Expansion.textMonomial($0).isEmpty ? "1" : Expansion.textMonomial($0)) + ")" } ?? "")
            }
        }

        var json: String {
            switch self {
            case .number(let t): return JSON.string(t)
            case .series(let terms, let order):
                return JSON.object([("terms", JSON.array(terms.map { JSON.object([("exponent", JSON.string($0.exponent.description)), ("coefficient", JSON.string($0.text))], indent: nil) }, indent: nil, closingIndent: nil)),
                                    ("order", order.map { JSON.string($0.description) } ?? "null")], indent: nil)
            }
        }
    }

    /// A quantity: its JSON key, its label in text, its value.
    public struct Quantity {
        public var key: String, label: String, value: Value
        public init(key: String, label: String, value: Value) { (self.key, self.label, self.value) = (key, label, value) }
    }

    /// A Hessian eigenvalue: its component (t, s, or "a" for paper 002's direction of the
    /// hyperbola), multiplicity as a formula in d, a label for text, its value.
    public struct Eigenvalue {
        public var irrep: String, multiplicity: String, label: String, value: Value
        public init(irrep: String, multiplicity: String, label: String, value: Value) {
            (self.irrep, self.multiplicity, self.label, self.value) = (irrep, multiplicity, label, value)
        }
    }

    public struct Point {
        public var sign: Int, kind: String
        /// The Hessian index as a formula in d ("0", "d - 1").
        public var index: String
        public var quantities: [Quantity]
        public var eigenvalues: [Eigenvalue]
        public init(sign: Int, kind: String, index: String, quantities: [Quantity], eigenvalues: [Eigenvalue]) {
            (self.sign, self.kind, self.index, self.quantities, self.eigenvalues) = (sign, kind, index, quantities, eigenvalues)
        }
    }

    /// "d = 10" or "as d -> infinity"; `d` the number, nil for series.
    public var at: String, d: String?
    /// "ours" or "002".
    public var units: String
    public var points: [Point]
    public var header: String
    /// What the points are of: "one-neuron student W = c 1^T", or K equal rows.
    public var subject = "one-neuron student W = c 1^T"
    public init(at: String, d: String?, units: String, points: [Point], header: String) {
        (self.at, self.d, self.units, self.points, self.header) = (at, d, units, points, header)
    }

    public var text: String {
        var lines = TextWrap.words("\(subject) of the teacher I_d, \(at): \(header)", indent: 4)
        for p in points {
            lines.append("  c\(p.sign > 0 ? "+" : "-"): \(p.kind)")
            for q in p.quantities { lines += TextWrap.words("    \(q.label) = \(q.value.text)", indent: 8) }
            for e in p.eigenvalues { lines += TextWrap.words("    eigenvalue \(e.label) (multiplicity \(e.multiplicity)) = \(e.value.text)", indent: 8) }
        }
        return lines.joined(separator: "\n")
    }

    public var json: String {
        let items = points.map { p in
            JSON.object([("sign", String(p.sign)), ("kind", JSON.string(p.kind)), ("index", JSON.string(p.index))]
                        + p.quantities.map { ($0.key, $0.value.json) }
                        + [("eigenvalues", JSON.array(p.eigenvalues.map { e in
                            JSON.object([("irrep", JSON.string(e.irrep)), ("multiplicity", JSON.string(e.multiplicity)), ("value", e.value.json)], indent: nil)
                        }, indent: nil, closingIndent: nil))], indent: nil)
        }
        return JSON.object([("d", d.map(JSON.string) ?? "null"), ("at", JSON.string(at)), ("units", JSON.string(units)), ("subject", JSON.string(subject)),
                            ("critical_points", JSON.array(items, indent: "    ", closingIndent: "  "))], indent: "  ")
    }
}
