import Numbers

/// A truncated Puiseux series in t = d^(-1/b):
///
///     sum_{i >= 0} coefficients[i] * t^(valuation + i)  +  O(t^order)
///
/// Invariants (kept by `init`, so every value is normalised):
/// - `ramification` b >= 1 is minimal: no common factor with all exponents and the order;
/// - `coefficients` is empty or starts and ends with a nonzero coefficient;
/// - every exponent is below `order`; `order == nil` means the series is exact (a finite sum);
/// - for a series without terms `valuation == order ?? 0` (a lower bound on the true valuation).
/// Negative valuations (positive powers of d) are allowed: Laurent–Puiseux series.
public struct PuiseuxSeries<C: SeriesCoefficient>: Sendable {
    public private(set) var ramification: Int
    public private(set) var valuation: Int
    public private(set) var coefficients: [C]
    public private(set) var order: Int?
    public private(set) var context: SeriesContext

    /// Builds and normalises a series. `coefficients[i]` multiplies t^(valuation + i).
    public init(ramification: Int = 1, valuation: Int, coefficients: [C], order: Int?, context: SeriesContext) {
        precondition(ramification >= 1, "ramification must be positive")
        self.ramification = ramification
        self.valuation = valuation
        self.coefficients = coefficients
        self.order = order
        self.context = context
        normalize()
    }

    /// The exact constant `value`.
    public init(constant value: C, context: SeriesContext) {
        self.init(valuation: 0, coefficients: [value], order: nil, context: context)
    }

    /// The exact series d = t^(-1) (ramification 1).
    public static func d(context: SeriesContext) -> PuiseuxSeries {
        PuiseuxSeries(valuation: -1, coefficients: [C.constant(.one, precision: context.precision)], order: nil, context: context)
    }

    /// The exact monomial c * d^exponent.
    public static func monomial(_ c: C, dExponent: Rational, context: SeriesContext) -> PuiseuxSeries {
        let (p, q) = dExponent.intComponents!
        return PuiseuxSeries(ramification: q, valuation: -p, coefficients: [c], order: nil, context: context)
    }

    /// O(t^order) with no terms.
    public static func bigO(tExponent order: Int, ramification: Int, context: SeriesContext) -> PuiseuxSeries {
        PuiseuxSeries(ramification: ramification, valuation: order, coefficients: [], order: order, context: context)
    }

    public var isExact: Bool { order == nil }
    /// True when there is no known nonzero term (exact zero or a bare O-term).
    public var hasNoTerms: Bool { coefficients.isEmpty }
    public var isExactZero: Bool { coefficients.isEmpty && order == nil }
    public var precision: Int { context.precision }

    /// order - valuation: how many t-steps of the series are known (nil if exact).
    public var relativePrecision: Int? { order.map { $0 - valuation } }

    /// Exponent of d of the term t^k: -k/b.
    public func dExponent(ofTExponent k: Int) -> Rational { Rational(-k, ramification) }

    /// Exponent of d in the O-term (nil if exact).
    public var dOrder: Rational? { order.map { dExponent(ofTExponent: $0) } }

    /// Exponent of d of the leading term, when there is one.
    public var leadingDExponent: Rational? { coefficients.isEmpty ? nil : dExponent(ofTExponent: valuation) }

    /// The nonzero terms as (exponent of d, coefficient), in decreasing powers of d.
    public var terms: [(dExponent: Rational, coefficient: C)] {
        coefficients.indices.compactMap { i in
            coefficients[i].isZero ? nil : (dExponent(ofTExponent: valuation + i), coefficients[i])
        }
    }

    /// The coefficient of t^k (zero outside the stored range; callers check `order`).
    public func coefficient(ofTExponent k: Int) -> C {
        let i = k - valuation
        return i >= 0 && i < coefficients.count ? coefficients[i] : zeroCoefficient
    }

    var zeroCoefficient: C { C.constant(.zero, precision: context.precision) }

    private mutating func normalize() {
        if let order, valuation + coefficients.count > order {
            coefficients.removeLast(min(coefficients.count, valuation + coefficients.count - order))
        }
        var start = 0
        if let bits = context.zeroLeadingBallsBelowBits {
            while start < coefficients.count && (coefficients[start].isZero || C.leadingIsAssumedZero(coefficients[start...], belowBits: bits)) { start += 1 }
        }
        if let first = coefficients[start...].firstIndex(where: { !$0.isZero }) {
            if first > 0 {
                coefficients.removeFirst(first)
                valuation += first
            }
            while let last = coefficients.last, last.isZero { coefficients.removeLast() }
        } else {
            coefficients.removeAll()
            valuation = order ?? 0
        }
        reduceRamification()
    }

