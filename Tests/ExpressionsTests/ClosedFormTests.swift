import Testing
import Foundation
import Numbers
import Expressions
@testable import Export

/// Closed forms by integer relations: the published constants are recognised (the printed
/// formula, parsed back and evaluated, equals the number), and nothing is claimed for numbers
/// without a small relation or with too few digits.
@Suite struct ClosedFormTests {
    static let bits = 256
    static func value(_ text: String) throws -> BigFloat {
        try Expression.parse(text).evaluate(d: BigFloat(1, precision: bits))
    }
    static func roundTrips(_ form: ClosedForm, _ x: BigFloat) throws -> Bool {
        // "pi sqrt(pi - 2)" is how the text writes a product; the parser needs '*'.
        let parsable = form.text.replacingOccurrences(of: "pi sqrt", with: "pi*sqrt")
            .replacingOccurrences(of: #"(\d) pi"#, with: "$1*pi", options: .regularExpression)
            .replacingOccurrences(of: #"(\d) sqrt"#, with: "$1*sqrt", options: .regularExpression)
        return (try value(parsable) - x).magnitude.doubleValue < 1e-60
    }

    /// alpha_0 = 1/2 - 2/pi^2 (paper 000, Example 2), from 70 digits.
    @Test func alphaZero() throws {
        let x = try Self.value("1/2 - 2/pi^2")
        let form = try #require(try ClosedFormFinder.identify(x, digits: 70))
        #expect(form.text == "1/2 - 2/pi^2")
        #expect(form.latex == "\\frac{1}{2} - \\frac{2}{\\pi^2}")
        #expect(form.evidenceDigits >= 60)
        #expect(try Self.roundTrips(form, x))
    }

    /// The b = 4 coefficients of p1-m1-I (paper 000, Example 2(3)): (6 + 3 pi)/(8 pi sqrt(pi - 2))
    /// and sqrt(pi - 2)/2, from 50 digits.
    @Test func degenerateFamilyCoefficients() throws {
        for formula in ["(6 + 3*pi)/(8*pi*sqrt(pi - 2))", "sqrt(pi - 2)/2", "1/4 + (-1 - sqrt(5))/(4*pi)"] {
            let x = try Self.value(formula)
            let form = try #require(try ClosedFormFinder.identify(x, digits: 50), "\(formula)")
            #expect(try Self.roundTrips(form, x), "\(formula) -> \(form.text)")
            #expect(form.evidenceDigits >= 40)
        }
    }

    /// e and Euler's constant-like numbers: no relation over the basis; and 1/2 - 2/pi^2 given to
    /// only 12 digits is not identified (below the evidence threshold of 15 digits).
    @Test func noGuesses() throws {
        #expect(try ClosedFormFinder.identify(try Self.value("exp(1)"), digits: 70) == nil)
        #expect(try ClosedFormFinder.identify(try Self.value("log(3)"), digits: 70) == nil)
        #expect(try ClosedFormFinder.identify(try Self.value("1/2 - 2/pi^2"), digits: 12) == nil)
    }

    /// A user's constant extends the basis: log 2 + 1/3.
    @Test func extendedBasis() throws {
        let x = try Self.value("log(2) + 1/3")
        let basis = ClosedFormFinder.defaultBasis + [BasisConstant(userExpression: "log(2)")]
        let form = try #require(try ClosedFormFinder.identify(x, digits: 60, basis: basis))
        #expect(form.text == "1/3 + (log(2))")
    }
}
