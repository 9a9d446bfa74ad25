import Testing
@testable import Numbers

/// Construction, conversions, properties and copy-on-write of `BigFloat` (BigFloat.swift).
@Suite struct BigFloatTests {
    @Test(arguments: [16, 53, 64, 200, 256, 1024])
    func precisionIsKept(bits: Int) {
        #expect(BigFloat(1, precision: bits).precision == bits)
        #expect(BigFloat(Rational(1, 3), precision: bits).precision == bits)
        #expect(BigFloat(0.5, precision: bits).precision == bits)
        #expect(BigFloat("0.1", precision: bits)?.precision == bits)
        #expect(BigFloat.pi(precision: bits).precision == bits)
        #expect(BigFloat.zero(precision: bits).precision == bits)
        #expect(BigFloat(BigFloat(7, precision: 300), precision: bits).precision == bits)
    }

    @Test func integersEnterExactly() {
        for n in [0, 1, -1, 12345, Int.max, Int.min, Int.max - 1, 1 << 62 + 1] {
            let x = BigFloat(n, precision: 64)
            #expect(x.exactRational == Rational(n))
        }
        // Below 64 bits an integer is rounded to nearest.
        #expect(BigFloat(Int.max, precision: 53).exactRational == (try! Rational(2).power(63)))
    }

    @Test func rationalsAreCorrectlyRounded() throws {
        // 1/3 at 53 bits is exactly the Double nearest to 1/3.
        #expect(BigFloat(Rational(1, 3), precision: 53).doubleValue == 1.0 / 3.0)
        #expect(BigFloat(Rational(-22, 7), precision: 53).doubleValue == -22.0 / 7.0)
        // Dyadic rationals with few bits are exact.
        let dyadic = Rational(-12345, 1 << 40)
        #expect(BigFloat(dyadic, precision: 64).exactRational == dyadic)
        // Correct rounding: the error is at most half an ulp, for many random inputs.
        var rng = SplitMix64(seed: 20)
        for _ in 0..<50 {
            let q = rng.rational(bits: 100)
            let bits = Int.random(in: 20...300, using: &rng)
            let x = BigFloat(q, precision: bits)
            let error = (x.exactRational - q).magnitude
            let halfUlp = try Rational(2).power(x.exponent! - bits - 1)
            #expect(error <= halfUlp)
        }
    }

    @Test func doublesEnterExactly() {
        var rng = SplitMix64(seed: 21)
        for _ in 0..<100 {
            let x = Double(bitPattern: rng.next() & ~(0x7FF << 52) | (UInt64.random(in: 800...1200, using: &rng) << 52))
            let big = BigFloat(x, precision: 53)
            #expect(big.doubleValue == x)
            #expect(big.exactRational == Rational(x))
            #expect(BigFloat(x, precision: 300).exactRational == Rational(x))
        }
        #expect(BigFloat(Double.leastNonzeroMagnitude, precision: 53).doubleValue == Double.leastNonzeroMagnitude)
    }

    @Test func exactRationalRoundTrip() {
        var rng = SplitMix64(seed: 22)
        for bits in [16, 53, 100, 256, 1000] {
            for _ in 0..<10 {
                let x = BigFloat(rng.rational(bits: bits + 40), precision: bits)
                let q = x.exactRational
                let back = BigFloat(q, precision: bits)
                #expect(back == x)
                #expect(back.exactRational == q)
                #expect(q.denominatorIsOdd == false || q.denominator.description == "1")
            }
        }
    }

