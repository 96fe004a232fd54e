/* dates.c: parses the dates of survey exports and buckets them into
 * report periods (day, ISO week, month, quarter, year).
 *
 * The parser is our own so that nothing depends on the locale or the C
 * library's strptime: month names are English, digits are ASCII. Without
 * a format it accepts ISO 8601:
 *
 *     2026-03-14                 20260314
 *     2026-03-14T09:30[:05[.25]][Z|+01|+01:00|+0100]   (T or a space)
 *     20260314T093005[Z|+0100]
 *     2026-W11-6  2026W116       (week dates)   2026-073  2026073 (ordinal)
 *     2026-03-14 09:30:05 +0100  (git/mail style: a space before the offset)
 *
 * A --date-format is a strptime-like pattern of these directives:
 *     %Y year (4 digits)   %y year 00-99 (69-99 -> 19xx, else 20xx)
 *     %m month   %d day   %e day (may have a leading space)
 *     %b %B %h English month name, abbreviated or full, any case
 *     %H hour 0-23   %I hour 1-12   %p AM/PM   %M minute   %S second
 *     %z Z or +hh[:mm] or +hhmm   %F = %Y-%m-%d   %T = %H:%M:%S   %% a '%'
 * Numbers take one or two digits; a space in the pattern matches any run
 * of spaces (or none); any other character matches itself.
 *
 * Civil-date arithmetic follows Howard Hinnant's days_from_civil, which is
 * exact for the proleptic Gregorian calendar.
 */
#include "dates.h"

#include "ascii.h"

#include <stdio.h>
#include <string.h>

static bool is_space(char c)
{
    return c == ' ' || c == '\t';
}

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static bool is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

int64_t vb_days_from_civil(int year, int month, int day)
{
    const int64_t y = (int64_t)year - (month <= 2);
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const int64_t yoe = y - era * 400;
    const int64_t mp = (month + 9) % 12; /* March = 0 */
    const int64_t doy = (153 * mp + 2) / 5 + day - 1;
    const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void vb_civil_from_days(int64_t days, int *year, int *month, int *day)
{
    const int64_t z = days + 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const int64_t doe = z - era * 146097;
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int64_t mp = (5 * doy + 2) / 153;
    const int64_t d = doy - (153 * mp + 2) / 5 + 1;
    const int64_t m = mp < 10 ? mp + 3 : mp - 9;
    *year = (int)(yoe + era * 400 + (m <= 2));
    *month = (int)m;
    *day = (int)d;
}

int vb_iso_weekday(int64_t days)
{
    /* 1970-01-01 was a Thursday (4). */
    int64_t w = (days + 3) % 7;
    if (w < 0) w += 7;
    return (int)w + 1;
}

void vb_iso_week(int year, int month, int day, int *week_year, int *week)
{
    /* The week belongs to the year of its Thursday. */
    const int64_t days = vb_days_from_civil(year, month, day);
    const int64_t thursday = days - vb_iso_weekday(days) + 4;
    int ty, tm, td;
    vb_civil_from_days(thursday, &ty, &tm, &td);
    *week_year = ty;
    *week = (int)((thursday - vb_days_from_civil(ty, 1, 1)) / 7 + 1);
}

/* Monday of ISO week 1 of `week_year`: the week with the year's first Thursday. */
static int64_t iso_week1_monday(int week_year)
{
    const int64_t jan4 = vb_days_from_civil(week_year, 1, 4);
    return jan4 - vb_iso_weekday(jan4) + 1;
}

static int iso_weeks_in_year(int week_year)
{
    int wy, w;
    vb_iso_week(week_year, 12, 28, &wy, &w); /* Dec 28 is always in the last week */
    return w;
}

/* Writes `v` as `width` decimal digits at `out`, zero-padded; returns the
 * end. snprintf() would do, but this runs once per record of a report. */
static char *put_digits(char *out, int v, int width)
{
    for (int i = width - 1; i >= 0; i--) {
        out[i] = (char)('0' + v % 10);
        v /= 10;
    }
    return out + width;
}

size_t vb_period_label(vb_period period, const vb_datetime *t, char out[VB_PERIOD_LABEL_MAX])
{
    /* The parser keeps the year in 1..9999, so four digits always do. */
    int y = t->year, m = t->month, d = t->day;
    char *p = out;
    switch (period) {
    case VB_PERIOD_NONE:
        break;
    case VB_PERIOD_DAY:
        p = put_digits(p, y, 4);
        *p++ = '-';
        p = put_digits(p, m, 2);
        *p++ = '-';
        p = put_digits(p, d, 2);
        break;
    case VB_PERIOD_WEEK: {
        int wy, w;
        vb_iso_week(y, m, d, &wy, &w);
        p = put_digits(p, wy, 4);
        *p++ = '-';
        *p++ = 'W';
        p = put_digits(p, w, 2);
        break;
    }
    case VB_PERIOD_MONTH:
        p = put_digits(p, y, 4);
        *p++ = '-';
        p = put_digits(p, m, 2);
        break;
    case VB_PERIOD_QUARTER:
        p = put_digits(p, y, 4);
        *p++ = '-';
        *p++ = 'Q';
        p = put_digits(p, (m - 1) / 3 + 1, 1);
        break;
    case VB_PERIOD_YEAR:
        p = put_digits(p, y, 4);
        break;
    }
    *p = '\0';
    return (size_t)(p - out);
}

int64_t vb_datetime_seconds(const vb_datetime *t)
{
    return vb_datetime_seconds_on(t, vb_days_from_civil(t->year, t->month, t->day));
}

int64_t vb_datetime_seconds_on(const vb_datetime *t, int64_t days)
{
    int64_t s = days * 86400 + t->hour * 3600 + t->minute * 60 + t->second;
    return t->has_tz ? s - (int64_t)t->tz_minutes * 60 : s;
}

/* ---- Scanning ------------------------------------------------------------ */

typedef struct scan {
    const char *p, *end;
} scan;

/* Reads exactly `n` digits. */
static bool fixed_digits(scan *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s->p >= s->end || !vb_ascii_digit(*s->p)) return false;
        v = v * 10 + (*s->p++ - '0');
    }
    *out = v;
    return true;
}

