import Testing
@testable import Numbers

/// `roundedToInteger` (MPFR rint, ties to even), which PSLQ uses for its reduction steps.
@Suite struct BigFloatRoundingTests {
    @Test(arguments: [(2.5, 2.0), (3.5, 4.0), (-1.5, -2.0), (7.4999, 7.0), (-0.2, 0.0), (1e20 + 0.5, 1e20)])
    func nearestInteger(_ pair: (Double, Double)) throws {
        let x = BigFloat(pair.0, precision: 128)
        #expect(try x.roundedToInteger().doubleValue == pair.1)
        #expect(try x.roundedToInteger().precision == 128)
    }
}
