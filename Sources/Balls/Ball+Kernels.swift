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
        // _arb_poly_mullow wants the longer factor first and both no longer than n (the vectors are).
        let product = withVectors([a, b], count: n, precision: precision) { out, v, lengths in
            if lengths[0] >= lengths[1] { _arb_poly_mullow(out, v[0], lengths[0], v[1], lengths[1], n, precision) }
            else { _arb_poly_mullow(out, v[1], lengths[1], v[0], lengths[0], n, precision) }
        }
        return product + (n..<count).map { _ in Ball.raw(precision: precision) }
    }

    /// The first `count` coefficients of x / y (y[0] certainly nonzero), Arb's
    /// `_arb_poly_div_series` (Newton iteration on long series).
    public static func quotientSeries(_ x: [Ball], _ y: [Ball], count: Int, precision: Int) -> [Ball] {
        withVectors([x, y], count: count, precision: precision) { out, v, lengths in
            _arb_poly_div_series(out, v[0], lengths[0], v[1], lengths[1], count, precision)
        }
    }

    /// The first `count` coefficients of a^exponent (a[0] > 0, real branch): Arb's square root,
    /// inverse square root or general power series (`_arb_poly_sqrt_series`, `_rsqrt_series`,
    /// `_pow_arb_series`).
    public static func powerSeries(_ a: [Ball], exponent: Rational, count: Int, precision: Int) -> [Ball] {
        let e = Ball(exponent, precision: precision)
        return withVectors([a], count: count, precision: precision) { out, v, lengths in
            if exponent == Rational(1, 2) { _arb_poly_sqrt_series(out, v[0], lengths[0], count, precision) }
            else if exponent == Rational(-1, 2) { _arb_poly_rsqrt_series(out, v[0], lengths[0], count, precision) }
            else { withExtendedLifetime(e) { _arb_poly_pow_arb_series(out, v[0], lengths[0], e.pointer, count, precision) } }
        }
    }

    /// The first `count` coefficients of acos(a) (`cosine`) or asin(a), |a[0]| < 1: Arb's
    /// `_arb_poly_acos_series` / `_asin_series`.
    public static func inverseTrigSeries(_ a: [Ball], cosine: Bool, count: Int, precision: Int) -> [Ball] {
        withVectors([a], count: count, precision: precision) { out, v, lengths in
            if cosine { _arb_poly_acos_series(out, v[0], lengths[0], count, precision) }
            else { _arb_poly_asin_series(out, v[0], lengths[0], count, precision) }
        }
    }

    /// `body(out, inputs, lengths)` on Arb vectors holding `inputs`, each cut to `count` terms
    /// (a series kernel needs no more), and `out` of `count` terms; the result as balls.
    static func withVectors(_ inputs: [[Ball]], count: Int, precision: Int,
                            _ body: (arb_ptr, [arb_ptr], [Int]) -> Void) -> [Ball] {
        let lengths = inputs.map { min($0.count, count) }
        let vectors = lengths.map { _arb_vec_init(max($0, 1))! }
        let out = _arb_vec_init(count)!
        defer {
            for (v, n) in zip(vectors, lengths) { _arb_vec_clear(v, max(n, 1)) }
            _arb_vec_clear(out, count)
        }
        for (k, input) in inputs.enumerated() {
            for i in 0..<lengths[k] { arb_set(vectors[k] + i, input[i].pointer) }
        }
        withExtendedLifetime(inputs) { body(out, vectors, lengths) }
        return (0..<count).map { k in
            let r = Ball.raw(precision: precision)
            arb_set(r.pointer, out + k)
            return r
        }
    }
}
