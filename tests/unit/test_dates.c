/* Tests for dates.c: every accepted date form, the rejections, and period
 * bucketing (ISO weeks across year ends, quarters). Expected calendar
 * facts are checked against a printed calendar: 2026-01-01 is a Thursday
 * (so 2026 has 53 ISO weeks), 2021-01-03 a Sunday, 2024-12-30 a Monday. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "date_guess.h"
#include "dates.h"

#include <string.h>

static vb_datetime parse_ok(const char *s, const char *fmt)
{
    vb_datetime t;
    if (!vb_date_parse(s, strlen(s), fmt, &t))
        fail_msg("did not parse: \"%s\" with %s", s, fmt != NULL ? fmt : "ISO");
    return t;
}

static void expect(const char *s, const char *fmt, int y, int mo, int d, int h, int mi, int sec)
{
    vb_datetime t = parse_ok(s, fmt);
    if (t.year != y || t.month != mo || t.day != d || t.hour != h || t.minute != mi ||
        t.second != sec)
        fail_msg("\"%s\": got %04d-%02d-%02d %02d:%02d:%02d", s, t.year, t.month, t.day, t.hour,
                 t.minute, t.second);
}

static void reject(const char *s, const char *fmt)
{
    vb_datetime t;
    if (vb_date_parse(s, strlen(s), fmt, &t))
        fail_msg("accepted: \"%s\" with %s", s, fmt != NULL ? fmt : "ISO");
}

static void test_iso_calendar_forms(void **state)
{
    (void)state;
    expect("2026-03-14", NULL, 2026, 3, 14, 0, 0, 0);
    expect("  2026-03-14\r\n", NULL, 2026, 3, 14, 0, 0, 0);
    expect("20260314", NULL, 2026, 3, 14, 0, 0, 0);
    expect("2026-03-14T09:30", NULL, 2026, 3, 14, 9, 30, 0);
    expect("2026-03-14 09:30:05", NULL, 2026, 3, 14, 9, 30, 5);
    expect("2026-03-14t09:30:05", NULL, 2026, 3, 14, 9, 30, 5);
    expect("2026-03-14T09:30:05.250", NULL, 2026, 3, 14, 9, 30, 5);
    expect("2026-03-14T09:30:05,5Z", NULL, 2026, 3, 14, 9, 30, 5);
    expect("20260314T093005", NULL, 2026, 3, 14, 9, 30, 5);
    expect("20260314T0930", NULL, 2026, 3, 14, 9, 30, 0);

    vb_datetime t = parse_ok("2026-03-14T09:30:05Z", NULL);
    assert_true(t.has_tz && t.has_time);
    assert_int_equal(t.tz_minutes, 0);
    t = parse_ok("2026-03-14T09:30:05+01:00", NULL);
    assert_int_equal(t.tz_minutes, 60);
    t = parse_ok("2026-03-14T09:30:05-0530", NULL);
    assert_int_equal(t.tz_minutes, -330);
    t = parse_ok("2026-03-14T09:30+02", NULL);
    assert_int_equal(t.tz_minutes, 120);
    t = parse_ok("20260314T093005+0100", NULL);
    assert_int_equal(t.tz_minutes, 60);
    /* git / mail style: a space before the offset */
    t = parse_ok("2026-03-14 09:30:05 +0100", NULL);
    assert_int_equal(t.hour, 9);
    assert_int_equal(t.tz_minutes, 60);
    t = parse_ok("2026-03-14 09:30:05 -0800", NULL);
    assert_int_equal(t.tz_minutes, -480);
    t = parse_ok("2026-03-14", NULL);
    assert_false(t.has_time || t.has_tz);
}

/* The two commonest shapes take a shortcut: it must give what the general
 * reader gives for the same date written another way, and reject alike. */
