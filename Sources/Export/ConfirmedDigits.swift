import Numbers
import Expressions

/// What the comparison of a value computed at P bits with the same computation at a higher
/// precision backs: the one rule every command uses to decide which digits it prints and
/// when a value counts as zero (Docs/numeric-zero-rule.md, "Backing every printed digit").
///
/// - `digits(k)`: the two round to the same k significant decimal digits (k >= 1, at most the
///   working precision's); exact zeros on both sides are `digits` of the full precision.
/// - `zero(bound)`: no digit agrees and both are below 2^(-P/2) in magnitude (the residue floor
///   of `NumericZeroRule`: rounding noise of sums that cancel, not a coefficient); printed as 0
///   with the bound.
/// - `unconfirmed(bound)`: no digit agrees and the values are not that small: nothing may be
///   printed as the value (commands fail, or report the bound only).
public enum ConfirmedDigits: Equatable, Sendable {
    case digits(Int)
    case zero(bound: Double)
    case unconfirmed(bound: Double)

    /// `x` at `precision` bits against `y` at a higher precision.
    public init(_ x: BigFloat, _ y: BigFloat, precision: Int) {
        let maximumDigits = BigFloat.decimalDigits(forBits: precision)
        let k = Expansion.agreedDigits(x, y, maximumDigits: maximumDigits)
        if k > 0 { self = .digits(k); return }
        let bound = max(abs(x.doubleValue), abs(y.doubleValue))
        let floor = -(precision / 2)
        let tiny = { (v: BigFloat) in v.isZero || (v.exponent ?? 0) <= floor }
        self = tiny(x) && tiny(y) ? .zero(bound: bound) : .unconfirmed(bound: bound)
    }

    /// The confirmed digits (0 for a zero or an unconfirmed value).
    public var count: Int { if case .digits(let k) = self { return k }; return 0 }

    /// `x` to its confirmed digits, "0" for a zero, nil when unconfirmed.
    public func text(_ x: BigFloat) -> String? {
        switch self {
        case .digits(let k): return x.isZero ? "0" : x.formatted(significantDigits: k)
        case .zero: return "0"
        case .unconfirmed: return nil
        }
    }

    /// `x` to the digits `y` (the same value at a higher precision) backs, shown by `display`:
    /// with "..." after a shortened value for text (`marked`), "(not backed)" when unconfirmed.
    public static func shown(_ x: BigFloat, confirmedBy y: BigFloat, precision: Int, display: DisplayDigits, marked: Bool) -> String {
        let confirmed = ConfirmedDigits(x, y, precision: precision)
        guard let text = confirmed.text(x) else { return "(not backed)" }
        return marked ? display.marked(text, known: confirmed.count) : display.shown(text, known: confirmed.count).text
    }
}
