import Numbers
import Balls
import Series

/// A Puiseux series computed by `SeriesEvaluator`: exact rational coefficients while the
/// computation allowed it, MPFR coefficients (or balls, `SeriesEvaluator.balls`) otherwise.
public enum SeriesValue: Sendable {
    case exact(PuiseuxSeries<Rational>)
    case numeric(PuiseuxSeries<BigFloat>)
    case ball(PuiseuxSeries<Ball>)

    /// Whether the coefficients are exact rationals.
    public var isExact: Bool {
        if case .exact = self { return true }
        return false
    }

    /// The series with MPFR coefficients at `precision` bits (exact coefficients rounded
    /// once; numeric ones returned unchanged).
    public func numeric(precision: Int) -> PuiseuxSeries<BigFloat> {
        switch self {
        case .exact(let s): return PuiseuxSeries<BigFloat>(s, precision: precision)
        case .numeric(let s): return s
        case .ball(let s): return s.mapCoefficients(context: s.context) { $0.midpoint }
        }
    }

    /// The series with ball coefficients at `precision` bits (exact coefficients enclosed once).
    public func ball(precision: Int) -> PuiseuxSeries<Ball> {
        switch self {
        case .exact(let s):
            var context = s.context
            context.precision = precision
            return s.mapCoefficients(context: context) { Ball($0, precision: precision) }
        case .numeric(let s): return s.mapCoefficients(context: s.context) { Ball(exactly: $0) }
        case .ball(let s): return s
        }
    }

    /// Number of nonzero known terms.
    public var nonzeroTermCount: Int {
        switch self {
        case .exact(let s): return s.coefficients.lazy.filter { !$0.isZero }.count
        case .numeric(let s): return s.coefficients.lazy.filter { !$0.isZero }.count
        case .ball(let s): return s.coefficients.lazy.filter { !$0.isZero }.count
        }
    }

    /// Exponent of d in the O-term (nil when the series is an exact finite sum).
    public var dOrder: Rational? {
        switch self {
        case .exact(let s): return s.dOrder
        case .numeric(let s): return s.dOrder
        case .ball(let s): return s.dOrder
        }
    }

    public var ramification: Int {
        switch self {
        case .exact(let s): return s.ramification
        case .numeric(let s): return s.ramification
        case .ball(let s): return s.ramification
        }
    }
}
