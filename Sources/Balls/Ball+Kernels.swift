import _CArb
import Numbers

/// The series engine's inner loops on balls: sums of products and truncated products
/// (Arb's `_arb_poly_mullow`, which multiplies long products by blocks, exactly scaled
/// integer polynomials, instead of term by term).
extension Ball {
    /// `initial ± Σ_{i<count} x[xStart + i] * y[yEnd - i]`, one enclosure, at `precision` bits.
    public static func sumOfProducts(_ x: UnsafeBufferPointer<Ball>, xStart: Int, _ y: UnsafeBufferPointer<Ball>, yEnd: Int,
                                     count: Int, initial: Ball?, subtract: Bool, precision: Int) -> Ball {
        let r = Ball.raw(precision: precision)
        if let initial { arb_set(r.pointer, initial.pointer) }
        for i in 0..<count {
            if subtract { arb_submul(r.pointer, x[xStart + i].pointer, y[yEnd - i].pointer, precision) }
            else { arb_addmul(r.pointer, x[xStart + i].pointer, y[yEnd - i].pointer, precision) }
        }
        return r
    }

    /// The first `count` coefficients of the product of two coefficient arrays (Arb's mullow).
    public static func mullow(_ a: [Ball], _ b: [Ball], count: Int, precision: Int) -> [Ball] {
        guard count > 0, !a.isEmpty, !b.isEmpty else { return (0..<max(count, 0)).map { _ in Ball(0, precision: precision) } }
        let n = min(count, a.count + b.count - 1)
        let va = _arb_vec_init(a.count)!, vb = _arb_vec_init(b.count)!, vc = _arb_vec_init(n)!
        defer { _arb_vec_clear(va, a.count); _arb_vec_clear(vb, b.count); _arb_vec_clear(vc, n) }
        for (i, x) in a.enumerated() { arb_set(va + i, x.pointer) }
        for (i, x) in b.enumerated() { arb_set(vb + i, x.pointer) }
        // _arb_poly_mullow wants the longer factor first and both no longer than n.
        let (la, lb) = (min(a.count, n), min(b.count, n))
        if la >= lb { _arb_poly_mullow(vc, va, la, vb, lb, n, precision) } else { _arb_poly_mullow(vc, vb, lb, va, la, n, precision) }
        return (0..<count).map { k in
            let r = Ball.raw(precision: precision)
            if k < n { arb_set(r.pointer, vc + k) }
            return r
        }
    }
}
