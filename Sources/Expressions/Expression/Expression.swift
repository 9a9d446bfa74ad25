import Numbers

/// A span of the source text, in 1-based character columns: `start` is the column of the
/// first character, `end` the column just past the last one (so `end - start` characters).
public struct SourceRange: Hashable, Sendable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        precondition(start >= 1 && end >= start, "invalid source range \(start)..<\(end)")
        self.start = start
        self.end = end
    }

    /// The smallest range covering both.
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(start: Swift.min(start, other.start), end: Swift.max(end, other.end))
    }

    public var description: String { "columns \(start)..<\(end)" }
}

/// The functions an expression may call (one argument each).
public enum ElementaryFunction: String, CaseIterable, Sendable {
    case sqrt, exp, log, sin, cos, asin, acos, atan

    /// Applies the function in any `ElementaryScalar`.
    @inlinable public func apply<T: ElementaryScalar>(_ x: T) throws -> T {
        switch self {
        case .sqrt: return try T.sqrt(x)
        case .exp: return try T.exp(x)
        case .log: return try T.log(x)
        case .sin: return try T.sin(x)
        case .cos: return try T.cos(x)
        case .asin: return try T.asin(x)
        case .acos: return try T.acos(x)
        case .atan: return try T.atan(x)
        }
    }
}

/// The binary operators, in the usual precedence: `+ -` < `* /` < `^`.
public enum BinaryOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", power = "^"
}

/// An expression in the single variable `d`, as parsed by `Expression.parse(_:)`.
///
/// Every node records the `SourceRange` it was parsed from so that evaluation errors can
/// point at the text. Numbers are exact rationals (decimal literals included: `0.1` is
/// 1/10); a literal is never negative (a leading minus is a `.negate` node).
///
/// Equality (`==`) compares structure and values and ignores source ranges, so an
/// expression equals the result of parsing its own `description`.
public indirect enum Expression: Sendable {
    /// The variable `d`.
    case variable(SourceRange)
    /// A non-negative exact number written as a literal.
    case number(Rational, SourceRange)
    /// The constant pi.
    case pi(SourceRange)
    /// Unary minus.
    case negate(Expression, SourceRange)
    /// `lhs op rhs`; for `.power` the right side must evaluate to an exact rational constant.
    case binary(BinaryOperator, Expression, Expression, SourceRange)
    /// `function(argument)`.
    case call(ElementaryFunction, Expression, SourceRange)

    /// Where the node was parsed from.
    public var range: SourceRange {
        switch self {
        case .variable(let r), .number(_, let r), .pi(let r), .negate(_, let r),
             .binary(_, _, _, let r), .call(_, _, let r):
            return r
        }
    }

    /// Whether `d` occurs in the expression.
    public var containsVariable: Bool {
        switch self {
        case .variable: return true
        case .number, .pi: return false
        case .negate(let x, _), .call(_, let x, _): return x.containsVariable
        case .binary(_, let a, let b, _): return a.containsVariable || b.containsVariable
        }
    }

    /// Height of the tree (a leaf has depth 1).
    public var depth: Int {
        switch self {
        case .variable, .number, .pi: return 1
        case .negate(let x, _), .call(_, let x, _): return x.depth + 1
        case .binary(_, let a, let b, _): return Swift.max(a.depth, b.depth) + 1
        }
    }
}

extension Expression: Equatable {
    public static func == (lhs: Expression, rhs: Expression) -> Bool {
        switch (lhs, rhs) {
        case (.variable, .variable), (.pi, .pi): return true
        case let (.number(a, _), .number(b, _)): return a == b
        case let (.negate(a, _), .negate(b, _)): return a == b
        case let (.binary(opA, a1, a2, _), .binary(opB, b1, b2, _)): return opA == opB && a1 == b1 && a2 == b2
        case let (.call(fA, a, _), .call(fB, b, _)): return fA == fB && a == b
        default: return false
        }
    }
}
