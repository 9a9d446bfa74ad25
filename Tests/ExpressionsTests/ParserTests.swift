import Testing
import Numbers
@testable import Expressions

/// A range for hand-built trees (ranges are not compared by `==`).
private let r = SourceRange(start: 1, end: 2)
private let d = Expression.variable(r)
private func n(_ v: Int) -> Expression { .number(Rational(v), r) }
private func bin(_ op: BinaryOperator, _ a: Expression, _ b: Expression) -> Expression { .binary(op, a, b, r) }
private func neg(_ x: Expression) -> Expression { .negate(x, r) }

private func parseError(_ text: String) -> ExpressionError? {
    do {
        _ = try Expression.parse(text)
        return nil
    } catch let error as ExpressionError {
        return error
    } catch {
        return nil
    }
}

@Suite("Parser")
struct ParserTests {
    @Test("precedence and associativity", arguments: [
        ("-d^2", neg(bin(.power, d, n(2)))),
        ("2^3^2", bin(.power, n(2), bin(.power, n(3), n(2)))),
        ("d^-1", bin(.power, d, neg(n(1)))),
        ("d - 1 - 2", bin(.subtract, bin(.subtract, d, n(1)), n(2))),
        ("d / 2 / 3", bin(.divide, bin(.divide, d, n(2)), n(3))),
        ("1 + 2*d^3", bin(.add, n(1), bin(.multiply, n(2), bin(.power, d, n(3))))),
        ("-d*2", bin(.multiply, neg(d), n(2))),
        ("2*-d", bin(.multiply, n(2), neg(d))),
        ("(d + 1)^2", bin(.power, bin(.add, d, n(1)), n(2))),
        ("d^(1/2)", bin(.power, d, bin(.divide, n(1), n(2)))),
        ("+d", d),
        ("--d", neg(neg(d))),
        ("sqrt(d)^2", bin(.power, .call(.sqrt, d, r), n(2))),
        ("pi*d", bin(.multiply, .pi(r), d)),
    ])
    func precedence(_ text: String, _ expected: Expression) throws {
        #expect(try Expression.parse(text) == expected)
    }

    @Test("decimal literals are exact rationals")
    func decimals() throws {
        #expect(try Expression.parse("0.1") == .number(Rational(1, 10), r))
        #expect(try Expression.parse(".5") == .number(Rational(1, 2), r))
        #expect(try Expression.parse("2.5e-3") == .number(Rational(1, 400), r))
        #expect(try Expression.parse("1E3") == .number(Rational(1000), r))
        #expect(try Expression.parse("3.") == .number(Rational(3), r))
        // "2e" is not an exponent: a number followed by the name e.
        #expect(parseError("2e")?.message == "unexpected 'e' at column 2: expected an operator")
    }

    @Test("source ranges point at the text")
    func ranges() throws {
        let e = try Expression.parse("1 + sqrt(d)")
        guard case .binary(.add, let one, let call, let whole) = e else {
            Issue.record("unexpected tree \(e)")
            return
        }
        #expect(whole == SourceRange(start: 1, end: 12))
        #expect(one.range == SourceRange(start: 1, end: 2))
        #expect(call.range == SourceRange(start: 5, end: 12))
        guard case .call(.sqrt, let argument, _) = call else {
            Issue.record("unexpected call \(call)")
            return
        }
        #expect(argument.range == SourceRange(start: 10, end: 11))
    }

    @Test("errors say what and where", arguments: [
        ("", "empty expression"),
        ("   ", "empty expression"),
        ("sqrt(", "expected an expression after '(' at column 6 (end of input)"),
        ("d +* 2", "expected an expression after '+' at column 4"),
        ("d + ", "expected an expression after '+' at column 5 (end of input)"),
        ("foo(d)", "unknown function 'foo' at column 1: the functions are sqrt, exp, log, sin, cos, asin, acos, atan"),
        ("sqr(d)", "unknown function 'sqr' at column 1: the functions are sqrt, exp, log, sin, cos, asin, acos, atan"),
        ("x + 1", "unknown name 'x' at column 1: the variable is 'd'"),
        ("(d + 1))", "unexpected ')' at column 8"),
        (")", "unexpected ')' at column 1"),
        ("2d", "unexpected 'd' at column 2: expected an operator"),
        ("(d + 1", "expected ')' at column 7 (end of input): to close the '(' at column 1"),
        ("(d + 1 2)", "unexpected '2' at column 8: expected ')' to close the '(' at column 1"),
        ("sqrt d", "expected '(' after 'sqrt' at column 6"),
        ("d # 2", "unexpected character '#' at column 3"),
        ("d, 2", "unexpected character ',' at column 2"),
        ("1e5000", "number '1e5000' is too large at column 1: a decimal exponent must be at most 1000 in magnitude"),
        ("d^", "expected an expression after '^' at column 3 (end of input)"),
        ("*d", "unexpected '*' at column 1"),
    ])
    func errors(_ text: String, _ message: String) {
        #expect(parseError(text)?.message == message)
    }

