import Numbers
import Balls
import Series

/// Evaluates an expression as a Puiseux series in t = d^(-1/b), exactly where possible.
///
/// Every node is computed in `PuiseuxSeries<Rational>` while its operands are exact. When
/// a node throws `ComputationError.inexact` (pi, sqrt(2 d), exp(1 + 1/d), acos(0), a power
/// too large to hold exactly), its operands are converted to `PuiseuxSeries<BigFloat>` at
/// `precision` bits and the node, and every node that uses it, is computed numerically;
/// an operation with one exact and one numeric operand converts the exact one, and once the
/// first operand of a binary operation is numeric the second is computed numerically from the
/// start (its exact value would only be converted; in the kernel series (1/(2 pi)) (...) the
/// exact square roots inside cost a sixth of the expansion). So
/// `sqrt(d^2 + d) - d` stays exact while `acos(1 - 1/d)` ends numeric. With
/// `forceNumeric` every node is numeric from the start (to exercise the numeric-zero rule).
///
/// Functions of exact constants are folded to exact constants (asin(5/13) is a number,
/// not a series with an O-term); pi and inexact constants become MPFR constants.
///
/// Series that an operation makes infinite keep `relativeTerms` terms (relative to their
/// valuation, `SeriesContext`); an exact finite intermediate result with more terms than
/// that is truncated to as many (with its O-term), so exact polynomials cannot grow
/// without bound. Orders follow the series layer's rules and are always true.
///
/// Errors: `ExpressionError` (a bad exponent, or an intermediate series beyond the limits
/// below: more than `maximumDenseTerms` stored coefficients, a ramification above
/// `maximumRamification`, a leading exponent above `maximumDExponent`), `EvaluationError`
/// (a domain error such as log(-d), or an undecidable zero test, located at the node).
public struct SeriesEvaluator: Sendable {
    /// MPFR precision of numeric coefficients, in bits.
    public var precision: Int
    /// Terms kept by operations whose exact result is infinite.
    public var relativeTerms: Int
    /// Compute every node with MPFR coefficients.
    public var forceNumeric: Bool
    /// Inexact nodes in balls (Arb) instead of MPFR: every coefficient an enclosure, zero only
    /// when exactly zero, a branch the balls cannot decide an `.undecidable` error.
    public var balls = false

    /// Largest number of stored coefficients (after aligning ramifications) that an
    /// operation may produce; keeps mixed ramifications like d^(1/1021) + d^(1/1019)
    /// from allocating without bound.
    public static let maximumDenseTerms = 16_384

    /// Largest ramification an operation may produce (nested roots multiply it:
    /// sqrt(sqrt(...(d))) 70 deep would overflow machine integers).
    public static let maximumRamification = 4_096

    /// Largest |exponent of d| of a leading term an operation may produce
    /// (((d^1024)^1024)^1024... would overflow machine integers).
    public static let maximumDExponent = 1 << 20

    public init(precision: Int, relativeTerms: Int, forceNumeric: Bool = false) {
        precondition(precision >= BigFloat.minimumPrecision && precision <= BigFloat.maximumPrecision)
        precondition(relativeTerms >= 1)
        self.precision = precision
        self.relativeTerms = relativeTerms
        self.forceNumeric = forceNumeric
    }

    public var context: SeriesContext { SeriesContext(precision: precision, relativeTerms: relativeTerms) }

    /// The series of `e` as d -> infinity.
    public func evaluate(_ e: Expression) throws -> SeriesValue {
        switch e {
        case .variable(let r):
            return try leaf(.variable, range: r)
        case .number(let q, let r):
            return try leaf(.constant(q), range: r)
        case .pi(let r):
            return try leaf(.pi, range: r)
        case .negate(let x, let r):
            return try apply(.negate, [try evaluate(x)], range: r)
        case .call(let f, let x, let r):
            return try apply(.function(f), [try evaluate(x)], range: r)
        case .binary(let op, let a, let b, let r):
            switch op {
            case .power:
                let exponent = try Exponent(b)
                return try apply(.power(exponent), [try evaluate(a)], range: r)
            case .add: return try apply(.add, try operands(a, b), range: r)
            case .subtract: return try apply(.subtract, try operands(a, b), range: r)
            case .multiply: return try apply(.multiply, try operands(a, b), range: r)
            case .divide: return try apply(.divide, try operands(a, b), range: r)
            }
        }
    }

