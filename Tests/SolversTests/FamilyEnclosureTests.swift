import Testing
import Numbers
import Balls
import Series
import Landscape
@testable import Solvers

/// `FamilyEnclosure`: the Krawczyk test on a family's truncated coefficient system.
@Suite struct FamilyEnclosureTests {
    static let bits = 128

    /// The independent reference: the same family lifted to 8P bits by the MPFR series Newton
    /// iteration (accurate far below the balls' radii, which are about 2^-4P).
    static func reference(_ e: SeriesFamilyExpansion) throws -> SeriesFamilyExpansion { try SeriesFamilyExpansion.compute(e.family, terms: e.terms, precision: 8 * bits) }

    /// Every printed coefficient's ball contains the reference (allowing its own 2^(-8P+40)
    /// relative error) and is at least as tight as the working precision.
    static func expectEncloses(_ enclosure: FamilyEnclosure, _ reference: SeriesFamilyExpansion, terms: Int) throws {
        let slack = try BigFloat.pow(BigFloat(2, precision: 64), Rational(40 - 8 * bits))
        let tight = try BigFloat.pow(BigFloat(2, precision: 64), Rational(-bits))
        func check(_ balls: [Ball?], _ values: [BigFloat], _ what: String) {
            for (j, (ball, value)) in zip(balls, values).enumerated() {
                guard let ball else { Issue.record("\(what) t^\(j): not enclosed"); continue }
                let widened = Ball(midpoint: ball.midpoint, radius: ball.radius + value.magnitude * slack)
                #expect(widened.contains(value), "\(what) t^\(j): off by \(((ball.midpoint - value).magnitude.doubleValue / max(1e-300, abs(value.doubleValue)))) relative, radius \(ball.radius.doubleValue)")
                #expect(ball.radius <= tight * (value.magnitude + BigFloat(1, precision: 64)), "\(what) t^\(j): radius \(ball.radius)")
            }
        }
        for k in 0..<reference.family.pattern.dimension {
            check(enclosure.coordinateCoefficients(k, count: terms), Array(reference.coordinateCoefficients(k).prefix(terms)), "coordinate \(k + 1)")
        }
        check(enclosure.lossCoefficients(count: 8), Array(reference.lossCoefficients.prefix(8)), "loss")
    }

    @Test("the balls of a regular family contain its coefficients computed independently at 8P bits",
          arguments: ["p0-m0-I", "p0-m1-I", "p1-m0-I", "p1-m0-II", "p1-m1-II", "p1-m2-II"])
    func enclosesTheHighPrecisionSolution(name: String) throws {
        let family = try #require(FamilyCatalogue.named(name))
        let e = try SeriesFamilyExpansion.compute(family, terms: 10, precision: Self.bits)
        let enclosure = try FamilyEnclosure.certify(e.solution, pattern: family.pattern, limit: family.limit)
        try Self.expectEncloses(enclosure, try Self.reference(e), terms: 10)
    }

    /// The test proves a root near its start, not the start: from coefficients moved by 2^-60
    /// (relative) the balls still contain the true ones, and not the moved ones.
    @Test("a start moved off the root gives balls around the root, not around the start")
    func doesNotBlessItsStart() throws {
        let family = try #require(FamilyCatalogue.named("p0-m1-I"))
        let e = try SeriesFamilyExpansion.compute(family, terms: 10, precision: Self.bits)
        let s = e.solution
        let nudge = try BigFloat.pow(BigFloat(2, precision: Self.bits), Rational(-100))
        var moved = s.coordinates
        let j = Rational(-3, s.ramification)
        moved[0] = moved[0] + PuiseuxSeries.monomial(BigFloat(1, precision: Self.bits) * nudge, dExponent: j, context: moved[0].context)
        let start = FamilySeries(ramification: s.ramification, coordinates: moved, loss: s.loss, residual: s.residual,
                                 leadingExponents: s.leadingExponents, iterations: s.iterations, terms: s.terms, staged: s.staged)
        let enclosure = try FamilyEnclosure.certify(start, pattern: family.pattern, limit: family.limit)
        try Self.expectEncloses(enclosure, try Self.reference(e), terms: 10)
        let ball = try #require(enclosure.coordinateCoefficients(0, count: 10)[3])
        let movedValue = moved[0].terms.first { $0.dExponent == j }!.coefficient
        #expect(!ball.contains(movedValue))
    }

    /// Paper 000, Theorem 3: the x and y eigenvalues tend to 1/4 - 1/(2 pi) and 1/4 + 1/(2 pi).
    /// Their constant terms, computed over the family's balls, are balls that contain the closed
    /// forms (evaluated at 8P bits) and are tight enough to exclude them moved by 1e-30.
    @Test("the x and y eigenvalues' constant terms over the balls contain Theorem 3's closed forms, and nothing 1e-30 away")
    func theoremThreeEnclosed() throws {
        let family = try #require(FamilyCatalogue.named("p1-m0-II"))
        let e = try SeriesFamilyExpansion.compute(family, terms: 10, precision: Self.bits)
        let enclosure = try FamilyEnclosure.certify(e.solution, pattern: family.pattern, limit: family.limit)
        let (x, y) = try enclosure.exteriorAndY(pattern: family.pattern)
        let bits = 8 * Self.bits
        let inverseTwoPi = try BigFloat(1, precision: bits) / (BigFloat(2, precision: bits) * BigFloat.pi(precision: bits))
        let quarter = BigFloat(Rational(1, 4), precision: bits), nudge = BigFloat(1e-30, precision: bits)
        for (series, closedForm) in [(x, quarter - inverseTwoPi), (y, quarter + inverseTwoPi)] {
            let constant = try #require(series.terms.first { $0.dExponent == .zero }?.coefficient)
            #expect(constant.contains(closedForm))
            #expect(!constant.contains(closedForm + nudge))
            #expect(series.terms.allSatisfy { $0.dExponent <= .zero })
        }
    }

    /// A degenerate (b = 4) family: the Jacobian's t^0 block is singular, the truncated system is
    /// not square-triangular, and the test says so instead of enclosing anything. The reason is
    /// structural (`isNotAboutLength`): the spectrum's certificate does not retry it longer.
    @Test("a degenerate family is not certified, with a reason no length removes")
    func degenerateFamilyIsRefused() throws {
        let family = try #require(FamilyCatalogue.named("p1-m1-I"))
        let e = try SeriesFamilyExpansion.compute(family, terms: 8, precision: Self.bits)
        let refusal = #expect(throws: FamilyEnclosure.NotCertified.self) {
            try FamilyEnclosure.certify(e.solution, pattern: family.pattern, limit: family.limit)
        }
        #expect(refusal?.isNotAboutLength == true)
        #expect(refusal?.description.contains("singular at leading order") == true)
    }
}
