import Testing
import Foundation
import Numbers
import Series
@testable import Expressions

/// Working precision of the reference evaluations: well above the 256-bit expansions.
private let referenceBits = 512

private func expand(_ text: String, terms: Int, precision: Int = 256, numeric: Bool = false) throws -> Expansion {
    try Expansion(expanding: Expression.parse(text),
                  options: ExpansionOptions(target: .terms(terms), precision: precision, forceNumeric: numeric))
}

/// The truncated series at d, summed from the printed coefficients (or the rationals).
private func partialSum(_ x: Expansion, at d: BigFloat) throws -> BigFloat {
    var sum = BigFloat.zero(precision: referenceBits)
    for term in x.terms {
        let c = term.rational.map { BigFloat($0, precision: referenceBits) }
            ?? BigFloat(term.coefficient, precision: referenceBits)!
        sum += c * (try BigFloat.pow(d, term.exponent))
    }
    return sum
}

/// log10 |x| as a Double (x finite and nonzero).
private func log10Magnitude(_ x: BigFloat) throws -> Double {
    try (BigFloat.log(x.magnitude) / BigFloat.log(BigFloat(10, precision: referenceBits))).doubleValue
}

/// Checks the expansion against direct MPFR evaluation of the expression at d = 10^4,
/// 10^6, 10^8: the error must be at most C d^order with a modest C, and shrink between
/// consecutive d by the factor the O-term predicts (within a factor 10^0.3).
private func checkAgainstDirectEvaluation(_ text: String, _ x: Expansion, constant: Double = 10) throws {
    let order = try #require(x.order, "\(text) should have an O-term")
    let e = try Expression.parse(text)
    var logErrors = [Double]()
    for k in [4, 6, 8] {
        let d = BigFloat(try Rational(10).power(k), precision: referenceBits)
        let direct = try e.evaluate(d: d)
        let error = (direct - (try partialSum(x, at: d))).magnitude
        let bound = try BigFloat.pow(d, order).multiplied(by: Rational(Int(constant)))
        #expect(error <= bound, "\(text) at d = 1e\(k): error \(error) above \(constant) d^(\(order))")
        #expect(!error.isZero, "\(text) at d = 1e\(k): zero error; the truncation is not visible")
        if !error.isZero { logErrors.append(try log10Magnitude(error)) }
    }
    guard logErrors.count == 3 else { return }
    // Each step multiplies d by 100, so log10(error) drops by -2 * order.
    let expectedDrop = -2 * order.doubleValue
    for i in 0..<2 {
        let drop = logErrors[i] - logErrors[i + 1]
        #expect(abs(drop - expectedDrop) < 0.3, "\(text): error fell by 10^\(drop), expected 10^\(expectedDrop)")
    }
}

/// The kernel combination along the Delta S_d family (MATH.md section 1, a = -1 + 2/d, b = 2/d),
/// written out exactly as the formula reads.
private let kernelExpression: String = {
    func f(_ x: String, _ y: String, _ c: String) -> String {
        "(1/(2*pi))*(sqrt(\(x)*\(y) - \(c)^2) + (pi - acos(\(c)/(sqrt(\(x))*sqrt(\(y)))))*\(c))"
    }
    let a = "(-1 + 2/d)", b = "(2/d)"
    let nw2 = "(\(a)^2 + (d - 1)*\(b)^2)", ip = "(2*\(a)*\(b) + (d - 2)*\(b)^2)"
    return "d*(d - 1)*\(f(nw2, nw2, ip)) - 2*d*\(f(nw2, "1", a)) - 2*d*(d - 1)*\(f(nw2, "1", b))"
}()

