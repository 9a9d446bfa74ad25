import Testing
import Numbers
@testable import Export

@Suite("SoftestEigenvalue: the smallest bounded eigenvalue for large d")
struct SoftestEigenvalueTests {
    static func eigenvalue(_ terms: [(Rational, Double)], order: Rational) -> SpectrumEigenvalue {
        SpectrumEigenvalue(terms: terms.map { SpectrumTerm(exponent: $0.0, text: String($0.1), digits: 16, value: $0.1) }, order: order)
    }

    @Test("the first power of d at which the candidates differ decides; growing eigenvalues are not candidates")
    func decidedBySecondTerm() throws {
        let a = 0.25 - 1 / (2 * Double.pi)
        let components = [
            SpectrumComponent(irrep: "t", degree: "1", eigenvalues: [Self.eigenvalue([(1, 0.25), (0, 0.25)], order: Rational(-1, 2)),
                                                                  Self.eigenvalue([(0, a)], order: -1)]),
            SpectrumComponent(irrep: "x", degree: "(d - 2)(d - 3)/2", eigenvalues: [Self.eigenvalue([(0, a), (Rational(-1, 2), -1 / Double.pi)], order: -1)]),
            SpectrumComponent(irrep: "s", degree: "d - 2", eigenvalues: [Self.eigenvalue([(0, a), (Rational(-1, 2), -1 / (Double.pi * Double.pi))], order: -1)]),
        ]
        let softest = try #require(SoftestEigenvalue(components: components))
        #expect(softest.irrep == "x")
        #expect(softest.decidedAt == Rational(-1, 2))
        #expect(softest.tiedWith == nil)
        #expect(softest.line.hasPrefix("softest: x, 0.09084505691 - 0.3183098862 d^(-1/2)"))
    }

    @Test("candidates equal to every known order are a tie: more terms are needed")
    func tie() throws {
        let a = 0.0908
        let components = [
            SpectrumComponent(irrep: "s", degree: "d - 2", eigenvalues: [Self.eigenvalue([(0, a)], order: Rational(-1, 2))]),
            SpectrumComponent(irrep: "x", degree: "1", eigenvalues: [Self.eigenvalue([(0, a), (-1, -0.3)], order: Rational(-3, 2))]),
        ]
        let softest = try #require(SoftestEigenvalue(components: components))
        #expect(softest.tiedWith != nil && softest.decidedAt == nil)
        #expect(softest.line.contains("more terms are needed"))
        #expect(SoftestEigenvalue(components: [SpectrumComponent(irrep: "t", degree: "1", eigenvalues: [Self.eigenvalue([(1, 0.25)], order: 0)])]) == nil)
    }
}
