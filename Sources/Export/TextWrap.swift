import Numbers
import Expressions

/// Line breaking for the text outputs, so that a report fits a terminal of `width` columns.
enum TextWrap {
    /// The terminal width the text outputs are laid out for.
    static let width = 100

    /// `head` followed by `pieces` (each kept whole, separated by a space), broken before a piece
    /// that would pass `width`; continuation lines are indented by `indent` spaces. A piece longer
    /// than a line gets a line of its own.
    static func pieces(_ head: String, _ pieces: [String], indent: Int, width: Int = width) -> [String] {
        var lines: [String] = [], line = head, placed = false
        let pad = String(repeating: " ", count: indent)
        for piece in pieces {
            let joined = line.isEmpty || line.hasSuffix(" ") ? line + piece : line + " " + piece
            if placed && joined.count > width {
                lines.append(line)
                line = pad + piece
            } else {
                line = joined
            }
            placed = true
        }
        lines.append(line)
        return lines
    }

    /// A line of prose broken at spaces, continuation lines indented by `indent`.
    static func words(_ text: String, indent: Int, width: Int = width) -> [String] {
        let leading = String(text.prefix { $0 == " " })
        let words = text.dropFirst(leading.count).split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        guard let first = words.first else { return [text] }
        return pieces(leading + first, Array(words.dropFirst()), indent: indent, width: width)
    }

    /// A series as signed pieces: "c1 m1", "+ c2 m2", "- c3 m3", ..., from (negative, body) terms.
    static func signed(_ terms: [(negative: Bool, body: String)]) -> [String] {
        terms.enumerated().map { k, t in k == 0 ? (t.negative ? "-" : "") + t.body : (t.negative ? "- " : "+ ") + t.body }
    }

    /// The signed pieces of a series from its terms as shown (coefficient texts, signs included),
    /// each followed by its monomial in the text style (`Expansion.textMonomial`: d, d^(-1/2)).
    static func series(_ terms: [(exponent: Rational, text: String)]) -> [String] {
        signed(terms.map { t in
            let negative = t.text.hasPrefix("-"), size = negative ? String(t.text.dropFirst()) : t.text
            let monomial = Expansion.textMonomial(t.exponent)
            return (negative, monomial.isEmpty ? size : size + " " + monomial)
        })
    }
}
