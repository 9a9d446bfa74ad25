import _CMPFR

extension BigFloat {
    /// `initial ± Σ_{i<count} x[xStart+i] * y[yEnd-i]` at `precision` bits, accumulated in
    /// one MPFR variable (no allocation inside the loop), together with the largest binary
    /// exponent among the terms and `initial` (Int.min if all are zero) — the scale against
    /// which the series layer judges cancellation. A NaN or infinite operand gives NaN.
    public static func convolution(
        _ x: UnsafeBufferPointer<BigFloat>, xStart: Int,
        _ y: UnsafeBufferPointer<BigFloat>, yEnd: Int, count: Int,
        initial: BigFloat?, subtract: Bool, precision: Int
    ) -> (value: BigFloat, largestTermExponent: Int) {
        let acc = BigFloat.makeRaw(precision: precision)
        let scratch = BigFloat.makeRaw(precision: 2 * precision)
        let largest = accumulate(
            into: acc.storage.pointer, scratch: scratch.storage.pointer, count: count,
            x: { x[xStart + $0].storage.pointer }, y: { y[yEnd - $0].storage.pointer })
        return finish(acc, largest: largest, initial: initial, subtract: subtract)
    }

    /// The first `count` coefficients of the product of two coefficient arrays, each with its
    /// largest term exponent. Operand pointers are read once (no reference counting in the
    /// O(n^2) loop); one accumulator per output, one shared scratch product.
    public static func truncatedProduct(
        _ a: [BigFloat], _ b: [BigFloat], count: Int, precision: Int
    ) -> [(value: BigFloat, largestTermExponent: Int)] {
        let pa = a.map { $0.storage.pointer }, pb = b.map { $0.storage.pointer }
        let scratch = BigFloat.makeRaw(precision: 2 * precision)
        return withExtendedLifetime((a, b)) {
            pa.withUnsafeBufferPointer { xa in
                pb.withUnsafeBufferPointer { xb in
                    (0..<count).map { k in
                        let lo = Swift.max(0, k - xb.count + 1), hi = Swift.min(k, xa.count - 1)
                        let acc = BigFloat.makeRaw(precision: precision)
                        let largest = accumulate(
                            into: acc.storage.pointer, scratch: scratch.storage.pointer, count: Swift.max(0, hi - lo + 1),
                            x: { xa[lo + $0] }, y: { xb[k - lo - $0] })
                        return finish(acc, largest: largest, initial: nil, subtract: false)
                    }
                }
            }
        }
    }

    /// acc = Σ x(i) y(i); the product is rounded to twice the precision (exact for operands of
    /// the working precision) and then added: one rounding per term, as with fma, but on
    /// MPFR's fast mul/add paths (fma is 2-3x slower at 1024 bits).
    @inline(__always)
    static func accumulate(
        into a: mpfr_ptr, scratch t: mpfr_ptr, count: Int,
        x: (Int) -> UnsafeMutablePointer<__mpfr_struct>, y: (Int) -> UnsafeMutablePointer<__mpfr_struct>
    ) -> Int {
        mpfr_set_zero(a, 1)
        var largest = Int.min
        for i in 0..<count {
            let p = x(i), q = y(i)
            guard puiseux_mpfr_is_regular(p) != 0, puiseux_mpfr_is_regular(q) != 0 else {
                if mpfr_number_p(p) == 0 || mpfr_number_p(q) == 0 {
                    mpfr_set_nan(a)
                    return largest
                }
                continue
            }
            let e = puiseux_mpfr_exp(p) + puiseux_mpfr_exp(q)
            if e > largest { largest = e }
            mpfr_mul(t, p, q, MPFR_RNDN)
            mpfr_add(a, a, t, MPFR_RNDN)
        }
        return largest
    }

    @inline(__always)
    static func finish(_ acc: BigFloat, largest: Int, initial: BigFloat?, subtract: Bool) -> (value: BigFloat, largestTermExponent: Int) {
        var largest = largest
        let a = acc.storage.pointer
        if subtract { mpfr_neg(a, a, MPFR_RNDN) }
        if let initial {
            if let e = initial.exponent, e > largest { largest = e }
            mpfr_add(a, a, initial.storage.pointer, MPFR_RNDN)
        }
        return (acc, largest)
    }
}