    @Test("the caret line points at the column")
    func caret() throws {
        let error = try #require(parseError("(d + 1))"))
        #expect(error.column == 8)
        #expect(error.caretLine == "       ^")
        #expect(error.description == "unexpected ')' at column 8\n(d + 1))\n       ^")
    }

    @Test("deep nesting and long inputs fail cleanly")
    func limits() {
        let parens = String(repeating: "(", count: 4000) + "d" + String(repeating: ")", count: 4000)
        #expect(parseError(parens)?.problem == "expression nested too deeply")
        let signs = String(repeating: "-", count: 5000) + "d"
        #expect(parseError(signs)?.problem == "expression nested too deeply")
        let powers = Array(repeating: "d", count: 3000).joined(separator: "^")
        #expect(parseError(powers)?.problem == "expression nested too deeply")
        let sum = Array(repeating: "d", count: 2000).joined(separator: "+")
        #expect(parseError(sum)?.problem == "expression too deep")
        let long = String(repeating: "1", count: 20_000)
        #expect(parseError(long)?.problem == "expression too long")
        // Within the limits: 150 nested parentheses and a sum of 900 terms.
        let fine = String(repeating: "(", count: 150) + "d" + String(repeating: ")", count: 150)
        #expect(parseError(fine) == nil)
        #expect(parseError(Array(repeating: "d", count: 900).joined(separator: "+")) == nil)
    }

    @Test("printing round-trips", arguments: [
        "d", "-d^2", "(-d)^2", "2^3^2", "(2^3)^2", "d - (1 - d)", "d - 1 - d", "d/(2*d)", "d/2*d",
        "sqrt(d^2 + d) - d", "acos(1 - 1/d)", "(d + 1)^2.5", "d^(-3/2)", "d^-1", "exp(1/d)*sqrt(d)",
        "-(d + 1)", "--d", "0.1 + 0.25*d", "2.5e-3", "pi - atan(d)", "log(1 + 1/d)*d", "-d*-d", "d^(1/2)^3",
    ])
    func roundTrip(_ text: String) throws {
        let e = try Expression.parse(text)
        let printed = e.description
        let again = try Expression.parse(printed)
        #expect(again == e, "\(text) printed as \(printed)")
        #expect(again.description == printed)
    }

    @Test("random trees round-trip through their printed form")
    func randomRoundTrip() throws {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<300 {
            let e = randomExpression(depth: 5, &rng)
            let printed = e.description
            #expect(try Expression.parse(printed) == e, "printed: \(printed)")
        }
    }

    @Test("non-decimal literals built in code print as a quotient")
    func quotientLiteral() {
        #expect(Expression.number(Rational(1, 3), r).description == "1/3")
        #expect(bin(.power, d, .number(Rational(1, 3), r)).description == "d^(1/3)")
        #expect(bin(.multiply, d, .number(Rational(1, 8), r)).description == "d*0.125")
    }
}


func randomExpression(depth: Int, _ rng: inout SplitMix64) -> Expression {
    let r = SourceRange(start: 1, end: 2)
    if depth == 0 || Int.random(in: 0..<4, using: &rng) == 0 {
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: return .variable(r)
        case 1: return .pi(r)
        case 2: return .number(Rational(Int.random(in: 0...20, using: &rng)), r)
        default: return .number(Rational(Int.random(in: 1...999, using: &rng), 100), r)
        }
    }
    switch Int.random(in: 0..<7, using: &rng) {
    case 0: return .negate(randomExpression(depth: depth - 1, &rng), r)
    case 1: return .call(ElementaryFunction.allCases.randomElement(using: &rng)!, randomExpression(depth: depth - 1, &rng), r)
    default:
        let op = [BinaryOperator.add, .subtract, .multiply, .divide, .power].randomElement(using: &rng)!
        return .binary(op, randomExpression(depth: depth - 1, &rng), randomExpression(depth: depth - 1, &rng), r)
    }
}