    /// Both operands of a binary operation; once the first is inexact the result is, so the
    /// second is computed inexactly from the start.
    func operands(_ a: Expression, _ b: Expression) throws -> [SeriesValue] {
        let first = try evaluate(a)
        if case .exact = first { return [first, try evaluate(b)] }
        var inexact = self
        inexact.forceNumeric = true
        return [first, try inexact.evaluate(b)]
    }

    enum Leaf {
        case variable, constant(Rational), pi
        var name: String {
            switch self {
            case .variable: return "d"
            case .constant(let q): return q.description
            case .pi: return "pi"
            }
        }
    }

    func leafSeries<C: SeriesCoefficient>(_ leaf: Leaf, _: C.Type) throws -> PuiseuxSeries<C> {
        switch leaf {
        case .variable: return .d(context: context)
        case .constant(let q): return PuiseuxSeries(constant: C.constant(q, precision: precision), context: context)
        case .pi: return try PuiseuxSeries(constant: C.constant(.zero, precision: precision), context: context).pi()
        }
    }

    func leaf(_ leaf: Leaf, range: SourceRange) throws -> SeriesValue {
        do {
            if !forceNumeric {
                do { return .exact(try leafSeries(leaf, Rational.self)) } catch ComputationError.inexact {}
            }
            return balls ? .ball(try leafSeries(leaf, Ball.self)) : .numeric(try leafSeries(leaf, BigFloat.self))
        } catch let error as ComputationError {
            throw EvaluationError(error, operation: leaf.name, range: range)
        }
    }

    /// Applies `operation` exactly if every operand is exact and the result is exact,
    /// numerically otherwise.
    func apply(_ operation: Operation, _ operands: [SeriesValue], range: SourceRange) throws -> SeriesValue {
        do {
            if !forceNumeric {
                let exact = operands.compactMap { v -> PuiseuxSeries<Rational>? in
                    if case .exact(let s) = v { return s }
                    return nil
                }
                if exact.count == operands.count {
                    do {
                        let result = try run(operation, exact, range: range)
                        return .exact(capped(result))
                    } catch ComputationError.inexact {}
                }
            }
            if balls { return .ball(try run(operation, operands.map { $0.ball(precision: precision) }, range: range)) }
            return .numeric(try run(operation, operands.map { $0.numeric(precision: precision) }, range: range))
        } catch let error as ComputationError {
            throw EvaluationError(error, operation: operation.name, range: range)
        }
    }

    func run<C: SeriesCoefficient>(_ operation: Operation, _ x: [PuiseuxSeries<C>], range: SourceRange) throws -> PuiseuxSeries<C> {
        try checkRamification(operation, x, range: range)
        try checkLeadingExponent(operation, x, range: range)
        if x.count == 2 { try checkSize(operation, x[0], x[1], range: range) }
        // A function of an exact constant is an exact constant (asin(5/13) has no O-term).
        if case .function(let f) = operation, let c = constantValue(x[0]) {
            return PuiseuxSeries(constant: try f.apply(c), context: x[0].context)
        }
        return try operation.apply(x[0], x.count == 2 ? x[1] : nil)
    }

    /// The value of an exact constant series (a finite sum with only a d^0 term, or zero).
    func constantValue<C: SeriesCoefficient>(_ s: PuiseuxSeries<C>) -> C? {
        guard s.isExact else { return nil }
        if s.isExactZero { return C.constant(.zero, precision: precision) }
        return s.coefficients.count == 1 && s.valuation == 0 ? s.coefficients[0] : nil
    }

