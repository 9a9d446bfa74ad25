import Numbers
import Series

/// The exponent of a `^` node, checked once: an exact rational constant of magnitude at
/// most `ExpressionLimits.maximumExponent` with a denominator at most
/// `ExpressionLimits.maximumExponentDenominator`.
enum Exponent: Equatable {
    /// An integer exponent, applied by repeated squaring (and one division if negative).
    case integer(Int)
    /// A non-integer rational exponent, applied by `T.pow`.
    case rational(Rational)

    /// Evaluates and checks the exponent expression of a `^` node.
    ///
    /// Throws `ExpressionError` when it contains `d`, is not an exact rational (pi,
    /// sqrt(2)) or is too large; an `EvaluationError` for a domain error inside it (1/0).
    init(_ e: Expression) throws {
        let column = e.range.start
        guard !e.containsVariable else {
            throw ExpressionError("exponent depends on 'd'", column: column,
                                  detail: "an exponent must be an exact rational constant", input: nil)
        }
        let q: Rational
        do {
            q = try e.evaluate(d: Rational.zero)
        } catch let error as EvaluationError {
            guard case .inexact(let why) = error.reason else { throw error }
            throw ExpressionError("exponent is not an exact rational", column: column, detail: why, input: nil)
        }
        let bound = ExpressionLimits.maximumExponent, denominatorBound = ExpressionLimits.maximumExponentDenominator
        guard let (p, den) = q.intComponents, den <= denominatorBound, p.magnitude <= bound * den else {
            throw ExpressionError("exponent \(q) is out of range", column: column,
                                  detail: "an exponent must be at most \(bound) in magnitude with a denominator at most \(denominatorBound)",
                                  input: nil)
        }
        self = den == 1 ? .integer(p) : .rational(q)
    }
}

/// One step of evaluation, written once for every `ElementaryScalar`. Errors are the
/// scalar type's `ComputationError`s; callers attach the node's location.
enum Operation {
    case negate, add, subtract, multiply, divide
    case power(Exponent)
    case function(ElementaryFunction)

    /// How messages name the operation.
    var name: String {
        switch self {
        case .negate: return "-"
        case .add: return "+"
        case .subtract: return "-"
        case .multiply: return "*"
        case .divide: return "/"
        case .power: return "^"
        case .function(let f): return f.rawValue
        }
    }

    /// `op(a)` for unary operations, `a op b` for binary ones.
    func apply<T: ElementaryScalar>(_ a: T, _ b: T? = nil) throws -> T {
        switch self {
        case .negate: return -a
        case .add: return a + b!
        case .subtract: return a - b!
        case .multiply: return a * b!
        case .divide: return try a / b!
        case .power(.integer(let n)): return try Operation.integerPower(a, n)
        case .power(.rational(let q)):
            try Operation.checkExactSize(a, exponentMagnitude: abs(q.doubleValue))
            return try T.pow(a, q)
        case .function(let f): return try f.apply(a)
        }
    }

    /// x^n by repeated squaring; x^0 = 1 (also for x = 0); x^(-n) = 1 / x^n.
    /// For exact types (`Rational`, exact-coefficient series) throws `.inexact` instead of
    /// building numbers of more than `ExpressionLimits.maximumExactDigits` digits.
    static func integerPower<T: ElementaryScalar>(_ x: T, _ n: Int) throws -> T {
        if n == 0 { return x.constant(.one) }
        try checkExactSize(x, exponentMagnitude: Double(n.magnitude))
        var result: T? = nil
        var base = x, e = n.magnitude
        while e > 0 {
            if e & 1 == 1 { result = result.map { $0 * base } ?? base }
            e >>= 1
            if e > 0 { base = base * base }
        }
        return n < 0 ? try x.constant(.one) / result! : result!
    }
}

extension Operation {
    /// For exact types, throws `.inexact` when x^e would have more than
    /// `ExpressionLimits.maximumExactDigits` digits (so the caller continues numerically).
    static func checkExactSize<T>(_ x: T, exponentMagnitude e: Double) throws {
        guard let measured = x as? any ExactSize else { return }
        let predicted = Double(measured.exactDigits) * e
        if predicted > Double(ExpressionLimits.maximumExactDigits) {
            throw ComputationError.inexact("a power with about \(Int(predicted)) digits is too large to compute exactly")
        }
    }
}

/// Exact values whose size (in decimal digits) bounds the cost of exact arithmetic.
protocol ExactSize {
    /// Digits of numerator and denominator of the largest number held, plus the digits
    /// by which a power's coefficients can grow from the number of terms.
    var exactDigits: Int { get }
}

extension Rational: ExactSize {
    var exactDigits: Int { numerator.description.count + denominator.description.count }
}

extension PuiseuxSeries: ExactSize where C == Rational {
    var exactDigits: Int {
        let largest = coefficients.map(\.exactDigits).max() ?? 1
        return largest + String(coefficients.count).count
    }
}
