import Numbers

/// How many significant digits a report shows of each backed value (`--digits N` or
/// `--digits all`): the one display rule of every command. It only ever removes digits: a value
/// is shown to min(N, known) significant digits, where `known` is what the computation backs
/// (`ConfirmedDigits`), so no command can show more than it knows.
///
/// Rounding is done on the backed decimal text. Rounding a k-digit rounding of x again to N < k
/// digits gives x rounded to N digits except when the dropped digits are exactly 5 0 ... 0 (x
/// may lie on either side of that tie): such a value is shown with its N + 1 digits instead.
/// Exact values written as fractions ("-5/128") are not decimals and are shown as they are.
public enum DisplayDigits: Equatable, Sendable {
    /// Every backed digit (the default of JSON and CSV).
    case all
    /// At most this many significant digits (at least 1).
    case count(Int)

    /// The default of text and LaTeX: about what a double carries, enough for a table in a paper.
    public static let readable = DisplayDigits.count(16)

    /// "all" or a positive integer; nil for anything else.
    public init?(argument: String) {
        if argument == "all" { self = .all; return }
        guard let n = Int(argument), n >= 1 else { return nil }
        self = .count(n)
    }

    /// The text of a value known to `known` significant digits, shown by this rule, and whether
    /// nonzero known digits were left out (text marks those with "...").
    public func shown(_ text: String, known: Int) -> (text: String, shortened: Bool) {
        guard case .count(let n) = self, n < known, let decimal = DecimalText(text), decimal.digits.count > n else {
            return (text, false)
        }
        var digits = Array(decimal.digits)
        let dropped = digits[n...]
        // A tie: the known digits end in 5 right after the N-th; rounding again could go the wrong way.
        if dropped.first == "5" && dropped.dropFirst().allSatisfy({ $0 == "0" }) { return (text, false) }
        let up = dropped.first! >= "5"
        digits = Array(digits[..<n])
        var exponent = decimal.exponent10
        if up {
            var i = n - 1
            while i >= 0 && digits[i] == "9" { digits[i] = "0"; i -= 1 }
            if i >= 0 { digits[i] = Character(UnicodeScalar(digits[i].asciiValue! + 1)) } else { digits.insert("1", at: 0); digits.removeLast(); exponent += 1 }
        }
        let shortened = dropped.contains { $0 != "0" }
        // The N digits shown are all significant, trailing zeros included ("0.318310...").
        return (BigFloat.layout(negative: decimal.negative, digits: String(digits), exponent10: exponent, keepingZeros: shortened), shortened)
    }

    /// `shown`, with "..." after a shortened value (the text outputs).
    public func marked(_ text: String, known: Int) -> String {
        let (t, shortened) = shown(text, known: known)
        return shortened ? t + "..." : t
    }
}

extension DisplayDigits {
    /// Of the values a report prints (each named, with the digits known of it), the one known to
    /// the fewest digits below N: what `--digits N` cannot show in full. Nil when every value has
    /// its N digits, or for `all`. A value with no known digit (a zero printed with a bound) is
    /// not counted: more precision bounds it tighter but gives it no digit.
    public func shortest(_ known: [(what: String, digits: Int)]) -> (what: String, digits: Int)? {
        guard case .count(let n) = self else { return nil }
        return known.filter { $0.digits > 0 && $0.digits < n }.min { $0.digits < $1.digits }
    }
}

/// A decimal numeral as `BigFloat.formatted(significantDigits:)` writes it ("-0.00125",
/// "1.5e-7", "123.4"): sign, significant digits d1 d2 ... and E with value 0.d1d2... * 10^E.
struct DecimalText {
    var negative: Bool
    var digits: String
    var exponent10: Int

    init?(_ text: String) {
        var s = Substring(text)
        negative = s.hasPrefix("-")
        if negative { s = s.dropFirst() }
        var e = 0
        if let mark = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            guard let power = Int(s[s.index(after: mark)...]) else { return nil }
            e = power
            s = s[..<mark]
        }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              !parts[0].isEmpty || parts.count == 2 else { return nil }
        let whole = String(parts[0]), fraction = parts.count == 2 ? String(parts[1]) : ""
        let all = whole + fraction
        guard let first = all.firstIndex(where: { $0 != "0" }) else { return nil }
        // Position of the first significant digit relative to the decimal point.
        let leading = all.distance(from: all.startIndex, to: first)
        var significant = String(all[first...])
        while significant.count > 1, significant.last == "0" { significant.removeLast() }
        digits = significant
        exponent10 = whole.count - leading + e
    }
}

extension DisplayDigits {
    /// An exact rational by the same rule: an exact value backs every digit, so `count(N)` shows
    /// it correctly rounded to N significant digits (`Rational.formatted`), and `all` shows the
    /// fraction itself ("25/96"), the only finite text that holds all of them. `shortened` says
    /// whether digits were rounded away (text marks those with "...").
    public func shown(exact value: Rational) -> (text: String, shortened: Bool) {
        guard case .count(let n) = self else { return (value.description, false) }
        if value.isZero { return ("0", false) }
        let (digits, e, exact) = value.decimalDigitsAndExponent(significantDigits: n)
        return (BigFloat.layout(negative: value.sign < 0, digits: digits, exponent10: e, keepingZeros: !exact), !exact)
    }

    /// `shown(exact:)`, with "..." after a rounded value (the text outputs).
    public func marked(exact value: Rational) -> String {
        let (t, shortened) = shown(exact: value)
        return shortened ? t + "..." : t
    }
}
