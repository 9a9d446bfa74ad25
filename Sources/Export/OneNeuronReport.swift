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

    public struct Point {
        public var sign: Int, kind: String
        public var c: Value, loss: Value, trivial: Value, standard: Value
        public init(sign: Int, kind: String, c: Value, loss: Value, trivial: Value, standard: Value) {
            (self.sign, self.kind, self.c, self.loss, self.trivial, self.standard) = (sign, kind, c, loss, trivial, standard)
        }
    }

    /// "d = 10" or "as d -> infinity".
    public var at: String
    public var points: [Point]
    public var header: String
    public init(at: String, points: [Point], header: String) { (self.at, self.points, self.header) = (at, points, header) }

    public var text: String {
        var lines = TextWrap.words("one-neuron student W = c 1^T of the teacher I_d, \(at): \(header)", indent: 4)
        for p in points {
            lines.append("  c\(p.sign > 0 ? "+" : "-"): \(p.kind)")
            for (name, value) in [("c", p.c), ("loss", p.loss), ("eigenvalue on 1 (multiplicity 1)", p.trivial), ("eigenvalue on 1^⊥ (multiplicity d - 1)", p.standard)] {
                lines += TextWrap.words("    \(name) = \(value.text)", indent: 8)
            }
        }
        return lines.joined(separator: "\n")
    }

    public var json: String {
        let items = points.map { p in
            JSON.object([("sign", String(p.sign)), ("kind", JSON.string(p.kind)), ("c", p.c.json), ("loss", p.loss.json),
                         ("eigenvalues", JSON.array([JSON.object([("irrep", JSON.string("t")), ("degree", JSON.string("1")), ("value", p.trivial.json)], indent: nil),
                                                     JSON.object([("irrep", JSON.string("s")), ("degree", JSON.string("d - 1")), ("value", p.standard.json)], indent: nil)], indent: nil, closingIndent: nil))], indent: nil)
        }
        return JSON.object([("at", JSON.string(at)), ("critical_points", JSON.array(items, indent: "    ", closingIndent: "  "))], indent: "  ")
    }
}