/* Reads `min` to `max` digits. */
static bool some_digits(scan *s, int min, int max, int *out)
{
    int v = 0, n = 0;
    while (n < max && s->p < s->end && vb_ascii_digit(*s->p)) {
        v = v * 10 + (*s->p++ - '0');
        n++;
    }
    *out = v;
    return n >= min;
}

static bool accept(scan *s, char c)
{
    if (s->p < s->end && *s->p == c) {
        s->p++;
        return true;
    }
    return false;
}

static bool valid(const vb_datetime *t)
{
    return t->year >= 1 && t->year <= 9999 && t->month >= 1 && t->month <= 12 && t->day >= 1 &&
           t->day <= days_in_month(t->year, t->month) && t->hour >= 0 && t->hour <= 23 &&
           t->minute >= 0 && t->minute <= 59 && t->second >= 0 && t->second <= 60 &&
           t->tz_minutes > -24 * 60 && t->tz_minutes < 24 * 60;
}

/* Z, +hh, +hh:mm or +hhmm (also U+2212 is not accepted: exports use '-'). */
static bool scan_offset(scan *s, vb_datetime *t)
{
    if (accept(s, 'Z') || accept(s, 'z')) {
        t->has_tz = true;
        t->tz_minutes = 0;
        return true;
    }
    int sign = accept(s, '+') ? 1 : accept(s, '-') ? -1 : 0;
    int hh, mm = 0;
    if (sign == 0 || !fixed_digits(s, 2, &hh)) return false;
    if (accept(s, ':')) {
        if (!fixed_digits(s, 2, &mm)) return false;
    } else if (s->p < s->end && vb_ascii_digit(*s->p) && !fixed_digits(s, 2, &mm)) {
        return false;
    }
    if (hh > 23 || mm > 59) return false;
    t->has_tz = true;
    t->tz_minutes = sign * (hh * 60 + mm);
    return true;
}

/* HH:MM[:SS[.frac]] (extended) or HHMM[SS[.frac]] (basic), then an optional
 * offset, possibly after one space. */
static bool scan_iso_time(scan *s, bool extended, vb_datetime *t)
{
    if (!fixed_digits(s, 2, &t->hour)) return false;
    if (extended && !accept(s, ':')) return false;
    if (!fixed_digits(s, 2, &t->minute)) return false;
    t->has_time = true;
    if (extended ? accept(s, ':') : (s->p < s->end && vb_ascii_digit(*s->p))) {
        if (!fixed_digits(s, 2, &t->second)) return false;
        if (accept(s, '.') || accept(s, ',')) {
            int ignored;
            if (!some_digits(s, 1, 9, &ignored)) return false;
            while (s->p < s->end && vb_ascii_digit(*s->p)) /* finer than ns: dropped */
                s->p++;
        }
    }
    if (s->p == s->end) return true;
    if (is_space(*s->p) && s->end - s->p > 1 && (s->p[1] == '+' || s->p[1] == '-')) s->p++;
    return scan_offset(s, t);
}

