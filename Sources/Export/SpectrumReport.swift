import Foundation
import Numbers

/// What `puiseux spectrum NAME` prints: the Hessian eigenvalues of a family per isotypic
/// component as series in d (each term with the digits two computations agree on), and the
/// verdict (minimum or saddle, index, descent components), in text, LaTeX, CSV or JSON. The CLI
/// computes; this type only lays the result out.
public struct SpectrumReport {
    public var subject: FamilyReport.Subject
    public var components: [SpectrumComponent]
    public var ramification: Int
    public var precision: Int
    /// "series" or "numeric".
    public var method: String
    /// How the two computations were done (text header).
    public var header: String
    /// What the two computations are, for the LaTeX caption.
    public var agreement: String
    public let verdict: SpectrumVerdict

    public init(subject: FamilyReport.Subject, components: [SpectrumComponent], p: Int, ramification: Int, precision: Int,
                method: String, header: String, agreement: String) {
        (self.subject, self.components, self.ramification, self.precision) = (subject, components, ramification, precision)
        (self.method, self.header, self.agreement) = (method, header, agreement)
        verdict = SpectrumVerdict(components: components, p: p)
    }

    public var text: String {
        var lines = ["\(subject.name): Hessian eigenvalues by component as d -> infinity (\(header))"]
        for component in components {
            lines.append("  \(component.irrep) (degree \(component.degree)):")
            for eigenvalue in component.eigenvalues {
                let body = eigenvalue.terms.map { t in t.exponent == .zero ? t.text : (t.exponent == .one ? "\(t.text) d" : "\(t.text) d^(\(t.exponent))") }
                var line = "    " + (body.isEmpty ? "0" : body.joined(separator: " + ").replacingOccurrences(of: "+ -", with: "- ")) + " + O(d^(\(eigenvalue.order)))"
                if let change = eigenvalue.signChange { line += "   [truncated series vanishes at d = \(change)]" }
                lines.append(line)
            }
        }
        lines += verdict.lines.map { "  \($0)" }
        return lines.joined(separator: "\n")
    }

    public func latex(standalone: Bool) -> String {
        let names = ["t": "trivial", "s": "standard", "x": "exterior square", "y": "$(d-p-2, 2)$"]
        var rows = [[String]]()
        for component in components {
            for (k, eigenvalue) in component.eigenvalues.enumerated() {
                let cell = LaTeXTable.series(eigenvalue.terms.map { ($0.exponent, $0.text) }, order: eigenvalue.order)
                rows.append(k == 0 ? [names[component.irrep] ?? component.irrep, "$" + component.degree + "$", cell] : ["", "", cell])
            }
        }
        let table = LaTeXTable(
            caption: "Hessian eigenvalues of family \(subject.name) (\(subject.latexIsotropy), type \(subject.type)) by isotypic component; each eigenvalue has the multiplicity of its component's degree. Every digit agrees between two independent computations (\(agreement)). \(verdict.lines.first ?? "") Computed by puiseux.",
            header: ["component", "degree", "eigenvalue"], rows: rows)
        return standalone ? table.standalone : table.fragment
    }

    public var csv: String {
        var lines = [CSV.row(["irrep", "degree", "eigenvalue", "exponent", "coefficient", "digits"])]
        for component in components {
            for (k, eigenvalue) in component.eigenvalues.enumerated() {
                for t in eigenvalue.terms { lines.append(CSV.row([component.irrep, component.degree, String(k + 1), t.exponent.description, t.text, String(t.digits)])) }
                lines.append(CSV.row([component.irrep, component.degree, String(k + 1), eigenvalue.order.description, "O", ""]))
            }
        }
        return lines.joined(separator: "\n")
    }

    public var json: String {
        let comps = components.map { component in
            let values = component.eigenvalues.map { eigenvalue -> String in
                var fields = [("terms", JSON.array(eigenvalue.terms.map { JSON.object([("exponent", JSON.string($0.exponent.description)), ("coefficient", JSON.string($0.text)), ("digits", String($0.digits))], indent: nil) }, indent: nil, closingIndent: nil)),
                              ("order", JSON.string(eigenvalue.order.description)), ("sign", String(eigenvalue.sign))]
                if let change = eigenvalue.signChange { fields.append(("sign_change_d", JSON.string(change))) }
                return JSON.object(fields, indent: nil)
            }
            return JSON.object([("irrep", JSON.string(component.irrep)), ("degree", JSON.string(component.degree)),
                                ("eigenvalues", JSON.array(values, indent: nil, closingIndent: nil))], indent: nil)
        }
        return JSON.object([("family", subject.json), ("ramification", String(ramification)), ("precision_bits", String(precision)),
                            ("method", JSON.string(method)), ("components", JSON.array(comps, indent: "    ", closingIndent: "  ")),
                            ("verdict", verdict.json)], indent: "  ")
    }

    /// The exact spectrum at one d: per component, its degree there and its eigenvalues (text,
    /// digits, sign).
    public struct AtDimension {
        public var subject: FamilyReport.Subject
        public var d: String
        public var precision: Int
        public var components: [(irrep: String, degree: String, values: [(text: String, digits: Int, sign: Int)])]
        public init(subject: FamilyReport.Subject, d: String, precision: Int, components: [(irrep: String, degree: String, values: [(text: String, digits: Int, sign: Int)])]) {
            (self.subject, self.d, self.precision, self.components) = (subject, d, precision, components)
        }

        public var text: String {
            (["\(subject.name) at d = \(d): Hessian eigenvalues by component (multiplicity = degree)"]
                + components.map { "  \($0.irrep) (degree \($0.degree)): " + $0.values.map(\.text).joined(separator: ", ") }).joined(separator: "\n")
        }

        public var csv: String {
            ([CSV.row(["irrep", "degree", "value", "digits"])]
                + components.flatMap { c in c.values.map { CSV.row([c.irrep, c.degree, $0.text, String($0.digits)]) } }).joined(separator: "\n")
        }

        public var json: String {
            let comps = components.map { c in
                JSON.object([("irrep", JSON.string(c.irrep)), ("degree", JSON.string(c.degree)),
                             ("eigenvalues", JSON.array(c.values.map { JSON.object([("value", JSON.string($0.text)), ("digits", String($0.digits)), ("sign", String($0.sign))], indent: nil) }, indent: nil, closingIndent: nil))],
                            indent: nil)
            }
            return JSON.object([("family", subject.json), ("d", JSON.string(d)), ("precision_bits", String(precision)),
                                ("components", JSON.array(comps, indent: "    ", closingIndent: "  "))], indent: "  ")
        }
    }
}
