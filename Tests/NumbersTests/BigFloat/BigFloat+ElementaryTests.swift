import Testing
@testable import Numbers

/// Elementary functions of `BigFloat` checked through identities at 256 bits
/// (BigFloat+Elementary.swift). Each identity must hold to better than 2^-240.
@Suite struct BigFloatElementaryTests {
    static let bits = 256
    static let bound = -240

    /// Inputs spread over [low, high) with a fixed seed.
    static func samples(_ low: Rational, _ high: Rational, seed: UInt64, count: Int = 12) -> [BigFloat] {
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { _ in rng.bigFloat(in: low, high, precision: bits) }
    }

    static func expectClose(
        _ a: BigFloat, _ b: BigFloat, _ what: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let e = errorExponent(a, b)
        #expect(e <= bound, "\(what): |difference| ~ 2^\(e)", sourceLocation: sourceLocation)
    }

    @Test func resultsKeepThePrecisionOfTheArgument() throws {
        for bits in [53, 113, 256, 1000] {
            let x = BigFloat(Rational(1, 3), precision: bits)
            for f in [BigFloat.sqrt, BigFloat.exp, BigFloat.log, BigFloat.sin, BigFloat.cos,
                      BigFloat.asin, BigFloat.acos, BigFloat.atan] {
                #expect(try f(x).precision == bits)
            }
            #expect(try BigFloat.pow(x, Rational(3, 2)).precision == bits)
            #expect(try x.pi().precision == bits)
        }
    }

    @Test func knownValues() throws {
        let one = BigFloat(1, precision: Self.bits)
        let pi = BigFloat.pi(precision: Self.bits)
        #expect(try BigFloat.sqrt(BigFloat(Rational(9, 4), precision: 256)) == BigFloat(Rational(3, 2), precision: 256))
        #expect(try BigFloat.exp(BigFloat.zero(precision: 256)) == one)
        #expect(try BigFloat.log(one).isZero)
        #expect(try BigFloat.acos(one).isZero)
        Self.expectClose(try BigFloat.atan(one).multiplied(by: 4), pi, "4 atan(1) = pi")
        Self.expectClose(try BigFloat.asin(one).multiplied(by: 2), pi, "2 asin(1) = pi")
        Self.expectClose(try BigFloat.acos(-one), pi, "acos(-1) = pi")
        Self.expectClose(try BigFloat.sin(pi.divided(by: 6)), BigFloat(Rational(1, 2), precision: 256), "sin(pi/6) = 1/2")
        let e = BigFloat("2.718281828459045235360287471352662497757247093699959574966967627724076630353547594571382178525166427", precision: 256)!
        Self.expectClose(try BigFloat.exp(one), e, "exp(1) = e")
        #expect(try one.pi() == pi)
    }

    @Test func sqrtSquared() throws {
        for x in Self.samples(Rational(1, 100), Rational(100), seed: 40) {
            let r = try BigFloat.sqrt(x)
            Self.expectClose((r * r - x).divided(by: 100), BigFloat.zero(precision: 256), "sqrt(x)^2 = x")
        }
    }

    @Test func sinSquaredPlusCosSquared() throws {
        for x in Self.samples(Rational(-10), Rational(10), seed: 41) {
            let s = try BigFloat.sin(x), c = try BigFloat.cos(x)
            Self.expectClose(s * s + c * c, BigFloat(1, precision: 256), "sin^2 + cos^2 = 1")
        }
    }

    @Test func expOfLog() throws {
        for x in Self.samples(Rational(1, 4), Rational(4), seed: 42) {
            Self.expectClose(try BigFloat.exp(BigFloat.log(x)), x, "exp(log x) = x")
        }
        for x in Self.samples(Rational(-5), Rational(5), seed: 43) {
            Self.expectClose(try BigFloat.log(BigFloat.exp(x)), x, "log(exp x) = x")
        }
    }

    @Test func expIsAHomomorphism() throws {
        let xs = Self.samples(Rational(-2), Rational(2), seed: 44, count: 8)
        for (x, y) in zip(xs, xs.reversed()) {
            Self.expectClose(try BigFloat.exp(x + y), try BigFloat.exp(x) * BigFloat.exp(y), "exp(x+y) = exp x exp y")
        }
    }

    @Test func rationalPowers() throws {
        for x in Self.samples(Rational(1, 2), Rational(2), seed: 45) {
            let p = try BigFloat.pow(x, Rational(3, 2))
            Self.expectClose(p * p, x * x * x, "pow(x, 3/2)^2 = x^3")
            let r = try BigFloat.pow(x, Rational(-1, 3))
            Self.expectClose(try (r * r * r) * x, BigFloat(1, precision: 256), "pow(x, -1/3)^3 x = 1")
            Self.expectClose(try BigFloat.pow(x, Rational(1, 2)), try BigFloat.sqrt(x), "pow(x, 1/2) = sqrt x")
            Self.expectClose(try BigFloat.pow(x, Rational(5)), x * x * x * x * x, "pow(x, 5) = x^5")
            Self.expectClose(try BigFloat.pow(x, Rational(-2)), try BigFloat(1, precision: 256) / (x * x), "pow(x, -2) = 1/x^2")
            Self.expectClose(try BigFloat.pow(x, Rational(2, 7)), try BigFloat.exp(BigFloat.log(x).multiplied(by: Rational(2, 7))),
                             "pow(x, 2/7) = exp(2/7 log x)")
        }
    }