static bool set_from_days(vb_datetime *t, int64_t days)
{
    vb_civil_from_days(days, &t->year, &t->month, &t->day);
    return true;
}

/* The two digits at `p`, or -1. */
static int two_digits(const char *p)
{
    const unsigned a = (unsigned)(p[0] - '0'), b = (unsigned)(p[1] - '0');
    return a <= 9 && b <= 9 ? (int)(a * 10 + b) : -1;
}

/* "YYYY-MM-DD" and "YYYY-MM-DD HH:MM:SS" (or T), what nearly every export
 * writes, read at fixed offsets into the zeroed `t`: the date as the
 * general reader below would read it, or false, with `t` untouched, for
 * any other shape. */
static bool parse_plain_iso(const char *s, size_t len, vb_datetime *t)
{
    if ((len != 10 && len != 19) || s[4] != '-' || s[7] != '-') return false;
    const int hi = two_digits(s), lo = two_digits(s + 2), m = two_digits(s + 5),
              d = two_digits(s + 8);
    if ((hi | lo | m | d) < 0) return false;
    int hh = 0, mm = 0, ss = 0;
    if (len == 19) {
        if ((s[10] != ' ' && s[10] != 'T' && s[10] != 't') || s[13] != ':' || s[16] != ':')
            return false;
        hh = two_digits(s + 11);
        mm = two_digits(s + 14);
        ss = two_digits(s + 17);
        if ((hh | mm | ss) < 0) return false;
        t->has_time = true;
    }
    t->year = hi * 100 + lo;
    t->month = m;
    t->day = d;
    t->hour = hh;
    t->minute = mm;
    t->second = ss;
    return true;
}

static bool parse_iso(scan *s, vb_datetime *t)
{
    if (parse_plain_iso(s->p, (size_t)(s->end - s->p), t)) {
        s->p = s->end;
        return true;
    }
    if (!fixed_digits(s, 4, &t->year)) return false;
    const bool extended = accept(s, '-');
    if (accept(s, 'W')) { /* week date: YYYY-Www[-D] */
        int week, wday = 1;
        if (!fixed_digits(s, 2, &week)) return false;
        if ((extended && accept(s, '-')) || (!extended && s->p < s->end && vb_ascii_digit(*s->p)))
            if (!fixed_digits(s, 1, &wday)) return false;
        if (t->year < 1 || t->year > 9999 || week < 1 || week > iso_weeks_in_year(t->year) ||
            wday < 1 || wday > 7)
            return false;
        set_from_days(t, iso_week1_monday(t->year) + (week - 1) * 7 + wday - 1);
    } else {
        const char *mark = s->p;
        int a, b;
        if (!fixed_digits(s, 2, &a)) return false;
        if (extended ? accept(s, '-')
                     : (s->end - s->p >= 2 && vb_ascii_digit(s->p[0]) && vb_ascii_digit(s->p[1]))) {
            if (!fixed_digits(s, 2, &b)) return false;
            t->month = a;
            t->day = b;
        } else { /* ordinal date: YYYY-DDD */
            s->p = mark;
            int doy;
            if (!fixed_digits(s, 3, &doy) || t->year < 1 || t->year > 9999 || doy < 1 ||
                doy > (is_leap(t->year) ? 366 : 365))
                return false;
            set_from_days(t, vb_days_from_civil(t->year, 1, 1) + doy - 1);
        }
    }
    if (s->p == s->end) return true;
    if (*s->p != 'T' && *s->p != 't' && *s->p != ' ') return false;
    s->p++;
    return scan_iso_time(s, extended, t);
}

/* ---- strptime-like formats ------------------------------------------------ */

static const char *const month_names[12] = {"january",   "february", "march",    "april",
                                            "may",       "june",     "july",     "august",
                                            "september", "october",  "november", "december"};

/* English month name: full, or its first three letters ("Sept" too). */
static bool scan_month_name(scan *s, int *month)
{
    for (int m = 0; m < 12; m++) {
        const char *name = month_names[m];
        size_t n = 0;
        while (s->p + n < s->end && name[n] != '\0' && lower(s->p[n]) == name[n])
            n++;
        const bool full = name[n] == '\0';
        const bool sept = m == 8 && n == 4;
        if (full || sept || n == 3) {
            /* "Mar" must not be the start of another word, e.g. "Marx". */
            const char *after = s->p + n;
            if (!full && after < s->end && lower(*after) >= 'a' && lower(*after) <= 'z') continue;
            s->p = after;
            *month = m + 1;
            return true;
        }
    }
    return false;
}

