/* fuzz_dates.c: the date parser and period labels (dates.c).
 *
 * Input: one options byte (bit 0: with a format), then either the date
 * text, or a format and the text separated by the first '\n'. A format
 * is parsed only when vb_date_format_check() accepts it, as the CLI does.
 * A parsed date must be a real civil date with a valid time and offset;
 * it must survive days_from_civil / civil_from_days, have an ISO weekday
 * and week, and give a well-formed label for every period. */
#include "fuzz_common.h"

#include "dates.h"

static int days_in_month(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

static void check_date(const vb_datetime *t)
{
    FUZZ_CHECK(t->year >= 1 && t->year <= 9999);
    FUZZ_CHECK(t->month >= 1 && t->month <= 12);
    FUZZ_CHECK(t->day >= 1 && t->day <= days_in_month(t->year, t->month));
    FUZZ_CHECK(t->hour >= 0 && t->hour <= 24);
    FUZZ_CHECK(t->minute >= 0 && t->minute <= 59);
    FUZZ_CHECK(t->second >= 0 && t->second <= 60);
    FUZZ_CHECK(t->has_time || (t->hour == 0 && t->minute == 0 && t->second == 0));
    FUZZ_CHECK(t->tz_minutes > -24 * 60 && t->tz_minutes < 24 * 60);
    FUZZ_CHECK(t->has_tz || t->tz_minutes == 0);

    const int64_t days = vb_days_from_civil(t->year, t->month, t->day);
    int y, m, d;
    vb_civil_from_days(days, &y, &m, &d);
    FUZZ_CHECK(y == t->year && m == t->month && d == t->day);
    const int wd = vb_iso_weekday(days);
    FUZZ_CHECK(wd >= 1 && wd <= 7);
    int wy, w;
    vb_iso_week(t->year, t->month, t->day, &wy, &w);
    FUZZ_CHECK(w >= 1 && w <= 53 && wy >= t->year - 1 && wy <= t->year + 1);
    (void)vb_datetime_seconds(t);

    for (int p = VB_PERIOD_NONE; p <= VB_PERIOD_YEAR; p++) {
        char label[VB_PERIOD_LABEL_MAX];
        memset(label, 'x', sizeof label);
        const size_t n = vb_period_label((vb_period)p, t, label);
        if (p == VB_PERIOD_NONE) {
            FUZZ_CHECK(n == 0);
            continue;
        }
        FUZZ_CHECK(n > 0 && n < VB_PERIOD_LABEL_MAX && label[n] == '\0' && strlen(label) == n);
        if (p == VB_PERIOD_DAY) {
            char want[32];
            snprintf(want, sizeof want, "%04d-%02d-%02d", t->year, t->month, t->day);
            FUZZ_CHECK(strcmp(label, want) == 0);
            /* A day label parses back to the same day. */
            vb_datetime back;
            FUZZ_CHECK(vb_date_parse(label, n, NULL, &back));
            FUZZ_CHECK(back.year == t->year && back.month == t->month && back.day == t->day);
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    const bool with_format = data[0] & 1;
    const char *in = (const char *)data + 1;
    size_t len = size - 1;
    char *format = NULL;
    if (with_format) {
        const char *nl = memchr(in, '\n', len);
        if (nl == NULL) return 0;
        const size_t flen = (size_t)(nl - in);
        if (memchr(in, '\0', flen) != NULL) return 0;
        format = malloc(flen + 1);
        FUZZ_CHECK(format != NULL);
        memcpy(format, in, flen);
        format[flen] = '\0';
        len -= flen + 1;
        in = nl + 1;
        const char *bad = NULL;
        if (!vb_date_format_check(format, &bad)) {
            FUZZ_CHECK(bad == NULL || (bad >= format && bad < format + flen));
            free(format);
            return 0;
        }
    }
    /* An exact copy, so reads past the end are caught. */
    char *text = malloc(len > 0 ? len : 1);
    FUZZ_CHECK(text != NULL);
    memcpy(text, in, len);
    vb_datetime t;
    memset(&t, 0x55, sizeof t);
    if (vb_date_parse(text, len, format, &t)) check_date(&t);
    free(text);
    free(format);
    return 0;
}
