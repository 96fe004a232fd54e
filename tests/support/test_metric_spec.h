/* test_metric_spec.h: a metric as report's options make it, for the
 * tests of estimates and changes. */
#ifndef VB_TEST_METRIC_SPEC_H
#define VB_TEST_METRIC_SPEC_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "metric.h"
#include "report.h"

/* The spec of `m` on the scale lo-hi (0-0: the metric's own) with
 * `top_box` boxes (0: the default); fails the test if refused. */
static inline vb_metric_spec test_metric_spec(vb_metric m, double lo, double hi,
                                              unsigned top_box)
{
    vb_report_options o;
    vb_report_options_init(&o);
    o.metric = m;
    o.scale_min = lo;
    o.scale_max = hi;
    if (top_box > 0) o.top_box = top_box;
    vb_metric_spec s;
    char why[200];
    if (!vb_metric_spec_init(&s, &o, why, sizeof why)) fail_msg("spec: %s", why);
    return s;
}

#endif
