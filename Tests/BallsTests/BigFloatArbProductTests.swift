import Testing
import Numbers
import Balls

@Suite("BigFloat.truncatedProductByArb: the series product through Arb's dot product")
struct BigFloatArbProductTests {
    /// Coefficients spread over many binary orders of magnitude, with signs, exact zeros, and
    /// pairs that cancel, at `bits` bits.
    static func coefficients(_ count: Int, bits: Int, _ g: inout SplitMix64) -> [BigFloat] {
        (0..<count).map { _ in
            if g.next() % 7 == 0 { return BigFloat.zero(precision: bits) }
            let n = Int(g.next() % 2_000_001) - 1_000_000
            let d = 3 + 2 * Int(g.next() % 50_000)
            let scale = try! BigFloat.pow(BigFloat(2, precision: bits), Rational(Int(g.next() % 121) - 60))
            return BigFloat(Rational(n, d), precision: bits) * scale
        }
    }

    @Test("each coefficient is the exact sum of its terms to within 2^-(P-2) of its largest term; the largest term exponents are the MPFR kernel's")
    func agreesWithTheExactSum() throws {
        var g = SplitMix64(seed: 7)
        for bits in [64, 256, 512] {
            for _ in 0..<40 {
                let (na, nb) = (1 + Int(g.next() % 20), 1 + Int(g.next() % 20))
                let (a, b) = (Self.coefficients(na, bits: bits, &g), Self.coefficients(nb, bits: bits, &g))
                let count = Int(g.next() % UInt64(na + nb + 2))
                let byArb = BigFloat.truncatedProductByArb(a, b, count: count, precision: bits)
                let byMPFR = BigFloat.truncatedProduct(a, b, count: count, precision: bits)
                #expect(byArb.count == count)
                for k in 0..<count {
                    var exact = Rational.zero
                    for i in 0...k where i < na && k - i < nb { exact = exact + a[i].exactRational * b[k - i].exactRational }
                    #expect(byArb[k].largestTermExponent == byMPFR[k].largestTermExponent, "k = \(k)")
                    guard byArb[k].largestTermExponent != Int.min else {
                        #expect(byArb[k].value.isZero && exact.isZero, "k = \(k): no nonzero term, yet not zero")
                        continue
                    }
                    let error = (BigFloat(exact, precision: 4 * bits) - BigFloat(byArb[k].value, precision: 4 * bits)).magnitude
                    let bound = try BigFloat.pow(BigFloat(2, precision: 4 * bits), Rational(byArb[k].largestTermExponent - bits + 2))
                    #expect(error <= bound, "\(bits) bits, k = \(k): error \(error.formatted(significantDigits: 3)) above \(bound.formatted(significantDigits: 3))")
                    #expect(byArb[k].value.precision == bits)
                }
            }
        }
    }
}
