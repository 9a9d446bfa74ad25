import Numbers

/// What `puiseux critical` prints: each critical point found at one d, with its backed
/// coordinates and loss and its classification (index per isotypic component, degeneracy,
/// minimum), as text or JSON (lowest loss first; its fields also at the top level).
public struct CriticalReport {
    public struct Point {
        /// "I" or "II".
        public var type: String
        /// The d where it was found when it was continued to this d.
        public var continuedFrom: Rational?
        public var d: String
        public var precision: Int
        public var names: [String], values: [String]
        public var loss: String, gradientNorm: String
        /// The full index when known, with its isotypic parts (t, s, x, y) when counted through
        /// them (isotropy d or d-1,1; nil when counted on the full Hessian).
        public var index: (total: Int, components: (t: Int, s: Int, x: Int, y: Int)?)?
        public var restrictedIndex: Int
        public var isNondegenerate: Bool
        public var smallestMagnitude: String
        public var isMinimum: Bool?
        /// The point's own isotropy in block notation ("d", "d-1,1") when strictly larger than
        /// the one searched; nil otherwise.
        public var largerIsotropy: String? = nil
        public init(type: String, continuedFrom: Rational?, d: String, precision: Int, names: [String], values: [String], loss: String,
                    gradientNorm: String, index: (total: Int, components: (t: Int, s: Int, x: Int, y: Int)?)?, restrictedIndex: Int, isNondegenerate: Bool,
                    smallestMagnitude: String, isMinimum: Bool?) {
            (self.type, self.continuedFrom, self.d, self.precision, self.names, self.values) = (type, continuedFrom, d, precision, names, values)
            (self.loss, self.gradientNorm, self.index, self.restrictedIndex) = (loss, gradientNorm, index, restrictedIndex)
            (self.isNondegenerate, self.smallestMagnitude, self.isMinimum) = (isNondegenerate, smallestMagnitude, isMinimum)
        }
    }

    /// The isotropy as --isotropy takes it ("d", "d-1,1") and the pattern's description.
    public var isotropy: String, patternDescription: String, extraRows: Int
    public var points: [Point]
    public init(isotropy: String, patternDescription: String, extraRows: Int, points: [Point]) {
        (self.isotropy, self.patternDescription, self.extraRows, self.points) = (isotropy, patternDescription, extraRows, points)
    }

    static func yesNo(_ b: Bool?) -> String { b.map { $0 ? "yes" : "no" } ?? "unknown (no full index)" }

    public var text: String {
        var lines = [String]()
        let first = points[0]
        lines.append("\(patternDescription) (--isotropy \(isotropy) --extra \(extraRows)) at d = \(first.d), \(first.precision) bits (digits checked at \(2 * first.precision))")
        let width = max(16, (first.names.map(\.count).max() ?? 0) + 2)
        func row(_ key: String, _ value: String) -> String {
            "  " + key + String(repeating: " ", count: max(1, width - key.count)) + value
        }
        for (n, p) in points.enumerated() {
            var header = "critical point \(n + 1) of \(points.count): type \(p.type)"
            if let from = p.continuedFrom { header += " (found at d = \(from), continued to d = \(p.d))" }
            lines.append(header)
            for (name, value) in zip(p.names, p.values) { lines.append(row(name, value)) }
            lines.append(row("loss", p.loss))
            lines.append(row("gradient norm", p.gradientNorm))
            if let i = p.index, let c = i.components {
                lines.append(row("index", "\(i.total) (t \(c.t), s \(c.s), x \(c.x), y \(c.y))"))
            } else if let i = p.index {
                lines.append(row("index", "\(i.total) (full Hessian)"))
            } else {
                lines.append(row("index", "unknown (integer d with kd <= 900 only)"))
            }
            lines.append(row("restricted index", String(p.restrictedIndex)))
            lines.append(row("nondegenerate", "\(Self.yesNo(p.isNondegenerate)) (smallest |eigenvalue| \(p.smallestMagnitude))"))
            lines.append(row("minimum", Self.yesNo(p.isMinimum)))
            if let larger = p.largerIsotropy {
                lines.append(row("isotropy", "larger than searched: --isotropy \(larger) (a point of that isotropy, lying in this fixed-point space)"))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// A point's JSON fields, in the documented order.
    func fields(_ p: Point) -> [(String, String)] {
        let family = JSON.object([("isotropy", JSON.string(isotropy)), ("extra", String(extraRows)), ("type", JSON.string(p.type))], indent: nil)
        let coordinates = zip(p.names, p.values).map { JSON.object([("name", JSON.string($0)), ("value", JSON.string($1))], indent: nil) }
        let components = p.index?.components.map {
            JSON.object([("t", String($0.t)), ("s", String($0.s)), ("x", String($0.x)), ("y", String($0.y))], indent: nil)
        } ?? "null"
        return [
            ("family", family),
            ("d", JSON.string(p.d)),
            ("precision_bits", String(p.precision)),
            ("continued_from", p.continuedFrom.map { JSON.string($0.description) } ?? "null"),
            ("coordinates", JSON.array(coordinates, indent: nil, closingIndent: nil)),
            ("point", JSON.array(p.values.map(JSON.string), indent: nil, closingIndent: nil)),
            ("loss", JSON.string(p.loss)),
            ("gradient_norm", JSON.string(p.gradientNorm)),
            ("index", p.index.map { String($0.total) } ?? "null"),
            ("restricted_index", String(p.restrictedIndex)),
            ("components", components),
            ("nondegenerate", p.isNondegenerate ? "true" : "false"),
            ("minimum", p.isMinimum.map { $0 ? "true" : "false" } ?? "null"),
            ("larger_isotropy", p.largerIsotropy.map(JSON.string) ?? "null"),
        ]
    }

    /// The lowest-loss point's fields at the top level, then "critical_points": every point
    /// found (the first one included), lowest loss first.
    public var json: String {
        let all = points.map { JSON.object(fields($0), indent: nil) }
        return JSON.object(fields(points[0]) + [("critical_points", JSON.array(all, indent: "    ", closingIndent: "  "))], indent: "  ")
    }
}
