import Testing
@testable import Numbers

/// Double's conformance to `ElementaryScalar` (Double+ElementaryScalar.swift): libm values,
/// IEEE behaviour outside the domain (NaN or infinity, never a thrown error).
@Suite struct DoubleElementaryScalarTests {
    @Test func constantsAndPi() throws {
        #expect(2.0.constant(Rational(1, 3)) == 1.0 / 3.0)
        #expect(2.0.constant(-7) == -7.0)
        #expect(try 2.0.pi() == Double.pi)
    }

    @Test func functionsAgreeWithTheStandardLibrary() throws {
        let x = 0.3
        #expect(try Double.sqrt(x) == x.squareRoot())
        #expect(try Double.exp(0) == 1)
        #expect(try Double.log(1) == 0)
        #expect(try Double.sin(0) == 0 && Double.cos(0) == 1)
        #expect(try abs(Double.asin(1) - Double.pi / 2) <= Double.ulpOfOne)
        #expect(try abs(Double.acos(-1) - Double.pi) <= 2 * Double.ulpOfOne)
        #expect(try abs(Double.atan(1) - Double.pi / 4) <= Double.ulpOfOne)
        // The doubles agree with the 256-bit values rounded to 53 bits to within an ulp or two.
        for (f, g) in [(Double.exp, BigFloat.exp), (Double.log, BigFloat.log), (Double.sin, BigFloat.sin),
                       (Double.cos, BigFloat.cos), (Double.asin, BigFloat.asin), (Double.acos, BigFloat.acos),
                       (Double.atan, BigFloat.atan), (Double.sqrt, BigFloat.sqrt)] {
            let reference = try g(BigFloat(x, precision: 256)).doubleValue
            #expect(try abs(f(x) - reference) <= 2 * reference.ulp)
        }
    }

    @Test func rationalPowers() throws {
        #expect(try Double.pow(4, Rational(3, 2)) == 8)
        #expect(try Double.pow(2, Rational(-1)) == 0.5)
        #expect(try abs(Double.pow(-8, Rational(1, 3)) + 2) <= 4 * Double.ulpOfOne)
        #expect(try abs(Double.pow(-8, Rational(2, 3)) - 4) <= 8 * Double.ulpOfOne)
        #expect(try abs(Double.pow(-8, Rational(-1, 3)) + 0.5) <= Double.ulpOfOne)
        #expect(try Double.pow(-3, Rational(3)) == -27)
        #expect(try Double.pow(-3, Rational(2)) == 9)
    }

    @Test func outsideTheDomainFollowsIEEE() throws {
        #expect(try Double.sqrt(-1).isNaN)
        #expect(try Double.log(0) == -.infinity)
        #expect(try Double.log(-1).isNaN)
        #expect(try Double.asin(2).isNaN)
        #expect(try Double.acos(-2).isNaN)
        #expect(try Double.pow(-4, Rational(1, 2)).isNaN)
        let zero = 0.0
        #expect(1 / zero == .infinity)
    }

    @Test func genericCodeSeesTheThrowingDivision() throws {
        func quotient<T: ScalarField>(_ a: T, _ b: T) throws -> T { try a / b }
        #expect(try quotient(1.0, 4.0) == 0.25)
        #expect(try quotient(1.0, 0.0) == .infinity)
        expectDomainError { try quotient(Rational(1), Rational(0)) }
        expectDomainError { try quotient(BigFloat(1, precision: 64), BigFloat(0, precision: 64)) }
    }
}
