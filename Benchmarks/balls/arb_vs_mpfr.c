/* The ball-type decision of issue 13 (Docs/certified-digits.md): the series workloads of the
 * toolkit timed in one run with MPFR (what the series engine does today: point values, one
 * fma per product term) and with Arb balls (a rigorous radius on every value).
 *   cc -O2 arb_vs_mpfr.c -lflint-arb -lflint -lmpfr -lgmp -o arb_vs_mpfr && ./arb_vs_mpfr
 * Workloads: the truncated product of two series of N coefficients (O(N^2) multiply-adds in
 * MPFR; arb_poly_mullow in Arb, which switches to block/Kronecker multiplication), and a scalar
 * multiply-add. Each is repeated for >= 0.2 s; the median of 3 rounds is printed. */
#include <stdio.h>
#include <time.h>
#include <mpfr.h>
#include <arb.h>
#include <arb_poly.h>

static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + 1e-9 * t.tv_nsec; }

static double median3(double a, double b, double c) {
    if (a > b) { double t = a; a = b; b = t; }
    if (b > c) { double t = b; b = c; c = t; }
    if (a > b) { double t = a; a = b; b = t; }
    return b;
}

/* Series product, MPFR: c_k = sum_{i<=k} a_i b_{k-i}, one fma each (as BigFloat.truncatedProduct). */
static double mpfr_product(int n, int prec) {
    mpfr_t a[n], b[n], c[n];
    for (int i = 0; i < n; i++) {
        mpfr_inits2(prec, a[i], b[i], c[i], (mpfr_ptr)0);
        mpfr_set_d(a[i], 1.0 / (i + 1.7), MPFR_RNDN); mpfr_sqrt(a[i], a[i], MPFR_RNDN);
        mpfr_set_d(b[i], (i % 3 - 1) / (i + 2.3), MPFR_RNDN); mpfr_cbrt(b[i], b[i], MPFR_RNDN);
    }
    double rounds[3];
    for (int r = 0; r < 3; r++) {
        long reps = 0; double start = now(), t;
        do {
            for (int k = 0; k < n; k++) {
                mpfr_set_zero(c[k], 1);
                for (int i = 0; i <= k; i++) mpfr_fma(c[k], a[i], b[k - i], c[k], MPFR_RNDN);
            }
            reps++;
        } while ((t = now() - start) < 0.2);
        rounds[r] = t / reps;
    }
    for (int i = 0; i < n; i++) mpfr_clears(a[i], b[i], c[i], (mpfr_ptr)0);
    return median3(rounds[0], rounds[1], rounds[2]);
}

/* Series product, Arb: arb_poly_mullow on balls (radius tracked rigorously). */
static double arb_product(int n, int prec) {
    arb_poly_t a, b, c;
    arb_poly_init(a); arb_poly_init(b); arb_poly_init(c);
    for (int i = 0; i < n; i++) {
        arb_t x; arb_init(x);
        arb_set_d(x, 1.0 / (i + 1.7)); arb_sqrt(x, x, prec); arb_poly_set_coeff_arb(a, i, x);
        arb_set_d(x, (i % 3 - 1) / (i + 2.3)); arb_root_ui(x, x, 3, prec); arb_poly_set_coeff_arb(b, i, x);
        arb_clear(x);
    }
    double rounds[3];
    for (int r = 0; r < 3; r++) {
        long reps = 0; double start = now(), t;
        do { arb_poly_mullow(c, a, b, n, prec); reps++; } while ((t = now() - start) < 0.2);
        rounds[r] = t / reps;
    }
    arb_poly_clear(a); arb_poly_clear(b); arb_poly_clear(c);
    return median3(rounds[0], rounds[1], rounds[2]);
}

/* Scalar multiply-add: 1000 fma in MPFR against 1000 arb_addmul. */
static double mpfr_scalar(int prec) {
    mpfr_t x, y, z; mpfr_inits2(prec, x, y, z, (mpfr_ptr)0);
    mpfr_set_d(x, 0.7, MPFR_RNDN); mpfr_sqrt(x, x, MPFR_RNDN); mpfr_set_d(y, 1.3, MPFR_RNDN); mpfr_sqrt(y, y, MPFR_RNDN); mpfr_set_zero(z, 1);
    double rounds[3];
    for (int r = 0; r < 3; r++) {
        long reps = 0; double start = now(), t;
        do { for (int i = 0; i < 1000; i++) mpfr_fma(z, x, y, z, MPFR_RNDN); reps++; } while ((t = now() - start) < 0.2);
        rounds[r] = t / reps;
    }
    mpfr_clears(x, y, z, (mpfr_ptr)0);
    return median3(rounds[0], rounds[1], rounds[2]);
}

static double arb_scalar(int prec) {
    arb_t x, y, z; arb_init(x); arb_init(y); arb_init(z);
    arb_set_d(x, 0.7); arb_sqrt(x, x, prec); arb_set_d(y, 1.3); arb_sqrt(y, y, prec); arb_zero(z);
    double rounds[3];
    for (int r = 0; r < 3; r++) {
        long reps = 0; double start = now(), t;
        do { for (int i = 0; i < 1000; i++) arb_addmul(z, x, y, prec); reps++; } while ((t = now() - start) < 0.2);
        rounds[r] = t / reps;
    }
    arb_clear(x); arb_clear(y); arb_clear(z);
    return median3(rounds[0], rounds[1], rounds[2]);
}

int main(void) {
    printf("%-28s %6s %14s %14s %8s\n", "workload", "bits", "MPFR (us)", "Arb (us)", "MPFR/Arb");
    int bits[] = {256, 512, 700};
    for (int p = 0; p < 3; p++) {
        int prec = bits[p];
        int ns[] = {12, 40, 160};
        for (int k = 0; k < 3; k++) {
            double m = mpfr_product(ns[k], prec), a = arb_product(ns[k], prec);
            printf("series product N = %-9d %6d %14.2f %14.2f %8.2f\n", ns[k], prec, 1e6 * m, 1e6 * a, m / a);
        }
        double m = mpfr_scalar(prec), a = arb_scalar(prec);
        printf("%-28s %6d %14.2f %14.2f %8.2f\n", "1000 multiply-adds", prec, 1e6 * m, 1e6 * a, m / a);
    }
    flint_cleanup();
    return 0;
}