    @Test func decimalStringsAreCorrectlyRounded() {
        // The 200-bit value rounded to 53 bits is the Double nearest to 0.1.
        let tenth = BigFloat("0.1", precision: 200)!
        #expect(tenth.rounded(toPrecision: 53).doubleValue == 0.1)
        #expect(BigFloat("0.1", precision: 53)!.doubleValue == 0.1)
        #expect(tenth.exactRational != Rational(1, 10))
        // Swift's Double(String) is correctly rounded too: compare on random decimal strings.
        var rng = SplitMix64(seed: 23)
        for _ in 0..<200 {
            let digits = String(UInt64.random(in: 1...UInt64.max, using: &rng))
            let cut = Int.random(in: 0...digits.count, using: &rng)
            let exponent = Int.random(in: -30...30, using: &rng)
            let text = (Bool.random(using: &rng) ? "-" : "") + digits.prefix(cut) + "." + digits.dropFirst(cut) + "e\(exponent)"
            #expect(BigFloat(text, precision: 53)?.doubleValue == Double(text), "\(text)")
        }
    }

    @Test func stringInitializer() {
        #expect(BigFloat("1/3", precision: 53)?.doubleValue == 1.0 / 3.0)
        #expect(BigFloat("-22/7", precision: 80)?.exactRational == BigFloat(Rational(-22, 7), precision: 80).exactRational)
        #expect(BigFloat("1.5e-3", precision: 53)?.doubleValue == 1.5e-3)
        #expect(BigFloat("+2.5", precision: 53)?.doubleValue == 2.5)
        #expect(BigFloat(" 42 ", precision: 53)?.doubleValue == 42)
        #expect(BigFloat(".5", precision: 53)?.doubleValue == 0.5)
        #expect(BigFloat("5.", precision: 53)?.doubleValue == 5)
        for bad in ["", "abc", "1..2", "1/0", "inf", "nan", "0x1p3", "1e", "--1", "1.5/2", "1 2", "@3"] {
            #expect(BigFloat(bad, precision: 53) == nil, "\(bad)")
        }
    }

    @Test func piIsCorrectlyRounded() {
        #expect(BigFloat.pi(precision: 53).doubleValue == Double.pi)
        let pi256 = BigFloat.pi(precision: 256)
        #expect(pi256.rounded(toPrecision: 53).doubleValue == Double.pi)
        let reference = BigFloat("3.14159265358979323846264338327950288419716939937510582097494459230781640628620899863", precision: 256)!
        #expect(pi256 == reference)
    }

    @Test func properties() {
        let zero = BigFloat.zero(precision: 100)
        #expect(zero.isZero && zero.isFinite && !zero.isNaN && zero.sign == 0 && zero.exponent == nil)
        let x = BigFloat(-6, precision: 100)
        #expect(!x.isZero && x.sign == -1 && x.exponent == 3)  // 4 <= 6 < 8
        #expect(BigFloat(Rational(1, 2), precision: 53).exponent == 0)
        #expect(BigFloat(Rational(3, 8), precision: 53).exponent == -1)
        let nan = BigFloat.makeRaw(precision: 64)
        #expect(nan.isNaN && !nan.isFinite && nan.exponent == nil)
        #expect(nan != nan)
    }

    @Test func roundedToPrecision() {
        let third = BigFloat(Rational(1, 3), precision: 300)
        let short = third.rounded(toPrecision: 53)
        #expect(short.precision == 53)
        #expect(short.doubleValue == 1.0 / 3.0)
        // Growing the precision is exact.
        #expect(short.rounded(toPrecision: 400).exactRational == short.exactRational)
        #expect(third.precision == 300)
    }

    @Test func copiesShareStorageUntilMutated() {
        let a = BigFloat(Rational(2, 7), precision: 128)
        var b = a
        #expect(ObjectIdentifier(a.storage) == ObjectIdentifier(b.storage))
        b.makeUnique()
        #expect(ObjectIdentifier(a.storage) != ObjectIdentifier(b.storage))
        #expect(a == b && b.precision == 128)
        let before = ObjectIdentifier(b.storage)
        b.makeUnique()
        #expect(ObjectIdentifier(b.storage) == before)
        b.makeUnique(atLeast: 64)
        #expect(ObjectIdentifier(b.storage) == before && b.precision == 128)
        b.makeUnique(atLeast: 256)
        #expect(b.precision == 256 && b == a)
    }
}
