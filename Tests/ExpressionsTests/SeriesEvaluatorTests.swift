import Testing
import Numbers
import Series
@testable import Expressions

private func series(_ text: String, terms: Int = 16, precision: Int = 128, numeric: Bool = false) throws -> SeriesValue {
    try SeriesEvaluator(precision: precision, relativeTerms: terms, forceNumeric: numeric).evaluate(Expression.parse(text))
}

@Suite("Hybrid series evaluation")
struct SeriesEvaluatorTests {
    @Test("sqrt(d^2 + d) - d stays exact")
    func exactStaysExact() throws {
        guard case .exact(let s) = try series("sqrt(d^2 + d) - d") else {
            Issue.record("expected an exact series")
            return
        }
        let terms = s.terms
        #expect(terms.prefix(4).map(\.coefficient) == [Rational(1, 2), Rational(-1, 8), Rational(1, 16), Rational(-5, 128)])
        #expect(terms.prefix(4).map(\.dExponent) == [Rational(0), Rational(-1), Rational(-2), Rational(-3)])
        #expect(s.ramification == 1)
        #expect(s.order != nil)
    }

    @Test("inexact nodes switch to MPFR", arguments: [
        "acos(1 - 1/d)", "pi*d", "sqrt(2*d^2 + d)", "exp(1 + 1/d)", "atan(d)", "d + log(2 + 1/d)", "sqrt(d)*pi + sqrt(d^2 + d)",
    ])
    func becomesNumeric(_ text: String) throws {
        guard case .numeric(let s) = try series(text) else {
            Issue.record("\(text) should be numeric")
            return
        }
        #expect(s.precision == 128)
    }

    @Test("exact where possible", arguments: [
        "sqrt(d^2 + d) - d", "(d + 1)^(3/2) - d^(3/2)", "exp(1/d)*sqrt(d)", "sin(1/sqrt(d))", "log(1 + 1/d)*d",
        "asin(1/d)", "acos(1 - 2/d^2)^2", "(d + 1)^2", "1/(d - 1)", "0.1*d",
    ])
    func staysExact(_ text: String) throws {
        #expect(try series(text).isExact, "\(text)")
    }

    @Test("functions of exact constants are exact constants")
    func constantFolding() throws {
        guard case .numeric(let a) = try series("asin(5/13)") else { Issue.record("asin(5/13) is not rational"); return }
        #expect(a.isExact && a.terms.count == 1)
        #expect(a.terms[0].coefficient == (try BigFloat.asin(BigFloat(Rational(5, 13), precision: 128))))
        guard case .exact(let c) = try series("cos(0) + sin(0)*d + atan(0)") else { Issue.record("rational"); return }
        #expect(c.isExact && c.terms.map(\.coefficient) == [Rational.one])
        guard case .numeric(let h) = try series("acos(0)*d") else { Issue.record("acos(0) = pi/2"); return }
        #expect(h.isExact && h.terms.map(\.dExponent) == [Rational.one])
        #expect(throws: EvaluationError.self) { _ = try series("log(0)") }
        #expect(throws: EvaluationError.self) { _ = try series("asin(2)") }
    }

    @Test("numeric values agree with the exact ones")
    func numericMatchesExact() throws {
        for text in ["sqrt(d^2 + d) - d", "(d + 1)^(3/2) - d^(3/2)", "log(1 + 1/d)*d"] {
            guard case .exact(let exact) = try series(text), case .numeric(let numeric) = try series(text, numeric: true) else {
                Issue.record("\(text): unexpected kinds")
                continue
            }
            #expect(exact.terms.map(\.dExponent) == numeric.terms.map(\.dExponent), "\(text)")
            for (a, b) in zip(exact.terms, numeric.terms) {
                let difference = (BigFloat(a.coefficient, precision: 128) - b.coefficient).magnitude
                #expect(difference.isZero || difference.exponent! < (b.coefficient.exponent ?? 0) - 110, "\(text) at d^\(a.dExponent)")
            }
        }
    }

    @Test("long exact polynomials are cut to the budget with a true O-term")
    func capped() throws {
        guard case .exact(let s) = try series("(d + 1)^40", terms: 8) else {
            Issue.record("expected exact")
            return
        }
        #expect(s.coefficients.count == 8)
        #expect(s.dOrder == Rational(32))
        guard case .exact(let small) = try series("(d + 1)^5", terms: 8) else {
            Issue.record("expected exact")
            return
        }
        #expect(small.isExact)
        #expect(small.coefficients.count == 6)
    }

    @Test("domain errors are located")
    func domainErrors() throws {
        for (text, operation, column) in [("1 + log(-d)", "log", 5), ("acos(2 + 1/d)", "acos", 1), ("1/(d - d)", "/", 1)] {
            do {
                _ = try series(text)
                Issue.record("\(text) should fail")
            } catch let error as EvaluationError {
                #expect(error.operation == operation, "\(text)")
                #expect(error.range.start == column, "\(text)")
                guard case .domain = error.reason else { Issue.record("\(text): \(error.reason)"); continue }
            }
        }
    }

    @Test("mixed ramifications that would need huge arrays are refused")
    func tooLarge() throws {
        #expect(throws: ExpressionError.self) {
            _ = try series("sqrt(1 + 1/d)*d^(1/1021) + d^(1/1019)", terms: 64)
        }
        // Nested roots would overflow the ramification; nested powers the exponents.
        let roots = String(repeating: "sqrt(", count: 70) + "d" + String(repeating: ")", count: 70)
        #expect(throws: ExpressionError.self) { _ = try series(roots) }
        #expect(throws: ExpressionError.self) { _ = try series("((((((d^1024)^1024)^1024)^1024)^1024)^1024)^1024") }
        #expect(throws: ExpressionError.self) { _ = try series("d^(1/1021)*d^(1/1019)") }
        #expect(try series(String(repeating: "sqrt(", count: 10) + "d" + String(repeating: ")", count: 10)).ramification == 1024)
        // Small mixed ramifications are fine.
        #expect(try series("d^(1/2) + d^(1/3)").ramification == 6)
    }
}