@Suite("Expansions")
struct ExpansionTests {
    @Test("expansions match direct MPFR evaluation at large d", arguments: [
        ("acos(1 - 1/d)", 6),
        ("sqrt(d^2 + d) - d - 1/2", 5),
        ("exp(1/d)*sqrt(d)", 6),
        ("atan(d)", 4),
        ("(d + 1)^(3/2) - d^(3/2)", 6),
        ("sin(1/sqrt(d))", 6),
        ("log(1 + 1/d)*d", 6),
        ("acos(-1 + 3/d) + asin(1/(2*d))", 5),
        ("cos(1/d) - 1 + 1/(2*d^2)", 3),
        ("(sqrt(d) + 1/sqrt(d))^(1/2)", 6),  // the unit of a power normalises to a smaller ramification
        ("(sqrt(d) + d^(-1/2))^(5/2) - d^(5/4)", 5),
    ])
    func againstDirectEvaluation(_ text: String, _ terms: Int) throws {
        let x = try expand(text, terms: terms)
        #expect(x.terms.count == terms)
        try checkAgainstDirectEvaluation(text, x)
        // The same in forced-numeric mode (numeric-zero rule on every cancellation).
        let numeric = try expand(text, terms: terms, numeric: true)
        #expect(!numeric.isExact)
        #expect(numeric.terms.map(\.exponent) == x.terms.map(\.exponent), "\(text)")
        #expect(numeric.order == x.order)
        try checkAgainstDirectEvaluation(text, numeric)
    }

    @Test("the kernel combination, from the formula as written")
    func kernel() throws {
        for numeric in [false, true] {
            let x = try expand(kernelExpression, terms: 12, numeric: numeric)
            #expect(!x.isExact)
            #expect(x.ramification == 2)
            #expect(x.terms.first?.exponent == Rational(2))
            #expect(x.terms.count == 12)
            try checkAgainstDirectEvaluation(kernelExpression, x)

            // Against the hand-derived closed form of bench/peers/ref.py: coefficient of
            // t^k (t = d^(-1/2)) is r + q/pi with r, q rational.
            let reference = KernelReference.coefficients(upTo: 24)
            let pi = BigFloat.pi(precision: referenceBits)
            let lastK = -2 * x.order!.numeratorInt / x.order!.denominatorInt
            let expectedExponents = (-4..<lastK).filter { k in !(reference[k]!.r.isZero && reference[k]!.q.isZero) }
                .map { Rational(-$0, 2) }
            #expect(x.terms.map(\.exponent) == expectedExponents)
            for term in x.terms {
                let k = -2 * term.exponent.numeratorInt / term.exponent.denominatorInt
                let (r, q) = reference[k]!
                let exact = BigFloat(r, precision: referenceBits) + (try BigFloat(q, precision: referenceBits) / pi)
                let printed = BigFloat(term.coefficient, precision: referenceBits)!
                let relative = try ((printed - exact) / exact).magnitude
                // Printed with `digits` significant digits: off by at most one unit in the last.
                let tolerance = try BigFloat(Rational(10).power(-(term.digits - 1)), precision: 64)
                #expect(relative <= tolerance, "d^(\(term.exponent)): \(term.coefficient) vs \(exact)")
                #expect(term.digits >= 70, "d^(\(term.exponent)) has only \(term.digits) digits")
            }
        }
    }

    @Test("numeric-zero rule: cancellations leave exact zeros, not noise", arguments: [
        ("sqrt(d^2 + d) - d - 1/2", Rational(-1), Rational(-1, 8)),
        ("sqrt(d^2/9 + d) - d/3 - 3/2", Rational(-1), Rational(-27, 8)),
        ("(d + 1)^(3/2) - d^(3/2) - 3/2*d^(1/2) - 3/8*d^(-1/2)", Rational(-3, 2), Rational(-1, 16)),
        ("(exp(1/d)*exp(-1/d) - 1)*d^3 + 1/(d + 1)", Rational(-1), Rational(1)),
    ])
    func numericZeroRule(_ text: String, _ leadingExponent: Rational, _ leading: Rational) throws {
        for precision in [64, 128, 512] {
            let x = try expand(text, terms: 4, precision: precision, numeric: true)
            let first = try #require(x.terms.first)
            #expect(first.exponent == leadingExponent, "\(text) at \(precision) bits: leading term d^(\(first.exponent))")
            let value = BigFloat(first.coefficient, precision: 2 * precision)!
            let error = (value - BigFloat(leading, precision: 2 * precision)).magnitude
            #expect(error.isZero || error.exponent! < -precision / 2, "\(text): leading coefficient \(first.coefficient)")
            #expect(first.digits >= BigFloat.decimalDigits(forBits: precision) - 1)
            // Exact and numeric runs agree on the structure.
            let exact = try expand(text, terms: 4, precision: precision)
            #expect(exact.terms.map(\.exponent) == x.terms.map(\.exponent))
            #expect(exact.order == x.order)
        }
    }

