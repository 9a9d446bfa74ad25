import Testing
@testable import Numbers

/// One law suite, written once against `ScalarField` / `ElementaryScalar`, run for every
/// scalar type (ScalarField.swift). Exact types must satisfy the laws exactly; floating
/// types up to a few units in the last place.
@Suite struct ScalarFieldTests {
    /// (law, left side, right side) for the field axioms and the `constant` contract.
    static func fieldLaws<T: ScalarField>(_ a: T, _ b: T, _ c: T) throws -> [(String, T, T)] {
        [
            ("a + b = b + a", a + b, b + a),
            ("(a + b) + c = a + (b + c)", (a + b) + c, a + (b + c)),
            ("a b = b a", a * b, b * a),
            ("(a b) c = a (b c)", (a * b) * c, a * (b * c)),
            ("a (b + c) = a b + a c", a * (b + c), a * b + a * c),
            ("a + (-a) = 0", a + (-a), a.constant(0)),
            ("a - b = a + (-b)", a - b, a + (-b)),
            ("(a b) / b = a", try (a * b) / b, a),
            ("a / a = 1", try a / a, a.constant(1)),
            ("a 1 = a", a * a.constant(1), a),
            ("1/3 + 2/3 = 1", a.constant(Rational(1, 3)) + a.constant(Rational(2, 3)), a.constant(1)),
        ]
    }

    /// (identity, left side, right side) for x in (0, 1).
    static func elementaryIdentities<T: ElementaryScalar>(_ x: T) throws -> [(String, T, T)] {
        let one = x.constant(1)
        let s = try T.sin(x), c = try T.cos(x)
        let p = try T.pow(x, Rational(3, 2))
        let r = try T.sqrt(x)
        return [
            ("sin^2 + cos^2 = 1", s * s + c * c, one),
            ("exp(log x) = x", try T.exp(T.log(x)), x),
            ("sqrt(x)^2 = x", r * r, x),
            ("pow(x, 3/2)^2 = x^3", p * p, x * x * x),
            ("acos x + asin x = pi/2", try T.acos(x) + T.asin(x), try x.pi() * x.constant(Rational(1, 2))),
            ("atan x = asin(x / sqrt(1 + x^2))", try T.atan(x), try T.asin(x / T.sqrt(one + x * x))),
        ]
    }

    static func check<T>(
        _ laws: [(String, T, T)], close: (T, T) -> Bool, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for (law, lhs, rhs) in laws {
            #expect(close(lhs, rhs), "\(law): \(lhs) vs \(rhs)", sourceLocation: sourceLocation)
        }
    }

    @Test func rationalSatisfiesTheLawsExactly() throws {
        var rng = SplitMix64(seed: 60)
        for _ in 0..<20 {
            let a = rng.rational(bits: 100), b = rng.rational(bits: 80), c = rng.rational(bits: 60)
            Self.check(try Self.fieldLaws(a, b, c), close: ==)
        }
    }

    @Test func doubleSatisfiesTheLawsToAFewUlps() throws {
        var rng = SplitMix64(seed: 61)
        let close: (Double, Double) -> Bool = { abs($0 - $1) <= 8 * Swift.max(abs($0), abs($1), 1) * Double.ulpOfOne }
        for _ in 0..<50 {
            let a = Double.random(in: -4...4, using: &rng), b = Double.random(in: 0.5...4, using: &rng)
            let c = Double.random(in: -4...4, using: &rng)
            Self.check(try Self.fieldLaws(a, b, c), close: close)
            Self.check(try Self.elementaryIdentities(Double.random(in: 0.01...0.99, using: &rng)), close: close)
        }
    }

    @Test(arguments: [24, 53, 113, 256, 700])
    func bigFloatSatisfiesTheLawsToAFewUlps(bits: Int) throws {
        var rng = SplitMix64(seed: 62 + UInt64(bits))
        // |lhs - rhs| <= 2^(8 - bits) max(|lhs|, |rhs|, 1)
        let close: (BigFloat, BigFloat) -> Bool = { lhs, rhs in
            let scale = Swift.max(lhs.exponent ?? 0, rhs.exponent ?? 0, 1)
            return errorExponent(lhs, rhs) <= scale + 8 - bits
        }
        for _ in 0..<10 {
            let a = rng.bigFloat(in: Rational(-4), Rational(4), precision: bits)
            let b = rng.bigFloat(in: Rational(1, 2), Rational(4), precision: bits)
            let c = rng.bigFloat(in: Rational(-4), Rational(4), precision: bits)
            Self.check(try Self.fieldLaws(a, b, c), close: close)
            Self.check(try Self.elementaryIdentities(rng.bigFloat(in: Rational(1, 100), Rational(99, 100), precision: bits)),
                       close: close)
        }
    }
}
