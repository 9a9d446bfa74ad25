import Numbers

/// A `ComputationError` raised while evaluating one node of an expression, with the
/// operation and the source range of that node, so messages can say where it happened.
public struct EvaluationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What failed (domain, inexact or undecidable).
    public let reason: ComputationError
    /// The operation that failed: a function name, an operator, "pi", "d" or a number.
    public let operation: String
    /// The node's source range.
    public let range: SourceRange

    public init(_ reason: ComputationError, operation: String, range: SourceRange) {
        self.reason = reason
        self.operation = operation
        self.range = range
    }

    /// One line: "domain error: log of ... (in 'log' at column 1)".
    public var message: String { "\(reason) (in '\(operation)' at column \(range.start))" }
    public var description: String { message }
}
