import Numbers
import Expressions

extension Expansion {
    /// One line of text: terms in decreasing powers of d, then the O-term.
    ///
    /// A term is `coefficient monomial` separated by a space (`0.5 d^(-1)`, `1/8 d^(-1)`),
    /// with a coefficient of 1 left out (`d^(1/2)`) and signs written as ` + ` / ` - `
    /// between terms. Monomials: `d`, `d^2`, and parentheses for other exponents
    /// (`d^(-1)`, `d^(3/2)`); a constant term is its coefficient alone. Exact expansions
    /// show rationals (`-5/128`), numeric ones the backed decimal digits. The empty sum is
    /// `0`; an expansion with no known terms is its O-term alone.
    public var textDescription: String {
        var pieces = [(negative: Bool, body: String)]()
        for term in terms {
            let (negative, magnitude) = Expansion.splitSign(coefficientText(term))
            let monomial = Expansion.textMonomial(term.exponent)
            let body = monomial.isEmpty ? magnitude : (magnitude == "1" ? monomial : magnitude + " " + monomial)
            pieces.append((negative, body))
        }
        if let order { pieces.append((false, "O(" + (Expansion.textMonomial(order).isEmpty ? "1" : Expansion.textMonomial(order)) + ")")) }
        guard let first = pieces.first else { return "0" }
        var text = (first.negative ? "-" : "") + first.body
        for piece in pieces.dropFirst() { text += (piece.negative ? " - " : " + ") + piece.body }
        return text
    }

    /// The coefficient as shown in text: the rational for exact terms, else the decimal.
    func coefficientText(_ term: Term) -> String { term.rational?.description ?? term.coefficient }

    /// ("-", rest) for a leading minus sign.
    static func splitSign(_ s: String) -> (Bool, String) {
        s.hasPrefix("-") ? (true, String(s.dropFirst())) : (false, s)
    }

    /// `d^e` in the text style; "" for e = 0.
    static func textMonomial(_ e: Rational) -> String {
        if e.isZero { return "" }
        if e == .one { return "d" }
        if e.isInteger && e.sign > 0 { return "d^\(e)" }
        return "d^(\(e))"
    }
}
