/* fuzz_state.c: the report-state reader (agg_state_read.c, "verbatim-state 3")
 * on any bytes, as `verbatim merge` reads shard files.
 *
 * Input: the state text. A state that reads must write back canonically:
 * write, read, write gives the same text; it must merge with itself
 * (vb_agg_compatible, vb_agg_merge) and make a report that renders in
 * every format, with JSON that parses and, for a state of valid UTF-8,
 * text of valid UTF-8. One that does not read gives
 * VB_EPARSE (with a line), VB_EINVAL or VB_ELIMIT and a message. */
#include "fuzz_common.h"

#include "agg.h"
#include "utf8.h"

#include <cjson/cJSON.h>

static vb_status to_str(const char *data, size_t len, void *ctx)
{
    fuzz_put(ctx, data, len);
    return VB_OK;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    vb_error err = {0};
    vb_agg *agg = vb_agg_read_state((const char *)data, size, NULL, &err);
    if (agg == NULL) {
        FUZZ_CHECK(err.code == VB_EPARSE || err.code == VB_EINVAL || err.code == VB_ELIMIT);
        FUZZ_CHECK(err.message[0] != '\0');
        if (err.code == VB_EPARSE) FUZZ_CHECK(err.line > 0);
        return 0;
    }
    fuzz_str one = {0}, two = {0};
    FUZZ_CHECK(vb_agg_write_state(agg, to_str, &one) == VB_OK);
    vb_agg *back = vb_agg_read_state(one.p, one.len, NULL, &err);
    if (back == NULL) fprintf(stderr, "line %zu: %s\n%s\n", err.line, err.message, one.p);
    FUZZ_CHECK(back != NULL);
    FUZZ_CHECK(vb_agg_write_state(back, to_str, &two) == VB_OK);
    FUZZ_CHECK(one.len == two.len && memcmp(one.p, two.p, one.len) == 0);

    FUZZ_CHECK(vb_agg_compatible(agg, back, &err) == VB_OK);
    FUZZ_CHECK(vb_agg_merge(agg, back) == VB_OK);
    const bool utf8_in = vb_utf8_valid_len((const char *)data, size) == size;
    vb_report *rep = vb_report_new(agg, &err);
    if (rep != NULL) {
        static const vb_report_format formats[] = {VB_REPORT_JSON, VB_REPORT_CSV, VB_REPORT_MD,
                                                   VB_REPORT_TABLE, VB_REPORT_HTML};
        for (size_t i = 0; i < sizeof formats / sizeof *formats; i++) {
            const char *out = NULL;
            size_t len = 0;
            const vb_status st = vb_report_render(rep, formats[i], NULL, 0, &out, &len);
            FUZZ_CHECK(st == VB_OK || (formats[i] == VB_REPORT_HTML && st == VB_EINVAL));
            /* A state of valid UTF-8 makes reports of valid UTF-8. */
            if (st == VB_OK && utf8_in && vb_utf8_valid_len(out, len) != len) {
                const size_t at = vb_utf8_valid_len(out, len);
                fprintf(stderr, "format %d: invalid UTF-8 at byte %zu: ", (int)formats[i], at);
                fwrite(out + (at > 20 ? at - 20 : 0), 1, len - at < 40 ? len - at + 20 : 60,
                       stderr);
                FUZZ_CHECK(!"a report of a valid state is not valid UTF-8");
            }
            if (st == VB_OK && formats[i] == VB_REPORT_JSON) {
                cJSON *doc = cJSON_ParseWithLength(out, len);
                FUZZ_CHECK(doc != NULL);
                cJSON_Delete(doc);
            }
        }
        vb_report_free(rep);
    }
    fuzz_str_free(&one);
    fuzz_str_free(&two);
    vb_agg_free(back);
    vb_agg_free(agg);
    return 0;
}
