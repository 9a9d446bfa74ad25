import Numbers

extension Expression {
    /// Parses an expression in `d`.
    ///
    /// Grammar (recursive descent; `^` is right-associative and binds tighter than a sign,
    /// so `-d^2` is `-(d^2)`, `2^3^2` is `2^9` and `d^-1` is `d^(-1)`):
    ///
    ///     sum     := product (("+" | "-") product)*
    ///     product := unary (("*" | "/") unary)*
    ///     unary   := ("-" | "+") unary | power
    ///     power   := primary ("^" unary)?
    ///     primary := number | "d" | "pi" | function "(" sum ")" | "(" sum ")"
    ///     function:= sqrt | exp | log | sin | cos | asin | acos | atan
    ///
    /// Numbers are exact decimal literals (`12`, `0.1`, `.5`, `2.5e-3`); `a/b` is a division.
    /// There is no implicit multiplication (`2d` is an error: write `2*d`).
    ///
    /// Throws `ExpressionError` (what and at which column) on a syntax error, an unknown
    /// name, empty input, or when a limit of `ExpressionLimits` is exceeded. Runs in time
    /// linear in the input and recursion bounded by `ExpressionLimits.maximumNesting`.
    public static func parse(_ input: String) throws -> Expression {
        let length = input.count
        guard length <= ExpressionLimits.maximumLength else {
            throw ExpressionError("expression too long", column: ExpressionLimits.maximumLength + 1,
                                  detail: "\(length) characters, at most \(ExpressionLimits.maximumLength)", input: input)
        }
        var parser = Parser(tokens: try Tokenizer(input).tokenize(), input: input)
        return try parser.parseAll()
    }
}

/// The recursive-descent parser behind `Expression.parse`.
struct Parser {
    /// A parsed subtree and its height.
    struct Node {
        let expression: Expression
        let depth: Int
    }

    let tokens: [Token]
    let input: String
    var position = 0
    var nesting = 0

    init(tokens: [Token], input: String) {
        self.tokens = tokens
        self.input = input
    }

    var current: Token { tokens[position] }

    mutating func advance() -> Token {
        let t = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return t
    }

    func error(_ problem: String, at token: Token, detail: String? = nil) -> ExpressionError {
        ExpressionError(problem, column: token.range.start, detail: detail, input: input)
    }

    mutating func parseAll() throws -> Expression {
        if current.kind == .end { throw ExpressionError.empty(input) }
        let node = try parseSum(after: nil)
        guard current.kind == .end else {
            if current.kind == .rightParen { throw error("unexpected ')'", at: current) }
            throw error("unexpected \(current.quoted)", at: current, detail: "expected an operator")
        }
        return node.expression
    }

    /// Builds a binary node, enforcing the tree-height limit.
    func binary(_ op: BinaryOperator, _ a: Node, _ b: Node, at token: Token) throws -> Node {
        let depth = max(a.depth, b.depth) + 1
        guard depth <= ExpressionLimits.maximumDepth else {
            throw error("expression too deep", at: token,
                        detail: "more than \(ExpressionLimits.maximumDepth) nested operations")
        }
        let range = a.expression.range.union(b.expression.range)
        return Node(expression: .binary(op, a.expression, b.expression, range), depth: depth)
    }

    mutating func parseSum(after previous: Token?) throws -> Node {
        var lhs = try parseProduct(after: previous)
        while current.kind == .plus || current.kind == .minus {
            let op = advance()
            let rhs = try parseProduct(after: op)
            lhs = try binary(op.kind == .plus ? .add : .subtract, lhs, rhs, at: op)
        }
        return lhs
    }

    mutating func parseProduct(after previous: Token?) throws -> Node {
        var lhs = try parseUnary(after: previous)
        while current.kind == .star || current.kind == .slash {
            let op = advance()
            let rhs = try parseUnary(after: op)
            lhs = try binary(op.kind == .star ? .multiply : .divide, lhs, rhs, at: op)
        }
        return lhs
    }

    mutating func parseUnary(after previous: Token?) throws -> Node {
        nesting += 1
        defer { nesting -= 1 }
        guard nesting <= ExpressionLimits.maximumNesting else {
            throw error("expression nested too deeply", at: current,
                        detail: "more than \(ExpressionLimits.maximumNesting) levels of parentheses, signs and exponents")
        }
        switch current.kind {
        case .minus:
            let sign = advance()
            let operand = try parseUnary(after: sign)
            let range = sign.range.union(operand.expression.range)
            return Node(expression: .negate(operand.expression, range), depth: operand.depth + 1)
        case .plus:
            let sign = advance()
            return try parseUnary(after: sign)
        default:
            return try parsePower(after: previous)
        }
    }

    mutating func parsePower(after previous: Token?) throws -> Node {
        let base = try parsePrimary(after: previous)
        guard current.kind == .caret else { return base }
        let caret = advance()
        let exponent = try parseUnary(after: caret)
        return try binary(.power, base, exponent, at: caret)
    }

    mutating func parsePrimary(after previous: Token?) throws -> Node {
        let token = current
        switch token.kind {
        case .number(let q):
            _ = advance()
            return Node(expression: .number(q, token.range), depth: 1)
        case .identifier(let name):
            _ = advance()
            if name == "d" { return Node(expression: .variable(token.range), depth: 1) }
            if name == "pi" { return Node(expression: .pi(token.range), depth: 1) }
            if let function = ElementaryFunction(rawValue: name) {
                guard current.kind == .leftParen else {
                    throw error("expected '(' after '\(name)'", at: current)
                }
                let open = advance()
                let argument = try parseSum(after: open)
                let close = try expectClosing(open)
                return Node(expression: .call(function, argument.expression, token.range.union(close.range)),
                            depth: argument.depth + 1)
            }
            if current.kind == .leftParen {
                let known = ElementaryFunction.allCases.map(\.rawValue).joined(separator: ", ")
                throw error("unknown function '\(name)'", at: token, detail: "the functions are \(known)")
            }
            throw error("unknown name '\(name)'", at: token, detail: "the variable is 'd'")
        case .leftParen:
            let open = advance()
            let inner = try parseSum(after: open)
            let close = try expectClosing(open)
            // Parentheses make no node; widen the range so errors point at the whole group.
            return Node(expression: inner.expression.withRange(open.range.union(close.range)), depth: inner.depth)
        default:
            if let previous {
                throw error("expected an expression after \(previous.quoted)", at: token)
            }
            throw error("unexpected \(token.quoted)", at: token)
        }
    }

    mutating func expectClosing(_ open: Token) throws -> Token {
        guard current.kind == .rightParen else {
            if current.kind == .end {
                throw error("expected ')'", at: current, detail: "to close the '(' at column \(open.range.start)")
            }
            throw error("unexpected \(current.quoted)", at: current,
                        detail: "expected ')' to close the '(' at column \(open.range.start)")
        }
        return advance()
    }
}

extension Expression {
    /// The same node with another source range.
    func withRange(_ r: SourceRange) -> Expression {
        switch self {
        case .variable: return .variable(r)
        case .number(let q, _): return .number(q, r)
        case .pi: return .pi(r)
        case .negate(let x, _): return .negate(x, r)
        case .binary(let op, let a, let b, _): return .binary(op, a, b, r)
        case .call(let f, let x, _): return .call(f, x, r)
        }
    }
}