    /// Divides b by the largest factor common to b, every nonzero exponent and the order.
    private mutating func reduceRamification() {
        guard ramification > 1 else { return }
        var g = ramification
        if let order { g = gcd(g, order) }
        if !coefficients.isEmpty { g = gcd(g, valuation) }
        var i = 1
        while g > 1 && i < coefficients.count {
            if !coefficients[i].isZero { g = gcd(g, i) }
            i += 1
        }
        guard g > 1 else { return }
        ramification /= g
        valuation /= g
        order = order.map { $0 / g }
        if !coefficients.isEmpty {
            coefficients = stride(from: 0, to: coefficients.count, by: g).map { coefficients[$0] }
        }
    }

    /// The same series over t' = d^(-1/(k*b)) (exponents multiplied by k). Not normalised:
    /// internal helpers use it to align operands before recombining.
    func spread(by k: Int) -> (valuation: Int, coefficients: [C], order: Int?) {
        guard k > 1 else { return (valuation, coefficients, order) }
        var spread = [C]()
        spread.reserveCapacity(coefficients.isEmpty ? 0 : (coefficients.count - 1) * k + 1)
        let zero = zeroCoefficient
        for (i, c) in coefficients.enumerated() {
            if i > 0 { for _ in 1..<k { spread.append(zero) } }
            spread.append(c)
        }
        return (valuation * k, spread, order.map { $0 * k })
    }

    /// Valuation, coefficients and order over ramification `b` (a multiple of `ramification`).
    func aligned(to b: Int) -> (valuation: Int, coefficients: [C], order: Int?) {
        precondition(b % ramification == 0)
        return spread(by: b / ramification)
    }

    /// Truncated to O(t^k) in its own ramification (no-op when the order is already lower).
    public func truncated(tOrder k: Int) -> PuiseuxSeries {
        PuiseuxSeries(ramification: ramification, valuation: valuation, coefficients: coefficients,
                      order: order.map { min($0, k) } ?? k, context: context)
    }

    /// Adds O(d^exponent), refining the ramification if the exponent needs it.
    public func addingBigO(dExponent e: Rational) -> PuiseuxSeries {
        let (p, q) = e.intComponents!
        let b = lcm(ramification, q)
        let a = aligned(to: b)
        let k = -p * (b / q)
        return PuiseuxSeries(ramification: b, valuation: a.valuation, coefficients: a.coefficients,
                             order: a.order.map { min($0, k) } ?? k, context: context)
    }

    /// The exact finite sum of the terms c d^e with -below < e <= atMost (no O-term): the
    /// polynomial part a Newton iteration keeps of a longer series.
    public func polynomialPart(aboveDExponent below: Rational, atMost top: Rational? = nil) -> PuiseuxSeries {
        let kept = coefficients.enumerated().map { i, c -> C in
            let e = dExponent(ofTExponent: valuation + i)
            return e > below && (top.map { e <= $0 } ?? true) ? c : zeroCoefficient
        }
        return PuiseuxSeries(ramification: ramification, valuation: valuation, coefficients: kept, order: nil, context: context)
    }

    /// A copy with a different context (coefficients unchanged).
    public func withContext(_ context: SeriesContext) -> PuiseuxSeries {
        var s = self
        s.context = context
        return s
    }

    /// Applies `transform` to every coefficient (e.g. rounding to another precision).
    public func mapCoefficients<D>(context: SeriesContext, _ transform: (C) throws -> D) rethrows -> PuiseuxSeries<D> {
        PuiseuxSeries<D>(ramification: ramification, valuation: valuation,
                         coefficients: try coefficients.map(transform), order: order, context: context)
    }
}

/// Greatest common divisor and least common multiple of ramifications (non-negative results).
@inlinable public func gcd(_ a: Int, _ b: Int) -> Int {
    var (x, y) = (abs(a), abs(b))
    while y != 0 { (x, y) = (y, x % y) }
    return x
}

@inlinable public func lcm(_ a: Int, _ b: Int) -> Int { a / gcd(a, b) * b }

extension PuiseuxSeries where C == BigFloat {
    /// The exact rational series converted to MPFR coefficients at `precision` bits.
    public init(_ exact: PuiseuxSeries<Rational>, precision: Int) {
        var context = exact.context
        context.precision = precision
        self = exact.mapCoefficients(context: context) { BigFloat($0, precision: precision) }
    }
}
