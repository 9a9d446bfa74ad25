import Numbers

extension Expression: CustomStringConvertible {
    /// The expression in the parser's syntax with the fewest parentheses that keep its
    /// structure: `Expression.parse(e.description) == e` for every parsed `e`. Exponents
    /// that are not a single atom are parenthesised (`d^(-1/2)`), as are bases that are not
    /// atoms (`(d + 1)^2`).
    public var description: String { printed(minimumPrecedence: 0) }

    /// Binding strength of the node's outermost operator: sums 1, products 2, unary
    /// minus 3, powers 4, atoms 5.
    var precedence: Int {
        switch self {
        case .variable, .pi, .call: return 5
        case .number(let q, _): return q.terminatingDecimal == nil ? 2 : 5
        case .negate: return 3
        case .binary(let op, _, _, _):
            switch op {
            case .add, .subtract: return 1
            case .multiply, .divide: return 2
            case .power: return 4
            }
        }
    }

    func printed(minimumPrecedence: Int) -> String {
        let text: String
        switch self {
        case .variable: text = "d"
        case .pi: text = "pi"
        case .number(let q, _): text = q.terminatingDecimal ?? q.description
        case .negate(let x, _): text = "-" + x.printed(minimumPrecedence: 3)
        case .call(let f, let x, _): text = f.rawValue + "(" + x.printed(minimumPrecedence: 0) + ")"
        case .binary(let op, let a, let b, _):
            switch op {
            case .add, .subtract:
                text = a.printed(minimumPrecedence: 1) + " " + op.rawValue + " " + b.printed(minimumPrecedence: 2)
            case .multiply, .divide:
                text = a.printed(minimumPrecedence: 2) + op.rawValue + b.printed(minimumPrecedence: 3)
            case .power:
                let exponent = b.precedence == 5 ? b.printed(minimumPrecedence: 5) : "(" + b.printed(minimumPrecedence: 0) + ")"
                text = a.printed(minimumPrecedence: 5) + "^" + exponent
            }
        }
        return precedence >= minimumPrecedence ? text : "(" + text + ")"
    }
}

extension Rational {
    /// The exact decimal text of a non-negative rational whose denominator divides a power
    /// of ten ("0.125", "42"); nil for negative values and for other denominators.
    var terminatingDecimal: String? {
        guard sign >= 0 else { return nil }
        if isInteger { return description }
        // Strip the factors 2 and 5 from the denominator; anything left is not decimal.
        guard var rest = Rational(denominator.description) else { return nil }
        var twos = 0, fives = 0
        for (p, count) in [(Rational(2), 0), (Rational(5), 1)] {
            while true {
                guard let q = try? rest / p, q.isInteger else { break }
                rest = q
                if count == 0 { twos += 1 } else { fives += 1 }
            }
        }
        guard rest == .one, let scale = try? Rational(10).power(Swift.max(twos, fives)) else { return nil }
        let places = Swift.max(twos, fives)
        var digits = (self * scale).description
        if digits.count <= places { digits = String(repeating: "0", count: places - digits.count + 1) + digits }
        let split = digits.index(digits.endIndex, offsetBy: -places)
        return String(digits[..<split]) + "." + String(digits[split...])
    }
}
