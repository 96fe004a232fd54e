/* dates.h: dates as they appear in survey exports, and the periods a
 * report groups them into. No locale, no time zone database: a date is
 * bucketed as written (its offset, if any, only orders quotes in time). */
#ifndef VB_DATES_H
#define VB_DATES_H

#include "verbatim.h"

typedef struct vb_datetime {
    int year, month, day;     /* civil date as written; year 1..9999 */
    int hour, minute, second; /* 0 when the input has no time */
    int tz_minutes;           /* offset east of UTC; 0 when none */
    bool has_time, has_tz;
} vb_datetime;

/* The longest period label ("2026-W05", "2026-01-31") plus its NUL. */
#define VB_PERIOD_LABEL_MAX 16

/* Parses `len` bytes of `s` (surrounding spaces ignored). `format` NULL
 * accepts ISO 8601 (calendar, week and ordinal dates, extended or basic,
 * with an optional time, fraction and offset) and "YYYY-MM-DD HH:MM:SS
 * +hhmm"; otherwise `format` is a strptime-like pattern (see dates.c).
 * Returns false when the text is not a valid date in that form. */
bool vb_date_parse(const char *s, size_t len, const char *format, vb_datetime *out);

/* Checks a --date-format pattern: false with *bad at an unknown
 * directive, or with *bad NULL when it lacks a year, month or day. */
bool vb_date_format_check(const char *format, const char **bad);

/* Days since 1970-01-01 of a civil date, and back. */
int64_t vb_days_from_civil(int year, int month, int day);
void vb_civil_from_days(int64_t days, int *year, int *month, int *day);

/* ISO 8601 weekday, 1 = Monday ... 7 = Sunday. */
int vb_iso_weekday(int64_t days);

/* ISO 8601 week-numbering year and week (1..53) of a civil date. */
void vb_iso_week(int year, int month, int day, int *week_year, int *week);

/* Writes the label of the period that holds `t`: YYYY-MM-DD, YYYY-Www,
 * YYYY-MM, YYYY-Qn or YYYY. Labels of one kind sort chronologically as
 * strings. Returns the label's length (0 for VB_PERIOD_NONE). */
size_t vb_period_label(vb_period period, const vb_datetime *t, char out[VB_PERIOD_LABEL_MAX]);

/* Seconds since the epoch: UTC when the offset is known, else as written.
 * Orders quotes by recency. */
int64_t vb_datetime_seconds(const vb_datetime *t);
/* The same, given vb_days_from_civil() of t's date. */
int64_t vb_datetime_seconds_on(const vb_datetime *t, int64_t days);

#endif
