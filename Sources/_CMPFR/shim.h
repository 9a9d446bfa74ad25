// MPFR's fast paths are macros; these static inline wrappers let Swift read
// the exponent and sign of a number without a library call.
#ifndef PUISEUX_CMPFR_SHIM_H
#define PUISEUX_CMPFR_SHIM_H
#include <stdio.h>
#include <gmp.h>
#include <mpfr.h>

static inline long puiseux_mpfr_exp(mpfr_srcptr x) { return (long)x->_mpfr_exp; }
static inline long puiseux_mpfr_prec(mpfr_srcptr x) { return (long)x->_mpfr_prec; }
static inline int puiseux_mpfr_is_regular(mpfr_srcptr x) { return mpfr_regular_p(x); }
static inline int puiseux_mpfr_is_zero(mpfr_srcptr x) { return mpfr_zero_p(x); }
static inline int puiseux_mpfr_sgn(mpfr_srcptr x) { return mpfr_sgn(x); }
#endif
