import Numbers

/// What `puiseux count` prints: paper 004's numbers of affine subspaces for an irreducible point
/// of width r expanded to width m (Theorem 3.1, Propositions 4.3 and 4.5), as text, JSON, CSV or
/// a LaTeX table. Counts are exact integers, always printed with every digit. The CLI computes.
public struct SubspaceCountReport: FormattedReport {
    /// The subspaces with j zero-type groups and the dimension of each.
    public struct ZeroGroups {
        public var j: Int, count: BigInteger, dimension: Int
        public init(j: Int, count: BigInteger, dimension: Int) { (self.j, self.count, self.dimension) = (j, count, dimension) }
    }

    public var r: Int, m: Int, inputDimension: Int, outputDimension: Int
    /// G(r, m) and the dimension of each critical subspace (m - r).
    public var criticalSubspaces: BigInteger, criticalDimension: Int
    /// T(r, m).
    public var expansionSubspaces: BigInteger
    public var byZeroGroups: [ZeroGroups]

    public init(r: Int, m: Int, inputDimension: Int, outputDimension: Int, criticalSubspaces: BigInteger, criticalDimension: Int,
                expansionSubspaces: BigInteger, byZeroGroups: [ZeroGroups]) {
        (self.r, self.m, self.inputDimension, self.outputDimension) = (r, m, inputDimension, outputDimension)
        (self.criticalSubspaces, self.criticalDimension, self.expansionSubspaces, self.byZeroGroups) = (criticalSubspaces, criticalDimension, expansionSubspaces, byZeroGroups)
    }

    /// The LaTeX table (`table`); `standalone` wraps it in a document.
    public func latex(standalone: Bool) -> String { standalone ? table.standalone : table.fragment }

    var widths: String { "\(r), \(m)" }

    public var text: String {
        var lines = TextWrap.words("an irreducible point of width r = \(r) expanded to width m = \(m) (d_in = \(inputDimension), d_out = \(outputDimension))", indent: 4)
        lines.append("G(\(widths)) = \(criticalSubspaces) critical subspaces (Prop. 4.3), each of dimension m - r = \(criticalDimension)")
        lines.append("T(\(widths)) = \(expansionSubspaces) affine subspaces of the expansion manifold (Theorem 3.1), by the number j of zero-type groups:")
        lines += byZeroGroups.map { "  j = \($0.j): \($0.count) of dimension \($0.dimension)" }
        return lines.joined(separator: "\n")
    }

    public var json: String {
        let groups = byZeroGroups.map { JSON.object([("j", String($0.j)), ("count", JSON.string($0.count.description)), ("dimension", String($0.dimension))], indent: nil) }
        return JSON.object([("r", String(r)), ("m", String(m)), ("G", JSON.string(criticalSubspaces.description)),
                            ("T", JSON.string(expansionSubspaces.description)),
                            ("by_zero_groups", JSON.array(groups, indent: "    ", closingIndent: "  "))], indent: "  ")
    }

    /// One row per quantity: G (with the critical dimension), T, then the subspaces per j.
    public var csv: String {
        let header = CSV.row(["quantity", "r", "m", "j", "count", "dimension"])
        let totals = [CSV.row(["G", String(r), String(m), "", criticalSubspaces.description, String(criticalDimension)]),
                      CSV.row(["T", String(r), String(m), "", expansionSubspaces.description, ""])]
        let groups = byZeroGroups.map { CSV.row(["zero_groups", String(r), String(m), String($0.j), $0.count.description, String($0.dimension)]) }
        return ([header] + totals + groups).joined(separator: "\n")
    }

    /// j, count, dimension per row; G and T in the caption.
    public var table: LaTeXTable {
        LaTeXTable(
            caption: "Affine subspaces of the expansion of an irreducible point of width $r = \(r)$ to width $m = \(m)$ "
                + "($d_{\\mathrm{in}} = \(inputDimension)$, $d_{\\mathrm{out}} = \(outputDimension)$) by the number $j$ of zero-type groups: "
                + "$T(\(widths)) = \(expansionSubspaces)$ in all; $G(\(widths)) = \(criticalSubspaces)$ critical subspaces of dimension \(criticalDimension).",
            header: ["$j$", "subspaces", "dimension"],
            rows: byZeroGroups.map { [String($0.j), $0.count.description, String($0.dimension)] })
    }
}
