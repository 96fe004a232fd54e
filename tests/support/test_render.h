/* test_render.h: an aggregate's report as text, for the tests that
 * compare reports (one pass against merged parts, a state read back). */
#ifndef VB_TEST_RENDER_H
#define VB_TEST_RENDER_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "agg.h"
#include "report.h"

#include <stdlib.h>
#include <string.h>

/* The report of `agg` in `format`, malloc'd and NUL-terminated. */
static inline char *render(vb_agg *agg, vb_report_format format)
{
    vb_error err;
    vb_report *rep = vb_report_new(agg, &err);
    if (rep == NULL) fail_msg("%s", err.message);
    const char *text;
    size_t len;
    assert_int_equal(vb_report_render(rep, format, NULL, 0, &text, &len), VB_OK);
    char *copy = strdup(text);
    vb_report_free(rep);
    return copy;
}

#endif
