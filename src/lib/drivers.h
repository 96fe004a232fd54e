/* drivers.h: key drivers by Johnson's relative weights. */
#ifndef VB_DRIVERS_H
#define VB_DRIVERS_H

#include "verbatim.h"

/* Weighted sufficient statistics of a regression of y on k predictors. */
typedef struct vb_drivers_input {
    size_t k;
    double sw;          /* sum of w */
    double swy, swy2;   /* sum of w y, w y^2 */
    const double *swx;  /* k: sum of w x_j */
    const double *swxy; /* k: sum of w x_j y */
    const double *swxx; /* k x k, row-major: sum of w x_i x_j */
} vb_drivers_input;

typedef struct vb_drivers_output {
    double *weight; /* k: relative weight; they add up to r2; 0 for a
                       predictor that does not vary */
    double *r;      /* k: correlation with y; NaN when x does not vary */
    double r2;      /* the model's R^2 */
    size_t rank;    /* eigenvalues kept (of the varying predictors) */
} vb_drivers_output;

/* Johnson's (2000) relative weights. VB_EINVAL when y does not vary or
 * sw <= 0; VB_ENOMEM; VB_EPARSE if LAPACK fails to converge. The caller
 * provides out->weight and out->r with k entries. */
vb_status vb_drivers_compute(const vb_allocator *a, const vb_drivers_input *in,
                             vb_drivers_output *out);

#endif
