import Testing
import Numbers
@testable import Export

@Suite("DisplayDigits: the one rule for the digits shown")
struct DisplayDigitsTests {
    @Test("shortening the backed text equals rounding the value itself (away from ties)")
    func agreesWithDirectRounding() {
        // Independent computation: MPFR's own rounding of the value to N digits.
        var generator = SplitMix64(seed: 14)
        var checked = 0
        for _ in 0..<400 {
            let mantissa = Double(generator.next() % 1_000_000_000_000) / 1e11 - 5
            let scale = [1e-9, 1e-3, 1, 1e4, 1e25][Int(generator.next() % 5)]
            let x = BigFloat(mantissa * scale, precision: 200) * (BigFloat(1, precision: 200) + BigFloat(Double(generator.next() % 997) * 1e-30, precision: 200))
            guard !x.isZero else { continue }
            let known = 10 + Int(generator.next() % 30)
            let text = x.formatted(significantDigits: known)
            for n in [1, 2, 5, 9] {
                let (shown, _) = DisplayDigits.count(n).shown(text, known: known)
                let digits = x.decimalDigitsAndExponent(significantDigits: known).0
                // Ties (known digits 5 0 ... 0 after the N-th) are shown unrounded, by the rule.
                if digits.count > n, digits.dropFirst(n).first == "5", digits.dropFirst(n + 1).allSatisfy({ $0 == "0" }) { continue }
                // Equal as numbers: the shown text keeps the zeros the rounding made significant.
                #expect(BigFloat(shown, precision: 200) == BigFloat(x.formatted(significantDigits: n), precision: 200), "\(text) to \(n) digits")
                #expect((DecimalText(shown)?.digits.count ?? 0) <= n)
                checked += 1
            }
        }
        #expect(checked > 1000)
    }

    @Test("never more than known; carries; scientific notation; fractions and ties untouched")
    func edges() {
        #expect(DisplayDigits.count(30).shown("1.25", known: 3) == ("1.25", false))
        #expect(DisplayDigits.all.shown("1.2345678", known: 8) == ("1.2345678", false))
        #expect(DisplayDigits.count(3).shown("9.9996", known: 5) == ("10.0", true))
        #expect(DisplayDigits.count(6).shown("0.31830988618", known: 11) == ("0.318310", true))
        #expect(DisplayDigits.count(2).shown("-0.0012349", known: 5) == ("-0.0012", true))
        #expect(DisplayDigits.count(3).shown("1.23456e-7", known: 6) == ("1.23e-7", true))
        #expect(DisplayDigits.count(3).shown("99950", known: 4) == ("99950", false))  // a tie: 9995|0
        #expect(DisplayDigits.count(2).shown("2", known: 77) == ("2", false))
        #expect(DisplayDigits.count(2).shown("-5/128", known: 77) == ("-5/128", false))
        #expect(DisplayDigits.count(4).marked("0.2973576327", known: 10) == "0.2974...")
        #expect(DisplayDigits.count(4).marked("0.25", known: 77) == "0.25")
    }

    @Test("parsed from 'all' or a positive whole number only")
    func parsing() {
        #expect(DisplayDigits(argument: "all") == .all)
        #expect(DisplayDigits(argument: "12") == .count(12))
        for bad in ["0", "-3", "x", "1.5", ""] { #expect(DisplayDigits(argument: bad) == nil) }
    }

    @Test("exact rationals: N digits correctly rounded, all as the fraction, \"...\" only when rounded")
    func exactValues() {
        // Worked by hand: 2/3 = 0.666..., 1/8 = 0.125 exactly, 1/8 at two digits is a tie (to even).
        #expect(DisplayDigits.count(3).shown(exact: Rational(2, 3)) == ("0.667", true))
        #expect(DisplayDigits.count(3).marked(exact: Rational(2, 3)) == "0.667...")
        #expect(DisplayDigits.count(5).shown(exact: Rational(1, 8)) == ("0.125", false))
        #expect(DisplayDigits.count(5).marked(exact: Rational(1, 8)) == "0.125")
        #expect(DisplayDigits.count(2).shown(exact: Rational(1, 8)) == ("0.12", true))
        #expect(DisplayDigits.count(4).shown(exact: Rational(-7, 30)) == ("-0.2333", true))
        #expect(DisplayDigits.count(4).shown(exact: .zero) == ("0", false))
        #expect(DisplayDigits.all.shown(exact: Rational(7, 30)) == ("7/30", false))
        #expect(DisplayDigits.all.marked(exact: Rational(3)) == "3")
    }
}

@Suite("DisplayDigits.shortest: what --digits N cannot show in full")
struct DisplayDigitsShortestTests {
    @Test("the value with the fewest known digits below N; zeros with a bound and `all` ask for nothing")
    func shortest() {
        let values = [(what: "a", digits: 40), (what: "b", digits: 12), (what: "zero", digits: 0), (what: "c", digits: 9), (what: "d", digits: 30)]
        #expect(DisplayDigits.count(20).shortest(values)?.what == "c")
        #expect(DisplayDigits.count(20).shortest(values)?.digits == 9)
        // Every value with a digit has its N: nothing is short, the zero included.
        #expect(DisplayDigits.count(9).shortest(values) == nil)
        #expect(DisplayDigits.count(10).shortest(values)?.what == "c")
        #expect(DisplayDigits.all.shortest(values) == nil)
        #expect(DisplayDigits.count(5).shortest([]) == nil)
    }
}
