import Testing
import Numbers
import Balls
import Series
import Landscape
@testable import Solvers

/// `SpectrumEnclosure`: eigenvalue series enclosed by Krawczyk tests on the characteristic
/// polynomials over the family's balls (t, s) and by traces over them (x, y).
@Suite struct SpectrumEnclosureTests {
    static let bits = 128

    /// The independent reference: the spectrum computed again at 4P bits (its own family solve,
    /// Jacobians and roots in MPFR), accurate far below the balls' radii (about 2^-2P).
    static func reference(_ s: SeriesSpectrum) throws -> SeriesSpectrum { try SeriesSpectrum.compute(s.family, terms: s.terms, precision: 4 * bits) }

    /// Every term of `reference` the ball series covers lies in its ball (allowing the
    /// reference's own 2^(-4P+40) relative error); every ball is tighter than the working
    /// precision; returns how many terms were compared.
    @discardableResult
    static func expectEncloses(_ ball: PuiseuxSeries<Ball>, _ reference: PuiseuxSeries<BigFloat>, _ what: String, tight isTight: Bool = true) throws -> Int {
        let slack = try BigFloat.pow(BigFloat(2, precision: 64), Rational(40 - 4 * bits))
        let tight = try BigFloat.pow(BigFloat(2, precision: 64), Rational(-bits))
        var compared = 0
        for term in reference.terms where ball.dOrder.map({ term.dExponent > $0 }) ?? true {
            let b = ball.terms.first { $0.dExponent == term.dExponent }?.coefficient ?? Ball(0, precision: ball.precision)
            let widened = Ball(midpoint: b.midpoint, radius: b.radius + term.coefficient.magnitude * slack)
            #expect(widened.contains(term.coefficient), "\(what) d^\(term.dExponent): \(b.midpoint.doubleValue) +- \(b.radius.doubleValue) against \(term.coefficient.doubleValue)")
            if isTight { #expect(b.radius <= tight * (term.coefficient.magnitude + BigFloat(1, precision: 64)), "\(what) d^\(term.dExponent): radius \(b.radius.doubleValue)") }
            compared += 1
        }
        return compared
    }

    /// p1-m0-II has two clusters (t[4], t[5] and s[1], s[2]: pairs with the same leading term),
    /// enclosed through their quadratic factors.
    @Test("every eigenvalue's balls, clusters' included, contain the spectrum computed independently at 4P bits",
          arguments: ["p0-m1-I", "p1-m0-II"])
    func enclosesTheHighPrecisionSpectrum(name: String) throws {
        let family = try #require(FamilyCatalogue.named(name))
        let spectrum = try SeriesSpectrum.compute(family, terms: 6, precision: Self.bits)
        let enclosure = try SpectrumEnclosure.certify(spectrum).get()
        let reference = try Self.reference(spectrum)
        var refused = 0, certified = 0, compared = 0, clustered = 0
        for (i, component) in enclosure.components.enumerated() {
            #expect(component.name == reference.components[i].name)
            for (e, result) in component.eigenvalues.enumerated() {
                let truth = reference.components[i].eigenvalues[e]
                switch result {
                case .success(let ball):
                    // A simple root is covered to the computed series' O-term (every term the
                    // working run has); a cluster's pair loses the orders before its split.
                    let found = spectrum.components[i].eigenvalues
                    let computed = found[e]
                    let mates = try SpectrumEnclosure.clusterMates(of: computed, among: found.indices.filter { $0 != e }.map { found[$0] }, working: Self.bits)
                    if mates.isEmpty {
                        #expect(ball.dOrder.map { o in computed.dOrder.map { o <= $0 } ?? false } ?? true, "\(component.name)[\(e + 1)] only to O(d^\(ball.dOrder!))")
                    } else {
                        clustered += 1
                    }
                    let n = try Self.expectEncloses(ball, truth, "\(name) \(component.name)[\(e + 1)]")
                    #expect(n >= 3, "\(component.name)[\(e + 1)]: \(n) terms")
                    compared += n
                    certified += 1
                case .failure(let why):
                    Issue.record("\(component.name)[\(e + 1)] not certified: \(why)")
                    refused += 1
                }
            }
        }
        #expect(refused == 0)
        #expect(clustered == (name == "p1-m0-II" ? 4 : 0))
        #expect(compared >= 4 * certified && certified >= 9, "\(certified) eigenvalues, \(compared) terms")
    }

    /// A family outside the catalogue with a small block of size 2 (Δ(S_{d-2} x S_2), the type II
    /// family `families --isotropy d-2,2 --search` finds; seeded by its point at d = 20): the
    /// components twisted by the block's sign representation (t-sign: 4 eigenvalues, s-sign: 2)
    /// are enclosed too, each ball containing the spectrum computed again at 4P.
    @Test("the components twisted by a small block's sign are enclosed (d-2,2, type II)")
    func twistedComponents() throws {
        let pattern = try IsotropyPattern(notation: "d-2,2", extraRows: 0)
        let seed = [1.0048279190208535, -0.0077967765845538507, 0.094594758284470821, 0.064713897631708974, -0.82145616461010659, 0.081850210488623313]
        let family = Family(name: "d-2,2-m0-II:1,0,0,0,-1,0", pattern: pattern, type: .typeII, limit: [1, 0, 0, 0, -1, 0].map { Rational($0) },
                            expectedRamification: 0, seed: seed, seedDimension: 20)
        let spectrum = try SeriesSpectrum.compute(family, terms: 6, precision: Self.bits)
        let enclosure = try SpectrumEnclosure.certify(spectrum).get()
        let reference = try Self.reference(spectrum)
        var twisted: [String: Int] = [:]
        for (i, component) in enclosure.components.enumerated() {
            #expect(component.name == reference.components[i].name)
            for (e, result) in component.eigenvalues.enumerated() {
                let ball = try result.get()
                let n = try Self.expectEncloses(ball, reference.components[i].eigenvalues[e], "d-2,2 \(component.name)[\(e + 1)]")
                #expect(n >= 3, "\(component.name)[\(e + 1)]: \(n) terms")
                if component.name.contains("-") { twisted[component.name, default: 0] += 1 }
            }
        }
        #expect(twisted == ["t-sign": 4, "s-sign": 2])
    }

    /// The test proves a root near its start, not the start: an eigenvalue series moved by
    /// 2^-100 in one coefficient gives balls around the true eigenvalue, not around the move.
    @Test("a moved eigenvalue series gives balls around the true eigenvalue, not around the move")
    func doesNotBlessItsStart() throws {
        let family = try #require(FamilyCatalogue.named("p0-m1-I"))
        let spectrum = try SeriesSpectrum.compute(family, terms: 6, precision: Self.bits)
        let familyBalls = try FamilyEnclosure.certify(spectrum.expansion.solution.counted(toTerms: SpectrumEnclosure.shortFamilyTerms(spectrum)),
                                                      pattern: family.pattern, limit: family.limit)
        let p = try SpectrumEnclosure.Matrices(familyBalls, pattern: family.pattern, working: Self.bits).characteristicPolynomials()["t"]!
        let t = try #require(spectrum.components.first { $0.name == "t" }).eigenvalues
        let truth = try #require(try Self.reference(spectrum).components.first { $0.name == "t" }).eigenvalues[0]
        let computed = t[0]
        let j = try #require(computed.terms.dropFirst(2).first).dExponent
        let nudge = try BigFloat.pow(BigFloat(2, precision: Self.bits), Rational(-100))
        let moved = computed + PuiseuxSeries.monomial(nudge, dExponent: j, context: computed.context)
        let ball = try SpectrumEnclosure.root(p, approximation: moved, siblings: Array(t.dropFirst()), ramification: spectrum.ramification, working: Self.bits)
        try Self.expectEncloses(ball, truth, "moved t[1]")
        let movedValue = moved.terms.first { $0.dExponent == j }!.coefficient
        #expect(!(ball.terms.first { $0.dExponent == j }!.coefficient.contains(movedValue)))
        // From a leading coefficient 10% off, the inflated box either fails to contract or grows
        // until it holds one true eigenvalue series: its balls (wide) contain t[1]'s.
        let wrong = computed + PuiseuxSeries.monomial(computed.coefficients[0] * BigFloat(Rational(1, 10), precision: Self.bits),
                                                      dExponent: computed.leadingDExponent!, context: computed.context)
        if let far = try? SpectrumEnclosure.root(p, approximation: wrong, siblings: Array(t.dropFirst()), ramification: spectrum.ramification, working: Self.bits) {
            try Self.expectEncloses(far, truth, "t[1] from a far start", tight: false)
        }
    }
}
