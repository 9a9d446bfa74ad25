import Testing
import Foundation
import Numbers
import Series
@testable import Expressions

@Suite("Generic evaluation")
struct EvaluateTests {
    @Test("Double values", arguments: [
        ("sqrt(d^2 + d) - d", 3.0, 12.0.squareRoot() - 3),
        ("-d^2", 3.0, -9.0),
        ("2^3^2", 1.0, 512.0),
        ("d^(1/2)", 4.0, 2.0),
        ("d^(-3/2)", 4.0, 0.125),
        ("(d + 1)^2.5", 3.0, 32.0),
        ("d^-2", 2.0, 0.25),
        ("exp(1/d)*sqrt(d)", 2.0, Foundation.exp(0.5) * 2.0.squareRoot()),
        ("acos(1 - 1/d)", 2.0, Double.pi / 3),
        ("atan(d) + asin(1/d) + cos(d) + sin(d) + log(d)", 2.0,
         Foundation.atan(2.0) + Foundation.asin(0.5) + Foundation.cos(2.0) + Foundation.sin(2.0) + Foundation.log(2.0)),
        ("pi*d", 2.0, 2 * Double.pi),
        ("0.1*d", 10.0, 1.0),
    ])
    func double(_ text: String, _ d: Double, _ expected: Double) throws {
        let value = try Expression.parse(text).evaluate(d: d)
        #expect(abs(value - expected) <= 1e-14 * max(1, abs(expected)), "\(text) at \(d): \(value) vs \(expected)")
    }

    @Test("BigFloat values are correctly rounded compositions")
    func bigFloat() throws {
        let d = BigFloat(try Rational(10).power(6), precision: 256)
        let value = try Expression.parse("sqrt(d^2 + d) - d - 1/2").evaluate(d: d)
        // sqrt(d^2 + d) - d - 1/2 = -1/(8d) + 1/(16 d^2) - ... at d = 10^6.
        let expected = BigFloat(Rational(-1, 8_000_000) + Rational(1, 16_000_000_000_000), precision: 256)
        let error = (value - expected).magnitude
        #expect(error < BigFloat(try Rational(1, 10).power(19), precision: 64))
        #expect(value.precision == 256)
        let pi = try Expression.parse("4*atan(1)").evaluate(d: d)
        #expect(pi == BigFloat.pi(precision: 256) || (pi - BigFloat.pi(precision: 256)).magnitude.exponent! < -250)
    }

    @Test("Rational evaluation is exact")
    func rational() throws {
        #expect(try Expression.parse("(1/2)^3 + 0.1").evaluate(d: Rational.zero) == Rational(9, 40))
        #expect(try Expression.parse("d^(-2) - 1/d").evaluate(d: Rational(2)) == Rational(-1, 4))
        #expect(try Expression.parse("(4/9)^(3/2)").evaluate(d: Rational.zero) == Rational(8, 27))
        #expect(try Expression.parse("0^0").evaluate(d: Rational.zero) == .one)
    }

    @Test("exponents must be exact rational constants")
    func exponents() throws {
        func error(_ text: String) -> ExpressionError? {
            do { _ = try Expression.parse(text).evaluate(d: 2.0); return nil } catch let e as ExpressionError { return e } catch { return nil }
        }
        #expect(error("d^d")?.message == "exponent depends on 'd' at column 3: an exponent must be an exact rational constant")
        #expect(error("d^(1 + d)")?.column == 3)
        #expect(error("d^pi")?.problem == "exponent is not an exact rational")
        #expect(error("d^sqrt(2)")?.problem == "exponent is not an exact rational")
        #expect(error("d^sqrt(4)") == nil)
        #expect(error("d^2000")?.problem == "exponent 2000 is out of range")
        #expect(error("d^(1/5000)")?.problem == "exponent 1/5000 is out of range")
        #expect(error("d^(2047/2000)") == nil)
        #expect(error("d^(-2049/2)")?.message
            == "exponent -2049/2 is out of range at column 3: an exponent must be at most 1024 in magnitude with a denominator at most 4096")
        #expect(error("d^(2^1024)")?.problem != nil)
    }

    @Test("failures name the operation and column")
    func located() throws {
        do {
            _ = try Expression.parse("1 + pi").evaluate(d: Rational.one)
            Issue.record("pi is not rational")
        } catch let error as EvaluationError {
            #expect(error.operation == "pi")
            #expect(error.range.start == 5)
            guard case .inexact = error.reason else { Issue.record("expected inexact, got \(error.reason)"); return }
        }
        do {
            _ = try Expression.parse("d + log(-d)").evaluate(d: BigFloat(2, precision: 64))
            Issue.record("log of a negative number")
        } catch let error as EvaluationError {
            #expect(error.operation == "log")
            #expect(error.range.start == 5)
            #expect(error.message.hasPrefix("domain error"))
        }
        do {
            _ = try Expression.parse("1/(d - d)").evaluate(d: Rational(3))
            Issue.record("division by zero")
        } catch let error as EvaluationError {
            #expect(error.operation == "/")
            #expect(error.reason == .domain("division by zero"))
        }
    }

    @Test("exact powers too large to hold are refused, not computed")
    func hugePowers() throws {
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            #expect(throws: EvaluationError.self) {
                _ = try Expression.parse("((10^1000)^1000)^1000").evaluate(d: Rational.zero)
            }
        }
        #expect(elapsed < .seconds(2))
    }

    @Test("series evaluation through the same generic code")
    func series() throws {
        let context = SeriesContext(precision: 128, relativeTerms: 8)
        let d = PuiseuxSeries<Rational>.d(context: context)
        let s = try Expression.parse("sqrt(d^2 + d) - d").evaluate(d: d)
        #expect(s.terms.map(\.coefficient) == [Rational(1, 2), Rational(-1, 8), Rational(1, 16), Rational(-5, 128),
                                                Rational(7, 256), Rational(-21, 1024), Rational(33, 2048)])
        #expect(throws: EvaluationError.self) { _ = try Expression.parse("acos(1 - 1/d)").evaluate(d: d) }
    }
}
