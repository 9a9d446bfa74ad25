/// The documented rule that decides when a computed MPFR coefficient is zero.
///
/// Every coefficient the series layer computes is a sum of terms (a sum of two inputs, or a
/// convolution of products). Let E(x) be the binary exponent (2^(E-1) <= |x| < 2^E), P the
/// working precision and M the largest E over the terms. The result r is *numerically zero*
/// and is replaced by an exact 0 when
///
///     E(r) <= M - (P - guardBits(P)),
///
/// i.e. when at least P - guardBits(P) leading bits cancelled. Rounding noise from a chain of
/// operations stays far below that bound (it would need an amplification of 2^guardBits),
/// while a true coefficient that small cannot be distinguished from noise at P bits anyway.
/// The rule is local, deterministic and scales with P, so a wrong decision at P bits shows
/// up as a disagreement with the same computation at a higher precision — which is how the
/// CLI backs every digit it prints (Docs/numeric-zero-rule.md).
public enum NumericZeroRule {
    /// Bits of noise tolerated above the last bit: max(8, P/4).
    @inlinable public static func guardBits(_ precision: Int) -> Int { Swift.max(8, precision / 4) }

    /// Bits that must cancel for a result to count as zero.
    @inlinable public static func cancellationBits(_ precision: Int) -> Int { precision - guardBits(precision) }

    /// Whether a result with exponent `resultExponent` computed from terms whose largest
    /// exponent is `termExponent` is numerically zero at `precision` bits.
    @inlinable public static func isCancelled(resultExponent: Int, termExponent: Int, precision: Int) -> Bool {
        resultExponent <= termExponent - cancellationBits(precision)
    }
}
