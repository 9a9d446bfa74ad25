import Numbers

extension PuiseuxSeries {
    /// Valuation lower bound used by the order rules (a bare O(t^k) has "valuation" k;
    /// an exact zero has none).
    var valuationBound: Int? { isExactZero ? nil : valuation }

    static func combine(_ a: PuiseuxSeries, _ b: PuiseuxSeries, subtract: Bool) -> PuiseuxSeries {
        let r = lcm(a.ramification, b.ramification)
        let x = a.aligned(to: r), y = b.aligned(to: r)
        let context = a.context.merged(with: b.context)
        let order = minOptional(x.order, y.order)
        var lo = Int.max, hi = Int.min
        for s in [x, y] where !s.coefficients.isEmpty {
            lo = min(lo, s.valuation)
            hi = max(hi, s.valuation + s.coefficients.count)
        }
        if let order { hi = min(hi, order) }
        guard lo < hi else {
            return PuiseuxSeries(ramification: r, valuation: order ?? 0, coefficients: [], order: order, context: context)
        }
        let zero = C.constant(.zero, precision: context.precision)
        var out = [C](repeating: zero, count: hi - lo)
        for k in lo..<hi {
            let i = k - x.valuation, j = k - y.valuation
            let hasX = i >= 0 && i < x.coefficients.count, hasY = j >= 0 && j < y.coefficients.count
            switch (hasX, hasY) {
            case (true, true):
                out[k - lo] = subtract ? C.cancellingDifference(x.coefficients[i], y.coefficients[j])
                                       : C.cancellingSum(x.coefficients[i], y.coefficients[j])
            case (true, false): out[k - lo] = x.coefficients[i]
            case (false, true): out[k - lo] = subtract ? -y.coefficients[j] : y.coefficients[j]
            case (false, false): break
            }
        }
        return PuiseuxSeries(ramification: r, valuation: lo, coefficients: out, order: order, context: context)
    }

    public static func + (lhs: PuiseuxSeries, rhs: PuiseuxSeries) -> PuiseuxSeries { combine(lhs, rhs, subtract: false) }
    public static func - (lhs: PuiseuxSeries, rhs: PuiseuxSeries) -> PuiseuxSeries { combine(lhs, rhs, subtract: true) }
    public static prefix func - (operand: PuiseuxSeries) -> PuiseuxSeries {
        PuiseuxSeries(ramification: operand.ramification, valuation: operand.valuation,
                      coefficients: operand.coefficients.map { -$0 }, order: operand.order, context: operand.context)
    }

    /// Product; O-term min(ord a + val b, ord b + val a) (valuation-aware, never lossy).
    public static func * (lhs: PuiseuxSeries, rhs: PuiseuxSeries) -> PuiseuxSeries {
        let r = lcm(lhs.ramification, rhs.ramification)
        let x = lhs.aligned(to: r), y = rhs.aligned(to: r)
        let context = lhs.context.merged(with: rhs.context)
        if lhs.isExactZero || rhs.isExactZero {
            return PuiseuxSeries(ramification: r, valuation: 0, coefficients: [], order: nil, context: context)
        }
        let order = minOptional(x.order.map { $0 + y.valuation }, y.order.map { $0 + x.valuation })
        let v = x.valuation + y.valuation
        var n = x.coefficients.isEmpty || y.coefficients.isEmpty ? 0 : x.coefficients.count + y.coefficients.count - 1
        if let order { n = min(n, order - v) }
        let out = convolve(x.coefficients, y.coefficients, count: max(n, 0), precision: context.precision)
        return PuiseuxSeries(ramification: r, valuation: v, coefficients: out, order: order, context: context)
    }

    /// The first `count` coefficients of the product of two dense coefficient arrays.
    static func convolve(_ a: [C], _ b: [C], count: Int, precision: Int) -> [C] {
        count > 0 ? C.truncatedProduct(a, b, count: count, precision: precision) : []
    }

    /// self * n for an integer n (exact scaling of each coefficient).
    public func multiplied(by n: Int) -> PuiseuxSeries {
        if n == 0 { return PuiseuxSeries(valuation: 0, coefficients: [], order: nil, context: context) }
        return PuiseuxSeries(ramification: ramification, valuation: valuation,
                             coefficients: coefficients.map { $0.multiplied(by: n) }, order: order, context: context)
    }

    /// self * c for a scalar c != 0 (same order).
    public func scaled(by c: C) -> PuiseuxSeries {
        PuiseuxSeries(ramification: ramification, valuation: valuation,
                      coefficients: coefficients.map { $0 * c }, order: order, context: context)
    }

    /// self * t^k (exact shift of every exponent and of the order).
    public func shifted(byTExponent k: Int) -> PuiseuxSeries {
        PuiseuxSeries(ramification: ramification, valuation: valuation + k, coefficients: coefficients,
                      order: order.map { $0 + k }, context: context)
    }

    /// Integer power by repeated squaring (exact for exact inputs); negative n inverts first.
    public func power(_ n: Int) throws -> PuiseuxSeries {
        if n < 0 { return try reciprocal().power(-n) }
        var result = PuiseuxSeries(constant: C.constant(.one, precision: context.precision), context: context)
        var base = self, e = n
        while e > 0 {
            if e & 1 == 1 { result = result * base }
            e >>= 1
            if e > 0 { base = base * base }
        }
        return result
    }
}

@inlinable func minOptional(_ a: Int?, _ b: Int?) -> Int? {
    switch (a, b) {
    case let (x?, y?): return min(x, y)
    case let (x?, nil): return x
    case let (nil, y?): return y
    case (nil, nil): return nil
    }
}
