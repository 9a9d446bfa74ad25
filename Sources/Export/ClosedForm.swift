#if canImport(Glibc)
import Glibc
#endif
import Numbers
import Expressions
import LinearAlgebra

/// A constant of the closed-form basis: its value as an expression in pi (parsed by
/// `Parser`), and how a rational multiple of it is written: numerator and denominator parts
/// in text and LaTeX (1/pi^2 is numerator "", denominator "pi^2").
public struct BasisConstant: Sendable {
    public var expression: String
    public var numerator: (text: String, latex: String)
    public var denominator: (text: String, latex: String)

    public init(_ expression: String, numerator: (String, String) = ("", ""), denominator: (String, String) = ("", "")) {
        self.expression = expression
        self.numerator = numerator
        self.denominator = denominator
    }

    /// A user's constant: written as itself (in text and, verbatim, in LaTeX).
    public init(userExpression e: String) {
        self.init(e, numerator: ("(\(e))", "(\(e))"))
    }
}

/// A coefficient identified as Σ q_i b_i (q_i rational, b_i basis constants) by an integer
/// relation, with the digits of evidence: the digits the relation holds to minus the digits
/// its integers could have fitted by chance (Σ log10 max(1, |m_i|)). Identified numerically:
/// a proof is not claimed.
public struct ClosedForm: Sendable {
    public let text: String
    public let latex: String
    public let evidenceDigits: Int
}

public enum ClosedFormFinder {
    /// 1, pi, 1/pi, 1/pi^2, sqrt(pi - 2), 1/sqrt(pi - 2), 1/(pi sqrt(pi - 2)), sqrt 5, sqrt(5)/pi:
    /// the constants of paper 000's closed forms (alpha_0, the p1-m1-I coefficients, the p = 0
    /// eigenvalues 1/4 + (-1 +- sqrt 5)/(4 pi)).
    public static let defaultBasis: [BasisConstant] = [
        BasisConstant("1"),
        BasisConstant("pi", numerator: ("pi", "\\pi")),
        BasisConstant("1/pi", denominator: ("pi", "\\pi")),
        BasisConstant("1/pi^2", denominator: ("pi^2", "\\pi^2")),
        BasisConstant("sqrt(pi - 2)", numerator: ("sqrt(pi - 2)", "\\sqrt{\\pi - 2}")),
        BasisConstant("1/sqrt(pi - 2)", denominator: ("sqrt(pi - 2)", "\\sqrt{\\pi - 2}")),
        BasisConstant("1/(pi*sqrt(pi - 2))", denominator: ("pi sqrt(pi - 2)", "\\pi\\sqrt{\\pi - 2}")),
        BasisConstant("sqrt(5)", numerator: ("sqrt(5)", "\\sqrt{5}")),
        BasisConstant("sqrt(5)/pi", numerator: ("sqrt(5)", "\\sqrt{5}"), denominator: ("pi", "\\pi")),
    ]

    /// The closed form of x over `basis` when PSLQ finds a relation involving x with at least
    /// `threshold` digits of evidence, given that x is known to `digits` significant digits;
    /// nil otherwise (never a guess below the threshold). Zero is not identified (it is printed
    /// as a structural zero already).
    public static func identify(_ x: BigFloat, digits: Int, basis: [BasisConstant] = defaultBasis, threshold: Int = 15) throws -> ClosedForm? {
        guard !x.isZero, digits >= threshold + 2 else { return nil }
        let bits = x.precision
        let one = BigFloat(1, precision: bits)
        let values = try basis.map { try Expression.parse($0.expression).evaluate(d: one) }
        // x is known to `digits` digits relative to itself: a relation must hold to that, in units
        // of the largest number involved.
        let scale = max(1, x.magnitude.doubleValue)
        let exponent = Rational(-(digits - 2))
        let tolerance = try BigFloat.pow(BigFloat(10, precision: bits), exponent) * BigFloat(scale, precision: bits)
        // Coefficients whose digits cannot exceed digits - threshold in total.
        let budget = Double(digits - threshold)
        guard let m = try IntegerRelation.pslq([x] + values, tolerance: tolerance, maximumNorm: pow(10, budget)),
              m[0] != 0 else { return nil }
        let spent = m.reduce(0.0) { $0 + log10(max(1, abs(Double($1)))) }
        let evidence = Int((Double(digits) - spent).rounded(.down))
        guard evidence >= threshold else { return nil }
        // Check the relation at full precision with the rationals it gives.
        let q = m.dropFirst().map { Rational(-$0, m[0]) }
        var value = BigFloat(0, precision: bits)
        for (c, v) in zip(q, values) where c != .zero { value = value + BigFloat(c, precision: bits) * v }
        guard (value - x).magnitude.doubleValue <= 10 * tolerance.doubleValue else { return nil }
        return ClosedForm(text: text(q, basis), latex: latex(q, basis), evidenceDigits: evidence)
    }

    /// Σ q_i b_i with signs between the terms; `term` writes |q_i| b_i from the numerator and
    /// denominator of |q_i|.
    static func combination(_ q: [Rational], _ basis: [BasisConstant], _ term: (Int, Int, BasisConstant) -> String) -> String {
        var out = ""
        for (c, b) in zip(q, basis) where c != .zero {
            let negative = c < .zero
            let (p, r) = (negative ? -c : c).intComponents!
            let t = term(p, r, b)
            out += out.isEmpty ? (negative ? "-" : "") + t : (negative ? " - " : " + ") + t
        }
        return out.isEmpty ? "0" : out
    }

    static func text(_ q: [Rational], _ basis: [BasisConstant]) -> String {
        combination(q, basis) { p, r, b in
            let numerator = b.numerator.text.isEmpty ? "\(p)" : (p == 1 ? b.numerator.text : "\(p) \(b.numerator.text)")
            let denominator = [r == 1 ? "" : "\(r)", b.denominator.text].filter { !$0.isEmpty }.joined(separator: " ")
            return denominator.isEmpty ? numerator
                : numerator + "/" + (denominator.contains(" ") ? "(\(denominator))" : denominator)
        }
    }

    static func latex(_ q: [Rational], _ basis: [BasisConstant]) -> String {
        combination(q, basis) { p, r, b in
            let numerator = b.numerator.latex.isEmpty ? "\(p)" : (p == 1 ? b.numerator.latex : "\(p)\(b.numerator.latex)")
            let denominator = (r == 1 ? "" : "\(r)") + b.denominator.latex
            return denominator.isEmpty ? numerator : "\\frac{\(numerator)}{\(denominator)}"
        }
    }
}
