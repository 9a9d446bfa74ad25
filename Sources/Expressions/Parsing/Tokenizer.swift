import Numbers

/// One lexical token with the columns it spans.
struct Token: Sendable {
    enum Kind: Equatable, Sendable {
        case number(Rational)
        case identifier(String)
        case plus, minus, star, slash, caret, leftParen, rightParen
        case end
    }

    let kind: Kind
    let range: SourceRange
    /// The source text of the token ("" for `.end`).
    let text: String

    /// How error messages quote the token: `'+'`, `'sqrt'`, or "end of input".
    var quoted: String { kind == .end ? "end of input" : "'\(text)'" }
}

/// Splits an expression into tokens. Numbers are decimal literals read exactly
/// (`0.1` = 1/10, `2.5e-3` = 1/400), with a decimal exponent of at most
/// `ExpressionLimits.maximumDecimalExponent` in magnitude. Whitespace separates tokens.
struct Tokenizer {
    let characters: [Character]
    let input: String

    init(_ input: String) {
        self.input = input
        characters = Array(input)
    }

    func error(_ problem: String, column: Int) -> ExpressionError {
        ExpressionError(problem, column: column, input: input)
    }

    func tokenize() throws -> [Token] {
        var tokens = [Token]()
        var i = 0
        while i < characters.count {
            let c = characters[i]
            if c.isWhitespace { i += 1; continue }
            let start = i
            let single: Token.Kind?
            switch c {
            case "+": single = .plus
            case "-": single = .minus
            case "*": single = .star
            case "/": single = .slash
            case "^": single = .caret
            case "(": single = .leftParen
            case ")": single = .rightParen
            default: single = nil
            }
            if let single {
                tokens.append(Token(kind: single, range: SourceRange(start: i + 1, end: i + 2), text: String(c)))
                i += 1
            } else if c.isASCIIDigit || (c == "." && i + 1 < characters.count && characters[i + 1].isASCIIDigit) {
                i = try scanNumber(from: start, into: &tokens)
            } else if c.isASCIILetter || c == "_" {
                while i < characters.count, characters[i].isASCIILetter || characters[i].isASCIIDigit || characters[i] == "_" { i += 1 }
                let name = String(characters[start..<i])
                tokens.append(Token(kind: .identifier(name), range: SourceRange(start: start + 1, end: i + 1), text: name))
            } else {
                throw error("unexpected character '\(c)'", column: i + 1)
            }
        }
        let endColumn = characters.count + 1
        tokens.append(Token(kind: .end, range: SourceRange(start: endColumn, end: endColumn), text: ""))
        return tokens
    }

    /// Reads `digits [. digits] [e [+-] digits]` starting at `start`; returns the index after it.
    private func scanNumber(from start: Int, into tokens: inout [Token]) throws -> Int {
        var i = start
        func skipDigits() { while i < characters.count, characters[i].isASCIIDigit { i += 1 } }
        skipDigits()
        if i < characters.count, characters[i] == "." {
            i += 1
            skipDigits()
        }
        // An exponent only if digits follow (so "2e" stays a number followed by a name).
        if i < characters.count, characters[i] == "e" || characters[i] == "E" {
            var j = i + 1
            if j < characters.count, characters[j] == "+" || characters[j] == "-" { j += 1 }
            if j < characters.count, characters[j].isASCIIDigit {
                let digitsStart = j
                while j < characters.count, characters[j].isASCIIDigit { j += 1 }
                let exponentDigits = String(characters[digitsStart..<j])
                let bound = ExpressionLimits.maximumDecimalExponent
                if exponentDigits.count > 9 || Int(exponentDigits)! > bound {
                    throw ExpressionError("number '\(String(characters[start..<j]))' is too large", column: start + 1,
                                          detail: "a decimal exponent must be at most \(bound) in magnitude", input: input)
                }
                i = j
            }
        }
        let text = String(characters[start..<i])
        guard let value = Rational(decimal: text) else {
            throw error("malformed number '\(text)'", column: start + 1)
        }
        tokens.append(Token(kind: .number(value), range: SourceRange(start: start + 1, end: i + 1), text: text))
        return i
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
    var isASCIILetter: Bool { isASCII && isLetter }
}
