import Testing
@testable import Numbers

/// Arithmetic, precision rules, in-place forms and ordering of `BigFloat`
/// (BigFloat+Arithmetic.swift).
@Suite struct BigFloatArithmeticTests {
    typealias Op = @Sendable (BigFloat, BigFloat) throws -> BigFloat

    static let operations: [(String, Op)] = [
        ("+", { $0 + $1 }), ("-", { $0 - $1 }), ("*", { $0 * $1 }), ("/", { try $0 / $1 }),
    ]

    @Test(arguments: operations)
    func binaryOperationRoundsToTheLargerPrecision(name: String, op: Op) throws {
        let narrow = BigFloat(Rational(1, 3), precision: 53)
        let wide = BigFloat(Rational(2, 7), precision: 200)
        for (a, b) in [(narrow, wide), (wide, narrow)] {
            let r = try op(a, b)
            #expect(r.precision == 200, "\(name)")
            // Operands enter exactly; the result is the exact value rounded once at 200 bits.
            let exact: Rational
            switch name {
            case "+": exact = a.exactRational + b.exactRational
            case "-": exact = a.exactRational - b.exactRational
            case "*": exact = a.exactRational * b.exactRational
            default: exact = try a.exactRational / b.exactRational
            }
            #expect(r == BigFloat(exact, precision: 200), "\(name)")
        }
    }

    @Test func negationKeepsPrecision() {
        let x = BigFloat(Rational(5, 3), precision: 77)
        #expect((-x).precision == 77)
        #expect((-x).exactRational == -x.exactRational)
        #expect(x.magnitude == (-x).magnitude && (-x).magnitude.sign == 1)
    }

    @Test func operationsAreCorrectlyRounded() throws {
        var rng = SplitMix64(seed: 30)
        for _ in 0..<40 {
            let pa = Int.random(in: 16...400, using: &rng), pb = Int.random(in: 16...400, using: &rng)
            let a = BigFloat(rng.rational(bits: 300), precision: pa)
            let b = BigFloat(rng.rational(bits: 300), precision: pb)
            let p = Swift.max(pa, pb)
            let qa = a.exactRational, qb = b.exactRational
            #expect(a + b == BigFloat(qa + qb, precision: p))
            #expect(a - b == BigFloat(qa - qb, precision: p))
            #expect(a * b == BigFloat(qa * qb, precision: p))
            #expect(try a / b == BigFloat(qa / qb, precision: p))
        }
    }

    @Test func divisionByZeroIsADomainError() {
        let x = BigFloat(1, precision: 64)
        expectDomainError { try x / BigFloat.zero(precision: 64) }
        expectDomainError { try BigFloat.zero(precision: 64) / BigFloat.zero(precision: 128) }
        expectDomainError { try x / (-BigFloat.zero(precision: 64)) }
    }

    @Test func inPlaceFormsMatchAndGrowPrecision() {
        var rng = SplitMix64(seed: 31)
        for _ in 0..<20 {
            let a = BigFloat(rng.rational(bits: 200), precision: 100)
            let b = BigFloat(rng.rational(bits: 200), precision: Int.random(in: 50...150, using: &rng))
            var x = a
            x += b
            #expect(x == a + b && x.precision == Swift.max(100, b.precision))
            x = a
            x -= b
            #expect(x == a - b && x.precision == Swift.max(100, b.precision))
            x = a
            x *= b
            #expect(x == a * b && x.precision == Swift.max(100, b.precision))
        }
    }

    @Test func addProductIsFusedAndInPlace() throws {
        let third = BigFloat(Rational(1, 3), precision: 64)
        var acc = BigFloat(Rational(-1, 9), precision: 64)
        let exact = acc.exactRational + third.exactRational * third.exactRational
        acc.addProduct(third, third)
        #expect(acc == BigFloat(exact, precision: 64))  // one rounding: fma, not mul then add
        // A wider factor widens the accumulator.
        var wide = BigFloat(1, precision: 53)
        wide.addProduct(BigFloat(Rational(1, 3), precision: 200), BigFloat(3, precision: 53))
        #expect(wide.precision == 200)
        // Uniquely referenced and wide enough: the limbs are reused.
        var unique = BigFloat(2, precision: 128)
        let before = ObjectIdentifier(unique.storage)
        unique.addProduct(BigFloat(3, precision: 64), BigFloat(5, precision: 64))
        unique += BigFloat(1, precision: 128)
        unique *= BigFloat(2, precision: 32)
        #expect(ObjectIdentifier(unique.storage) == before)
        #expect(unique == BigFloat(36, precision: 53))
        // The accumulator may also appear as a factor.
        var square = BigFloat(3, precision: 64)
        square.addProduct(square, square)
        #expect(square == BigFloat(12, precision: 64))
    }

    @Test func copyOnWrite() {
        let original = BigFloat(Rational(1, 3), precision: 128)
        let snapshot = original.exactRational
        var a = original
        a += BigFloat(1, precision: 128)
        #expect(original.exactRational == snapshot)
        var b = original
        b -= BigFloat(1, precision: 256)
        #expect(original.exactRational == snapshot && original.precision == 128)
        var c = original
        c *= BigFloat(3, precision: 64)
        #expect(original.exactRational == snapshot)
        var d = original
        d.addProduct(original, original)
        #expect(original.exactRational == snapshot)
        #expect(a != original && b != original && c != original && d != original)
        // Values stored in an array are independent too.
        var array = [original, original]
        array[0] += BigFloat(1, precision: 128)
        #expect(array[1] == original && array[0] != array[1])
    }

    @Test func scalingByRationalsAndIntegers() {
        let x = BigFloat(Rational(5, 4), precision: 90)
        #expect(x.multiplied(by: Rational(1, 3)) == BigFloat(Rational(5, 12), precision: 90))
        #expect(x.multiplied(by: Rational(1, 3)).precision == 90)
        #expect(x.multiplied(by: 8) == BigFloat(10, precision: 90))
        #expect(x.multiplied(by: -3) == BigFloat(Rational(-15, 4), precision: 90))
        #expect(x.divided(by: 5) == BigFloat(Rational(1, 4), precision: 90))
        #expect(x.divided(by: -3) == BigFloat(Rational(-5, 12), precision: 90))
        #expect(x.constant(Rational(1, 3)) == BigFloat(Rational(1, 3), precision: 90))
        #expect(x.constant(Rational(1, 3)).precision == 90)
        #expect(x.constant(7) == BigFloat(7, precision: 90))
    }

    @Test func comparison() {
        let a = BigFloat(Rational(1, 3), precision: 53)
        let b = BigFloat(Rational(1, 3), precision: 200)
        #expect(a != b)  // the 53-bit and 200-bit roundings of 1/3 differ
        #expect(a < b)   // 1/3 = 0.0101..., rounding at 53 bits goes down
        #expect(BigFloat(1, precision: 20) == BigFloat(1, precision: 300))  // precision is not compared
        let values = [-2, -1, 0, 1, 3].map { BigFloat($0, precision: 64) }
        #expect(values.reversed().sorted() == values)
        let nan = BigFloat.makeRaw(precision: 64)
        #expect(!(nan < values[0]) && !(values[0] < nan) && nan != nan)
    }
}