static void test_plain_iso_shortcut(void **state)
{
    (void)state;
    const char *pairs[][2] = {
        {"2026-03-14 09:30:05", "2026-03-14T09:30:05.0"},
        {"2026-03-14t23:59:60", "20260314T235960"},
        {"2026-03-14", "20260314"},
        {"0001-01-01", "0001-001"},
        {" 9999-12-31T00:00:00\r\n", "9999-12-31T00:00:00,000"},
    };
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        const vb_datetime a = parse_ok(pairs[i][0], NULL), b = parse_ok(pairs[i][1], NULL);
        assert_true(a.year == b.year && a.month == b.month && a.day == b.day);
        assert_true(a.hour == b.hour && a.minute == b.minute && a.second == b.second);
        assert_true(a.has_time == b.has_time && a.has_tz == b.has_tz);
        assert_int_equal(a.tz_minutes, b.tz_minutes);
    }
    reject("2026-03-14 24:00:00", NULL);
    reject("2026-03-14 09:30:61", NULL);
    reject("2026-02-29 10:00:00", NULL);
    reject("2026-03-1a", NULL);
    reject("2026-03-14_09:30:05", NULL);
    reject("2026-03-14 09-30-05", NULL);
    reject("2026-03-14 \xC3\xA9:30:05", NULL);
    expect("2026-03-14 09:30", NULL, 2026, 3, 14, 9, 30, 0); /* 16 bytes: the general reader */
    /* 19 bytes with a plain date but another time: the general reader,
     * from a clean start (the offset is kept, not applied) */
    const vb_datetime z = parse_ok("2026-03-14T09:30+01", NULL);
    assert_true(z.year == 2026 && z.month == 3 && z.day == 14 && z.hour == 9 && z.minute == 30);
    assert_true(z.second == 0 && z.has_time && z.has_tz && z.tz_minutes == 60);
}

static void test_iso_week_and_ordinal_forms(void **state)
{
    (void)state;
    expect("2026-W11-6", NULL, 2026, 3, 14, 0, 0, 0); /* a Saturday */
    expect("2026W116", NULL, 2026, 3, 14, 0, 0, 0);
    expect("2026-W11", NULL, 2026, 3, 9, 0, 0, 0); /* its Monday */
    expect("2026-W01-1", NULL, 2025, 12, 29, 0, 0, 0);
    expect("2026-W53-1", NULL, 2026, 12, 28, 0, 0, 0); /* 2026 has 53 weeks */
    expect("2026-W11-6T08:00", NULL, 2026, 3, 14, 8, 0, 0);
    expect("2026-073", NULL, 2026, 3, 14, 0, 0, 0); /* 31 + 28 + 14 */
    expect("2026073", NULL, 2026, 3, 14, 0, 0, 0);
    expect("2024-366", NULL, 2024, 12, 31, 0, 0, 0); /* leap year */
    expect("2026-073T12:00:00Z", NULL, 2026, 3, 14, 12, 0, 0);
}

static void test_iso_rejections(void **state)
{
    (void)state;
    reject("", NULL);
    reject("   ", NULL);
    reject("2026-02-29", NULL); /* not a leap year */
    expect("2024-02-29", NULL, 2024, 2, 29, 0, 0, 0);
    reject("1900-02-29", NULL);
    expect("2000-02-29", NULL, 2000, 2, 29, 0, 0, 0);
    reject("2026-13-01", NULL);
    reject("2026-00-10", NULL);
    reject("2026-04-31", NULL);
    reject("2026-3-14", NULL);
    reject("14/03/2026", NULL);
    reject("2026-03-14x", NULL);
    reject("2026-03-14T25:00", NULL);
    reject("2026-03-14T09:60", NULL);
    reject("2026-03-14T09", NULL);
    reject("2026-03-14T09:30+2400", NULL);
    reject("2026-03-14T09:30:05 Z", NULL);
    reject("2026-W54-1", NULL);
    reject("2027-W53-1", NULL); /* 2027 has 52 weeks */
    reject("2026-W11-8", NULL);
    reject("2026-366", NULL);
    reject("0000-01-01", NULL);
    reject("abcd-ef-gh", NULL);
}

