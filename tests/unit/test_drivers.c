/* Tests for drivers.c (Johnson's relative weights through LAPACKE), each
 * against figures obtained without LAPACK:
 *  - uncorrelated predictors: the weights are the squared correlations;
 *  - two correlated predictors: the closed form of R^(1/2) for a 2x2
 *    correlation matrix [[1, r], [r, 1]] (eigenvalues 1 +/- r, eigenvectors
 *    (1, 1)/sqrt 2 and (1, -1)/sqrt 2), computed here from the data;
 *  - three predictors: tests/fixtures/report/relative_weights.py, pure
 *    Python with a Jacobi eigensolver, whose total equals the OLS R^2 from
 *    Gaussian elimination (printed values pasted below);
 *  - duplicated and constant predictors.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "drivers.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define assert_close(a, b, eps)                                                                    \
    do {                                                                                           \
        const double a_ = (a), b_ = (b);                                                           \
        if (!(fabs(a_ - b_) <= (eps))) fail_msg("%s = %.17g, want %.17g", #a, a_, b_);             \
    } while (0)

#define MAXK 4

/* Sufficient statistics of rows {x_1..x_k, y} with unit weights. */
typedef struct stats {
    size_t k;
    double sw, swy, swy2, swx[MAXK], swxy[MAXK], swxx[MAXK * MAXK];
} stats;

static stats stats_of(const double *rows, size_t n, size_t k)
{
    stats s;
    memset(&s, 0, sizeof s);
    s.k = k;
    for (size_t i = 0; i < n; i++) {
        const double *r = rows + i * (k + 1);
        const double y = r[k];
        s.sw += 1;
        s.swy += y;
        s.swy2 += y * y;
        for (size_t a = 0; a < k; a++) {
            s.swx[a] += r[a];
            s.swxy[a] += r[a] * y;
            for (size_t b = 0; b < k; b++)
                s.swxx[a * k + b] += r[a] * r[b];
        }
    }
    return s;
}

static vb_status run(const stats *s, double *weight, double *r, double *r2)
{
    vb_drivers_input in = {s->k, s->sw, s->swy, s->swy2, s->swx, s->swxy, s->swxx};
    vb_drivers_output out = {weight, r, 0, 0};
    vb_status st = vb_drivers_compute(NULL, &in, &out);
    *r2 = out.r2;
    return st;
}

static void test_uncorrelated_predictors(void **state)
{
    (void)state;
    /* A balanced 2x2 design, y = 100 x2 - 100 x1: r(x1, x2) = 0,
     * r1y = -1/sqrt 2, r2y = 1/sqrt 2, so each weight is 1/2, R^2 = 1. */
    const double rows[] = {0, 0, 0, 0, 1, 100, 1, 0, -100, 1, 1, 0};
    stats s = stats_of(rows, 4, 2);
    double w[2], r[2], r2;
    assert_int_equal(run(&s, w, r, &r2), VB_OK);
    assert_close(w[0], 0.5, 1e-12);
    assert_close(w[1], 0.5, 1e-12);
    assert_close(r[0], -1 / sqrt(2), 1e-12);
    assert_close(r2, 1, 1e-12);
}

/* Population correlation of columns a and b of rows with `k + 1` columns. */
static double corr(const double *rows, size_t n, size_t k, size_t a, size_t b)
{
    double ma = 0, mb = 0, cab = 0, va = 0, vb = 0;
    for (size_t i = 0; i < n; i++) {
        ma += rows[i * (k + 1) + a] / (double)n;
        mb += rows[i * (k + 1) + b] / (double)n;
    }
    for (size_t i = 0; i < n; i++) {
        const double da = rows[i * (k + 1) + a] - ma, db = rows[i * (k + 1) + b] - mb;
        cab += da * db;
        va += da * da;
        vb += db * db;
    }
    return cab / sqrt(va * vb);
}

