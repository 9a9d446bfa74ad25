import Foundation
import Numbers

/// What `puiseux arc` prints: a tangency arc from a minimum (paper 003) step by step, and its
/// events, as text, JSON (numbers as decimal strings) or CSV (the steps). The CLI computes.
public struct ArcReport {
    public struct Step { public var r, loss, eta: Double; public var mu: Double?
        public init(r: Double, loss: Double, eta: Double, mu: Double?) { (self.r, self.loss, self.eta, self.mu) = (r, loss, eta, mu) } }
    public struct Event { public var kind: String; public var r, loss: Double; public var index: Int?; public var coordinates: [Double]; public var family: String?; public var note: String?
        public init(kind: String, r: Double, loss: Double, index: Int?, coordinates: [Double], family: String?, note: String?) {
            (self.kind, self.r, self.loss, self.index, self.coordinates, self.family, self.note) = (kind, r, loss, index, coordinates, family, note)
        }
    }

    public var family: String, d: Int, isotropy: String, sign: String
    public var lowestEigenvalue: Double
    /// Whether a symmetry of the minimum maps the arc for + to the one for -.
    public var signsRelated: Bool
    public var steps: [Step], events: [Event]
    public init(family: String, d: Int, isotropy: String, sign: String, lowestEigenvalue: Double, signsRelated: Bool, steps: [Step], events: [Event]) {
        (self.family, self.d, self.isotropy, self.sign, self.lowestEigenvalue, self.steps, self.events) = (family, d, isotropy, sign, lowestEigenvalue, steps, events)
        self.signsRelated = signsRelated
    }

    static func number(_ x: Double) -> String { String(format: "%.12g", x) }

    public var text: String {
        var lines = TextWrap.words("\(family) at d = \(d): tangency arc (\(sign)) along the eigenvector of the lowest Hessian eigenvalue \(Self.number(lowestEigenvalue)), in the fixed-point space of \(isotropy)", indent: 4)
        lines.append(signsRelated ? "  the arcs for + and - are images of each other under a symmetry of the minimum (a swap of two blocks)"
                                  : "  the arcs for + and - are different arcs (no swap of blocks maps one direction to the other)")
        lines.append("  " + ["r", "loss", "eta", "mu"].map { $0.padding(toLength: 20, withPad: " ", startingAt: 0) }.joined())
        let shown = steps.count <= 40 ? steps : stride(from: 0, to: steps.count, by: max(1, steps.count / 40)).map { steps[$0] } + [steps.last!]
        for s in shown {
            lines.append("  " + [s.r, s.loss, s.eta].map { Self.number($0).padding(toLength: 20, withPad: " ", startingAt: 0) }.joined() + (s.mu.map(Self.number) ?? "-"))
        }
        if shown.count < steps.count { lines.append("  (\(steps.count) steps; every \(max(1, steps.count / 40))th shown; --format csv lists all)") }
        lines.append("  events:")
        for e in events {
            var line = "    \(e.kind) at r = \(Self.number(e.r)), loss \(Self.number(e.loss))"
            if let index = e.index { line += ", index \(index)" }
            if let family = e.family { line += ", family \(family)" }
            if let note = e.note { line += " (\(note))" }
            lines += TextWrap.words(line, indent: 6)
        }
        return lines.joined(separator: "\n")
    }

    public var json: String {
        let stepObjects = steps.map { s in
            JSON.object([("r", JSON.string(Self.number(s.r))), ("loss", JSON.string(Self.number(s.loss))), ("eta", JSON.string(Self.number(s.eta))),
                         ("mu", s.mu.map { JSON.string(Self.number($0)) } ?? "null")], indent: nil)
        }
        let eventObjects = events.map { e in
            JSON.object([("kind", JSON.string(e.kind)), ("r", JSON.string(Self.number(e.r))), ("loss", JSON.string(Self.number(e.loss))),
                         ("index", e.index.map(String.init) ?? "null"),
                         ("coordinates", JSON.array(e.coordinates.map { JSON.string(Self.number($0)) }, indent: nil, closingIndent: nil)),
                         ("family", e.family.map(JSON.string) ?? "null"), ("note", e.note.map(JSON.string) ?? "null")], indent: nil)
        }
        return JSON.object([("family", JSON.string(family)), ("d", String(d)), ("isotropy", JSON.string(isotropy)), ("sign", JSON.string(sign)),
                            ("lowest_eigenvalue", JSON.string(Self.number(lowestEigenvalue))), ("signs_related", signsRelated ? "true" : "false"),
                            ("steps", JSON.array(stepObjects, indent: "    ", closingIndent: "  ")),
                            ("events", JSON.array(eventObjects, indent: "    ", closingIndent: "  "))], indent: "  ")
    }

    public var csv: String {
        ([CSV.row(["r", "loss", "eta", "mu"])] + steps.map { s in CSV.row([Self.number(s.r), Self.number(s.loss), Self.number(s.eta), s.mu.map(Self.number) ?? ""]) })
            .joined(separator: "\n")
    }
}