typedef struct fmt_state {
    bool has_year, has_month, has_day;
    int hour12; /* -1: no %I */
    int pm;     /* -1: no %p, 0 am, 1 pm */
} fmt_state;

static bool parse_format(scan *s, const char *f, vb_datetime *t, fmt_state *st, int depth)
{
    for (; *f != '\0'; f++) {
        if (is_space(*f)) {
            while (s->p < s->end && is_space(*s->p))
                s->p++;
            continue;
        }
        if (*f != '%') {
            if (!accept(s, *f)) return false;
            continue;
        }
        f++;
        int v;
        switch (*f) {
        case 'Y':
            if (!fixed_digits(s, 4, &t->year)) return false;
            st->has_year = true;
            break;
        case 'y':
            if (!fixed_digits(s, 2, &v)) return false;
            t->year = v < 69 ? 2000 + v : 1900 + v;
            st->has_year = true;
            break;
        case 'm':
            if (!some_digits(s, 1, 2, &t->month)) return false;
            st->has_month = true;
            break;
        case 'b':
        case 'B':
        case 'h':
            if (!scan_month_name(s, &t->month)) return false;
            st->has_month = true;
            break;
        case 'e':
            if (s->p < s->end && *s->p == ' ') s->p++;
            /* fall through */
        case 'd':
            if (!some_digits(s, 1, 2, &t->day)) return false;
            st->has_day = true;
            break;
        case 'H':
            if (!some_digits(s, 1, 2, &t->hour)) return false;
            t->has_time = true;
            break;
        case 'I':
            if (!some_digits(s, 1, 2, &st->hour12) || st->hour12 < 1 || st->hour12 > 12)
                return false;
            t->has_time = true;
            break;
        case 'p':
            if (s->end - s->p < 2 || lower(s->p[1]) != 'm') return false;
            if (lower(s->p[0]) == 'a')
                st->pm = 0;
            else if (lower(s->p[0]) == 'p')
                st->pm = 1;
            else
                return false;
            s->p += 2;
            break;
        case 'M': /* a time even without %H ("%d/%m/%Y %M:%S" is odd, not wrong) */
            if (!some_digits(s, 1, 2, &t->minute)) return false;
            t->has_time = true;
            break;
        case 'S':
            if (!some_digits(s, 1, 2, &t->second)) return false;
            t->has_time = true;
            break;
        case 'z':
            if (!scan_offset(s, t)) return false;
            break;
        case 'F':
        case 'T':
            if (depth > 0 || !parse_format(s, *f == 'F' ? "%Y-%m-%d" : "%H:%M:%S", t, st, 1))
                return false;
            break;
        case '%':
            if (!accept(s, '%')) return false;
            break;
        default:
            return false; /* vb_date_format_check() rejects these up front */
        }
    }
    return true;
}

bool vb_date_format_check(const char *format, const char **bad)
{
    bool y = false, m = false, d = false;
    for (const char *f = format; *f != '\0'; f++) {
        if (*f != '%') continue;
        const char *at = f++;
        switch (*f) {
        case 'Y':
        case 'y':
            y = true;
            break;
        case 'm':
        case 'b':
        case 'B':
        case 'h':
            m = true;
            break;
        case 'd':
        case 'e':
            d = true;
            break;
        case 'F':
            y = m = d = true;
            break;
        case 'H':
        case 'I':
        case 'p':
        case 'M':
        case 'S':
        case 'z':
        case 'T':
        case '%':
            break;
        default:
            *bad = at;
            return false;
        }
    }
    *bad = NULL;
    return y && m && d;
}

bool vb_date_parse(const char *s, size_t len, const char *format, vb_datetime *out)
{
    while (len > 0 && (is_space(*s) || *s == '\r' || *s == '\n')) {
        s++;
        len--;
    }
    while (len > 0 && (is_space(s[len - 1]) || s[len - 1] == '\r' || s[len - 1] == '\n'))
        len--;
    vb_datetime t;
    memset(&t, 0, sizeof t);
    scan sc = {s, s + len};
    if (format == NULL) {
        if (!parse_iso(&sc, &t)) return false;
    } else {
        fmt_state st = {false, false, false, -1, -1};
        if (!parse_format(&sc, format, &t, &st, 0) || !st.has_year || !st.has_month || !st.has_day)
            return false;
        if (st.hour12 >= 0)
            t.hour = st.hour12 % 12 + (st.pm == 1 ? 12 : 0);
        else if (st.pm >= 0)
            return false; /* %p without %I */
    }
    if (sc.p != sc.end || !valid(&t)) return false;
    *out = t;
    return true;
}