    /// Refuses an operation whose result could need a ramification above
    /// `maximumRamification`: the lcm for binary operations, b q for x^(p/q), 2b for
    /// functions (roots and the acos/asin branch rule may double it).
    func checkRamification<C: SeriesCoefficient>(_ operation: Operation, _ x: [PuiseuxSeries<C>],
                                                 range: SourceRange) throws {
        let b = x[0].ramification
        let bound: Int
        switch operation {
        case .add, .subtract, .multiply, .divide: bound = b / gcd(b, x[1].ramification) * x[1].ramification
        case .power(.rational(let q)): bound = b * q.denominatorValue
        case .function: bound = 2 * b
        case .negate, .power(.integer): bound = b
        }
        guard bound <= SeriesEvaluator.maximumRamification else {
            throw ExpressionError("the series is too finely ramified", column: range.start,
                                  detail: "it would need d^(1/\(bound)) steps, at most d^(1/\(SeriesEvaluator.maximumRamification))",
                                  input: nil)
        }
    }

    /// An exact finite series with more than `relativeTerms` terms, truncated to that many.
    func capped(_ s: PuiseuxSeries<Rational>) -> PuiseuxSeries<Rational> {
        guard s.isExact, s.coefficients.count > relativeTerms else { return s }
        return s.truncated(tOrder: s.valuation + relativeTerms)
    }

    /// Refuses a binary operation whose aligned operands would span more than
    /// `maximumDenseTerms` stored coefficients.
    func checkSize<C: SeriesCoefficient>(_ operation: Operation, _ a: PuiseuxSeries<C>, _ b: PuiseuxSeries<C>,
                                         range: SourceRange) throws {
        let g = gcd(a.ramification, b.ramification)
        let r = a.ramification / g * b.ramification
        func span(_ s: PuiseuxSeries<C>) -> (lo: Int, hi: Int) {
            let k = r / s.ramification
            let hi = s.order.map { min($0, s.valuation + s.coefficients.count) } ?? (s.valuation + s.coefficients.count)
            return (s.valuation * k, max(hi, s.valuation) * k)
        }
        let (sa, sb) = (span(a), span(b))
        let length: Int
        switch operation {
        case .multiply: length = (sa.hi - sa.lo) + (sb.hi - sb.lo)
        default: length = max(sa.hi, sb.hi) - min(sa.lo, sb.lo)
        }
        if length > SeriesEvaluator.maximumDenseTerms {
            throw ExpressionError(
                "the series is too large to compute (about \(length) stored terms with ramification \(r); at most \(SeriesEvaluator.maximumDenseTerms))",
                column: range.start, input: nil)
        }
    }
}

extension SeriesEvaluator {
    /// Refuses an operation whose leading exponent of d could exceed `maximumDExponent`
    /// in magnitude (estimated in floating point, so the estimate cannot overflow).
    func checkLeadingExponent<C: SeriesCoefficient>(_ operation: Operation, _ x: [PuiseuxSeries<C>],
                                                    range: SourceRange) throws {
        func lead(_ s: PuiseuxSeries<C>) -> Double { -Double(s.valuation) / Double(s.ramification) }
        let a = lead(x[0])
        let estimate: Double
        switch operation {
        case .add, .subtract: estimate = max(abs(a), abs(lead(x[1])))
        case .multiply, .divide: estimate = abs(a) + abs(lead(x[1]))
        case .power(.integer(let n)): estimate = abs(a) * Double(n.magnitude)
        case .power(.rational(let q)): estimate = abs(a) * abs(q.doubleValue)
        case .negate, .function: estimate = abs(a)
        }
        guard estimate <= Double(SeriesEvaluator.maximumDExponent) else {
            throw ExpressionError("the exponents of d are too large", column: range.start,
                                  detail: "about d^\(estimate < 1e18 ? String(Int(estimate)) : "\(estimate)"), at most d^\(SeriesEvaluator.maximumDExponent) in magnitude",
                                  input: nil)
        }
    }
}

extension Rational {
    /// The denominator as an Int (exponents are bounded by `ExpressionLimits`).
    var denominatorValue: Int { intComponents?.denominator ?? Int.max / 2 }
}
