/// A problem with the text of an expression: a syntax error, an unknown name, an exponent
/// that is not an exact constant, or a size limit. It says what went wrong and where.
///
/// `message` is one line, "<problem> at column N[: <detail>]" (1-based character
/// column; the column just past the last character, marked "(end of input)", when the
/// input ended too early), or just "empty expression". `caretLine` puts a `^` under that
/// column, so that the input and `caretLine` printed one above the other point at the spot.
public struct ExpressionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong, without the location ("unexpected ')'").
    public let problem: String
    /// 1-based character column of the offending spot.
    public let column: Int
    /// More explanation after the location ("expected an operator"), if any.
    public let detail: String?
    /// The whole input, when known (errors found while evaluating a syntax tree carry only
    /// the column; `withInput(_:)` attaches the text).
    public let input: String?

    public init(_ problem: String, column: Int, detail: String? = nil, input: String?) {
        self.problem = problem
        self.column = column
        self.detail = detail
        self.input = input
    }

    /// The error for an input with nothing to parse.
    static func empty(_ input: String) -> ExpressionError {
        ExpressionError("empty expression", column: 1, input: input)
    }

    /// One line: the problem, its column and the detail ("unexpected ')' at column 7").
    public var message: String {
        if self == .empty(input ?? "") { return problem }
        var text = "\(problem) at column \(column)"
        if let input, column > input.count { text += " (end of input)" }
        if let detail { text += ": " + detail }
        return text
    }

    /// Spaces and a caret under `column` (tabs kept so the caret lines up in a terminal).
    public var caretLine: String {
        let prefix = (input ?? "").prefix(column - 1).map { $0 == "\t" ? "\t" : " " }.joined()
        return prefix + String(repeating: " ", count: max(0, column - 1 - prefix.count)) + "^"
    }

    /// The message, the input and the caret line.
    public var description: String { message + "\n" + (input ?? "") + "\n" + caretLine }

    /// The same error with the input text attached.
    public func withInput(_ text: String) -> ExpressionError {
        ExpressionError(problem, column: column, detail: detail, input: text)
    }
}