    @Test("exact expansions carry rationals and all digits")
    func exactExpansion() throws {
        let x = try expand("sqrt(d^2 + d) - d", terms: 4, precision: 128)
        #expect(x.isExact)
        #expect(x.terms.map { $0.rational! } == [Rational(1, 2), Rational(-1, 8), Rational(1, 16), Rational(-5, 128)])
        #expect(x.terms.map(\.coefficient) == ["0.5", "-0.125", "0.0625", "-0.0390625"])
        #expect(x.terms.allSatisfy { $0.digits == 38 })
        #expect(x.order == Rational(-4))
        #expect(x.ramification == 1)
    }

    @Test("the O-term sits at the next nonzero term, skipping zero coefficients")
    func oTermAtNextTerm() throws {
        // acos(1 - 1/d) has only odd powers of d^(-1/2).
        let x = try expand("acos(1 - 1/d)", terms: 2, precision: 128)
        #expect(x.terms.map(\.exponent) == [Rational(-1, 2), Rational(-3, 2)])
        #expect(x.order == Rational(-5, 2))
        #expect(x.ramification == 2)
        // A terminating series prints whole, with no O-term.
        let p = try expand("(d + 1)^3 - d^3", terms: 6)
        #expect(p.order == nil)
        #expect(p.terms.map { $0.rational! } == [Rational(3), Rational(3), Rational(1)])
        // Exactly N terms of a terminating series: still no O-term.
        let q = try expand("(d + 1)^2", terms: 3)
        #expect(q.order == nil)
        // Powers of monomials are exact monomials (no O-term), also with MPFR coefficients.
        for numeric in [false, true] {
            let m = try expand("d^(-1/3) + 1", terms: 6, numeric: numeric)
            #expect(m.order == nil && m.terms.map(\.exponent) == [Rational(0), Rational(-1, 3)])
        }
        let zero = try expand("d - d", terms: 3)
        #expect(zero.terms.isEmpty && zero.order == nil)
    }

    @Test("an order target keeps everything above it")
    func orderTarget() throws {
        let options = ExpansionOptions(target: .order(Rational(-5, 2)), precision: 128)
        let x = try Expansion(expanding: Expression.parse("(d + 1)^(3/2) - d^(3/2)"), options: options)
        #expect(x.terms.map(\.exponent) == [Rational(1, 2), Rational(-1, 2), Rational(-3, 2)])
        #expect(x.order == Rational(-5, 2))
        // Finer than the natural grid: d^(-5/2) on a series in powers of 1/d.
        let y = try Expansion(expanding: Expression.parse("1/(d + 1)"), options: options)
        #expect(y.terms.map(\.exponent) == [Rational(-1), Rational(-2)])
        #expect(y.order == Rational(-5, 2))
        #expect(y.ramification == 2)
        // A polynomial entirely above the order stays exact.
        let z = try Expansion(expanding: Expression.parse("d^2 + 1"), options: ExpansionOptions(target: .order(Rational(-1)), precision: 128))
        #expect(z.order == nil)
    }

