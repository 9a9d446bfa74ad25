import Testing
import Numbers
import Expressions
@testable import Export

/// `expand --certified`: every printed coefficient is within its radius of the true one, and
/// its digits are the true value's rounding. The reference is the MPFR engine (a different
/// arithmetic: points with the numeric-zero rule) at 4x the precision.
@Suite("Certified expansions (balls)")
struct CertifiedExpansionTests {
    static let expressions = [
        "acos(1 - 1/d)", "sqrt(d^2 + d) - d", "exp(1/d)*sqrt(d)", "pi + 1/d", "log(1 + 1/d)*d^2 - d",
        "atan(d)", "(1 + 1/d)^(1/3) * asin(1/(2*d) + 1/3)", "sin(pi/d) / (1 + sqrt(1/d))",
        // The ReLU kernel's series along a family (the peers' test 1, abridged).
        "(sqrt(1 - (1/2 - 1/d)^2) + (pi - acos(1/2 - 1/d)) * (1/2 - 1/d)) / (2*pi)",
    ]

    @Test("each printed coefficient lies within its radius of the true one and shows its correct rounding",
          arguments: expressions)
    func enclosed(_ text: String) throws {
        let e = try Expression.parse(text)
        var options = ExpansionOptions(target: .terms(6), precision: 128, forceNumeric: true)
        options.certified = true
        let certified = try Expansion(expanding: e, options: options)
        #expect(certified.isCertified)
        let reference = try Expansion(expanding: e, options: ExpansionOptions(target: .terms(6), precision: 512, forceNumeric: true))
        #expect(certified.terms.map(\.exponent) == reference.terms.map(\.exponent), "\(text): exponents")
        #expect(certified.order == reference.order, "\(text): O-term")
        for (c, r) in zip(certified.terms, reference.terms) {
            let truth = try #require(BigFloat(r.coefficient, precision: 2048))
            let printed = try #require(BigFloat(c.coefficient, precision: 2048))
            let radius = try #require(c.radius.flatMap { BigFloat($0, precision: 2048) })
            // The reference carries r.digits correct digits: allow one unit in its last place.
            let slack = truth.magnitude * (try BigFloat.pow(BigFloat(10, precision: 2048), Rational(1 - r.digits)))
            #expect((truth - printed).magnitude <= radius + slack, "\(text), d^(\(c.exponent)): |\(r.coefficient) - \(c.coefficient)| > \(c.radius!)")
            #expect(c.digits > 30, "\(text), d^(\(c.exponent)): only \(c.digits) digits")
            #expect(truth.formatted(significantDigits: c.digits) == c.coefficient, "\(text), d^(\(c.exponent)): not the correct rounding")
        }
        let json = certified.jsonDescription()
        #expect(json.contains("\"certified\": true") && json.contains("\"radius\""))
    }

    @Test("a zero the balls cannot prove fails with the reason; without --certified agreement decides it")
    func unprovableZero() throws {
        let e = try Expression.parse("sin(1/d)^2 + cos(1/d)^2 - 1 + 1/d^9")
        var options = ExpansionOptions(target: .terms(1), precision: 128, forceNumeric: true)
        options.certified = true
        options.maximumPrecision = 512
        #expect(throws: ExpansionError.self) { try Expansion(expanding: e, options: options) }
        do { _ = try Expansion(expanding: e, options: options) } catch let error as ExpansionError {
            guard case .notCertified(_, let bits) = error else { Issue.record("\(error)"); return }
            #expect(bits == 512)
        }
        let agreed = try Expansion(expanding: e, options: ExpansionOptions(target: .terms(1), precision: 128, forceNumeric: true))
        #expect(agreed.terms.first?.exponent == Rational(-9))
    }
}