static void test_formats(void **state)
{
    (void)state;
    expect("14/03/2026 09:30", "%d/%m/%Y %H:%M", 2026, 3, 14, 9, 30, 0);
    expect("3/4/2026 9:05", "%d/%m/%Y %H:%M", 2026, 4, 3, 9, 5, 0);
    expect("03/14/2026", "%m/%d/%Y", 2026, 3, 14, 0, 0, 0);
    expect("20260314", "%Y%m%d", 2026, 3, 14, 0, 0, 0);
    expect("Mar  4, 2026", "%b %e, %Y", 2026, 3, 4, 0, 0, 0);
    expect("March 4, 2026", "%b %e, %Y", 2026, 3, 4, 0, 0, 0);
    expect("sept 4 2026", "%b %d %Y", 2026, 9, 4, 0, 0, 0);
    expect("4 DECEMBER 2026", "%d %B %Y", 2026, 12, 4, 0, 0, 0);
    expect("04-Mar-26", "%d-%b-%y", 2026, 3, 4, 0, 0, 0);
    expect("04-Mar-69", "%d-%b-%y", 1969, 3, 4, 0, 0, 0);
    expect("04-Mar-68", "%d-%b-%y", 2068, 3, 4, 0, 0, 0);
    expect("03/14/2026 12:30 AM", "%m/%d/%Y %I:%M %p", 2026, 3, 14, 0, 30, 0);
    expect("03/14/2026 12:30 PM", "%m/%d/%Y %I:%M %p", 2026, 3, 14, 12, 30, 0);
    expect("03/14/2026 1:05 pm", "%m/%d/%Y %I:%M %p", 2026, 3, 14, 13, 5, 0);
    expect("2026-03-14T09:30:05+0530", "%FT%T%z", 2026, 3, 14, 9, 30, 5);
    expect("2026%03%14", "%Y%%%m%%%d", 2026, 3, 14, 0, 0, 0);
    expect("14.03.2026 09:30:59 +01:00", "%d.%m.%Y %H:%M:%S %z", 2026, 3, 14, 9, 30, 59);
    vb_datetime t = parse_ok("14.03.2026 09:30 Z", "%d.%m.%Y %H:%M %z");
    assert_true(t.has_tz);

    reject("14/03/2026", "%m/%d/%Y");       /* month 14 */
    reject("31/02/2026", "%d/%m/%Y");       /* no 31 February */
    reject("14/03/2026 09:30", "%d/%m/%Y"); /* trailing text */
    reject("14-03-2026", "%d/%m/%Y");       /* wrong separator */
    reject("Marx 4 2026", "%b %d %Y");
    reject("03/14/2026 13:05 PM", "%m/%d/%Y %I:%M %p");
    reject("2026-03-14", "%d/%m/%Y");
}

static void test_format_check(void **state)
{
    (void)state;
    const char *bad = (const char *)1;
    assert_true(vb_date_format_check("%d/%m/%Y %H:%M", &bad));
    assert_true(vb_date_format_check("%F", &bad));
    assert_false(vb_date_format_check("%d/%m", &bad));
    assert_null(bad);
    const char *f = "%Y-%m-%d %Q";
    assert_false(vb_date_format_check(f, &bad));
    assert_ptr_equal(bad, f + 9);
}

static void test_civil_days(void **state)
{
    (void)state;
    assert_int_equal(vb_days_from_civil(1970, 1, 1), 0);
    assert_int_equal(vb_days_from_civil(2000, 3, 1), 11017);
    assert_int_equal(vb_days_from_civil(1969, 12, 31), -1);
    assert_int_equal(vb_iso_weekday(vb_days_from_civil(2026, 1, 1)), 4); /* Thursday */
    assert_int_equal(vb_iso_weekday(vb_days_from_civil(2021, 1, 3)), 7); /* Sunday */
    for (int64_t d = vb_days_from_civil(1, 1, 1); d < vb_days_from_civil(9999, 12, 31); d += 97) {
        int y, m, dd;
        vb_civil_from_days(d, &y, &m, &dd);
        assert_int_equal(vb_days_from_civil(y, m, dd), d);
    }
}

static void label(vb_period p, const char *date, const char *want)
{
    char out[VB_PERIOD_LABEL_MAX];
    vb_datetime t = parse_ok(date, NULL);
    size_t n = vb_period_label(p, &t, out);
    assert_string_equal(out, want);
    assert_int_equal(n, strlen(want));
}

static void test_period_labels(void **state)
{
    (void)state;
    label(VB_PERIOD_DAY, "2026-03-14T23:59:59+05:00", "2026-03-14"); /* as written */
    label(VB_PERIOD_MONTH, "2026-03-14", "2026-03");
    label(VB_PERIOD_YEAR, "2026-03-14", "2026");
    label(VB_PERIOD_WEEK, "2026-03-14", "2026-W11");
    label(VB_PERIOD_WEEK, "2026-03-09", "2026-W11"); /* Monday */
    label(VB_PERIOD_WEEK, "2026-03-15", "2026-W11"); /* Sunday */
    label(VB_PERIOD_WEEK, "2026-03-16", "2026-W12");
    label(VB_PERIOD_WEEK, "2021-01-03", "2020-W53"); /* belongs to last year */
    label(VB_PERIOD_WEEK, "2024-12-30", "2025-W01"); /* belongs to next year */
    label(VB_PERIOD_WEEK, "2027-01-01", "2026-W53");
    label(VB_PERIOD_WEEK, "2026-01-01", "2026-W01");
    label(VB_PERIOD_QUARTER, "2026-01-01", "2026-Q1");
    label(VB_PERIOD_QUARTER, "2026-03-31", "2026-Q1");
    label(VB_PERIOD_QUARTER, "2026-04-01", "2026-Q2");
    label(VB_PERIOD_QUARTER, "2026-09-30", "2026-Q3");
    label(VB_PERIOD_QUARTER, "2026-10-01", "2026-Q4");
    label(VB_PERIOD_QUARTER, "2026-12-31", "2026-Q4");
    char out[VB_PERIOD_LABEL_MAX];
    vb_datetime t = parse_ok("2026-03-14", NULL);
    assert_int_equal(vb_period_label(VB_PERIOD_NONE, &t, out), 0);
}

