import _CMPFR

extension BigFloat {
    /// `initial ± Σ_{i<count} x[xStart+i] * y[yEnd-i]` at `precision` bits, accumulated by
    /// fused multiply-adds into one MPFR variable (no allocation inside the loop), together
    /// with the largest binary exponent among the terms and `initial` (Int.min if all are
    /// zero) — the scale against which the series layer judges cancellation.
    /// A NaN or infinite operand makes the value NaN.
    public static func convolution(
        _ x: UnsafeBufferPointer<BigFloat>, xStart: Int,
        _ y: UnsafeBufferPointer<BigFloat>, yEnd: Int, count: Int,
        initial: BigFloat?, subtract: Bool, precision: Int
    ) -> (value: BigFloat, largestTermExponent: Int) {
        let acc = BigFloat.makeRaw(precision: precision)
        let a = acc.storage.pointer
        mpfr_set_zero(a, 1)
        var largest = Int.min
        for i in 0..<count {
            let p = x[xStart + i].storage.pointer, q = y[yEnd - i].storage.pointer
            guard puiseux_mpfr_is_regular(p) != 0, puiseux_mpfr_is_regular(q) != 0 else {
                if mpfr_number_p(p) == 0 || mpfr_number_p(q) == 0 {
                    mpfr_set_nan(a)
                    return (acc, largest)
                }
                continue
            }
            let e = puiseux_mpfr_exp(p) + puiseux_mpfr_exp(q)
            if e > largest { largest = e }
            mpfr_fma(a, p, q, a, MPFR_RNDN)
        }
        if subtract { mpfr_neg(a, a, MPFR_RNDN) }
        if let initial {
            if let e = initial.exponent, e > largest { largest = e }
            mpfr_add(a, a, initial.storage.pointer, MPFR_RNDN)
        }
        return (acc, largest)
    }
}
