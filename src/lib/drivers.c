/* drivers.c: key drivers by Johnson's relative weights, the only file
 * that includes lapacke.h.
 *
 * Relative weights (Johnson 2000, Multivariate Behavioral Research 35:1)
 * split a regression's R^2 among correlated predictors. With R the
 * predictors' correlation matrix and r their correlations with y:
 *
 *     R = V diag(l) V'                        (symmetric eigensolver)
 *     L = R^(1/2) = V diag(sqrt l) V'         (loadings of x on the
 *                                              orthogonal Z closest to x)
 *     b = R^(-1/2) r                          (y regressed on Z)
 *     weight_j = sum_c L[j][c]^2 b[c]^2,      sum_j weight_j = R^2 = b'b
 *
 * Eigenvalues below 1e-10 x the largest are treated as zero (the
 * pseudo-inverse), so perfectly collinear themes share their weight rather
 * than break the model. Everything comes from weighted sums (sum w, w x,
 * w y, w y^2, w x x', w x y), which add exactly under merging.
 *
 * LAPACK's dsyevd is the eigensolver: a reference implementation that is
 * well kept (Netlib, packaged by every distribution, with optimised drop-
 * ins such as OpenBLAS), backward stable and exact to rounding for the
 * symmetric matrices we have; no reason to write our own Jacobi sweep.
 */
#include "drivers.h"

#include "alloc.h"

#include <lapacke.h>
#include <math.h>
#include <string.h>

#define EIGEN_RELATIVE_TOL 1e-10

vb_status vb_drivers_compute(const vb_allocator *a, const vb_drivers_input *in,
                             vb_drivers_output *out)
{
    const size_t k = in->k;
    out->r2 = 0;
    out->rank = 0;
    for (size_t j = 0; j < k; j++) {
        out->weight[j] = 0;
        out->r[j] = NAN;
    }
    if (!(in->sw > 0)) return VB_EINVAL;
    const double my = in->swy / in->sw;
    const double var_y = in->swy2 / in->sw - my * my;
    if (!(var_y > 1e-12 * (in->swy2 / in->sw)) || !(var_y > 0)) return VB_EINVAL;
    if (k == 0) return VB_OK;

    /* The predictors that vary; the others keep weight 0. */
    if (vb_mul_overflows(k, k) || vb_mul_overflows(k * k, 4 * sizeof(double))) return VB_ENOMEM;
    size_t *use = vb_calloc(a, k, sizeof *use);
    double *work = vb_calloc(a, 4 * k * k + 4 * k, sizeof *work);
    if (use == NULL || work == NULL) {
        vb_free(a, use);
        vb_free(a, work);
        return VB_ENOMEM;
    }
    double *sd = work;            /* k */
    double *r = sd + k;           /* m: correlations with y */
    double *eval = r + k;         /* m */
    double *b = eval + k;         /* m */
    double *R = b + k;            /* m x m, then eigenvectors */
    double *half = R + k * k;     /* m x m: R^(1/2) */
    double *ihalf = half + k * k; /* m x m: R^(-1/2) */
    size_t m = 0;
    for (size_t j = 0; j < k; j++) {
        const double mx = in->swx[j] / in->sw;
        const double var = in->swxx[j * k + j] / in->sw - mx * mx;
        if (var > 1e-12) {
            use[m] = j;
            sd[m] = sqrt(var);
            m++;
        }
    }
    const double sy = sqrt(var_y);
    for (size_t p = 0; p < m; p++) {
        const size_t i = use[p];
        const double mi = in->swx[i] / in->sw;
        r[p] = (in->swxy[i] / in->sw - mi * my) / (sd[p] * sy);
        out->r[i] = r[p];
        for (size_t q = 0; q < m; q++) {
            const size_t j = use[q];
            const double mj = in->swx[j] / in->sw;
            R[p * m + q] = (in->swxx[i * k + j] / in->sw - mi * mj) / (sd[p] * sd[q]);
        }
    }
    vb_status st = VB_OK;
    if (m > 0) {
        lapack_int info =
            LAPACKE_dsyevd(LAPACK_ROW_MAJOR, 'V', 'U', (lapack_int)m, R, (lapack_int)m, eval);
        if (info != 0) {
            st = VB_EPARSE;
            goto done;
        }
        /* R holds the eigenvectors in its columns: R[i*m + c]. */
        const double tol = eval[m - 1] * EIGEN_RELATIVE_TOL;
        for (size_t i = 0; i < m; i++) {
            for (size_t j = 0; j < m; j++) {
                double h = 0, ih = 0;
                for (size_t c = 0; c < m; c++) {
                    if (eval[c] <= tol) continue;
                    const double vv = R[i * m + c] * R[j * m + c];
                    h += vv * sqrt(eval[c]);
                    ih += vv / sqrt(eval[c]);
                }
                half[i * m + j] = h;
                ihalf[i * m + j] = ih;
            }
        }
        for (size_t c = 0; c < m; c++)
            out->rank += eval[c] > tol;
        for (size_t i = 0; i < m; i++) {
            b[i] = 0;
            for (size_t j = 0; j < m; j++)
                b[i] += ihalf[i * m + j] * r[j];
        }
        for (size_t j = 0; j < m; j++) {
            double w = 0;
            for (size_t c = 0; c < m; c++)
                w += half[j * m + c] * half[j * m + c] * b[c] * b[c];
            out->weight[use[j]] = w;
            out->r2 += w;
        }
    }
done:
    vb_free(a, use);
    vb_free(a, work);
    return st;
}
