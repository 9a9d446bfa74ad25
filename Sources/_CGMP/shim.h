// GMP exposes some operations only as macros; Swift cannot import those,
// so they are re-exported here as static inline functions.
#ifndef PUISEUX_CGMP_SHIM_H
#define PUISEUX_CGMP_SHIM_H
#include <string.h>
#include <gmp.h>

static inline mpz_ptr puiseux_mpq_numref(mpq_ptr q) { return mpq_numref(q); }
static inline mpz_ptr puiseux_mpq_denref(mpq_ptr q) { return mpq_denref(q); }
static inline mpz_srcptr puiseux_mpq_numref_const(mpq_srcptr q) { return mpq_numref(q); }
static inline mpz_srcptr puiseux_mpq_denref_const(mpq_srcptr q) { return mpq_denref(q); }
static inline int puiseux_mpz_sgn(mpz_srcptr z) { return mpz_sgn(z); }
static inline int puiseux_mpq_sgn(mpq_srcptr q) { return mpq_sgn(q); }
static inline int puiseux_mpz_cmp_si(mpz_srcptr z, long v) { return mpz_cmp_si(z, v); }
static inline int puiseux_mpq_cmp_si(mpq_srcptr q, long n, unsigned long d) { return mpq_cmp_si(q, n, d); }
static inline void puiseux_gmp_free_str(char *s) {
    void (*freefunc)(void *, size_t);
    mp_get_memory_functions(NULL, NULL, &freefunc);
    freefunc(s, strlen(s) + 1);
}
#endif
