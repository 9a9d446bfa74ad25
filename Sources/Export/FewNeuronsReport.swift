import Numbers

/// What `puiseux few-neurons` prints: the critical points of a student with k rows constant on
/// column blocks, found at one d, each with its backed coordinates (row by row), loss and
/// indices. Text and JSON.
public struct FewNeuronsReport {
    public struct Point {
        /// Row i's value on each column block, as backed decimals.
        public var rows: [[String]]
        public var loss: String
        public var restrictedIndex: Int
        public var index: Int?, zeros: Int?
        public init(rows: [[String]], loss: String, restrictedIndex: Int, index: Int?, zeros: Int?) {
            (self.rows, self.loss, self.restrictedIndex, self.index, self.zeros) = (rows, loss, restrictedIndex, index, zeros)
        }
    }

    public var student: String, blocks: [String], d: String, precision: Int, starts: Int
    public var points: [Point]
    public init(student: String, blocks: [String], d: String, precision: Int, starts: Int, points: [Point]) {
        (self.student, self.blocks, self.d, self.precision, self.starts, self.points) = (student, blocks, d, precision, starts, points)
    }

    static func kind(_ p: Point) -> String {
        guard let index = p.index else { return p.restrictedIndex > 0 ? "saddle" : "minimum in the fixed-point space (full index not counted)" }
        if index > 0 { return "saddle of index \(index)" }
        return (p.zeros ?? 0) > 0 ? "no negative eigenvalue, \(p.zeros!) zero" : "minimum"
    }

    public var text: String {
        var lines = TextWrap.words("\(student) of the teacher I_d at d = \(d): \(points.count) critical point\(points.count == 1 ? "" : "s") (up to permuting the rows and equal column blocks) from \(starts) starts; digits at \(precision) bits confirmed at \(precision + 64)", indent: 4)
        lines.append("  columns: " + blocks.joined(separator: " | "))
        for (n, p) in points.enumerated() {
            lines.append("  point \(n + 1): loss \(p.loss), \(Self.kind(p)) (fixed-point space: index \(p.restrictedIndex))")
            for (i, row) in p.rows.enumerated() { lines += TextWrap.words("    row \(i + 1): " + row.joined(separator: " | "), indent: 11) }
        }
        return lines.joined(separator: "\n")
    }

    public var json: String {
        let items = points.map { p in
            JSON.object([("rows", JSON.array(p.rows.map { JSON.array($0.map(JSON.string), indent: nil, closingIndent: nil) }, indent: nil, closingIndent: nil)),
                         ("loss", JSON.string(p.loss)), ("index", p.index.map(String.init) ?? "null"), ("zero_eigenvalues", p.zeros.map(String.init) ?? "null"),
                         ("restricted_index", String(p.restrictedIndex)), ("kind", JSON.string(Self.kind(p)))], indent: nil)
        }
        return JSON.object([("student", JSON.string(student)), ("blocks", JSON.array(blocks.map(JSON.string), indent: nil, closingIndent: nil)),
                            ("d", JSON.string(d)), ("precision_bits", String(precision)), ("starts", String(starts)),
                            ("critical_points", JSON.array(items, indent: "    ", closingIndent: "  "))], indent: "  ")
    }
}