    @Test func rationalPowersOfNegativeNumbers() throws {
        let minusEight = BigFloat(-8, precision: 256)
        #expect(try BigFloat.pow(minusEight, Rational(1, 3)) == BigFloat(-2, precision: 256))
        #expect(try BigFloat.pow(minusEight, Rational(2, 3)) == BigFloat(4, precision: 256))
        #expect(try BigFloat.pow(minusEight, Rational(-1, 3)) == BigFloat(Rational(-1, 2), precision: 256))
        #expect(try BigFloat.pow(minusEight, Rational(3)) == BigFloat(-512, precision: 256))
        #expect(try BigFloat.pow(BigFloat.zero(precision: 64), Rational(1, 2)).isZero)
        for x in Self.samples(Rational(-3), Rational(-1, 3), seed: 46, count: 6) {
            let r = try BigFloat.pow(x, Rational(1, 5))
            #expect(r.sign < 0)
            Self.expectClose((r * r * r * r * r - x).divided(by: 4), BigFloat.zero(precision: 256), "pow(x, 1/5)^5 = x")
        }
    }

    @Test func inverseTrigonometry() throws {
        let halfPi = BigFloat.pi(precision: Self.bits).divided(by: 2)
        for x in Self.samples(Rational(-1), Rational(1), seed: 47) {
            Self.expectClose(try BigFloat.acos(x) + BigFloat.asin(x), halfPi, "acos x + asin x = pi/2")
            Self.expectClose(try BigFloat.sin(BigFloat.asin(x)), x, "sin(asin x) = x")
            Self.expectClose(try BigFloat.cos(BigFloat.acos(x)), x, "cos(acos x) = x")
        }
        for x in Self.samples(Rational(-20), Rational(20), seed: 48) {
            let a = try BigFloat.atan(x)
            Self.expectClose(try BigFloat.sin(a) / BigFloat.cos(a), x, "tan(atan x) = x")
            let viaAsin = try BigFloat.asin(x / BigFloat.sqrt(x * x + BigFloat(1, precision: 256)))
            Self.expectClose(a, viaAsin, "atan x = asin(x / sqrt(1 + x^2))")
        }
        #expect(try BigFloat.asin(BigFloat(-1, precision: 256)) == -BigFloat.asin(BigFloat(1, precision: 256)))
    }

    @Test func domainErrors() {
        let p = 256
        expectDomainError("sqrt(-1)") { try BigFloat.sqrt(BigFloat(-1, precision: p)) }
        expectDomainError("log(0)") { try BigFloat.log(BigFloat.zero(precision: p)) }
        expectDomainError("log(-0)") { try BigFloat.log(-BigFloat.zero(precision: p)) }
        expectDomainError("log(-1)") { try BigFloat.log(BigFloat(-1, precision: p)) }
        expectDomainError("asin(2)") { try BigFloat.asin(BigFloat(2, precision: p)) }
        expectDomainError("asin(-1.0001)") { try BigFloat.asin(BigFloat("-1.0001", precision: p)!) }
        expectDomainError("acos(2)") { try BigFloat.acos(BigFloat(2, precision: p)) }
        expectDomainError("x/0") { try BigFloat(1, precision: p) / BigFloat.zero(precision: p) }
        expectDomainError("pow(-1, 1/2)") { try BigFloat.pow(BigFloat(-1, precision: p), Rational(1, 2)) }
        expectDomainError("pow(0, -1)") { try BigFloat.pow(BigFloat.zero(precision: p), Rational(-1)) }
        let nan = BigFloat.makeRaw(precision: p)
        expectDomainError("sqrt(nan)") { try BigFloat.sqrt(nan) }
        expectDomainError("exp(nan)") { try BigFloat.exp(nan) }
        expectDomainError("sin(nan)") { try BigFloat.sin(nan) }
        expectDomainError("pow(nan, 1/2)") { try BigFloat.pow(nan, Rational(1, 2)) }
        expectDomainError("pow(nan, 2)") { try BigFloat.pow(nan, Rational(2)) }
    }

    @Test func boundaryOfTheDomain() throws {
        let p = 256
        #expect(try BigFloat.sqrt(BigFloat.zero(precision: p)).isZero)
        #expect(try BigFloat.sqrt(-BigFloat.zero(precision: p)).isZero)
        #expect(try BigFloat.asin(BigFloat(1, precision: p)) > BigFloat(1, precision: p))
        #expect(try BigFloat.acos(BigFloat(-1, precision: p)) == BigFloat.pi(precision: p))
    }
}