static void test_two_correlated_predictors(void **state)
{
    (void)state;
    const double rows[] = {
        1, 1, -100, 1, 0, -100, 0, 1, 0, 0, 0, 100, 1, 1, -100, 0, 0, 100,
        1, 0, 0,    0, 0, 0,    1, 1, 0, 0, 1, 100, 0, 0, 100,  1, 0, -100,
    };
    const size_t n = 12, k = 2;
    const double r = corr(rows, n, k, 0, 1);
    const double ry[2] = {corr(rows, n, k, 0, 2), corr(rows, n, k, 1, 2)};
    /* R^(1/2) = [[a, b], [b, a]]; R^(-1/2) = [[a, -b], [-b, a]] / (a^2 - b^2) */
    const double a = (sqrt(1 + r) + sqrt(1 - r)) / 2, b = (sqrt(1 + r) - sqrt(1 - r)) / 2;
    const double det = a * a - b * b;
    const double beta1 = (a * ry[0] - b * ry[1]) / det, beta2 = (-b * ry[0] + a * ry[1]) / det;
    const double e1 = a * a * beta1 * beta1 + b * b * beta2 * beta2;
    const double e2 = b * b * beta1 * beta1 + a * a * beta2 * beta2;
    /* and the OLS R^2 of two predictors */
    const double ols = (ry[0] * ry[0] + ry[1] * ry[1] - 2 * r * ry[0] * ry[1]) / (1 - r * r);

    stats s = stats_of(rows, n, k);
    double w[2], rr[2], r2;
    assert_int_equal(run(&s, w, rr, &r2), VB_OK);
    assert_true(fabs(r) > 0.1); /* the case is really correlated */
    assert_close(w[0], e1, 1e-12);
    assert_close(w[1], e2, 1e-12);
    assert_close(r2, ols, 1e-12);
    assert_close(w[0] + w[1], r2, 1e-12);
}

static void test_three_predictors_against_python(void **state)
{
    (void)state;
    /* the rows of tests/fixtures/report/relative_weights.py */
    const double rows[] = {1, 0, 0, -100, 1, 1, 0, -100, 0, 1, 0, 100, 0, 0, 1, 0,
                           1, 0, 1, -100, 0, 1, 1, 100,  0, 0, 0, 100, 1, 1, 1, 0,
                           0, 0, 0, 0,    1, 0, 0, 0,    0, 1, 0, 100, 0, 0, 1, -100};
    stats s = stats_of(rows, 12, 3);
    double w[3], r[3], r2;
    assert_int_equal(run(&s, w, r, &r2), VB_OK);
    assert_close(w[0], 0.382331823225083, 1e-12);
    assert_close(w[1], 0.161783977334034, 1e-12);
    assert_close(w[2], 0.0442680378247203, 1e-12);
    assert_close(r2, 0.588383838383838, 1e-12);
    assert_close(r[0], -0.621059003408119, 1e-12);
    assert_close(r[2], -0.207019667802706, 1e-12);
}

static void test_degenerate_predictors(void **state)
{
    (void)state;
    /* x2 duplicates x1, x3 never varies: the duplicates share r1y^2
     * equally and x3 gets nothing. */
    const double rows[] = {1, 1, 0, -100, 0, 0, 0, 100, 1, 1, 0, 0, 0, 0, 0, 100, 1, 1, 0, -100};
    stats s = stats_of(rows, 5, 3);
    double w[3], r[3], r2;
    assert_int_equal(run(&s, w, r, &r2), VB_OK);
    const double r1y = corr(rows, 5, 3, 0, 3);
    assert_close(w[0], r1y * r1y / 2, 1e-9);
    assert_close(w[1], r1y * r1y / 2, 1e-9);
    assert_close(w[2], 0, 0);
    assert_true(isnan(r[2]));
    assert_close(r2, r1y * r1y, 1e-9);

    /* a score that does not vary has no model */
    const double flat[] = {1, 50, 0, 50, 1, 50};
    stats f = stats_of(flat, 3, 1);
    assert_int_equal(run(&f, w, r, &r2), VB_EINVAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_uncorrelated_predictors),
        cmocka_unit_test(test_two_correlated_predictors),
        cmocka_unit_test(test_three_predictors_against_python),
        cmocka_unit_test(test_degenerate_predictors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
