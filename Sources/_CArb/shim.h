/* Arb (Debian's libflint-arb-dev) for the Ball type. Arb's field accessors are macros, and
 * its conversions take GMP and MPFR types that Swift also imports through _CGMP and _CMPFR:
 * these inline wrappers take the foreign values as void pointers, so the two imports of the
 * same C types never meet. */
#ifndef PUISEUX_CARB_SHIM_H
#define PUISEUX_CARB_SHIM_H
#include <arb.h>
#include <arb_poly.h>
#include <flint/fmpq.h>
#include <mpfr.h>

static inline arf_ptr puiseux_arb_mid(arb_ptr x) { return arb_midref(x); }
static inline mag_ptr puiseux_arb_rad(arb_ptr x) { return arb_radref(x); }

/* x = the rational q (a GMP mpq_t), enclosed at prec bits. */
static inline void puiseux_arb_set_mpq(arb_ptr x, const void *q, long prec) {
    fmpq_t f;
    fmpq_init(f);
    fmpq_set_mpq(f, (const __mpq_struct *)q);
    arb_set_fmpq(x, f, prec);
    fmpq_clear(f);
}

/* x = the exact value of the MPFR number m (radius 0). */
static inline void puiseux_arb_set_mpfr(arb_ptr x, const void *m) {
    arf_set_mpfr(arb_midref(x), (mpfr_srcptr)m);
    mag_zero(arb_radref(x));
}

/* m = a, rounded with rnd (0 nearest, 1 towards zero, 2 up, 3 down: MPFR's numbering). */
static inline void puiseux_arf_get_mpfr(void *m, arf_srcptr a, int rnd) {
    arf_get_mpfr((mpfr_ptr)m, a, (mpfr_rnd_t)rnd);
}

/* m = an upper bound on the radius of x, rounded upwards. */
static inline void puiseux_arb_rad_get_mpfr(void *m, arb_srcptr x) {
    arf_t r;
    arf_init(r);
    arf_set_mag(r, arb_radref(x));
    arf_get_mpfr((mpfr_ptr)m, r, MPFR_RNDU);
    arf_clear(r);
}

/* lower/upper = the ends of x, rounded outwards at prec bits. */
static inline void puiseux_arb_bounds_mpfr(void *lower, void *upper, arb_srcptr x, long prec) {
    arf_t e;
    arf_init(e);
    arb_get_lbound_arf(e, x, prec);
    arf_get_mpfr((mpfr_ptr)lower, e, MPFR_RNDD);
    arb_get_ubound_arf(e, x, prec);
    arf_get_mpfr((mpfr_ptr)upper, e, MPFR_RNDU);
    arf_clear(e);
}

/* y = x^q for the rational q (a GMP mpq_t); Arb's real branch (x > 0). */
static inline void puiseux_arb_pow_mpq(arb_ptr y, arb_srcptr x, const void *q, long prec) {
    fmpq_t f;
    fmpq_init(f);
    fmpq_set_mpq(f, (const __mpq_struct *)q);
    arb_pow_fmpq(y, x, f, prec);
    fmpq_clear(f);
}

/* m = an upper bound on |x| (every number in the ball), rounded upwards. */
static inline void puiseux_arb_abs_ubound_mpfr(void *m, arb_srcptr x) {
    arf_t u;
    arf_init(u);
    arb_get_abs_ubound_arf(u, x, 64);
    arf_get_mpfr((mpfr_ptr)m, u, MPFR_RNDU);
    arf_clear(u);
}

/* Bits of the midpoint's mantissa. */
static inline long puiseux_arb_mid_bits(arb_srcptr x) { return arf_bits(arb_midref(x)); }
/* out[k] = sum over i + j = k of a[i] b[j], for k < count: the MPFR numbers a (na of them) and
 * b (nb), all finite, read exactly; each sum by Arb's approx_dot at prec bits (arb_dot's
 * midpoint, without the radius), rounded to nearest at out[k]'s own precision. largest[k] is
 * the largest EXP(a[i]) + EXP(b[j]) over the nonzero terms (LONG_MIN if none): the scale the
 * series layer judges cancellation against. Arb multiplies truncated mantissas into one
 * fixed-point accumulator, which is why this beats a product-and-add per term in MPFR. */
static inline void puiseux_mpfr_mullow(void *const *out, long *largest, void *const *a, long na,
                                       void *const *b, long nb, long count, long prec) {
    arb_ptr va = _arb_vec_init(na), vb = _arb_vec_init(nb);
    long *ea = (long *)flint_malloc(sizeof(long) * (na + nb)), *eb = ea + na;
    arb_t sum;
    arb_init(sum);
    for (long i = 0; i < na; i++) {
        mpfr_srcptr m = (mpfr_srcptr)a[i];
        arf_set_mpfr(arb_midref(va + i), m);
        ea[i] = mpfr_regular_p(m) ? (long)mpfr_get_exp(m) : LONG_MIN;
    }
    for (long j = 0; j < nb; j++) {
        mpfr_srcptr m = (mpfr_srcptr)b[j];
        arf_set_mpfr(arb_midref(vb + j), m);
        eb[j] = mpfr_regular_p(m) ? (long)mpfr_get_exp(m) : LONG_MIN;
    }
    for (long k = 0; k < count; k++) {
        long lo = k - nb + 1 > 0 ? k - nb + 1 : 0, hi = k < na - 1 ? k : na - 1;
        long top = LONG_MIN;
        for (long i = lo; i <= hi; i++)
            if (ea[i] != LONG_MIN && eb[k - i] != LONG_MIN && ea[i] + eb[k - i] > top) top = ea[i] + eb[k - i];
        largest[k] = top;
        if (top == LONG_MIN) {
            mpfr_set_zero((mpfr_ptr)out[k], 1);
            continue;
        }
        arb_approx_dot(sum, NULL, 0, va + lo, 1, vb + (k - lo), -1, hi - lo + 1, prec);
        arf_get_mpfr((mpfr_ptr)out[k], arb_midref(sum), MPFR_RNDN);
    }
    arb_clear(sum);
    flint_free(ea);
    _arb_vec_clear(va, na);
    _arb_vec_clear(vb, nb);
}
#endif
