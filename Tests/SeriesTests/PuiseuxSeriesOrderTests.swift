import Testing
import Numbers
@testable import Series

/// The O-term of every operation must be the true one. For an exact series S, the
/// truncation s = S + O(t^k) stands for every S + (anything of order t^k). So:
/// - f(s) must agree with f(S) (computed from the exact input, with a bigger budget) below
///   order(f(s)) — the O-term is not overclaimed;
/// - f(S + delta t^k) must differ from f(S) exactly at order(f(s)) — not underclaimed.
@Suite struct PuiseuxSeriesOrderTests {
    typealias S = PuiseuxSeries<BigFloat>
    static let precision = 256
    static let noise = Double(sign: .plus, exponent: -120, significand: 1)

    /// d-exponent of the first coefficient of a - b above the noise level (nil: none).
    func firstRealDifference(_ a: S, _ b: S) -> Rational? {
        let diff = a - b
        for (i, c) in diff.coefficients.enumerated() where abs(c.doubleValue) > Self.noise {
            return diff.dExponent(ofTExponent: diff.valuation + i)
        }
        return nil
    }

    func checkOrder(_ name: String, input: (inout SplitMix64) -> S, cut: Int, _ f: (S) throws -> S) throws {
        var rng = SplitMix64(seed: UInt64(name.utf8.reduce(7) { $0 &* 31 &+ Int($1) }.magnitude))
        let exact = input(&rng).withContext(SeriesContext(precision: Self.precision, relativeTerms: 40))
        let truncated = exact.truncated(tOrder: exact.valuation + cut)
        let onTruncated = try f(truncated)
        let claimed = try #require(onTruncated.dOrder, "\(name): result of a truncated input must have an O-term")
        let onExact = try f(exact)
        let delta = S(ramification: exact.ramification, valuation: exact.valuation + cut,
                      coefficients: [BigFloat(Rational(3, 7), precision: Self.precision)], order: nil, context: exact.context)
        let onPerturbed = try f(exact + delta)
        // Not overclaimed: f(s) equals f(S) below its O-term.
        if let d = firstRealDifference(onTruncated.truncated(tOrder: onTruncated.order!), onExact.truncated(tOrder: onTruncated.order!)) {
            Issue.record("\(name): f(s) differs from f(S) at d^\(d) below its O-term d^\(claimed)")
        }
        // Not underclaimed: the perturbation shows up exactly at the O-term.
        let shows = firstRealDifference(onPerturbed, onExact)
        #expect(shows == claimed, "\(name): perturbation appears at d^\(shows.map(String.init(describing:)) ?? "none"), O-term says d^\(claimed)")
    }

    func series(_ rng: inout SplitMix64, b: Int, v: Int, lead: Rational = 2) -> S {
        Gen.exact(BigFloat.self, &rng, ramification: b, valuation: v, count: 14, precision: Self.precision,
                  leading: BigFloat(lead, precision: Self.precision))
    }

    @Test func sumProductQuotient() throws {
        try checkOrder("sum", input: { series(&$0, b: 2, v: -1) }, cut: 5) { $0 + $0.constant(3) }
        try checkOrder("product", input: { series(&$0, b: 2, v: -3) }, cut: 6) { s in s * s.constant(Rational(1, 3)).shifted(byTExponent: 0) * (s + s.constant(1)) }
        try checkOrder("quotient", input: { series(&$0, b: 3, v: 2) }, cut: 6) { s in try s.constant(5) / s }
    }

    @Test func rootsAndPowers() throws {
        try checkOrder("sqrt odd valuation", input: { series(&$0, b: 1, v: -3) }, cut: 5) { try $0.squareRoot() }
        try checkOrder("cube root", input: { series(&$0, b: 2, v: 2) }, cut: 7) { try $0.rationalPower(Rational(1, 3)) }
        try checkOrder("power -5/2", input: { series(&$0, b: 1, v: 1) }, cut: 4) { try $0.rationalPower(Rational(-5, 2)) }
    }

    @Test func transcendental() throws {
        try checkOrder("exp", input: { series(&$0, b: 2, v: 1, lead: Rational(1, 2)) }, cut: 6) { try $0.exponential() }
        try checkOrder("log", input: { series(&$0, b: 2, v: 0) }, cut: 6) { try $0.logarithm() }
        try checkOrder("sin", input: { series(&$0, b: 1, v: 0, lead: Rational(1, 3)) }, cut: 5) { try $0.sineAndCosine().sin }
        try checkOrder("cos", input: { series(&$0, b: 3, v: 1, lead: Rational(1, 3)) }, cut: 5) { try $0.sineAndCosine().cos }
        try checkOrder("atan", input: { series(&$0, b: 2, v: 0, lead: Rational(1, 3)) }, cut: 7) { try $0.arctangent() }
        try checkOrder("atan at infinity", input: { series(&$0, b: 1, v: -1) }, cut: 4) { try $0.arctangent() }
        try checkOrder("asin", input: { series(&$0, b: 1, v: 0, lead: Rational(1, 3)) }, cut: 6) { try $0.arcsine() }
        try checkOrder("acos", input: { series(&$0, b: 2, v: 0, lead: Rational(-1, 2)) }, cut: 6) { try $0.arccosine() }
    }

    @Test func acosAtTheBranchPoints() throws {
        // 1 - s^2 and -1 + s^2 with s of positive valuation: acos takes the sqrt branch.
        try checkOrder("acos at 1", input: { series(&$0, b: 1, v: 1, lead: Rational(1, 2)) }, cut: 4) { s in
            try (s.constant(1) - s * s).arccosine()
        }
        try checkOrder("acos at -1", input: { series(&$0, b: 2, v: 1, lead: Rational(1, 2)) }, cut: 4) { s in
            try (s * s - s.constant(1)).arccosine()
        }
    }
}