static void test_seconds_use_the_offset(void **state)
{
    (void)state;
    vb_datetime a = parse_ok("2026-03-14T09:30:00+01:00", NULL);
    vb_datetime b = parse_ok("2026-03-14T08:30:00Z", NULL);
    assert_true(vb_datetime_seconds(&a) == vb_datetime_seconds(&b));
    vb_datetime c = parse_ok("1970-01-02", NULL);
    assert_true(vb_datetime_seconds(&c) == 86400);
}

/* The layouts left after a column's dates: one where a day past the 12th
 * or a time tells, both orders where none does, none for ISO dates or a
 * column in two layouts. */
static vb_date_guesses narrow_all(const char *const *dates, size_t n)
{
    vb_date_guesses g = VB_DATE_GUESSES_ALL;
    for (size_t i = 0; i < n; i++)
        g = vb_date_guesses_narrow(g, dates[i], strlen(dates[i]));
    return g;
}

static const char *only_format(vb_date_guesses g)
{
    const char *f = NULL;
    for (unsigned i = 0; i < VB_DATE_GUESS_COUNT; i++)
        if (g >> i & 1) {
            assert_null(f);
            f = vb_date_guess_format(i);
        }
    return f;
}

static void test_guessed_layouts(void **state)
{
    (void)state;
    static const char *const us[] = {"11/03/2026 10:22:01 AM", "11/04/2026 9:00:00 PM",
                                     "12/13/2026 01:00:00 PM"};
    assert_string_equal(only_format(narrow_all(us, 3)), "%m/%d/%Y %I:%M:%S %p");
    static const char *const de[] = {"03.11.2026 10:22", "28.02.26 7:05"};
    assert_int_equal(narrow_all(de, 2), 0); /* two years' widths: no one layout */
    assert_string_equal(only_format(narrow_all(de, 1)), "%d.%m.%Y %H:%M");
    static const char *const named[] = {"3 Nov 2026", "12 December 2026"};
    assert_string_equal(only_format(narrow_all(named, 2)), "%d %b %Y");
    static const char *const us_named[] = {"Nov 3, 2026 10:22AM"};
    assert_string_equal(only_format(narrow_all(us_named, 1)), "%b %d, %Y %I:%M %p");

    static const char *const either[] = {"01/02/2026", "12/11/2026"};
    const vb_date_guesses g = narrow_all(either, 2);
    unsigned n = 0, first = VB_DATE_GUESS_COUNT;
    for (unsigned i = 0; i < VB_DATE_GUESS_COUNT; i++)
        if (g >> i & 1) {
            n++;
            if (first == VB_DATE_GUESS_COUNT) first = i;
        }
    assert_int_equal(n, 2);
    assert_string_equal(vb_date_guess_format(first), "%m/%d/%Y");
    static const char *const mixed[] = {"01/02/2026", "2026-02-01"};
    assert_int_equal(narrow_all(mixed, 2), 0);
    static const char *const nonsense[] = {"yesterday"};
    assert_int_equal(narrow_all(nonsense, 1), 0);
    assert_null(vb_date_guess_format(VB_DATE_GUESS_COUNT));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_iso_calendar_forms),
        cmocka_unit_test(test_plain_iso_shortcut),
        cmocka_unit_test(test_iso_week_and_ordinal_forms),
        cmocka_unit_test(test_iso_rejections),
        cmocka_unit_test(test_formats),
        cmocka_unit_test(test_format_check),
        cmocka_unit_test(test_civil_days),
        cmocka_unit_test(test_period_labels),
        cmocka_unit_test(test_seconds_use_the_offset),
        cmocka_unit_test(test_guessed_layouts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