    @Test("expressions that vanish to every order fail quickly with a clear message")
    func vanishing() throws {
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            #expect {
                _ = try Expansion(expanding: Expression.parse("exp(1/d)*exp(-1/d) - 1"),
                                  options: ExpansionOptions(target: .terms(6), precision: 128, maximumRelativeTerms: 256))
            } throws: { error in
                guard let e = error as? ExpansionError, case .tooFewTerms(let found, let requested, let reached, let budget, false) = e
                else { return false }
                return found == 0 && requested == 6 && reached == Rational(-257) && budget == 256
                    && e.description == "found only 0 of 6 nonzero terms up to O(d^(-257)) with the largest budget of 256 terms"
            }
        }
        #expect(elapsed < .seconds(3))
        #expect(ExpansionOptions.defaultMaximum(for: .terms(6)) == 1024)
        #expect(ExpansionOptions.defaultMaximum(for: .terms(300)) == 2400)
        #expect(ExpansionOptions.defaultMaximum(for: .terms(1000)) == 4096)
        #expect(ExpansionOptions.defaultMaximum(for: .order(Rational(-3))) == 4096)
    }

    @Test("a zero decision that changes with precision is reported, not guessed")
    func undecidable() throws {
        // At 64 bits 1/2 + 10^-20 rounds to 1/2 and the constant term cancels; at 128 bits it does not.
        #expect(throws: ExpansionError.undecidable(exponent: Rational(0), precision: 64)) {
            _ = try expand("sqrt(d^2 + d) - d - (1/2 + 10^(-20))", terms: 3, precision: 64, numeric: true)
        }
        let fine = try expand("sqrt(d^2 + d) - d - (1/2 + 10^(-20))", terms: 3, precision: 128, numeric: true)
        #expect(fine.terms.first?.exponent == Rational(0))
    }

    @Test("agreed digits: the largest k at which both values round alike")
    func agreedDigits() throws {
        func digits(_ a: String, _ b: String, max: Int = 20) -> Int {
            Expansion.agreedDigits(BigFloat(a, precision: 200)!, BigFloat(b, precision: 200)!, maximumDigits: max)
        }
        #expect(digits("0.123456", "0.123458") == 5)
        #expect(digits("0.1450001", "0.1449999") == 6)
        #expect(digits("0.0999999999", "0.1000000001") == 8)  // 9.99999999e-2 vs 1.000000001e-1
        #expect(digits("1.5", "1.5") == 20)
        #expect(digits("1.5", "-1.5") == 0)
        #expect(digits("1", "9") == 0)
        #expect(digits("2", "2.0000000001", max: 6) == 6)
    }

    @Test("domain errors pass through")
    func domain() throws {
        #expect(throws: EvaluationError.self) { _ = try expand("log(-d)", terms: 3) }
        #expect(throws: EvaluationError.self) { _ = try expand("sqrt(-d)", terms: 3) }
        #expect(throws: EvaluationError.self) { _ = try expand("sin(d)", terms: 3) }
    }
}

/// A port of bench/peers/ref.py: the exact coefficients r + q/pi of the kernel series.
enum KernelReference {
    /// Coefficients of sqrt(1 - x), x^0 ... x^n.
    static func sqrtOneMinus(_ n: Int) -> [Rational] {
        var c = [Rational.one]
        for k in stride(from: 1, through: n, by: 1) {
            c.append(c[k - 1] * (Rational(1, 2) - Rational(k - 1)) * Rational(-1, k))
        }
        return c
    }

    /// Coefficients of asin(x), x^0 ... x^n: binomial(2k, k) / (4^k (2k + 1)) at x^(2k+1).
    static func arcsine(_ n: Int) -> [Rational] {
        var c = [Rational](repeating: .zero, count: n + 1)
        var central = Rational.one  // binomial(2k, k) / 4^k
        var k = 0
        while 2 * k + 1 <= n {
            c[2 * k + 1] = central * Rational(1, 2 * k + 1)
            k += 1
            central = central * Rational(2 * k - 1, 2 * k)
        }
        return c
    }

    /// {k: (r, q)} for the coefficient of t^k, k = -4 ... n.
    static func coefficients(upTo n: Int) -> [Int: (r: Rational, q: Rational)] {
        let m = n + 8, l = m + 4
        var a = [Rational](repeating: .zero, count: l + 1)
        func add(_ k: Int, _ v: Rational) {
            if k >= -4 && k <= m && k + 4 <= l { a[k + 4] += v }
        }
        add(-4, .one)
        add(-2, -Rational.one)
        for (j, c) in sqrtOneMinus(l).enumerated() { add(2 * j - 1, Rational(-4) * c) }
        let asn = arcsine(l + 4)
        for (j, c) in asn.enumerated() where !c.isZero {
            add(j, Rational(-8) * c)
            add(j - 2, Rational(4) * c)
        }
        var g = [Int: Rational]()
        for (j, c) in sqrtOneMinus(l).enumerated() where 4 * j <= l + 4 {
            g[4 * j, default: .zero] += c * (try! Rational(4).power(j))
        }
        for (j, c) in asn.enumerated() where !c.isZero && 2 * j + 2 <= l + 4 {
            g[2 * j + 2, default: .zero] += Rational(2) * c * (try! Rational(2).power(j))
        }
        for (k, v) in g {
            add(k - 4, Rational(-2) * v)
            add(k - 2, Rational(2) * v)
        }
        var out = [Int: (r: Rational, q: Rational)]()
        for k in -4...n {
            let r = k == 0 ? Rational.one : (k == -2 ? -Rational.one : Rational.zero)
            out[k] = (r, a[k + 4] * Rational(1, 2))
        }
        return out
    }
}

extension Rational {
    var numeratorInt: Int { intComponents!.numerator }
    var denominatorInt: Int { intComponents!.denominator }
}
