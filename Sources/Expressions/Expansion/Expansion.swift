import Numbers
import Series

/// A verified truncated expansion of an expression as d -> infinity, ready to print.
///
/// Invariants: `terms` are the nonzero terms in decreasing powers of d, every exponent is
/// above `order`, and the O-term O(d^order) is true. For numeric expansions each
/// coefficient string has `digits` significant digits that agree between the computation
/// at `precision` bits and one at twice that; exact expansions carry the rationals and
/// decimals with all floor(precision * log10 2) digits.
public struct Expansion: Sendable {
    public struct Term: Sendable, Equatable {
        /// Exponent of d.
        public var exponent: Rational
        /// Decimal text of the coefficient, correct to `digits` significant digits
        /// (trailing zeros dropped; see `BigFloat.formatted(significantDigits:)`).
        public var coefficient: String
        /// Significant digits backed by both computations (or by exactness).
        public var digits: Int
        /// The exact coefficient (exact expansions only).
        public var rational: Rational?
        /// Certified expansions (balls): a decimal upper bound on |true coefficient - printed
        /// value| ("0" for exact terms); nil when the digits are backed by P/2P agreement.
        public var radius: String?

        public init(exponent: Rational, coefficient: String, digits: Int, rational: Rational?, radius: String? = nil) {
            self.exponent = exponent
            self.coefficient = coefficient
            self.digits = digits
            self.rational = rational
            self.radius = radius
        }
    }

    /// b in t = d^(-1/b): the smallest b making every exponent and the order multiples of 1/b.
    public var ramification: Int
    /// Working precision in bits (the check ran at twice this).
    public var precision: Int
    /// Exponent of d in the O-term; nil when the expansion is an exact finite sum.
    public var order: Rational?
    /// Whether the coefficients are exact rationals.
    public var isExact: Bool
    /// Nonzero terms, in decreasing powers of d.
    public var terms: [Term]
    /// The relative term budget the accepted evaluation used.
    public var relativeTerms: Int
    /// Whether every digit is proved (ball arithmetic; `ExpansionOptions.certified`) rather than
    /// backed by the agreement of two precisions.
    public var isCertified = false

    public init(ramification: Int, precision: Int, order: Rational?, isExact: Bool, terms: [Term], relativeTerms: Int) {
        self.ramification = ramification
        self.precision = precision
        self.order = order
        self.isExact = isExact
        self.terms = terms
        self.relativeTerms = relativeTerms
    }
}

/// Why an expansion could not be produced (besides parse and evaluation errors).
public enum ExpansionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A decision more precision may make (a certified expansion then raises it).
    public var isUndecidable: Bool {
        switch self {
        case .undecidable, .undecidableEvaluation: return true
        default: return false
        }
    }

    /// The computations at P and 2P bits disagree on whether the coefficient of
    /// d^exponent is zero (or agree on no digit of it).
    case undecidable(exponent: Rational, precision: Int)
    /// An evaluation stayed undecidable up to the largest budget.
    case undecidableEvaluation(EvaluationError, precision: Int)
    /// Fewer nonzero terms than requested within the largest budget (or within the time
    /// limit, if `limitedByTime`).
    case tooFewTerms(found: Int, requested: Int, reached: Rational?, budget: Int, limitedByTime: Bool)
    /// The requested order was not reached within the largest budget (or time limit).
    case orderNotReached(reached: Rational?, requested: Rational, budget: Int, limitedByTime: Bool)
    /// A coefficient overflowed or is NaN.
    case nonFinite(exponent: Rational)
    /// A certified expansion stayed undecidable up to the largest precision (the reason at it).
    indirect case notCertified(ExpansionError, maximumPrecision: Int)

    public var description: String {
        switch self {
        case .undecidable(let e, let p):
            return "cannot decide whether the coefficient of d^(\(e)) is zero at \(p) bits; raise the precision"
        case .undecidableEvaluation(let error, let p):
            return "\(error.message) at \(p) bits; raise the precision"
        case .tooFewTerms(let found, let requested, let reached, let budget, let limitedByTime):
            let upTo = reached.map { " up to O(d^(\($0)))" } ?? ""
            return "found only \(found) of \(requested) nonzero terms\(upTo) "
                + ExpansionError.budgetPhrase(budget, limitedByTime)
        case .orderNotReached(let reached, let requested, let budget, let limitedByTime):
            let got = reached.map { "O(d^(\($0)))" } ?? "no O-term"
            return "could not reach O(d^(\(requested))) (got \(got)) " + ExpansionError.budgetPhrase(budget, limitedByTime)
        case .nonFinite(let e):
            return "the coefficient of d^(\(e)) overflowed (not a finite number)"
        case .notCertified(let reason, let p):
            let what: String
            switch reason {
            case .undecidable(let e, _): what = "whether the coefficient of d^(\(e)) is zero"
            case .undecidableEvaluation(let error, _): what = error.message
            default: what = reason.description
            }
            return "cannot certify \(what) with balls up to \(p) bits (a coefficient that is 0 but not computed as exactly 0 cannot be certified; without --certified, agreement at two precisions decides it)"
        }
    }

    static func budgetPhrase(_ budget: Int, _ limitedByTime: Bool) -> String {
        limitedByTime ? "with a budget of \(budget) terms (a larger budget would take too long)"
                      : "with the largest budget of \(budget) terms"
    }
}
