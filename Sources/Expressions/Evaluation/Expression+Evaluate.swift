import Numbers

extension Expression {
    /// The value of the expression at `d`, computed in `d`'s type: Double for screening,
    /// `BigFloat` at `d`'s precision for checking expansions numerically, `Rational` for
    /// exact constants, `PuiseuxSeries` for expansions (see `SeriesEvaluator` for the
    /// version that switches from exact to MPFR coefficients by itself).
    ///
    /// Numbers enter through `d.constant(q)`, pi through `d.pi()`, functions through
    /// `T.sqrt`, `T.log`, ... . `x^q` needs an exact rational constant q: an integer q with
    /// |q| <= `ExpressionLimits.maximumExponent` is applied by repeated squaring (`x^-n` is
    /// `1/x^n`, `x^0` is 1), other rationals (denominator at most
    /// `ExpressionLimits.maximumExponentDenominator`) by `T.pow`. Exact types refuse, with
    /// `.inexact`, powers of more than `ExpressionLimits.maximumExactDigits` digits.
    ///
    /// Throws `EvaluationError` (a `ComputationError` located at the failing node: log of a
    /// negative number, division by zero, pi in `Rational`, ...) or `ExpressionError` for an
    /// exponent that depends on d, is not an exact rational, or is too large.
    /// Recursion depth is the tree height (bounded by the parser).
    public func evaluate<T: ElementaryScalar>(d: T) throws -> T {
        func located<R>(_ operation: String, _ body: () throws -> R) throws -> R {
            do { return try body() } catch let error as ComputationError {
                throw EvaluationError(error, operation: operation, range: range)
            }
        }
        switch self {
        case .variable:
            return d
        case .number(let q, _):
            return d.constant(q)
        case .pi:
            return try located("pi") { try d.pi() }
        case .negate(let x, _):
            return -(try x.evaluate(d: d))
        case .call(let f, let x, _):
            let argument = try x.evaluate(d: d)
            return try located(f.rawValue) { try f.apply(argument) }
        case .binary(let op, let a, let b, _):
            let operation: Operation
            switch op {
            case .add: operation = .add
            case .subtract: operation = .subtract
            case .multiply: operation = .multiply
            case .divide: operation = .divide
            case .power: operation = .power(try Exponent(b))
            }
            let lhs = try a.evaluate(d: d)
            if case .power = operation {
                return try located("^") { try operation.apply(lhs) }
            }
            let rhs = try b.evaluate(d: d)
            return try located(op.rawValue) { try operation.apply(lhs, rhs) }
        }
    }
}

/// `e.evaluate(d: d)`: the value of `e` at `d` in `d`'s type.
public func evaluate<T: ElementaryScalar>(_ e: Expression, d: T) throws -> T {
    try e.evaluate(d: d)
}
