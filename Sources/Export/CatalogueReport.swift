import Numbers
import Series

/// What `puiseux families` prints: the catalogue of families, one entry each, as text or JSON.
public struct CatalogueReport {
    public struct Entry {
        public var name: String, p: Int, extraRows: Int, type: String, isotropy: String
        public var coordinates: [String], limit: [Rational], ramification: Int
        public init(name: String, p: Int, extraRows: Int, type: String, isotropy: String, coordinates: [String], limit: [Rational], ramification: Int) {
            (self.name, self.p, self.extraRows, self.type, self.isotropy) = (name, p, extraRows, type, isotropy)
            (self.coordinates, self.limit, self.ramification) = (coordinates, limit, ramification)
        }
    }

    public var entries: [Entry]
    public init(entries: [Entry]) { self.entries = entries }

    public var text: String {
        entries.map { f in
            "\(f.name.padding(toLength: 10, withPad: " ", startingAt: 0)) \(f.isotropy), type \(f.type), b = \(f.ramification)\n"
                + "           (\(f.coordinates.joined(separator: ", "))) -> (\(f.limit.map(\.description).joined(separator: ", ")))"
        }.joined(separator: "\n")
    }

    public var json: String {
        let items = entries.map { f in
            JSON.object([("name", JSON.string(f.name)), ("p", String(f.p)), ("extra", String(f.extraRows)), ("type", JSON.string(f.type)),
                         ("isotropy", JSON.string(f.isotropy)),
                         ("coordinates", JSON.array(f.coordinates.map(JSON.string), indent: nil, closingIndent: nil)),
                         ("limit", JSON.array(f.limit.map { JSON.string($0.description) }, indent: nil, closingIndent: nil)),
                         ("ramification", String(f.ramification))], indent: nil)
        }
        return JSON.object([("families", JSON.array(items, indent: "    ", closingIndent: "  "))], indent: "  ")
    }
}

/// What `puiseux check` prints: one pass/fail line per check and a summary, as text or JSON.
public struct CheckReport {
    public struct Outcome {
        public var family: String, check: String, passed: Bool, detail: String
        public init(family: String, check: String, passed: Bool, detail: String) {
            (self.family, self.check, self.passed, self.detail) = (family, check, passed, detail)
        }
    }

    public var familyCount: Int, precision: Int
    /// What `--terms` / `--order` asked for: each family's series as `family` computes it.
    public var length: SeriesLength
    public var outcomes: [Outcome]
    public var seconds: Double
    public init(familyCount: Int, precision: Int, length: SeriesLength, outcomes: [Outcome], seconds: Double) {
        (self.familyCount, self.precision, self.length, self.outcomes, self.seconds) = (familyCount, precision, length, outcomes, seconds)
    }

    public var failed: [Outcome] { outcomes.filter { !$0.passed } }

    public var text: String {
        var lines = ["puiseux check: \(familyCount) famil\(familyCount == 1 ? "y" : "ies") at \(precision) and \(2 * precision) bits, series to \(length.words) (as `family` computes them)"]
        lines += outcomes.map { "  \($0.passed ? "PASS" : "FAIL")  \($0.family.padding(toLength: 9, withPad: " ", startingAt: 0)) \($0.check): \($0.detail)" }
        lines.append("\(outcomes.count - failed.count) of \(outcomes.count) checks passed in \(String(format: "%.0f", seconds)) s"
            + (failed.isEmpty ? "" : "; FAILED: " + failed.map { "\($0.family) \($0.check)" }.joined(separator: ", ")))
        return lines.joined(separator: "\n")
    }

    public var json: String {
        let items = outcomes.map {
            JSON.object([("family", JSON.string($0.family)), ("check", JSON.string($0.check)), ("passed", $0.passed ? "true" : "false"),
                         ("detail", JSON.string($0.detail))], indent: nil)
        }
        return JSON.object([("precision_bits", "[\(precision), \(2 * precision)]"), ("asked", length.json),
                            ("checks", JSON.array(items, indent: "    ", closingIndent: "  ")),
                            ("passed", String(outcomes.count - failed.count)), ("failed", String(failed.count))], indent: "  ")
    }
}

/// What `puiseux isotropy` prints: the detected isotropy of a matrix, the permutations that
/// bring it to block form, and its fixed-point coordinates, as text or JSON.
public struct IsotropyReport {
    public var d: Int, k: Int, blockSizes: [Int], isTrivial: Bool, description: String
    /// 0-based, printed 1-based.
    public var rowPermutation: [Int], columnPermutation: [Int]
    public var coordinates: [(name: String, value: Double)]
    public var maxDeviation: Double, tolerance: Double
    public init(d: Int, k: Int, blockSizes: [Int], isTrivial: Bool, description: String, rowPermutation: [Int], columnPermutation: [Int],
                coordinates: [(name: String, value: Double)], maxDeviation: Double, tolerance: Double) {
        (self.d, self.k, self.blockSizes, self.isTrivial, self.description) = (d, k, blockSizes, isTrivial, description)
        (self.rowPermutation, self.columnPermutation, self.coordinates) = (rowPermutation, columnPermutation, coordinates)
        (self.maxDeviation, self.tolerance) = (maxDeviation, tolerance)
    }

    public var text: String {
        let blocks = isTrivial ? "all blocks of size 1" : "blocks " + blockSizes.map(String.init).joined(separator: " + ")
        var lines = [
            "isotropy: \(description)   (d = \(d), k = \(k); \(blocks))",
            "row permutation: " + rowPermutation.map { String($0 + 1) }.joined(separator: " "),
            "column permutation: " + columnPermutation.map { String($0 + 1) }.joined(separator: " "),
            "coordinates:",
        ]
        lines += coordinates.map { "  \($0.name) = \($0.value)" }
        lines.append("max deviation: \(maxDeviation) (allowed \(tolerance))")
        return lines.joined(separator: "\n")
    }

    public var json: String {
        func list(_ values: [Int]) -> String { JSON.array(values.map(String.init), indent: nil, closingIndent: nil) }
        let coords = coordinates.map { JSON.object([("name", JSON.string($0.name)), ("value", "\($0.value)")], indent: nil) }
        return JSON.object([
            ("d", String(d)), ("k", String(k)), ("isotropy", list(blockSizes)), ("extra", String(k - d)),
            ("trivial", isTrivial ? "true" : "false"), ("description", JSON.string(description)),
            ("row_permutation", list(rowPermutation.map { $0 + 1 })), ("column_permutation", list(columnPermutation.map { $0 + 1 })),
            ("coordinates", JSON.array(coords, indent: "    ", closingIndent: "  ")),
            ("max_deviation", "\(maxDeviation)"), ("tolerance", "\(tolerance)"),
        ], indent: "  ")
    }
}
