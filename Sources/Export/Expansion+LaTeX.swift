import Numbers
import Expressions

extension Expansion {
    /// An equation fragment for a math environment: `\frac{1}{8}\, d^{-1}` for exact terms,
    /// `1.4142135623730950488\, d^{-1/2}` for numeric ones (scientific decimals as
    /// `1.5 \times 10^{-7}`), a coefficient of 1 left out, and `\mathcal{O}(d^{-5/2})`.
    public var latexDescription: String {
        var pieces = [(negative: Bool, body: String)]()
        for term in terms {
            let negative: Bool, magnitude: String
            if let q = term.rational {
                negative = q.sign < 0
                magnitude = Expansion.latexRational(q.magnitude)
            } else {
                let (n, m) = Expansion.splitSign(term.coefficient)
                negative = n
                magnitude = Expansion.latexDecimal(m)
            }
            let monomial = Expansion.latexMonomial(term.exponent)
            let body = monomial.isEmpty ? magnitude : (magnitude == "1" ? monomial : magnitude + "\\, " + monomial)
            pieces.append((negative, body))
        }
        if let order {
            let monomial = Expansion.latexMonomial(order)
            pieces.append((false, "\\mathcal{O}(" + (monomial.isEmpty ? "1" : monomial) + ")"))
        }
        guard let first = pieces.first else { return "0" }
        var text = (first.negative ? "-" : "") + first.body
        for piece in pieces.dropFirst() { text += (piece.negative ? " - " : " + ") + piece.body }
        return text
    }

    static func latexRational(_ q: Rational) -> String {
        q.isInteger ? q.description : "\\frac{\(q.numerator)}{\(q.denominator)}"
    }

    /// "1.5e-7" -> "1.5 \times 10^{-7}"; positional decimals unchanged.
    public static func latexDecimal(_ s: String) -> String {
        guard let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return s }
        let mantissa = s[..<e], exponent = s[s.index(after: e)...]
        return (mantissa == "1" ? "" : mantissa + " \\times ") + "10^{\(exponent)}"
    }

    /// `d^{e}`; "" for e = 0, `d` for e = 1.
    public static func latexMonomial(_ e: Rational) -> String {
        if e.isZero { return "" }
        if e == .one { return "d" }
        return "d^{\(e)}"
    }
}
