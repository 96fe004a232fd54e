/*
 * generate.c - verbatim-gen, a seeded generator of synthetic customer-experience
 * survey exports (NPS score + free-text comment) for demos, tests and benchmarks.
 * This file holds the command line, the dates and the output formats (CSV and
 * JSONL), and the loop that writes the rows.
 *
 * Each row is drawn from a small causal model (gen_model.c): a channel and
 * region, a date, a latent customer disposition, one to four mentioned themes
 * (late delivery, rude staff, billing errors, ...) each with a polarity, and a
 * score that those themes drive (plus noise). The comment is then written from
 * a bank of phrases for each theme and polarity (gen_bank.c,
 * gen_bank_themes.c), joined with openers, connectors and closers
 * (gen_compose.c), and passed through "real export" noise: lowercase typing,
 * typos, shouting, emoji, smart quotes, HTML entities, line breaks
 * (gen_text.c). A story is planted in the model (see corpus/README.md) so that
 * the analyses have something real to find.
 *
 * Portability: only libc, no malloc, no floating point. Everything is integer
 * arithmetic on a xoshiro256** stream seeded with splitmix64 (gen_rng.c), so a
 * seed gives the same bytes on every platform and compiler. Output goes through
 * one large static buffer, so memory is constant whatever the size of the
 * corpus.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen_bank.h"
#include "gen_compose.h"
#include "gen_model.h"
#include "gen_rng.h"
#include "gen_text.h"

/* ------------------------------------------------------------------------- */
/* Dates                                                                     */
/* ------------------------------------------------------------------------- */

/* Days since 1970-01-01 of a civil date, and back (H. Hinnant's algorithms). */
static long days_from_civil(long y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = (unsigned)(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? (unsigned)-3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long)doe - 719468;
}

static void civil_from_days(long z, long *y, unsigned *m, unsigned *d)
{
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = (unsigned)(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = (long)yoe + era * 400 + (*m <= 2);
}

/* ------------------------------------------------------------------------- */
/* Output                                                                    */
/* ------------------------------------------------------------------------- */

#define OUT_CAP (1u << 20)
#define OUT_FLUSH_AT (OUT_CAP - 2 * TEXT_CAP * 6 - 1024) /* room for one worst-case row */

static char out_buf[OUT_CAP];
static size_t out_len;
static FILE *out_fp;          /* NULL: count only (used to size --bytes runs) */
static unsigned long long out_total;
static int out_failed;

static void out_flush(void)
{
    if (out_fp != NULL && out_len > 0 && !out_failed) {
        if (fwrite(out_buf, 1, out_len, out_fp) != out_len)
            out_failed = 1;
    }
    out_total += out_len;
    out_len = 0;
}

static void out_put(const char *s, size_t n)
{
    memcpy(out_buf + out_len, s, n);
    out_len += n;
}

static void out_puts(const char *s)
{
    out_put(s, strlen(s));
}

static void out_digits(unsigned long long v, int width)
{
    char d[24];
    int n = 0;
    do {
        d[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v != 0);
    while (n < width)
        d[n++] = '0';
    while (n > 0)
        out_buf[out_len++] = d[--n];
}

static void out_csv_field(const char *s, size_t n)
{
    /* memchr is vectorised in every libc; a byte loop here was the hot spot */
    const int has_quote = memchr(s, '"', n) != NULL;
    if (!has_quote && memchr(s, ',', n) == NULL && memchr(s, '\n', n) == NULL &&
        memchr(s, '\r', n) == NULL) {
        out_put(s, n);
        return;
    }
    out_buf[out_len++] = '"';
    if (!has_quote) {
        out_put(s, n);
    } else {
        for (size_t i = 0; i < n; i++) {
            if (s[i] == '"')
                out_buf[out_len++] = '"';
            out_buf[out_len++] = s[i];
        }
    }
    out_buf[out_len++] = '"';
}

static void out_json_string(const char *s, size_t n)
{
    static const char HEX[] = "0123456789abcdef";
    out_buf[out_len++] = '"';
    for (size_t i = 0; i < n; i++) {
        const unsigned char ch = (unsigned char)s[i];
        switch (ch) {
        case '"': out_put("\\\"", 2); break;
        case '\\': out_put("\\\\", 2); break;
        case '\n': out_put("\\n", 2); break;
        case '\r': out_put("\\r", 2); break;
        case '\t': out_put("\\t", 2); break;
        default:
            if (ch < 0x20) {
                out_put("\\u00", 4);
                out_buf[out_len++] = HEX[ch >> 4];
                out_buf[out_len++] = HEX[ch & 15];
            } else {
                out_buf[out_len++] = (char)ch;
            }
        }
    }
    out_buf[out_len++] = '"';
}

/* ------------------------------------------------------------------------- */
/* Driver                                                                    */
/* ------------------------------------------------------------------------- */

typedef struct {
    unsigned long long rows;       /* 0: size by bytes */
    unsigned long long bytes;
    uint64_t seed;
    int jsonl;
    int crlf;
    long start_year;
    unsigned start_month;
    int months;
    const char *out_path;
} opts_t;

static text_t g_text, g_tmp;

/* Writes rows [0, rows) to the output stream. */
static void generate(const opts_t *o, unsigned long long rows)
{
    rng_t r;
    rng_seed(&r, o->seed);
    const long day0 = days_from_civil(o->start_year, o->start_month, 1);
    long y_end = o->start_year + (long)((o->start_month - 1 + (unsigned)o->months) / 12);
    unsigned m_end = (o->start_month - 1 + (unsigned)o->months) % 12 + 1;
    const long day_end = days_from_civil(y_end, m_end, 1);
    const uint64_t span = (uint64_t)(day_end - day0) * 86400u; /* seconds */
    int hour_cum[25] = { 0 };
    for (int h = 0; h < 24; h++)
        hour_cum[h + 1] = hour_cum[h] + HOUR_WEIGHTS[h];
    const char *eol = o->crlf ? "\r\n" : "\n";

    if (!o->jsonl) {
        out_puts("response_id,date,score,channel,region,comment");
        out_puts(eol);
    }
    for (unsigned long long i = 0; i < rows; i++) {
        /* Rows are in date order: row i falls in the i-th slice of the range, and
         * the time of day is warped monotonically so that responses come in the
         * daytime and evening. */
        const uint64_t t = (i * span + rng_below(&r, (uint32_t)span)) / rows;
        const long day = (long)(t / 86400);
        const uint64_t sod = t % 86400;
        const uint64_t pos = sod * (uint64_t)hour_cum[24];
        int h = 0;
        while (h < 23 && (uint64_t)hour_cum[h + 1] * 86400 <= pos)
            h++;
        const unsigned secs_in_hour =
            (unsigned)((pos - (uint64_t)hour_cum[h] * 86400) * 3600 /
                       ((uint64_t)HOUR_WEIGHTS[h] * 86400));
        long y;
        unsigned mo, dd;
        civil_from_days(day0 + day, &y, &mo, &dd);

        ctx_t c;
        c.channel = rng_weighted(&r, CHANNEL_WEIGHTS, N_CHANNELS);
        c.region = rng_weighted(&r, REGION_WEIGHTS, N_REGIONS);
        c.industry = rng_weighted(&r, INDUSTRY_WEIGHTS, N_INDUSTRIES);
        c.month = (int)((y - o->start_year) * 12 + (long)mo - (long)o->start_month);
        c.late_north = c.region == R_NORTH && o->months >= 3 && c.month >= o->months - 2;
        c.app_fixed = o->months > 3 && c.month >= 3;
        ctx_pick_subjects(&c, &r);

        response_t resp;
        const int themed = draw_response(&r, &c, &resp);
        if (rng_chance(&r, 7))
            resp.score = 10 - resp.score; /* someone read the scale backwards */
        make_comment(&g_text, &g_tmp, &r, &c, &resp, themed);

        char date[20];
        {
            unsigned v[6] = { (unsigned)y, mo, dd, (unsigned)h, secs_in_hour / 60,
                              secs_in_hour % 60 };
            date[0] = (char)('0' + v[0] / 1000 % 10);
            date[1] = (char)('0' + v[0] / 100 % 10);
            date[2] = (char)('0' + v[0] / 10 % 10);
            date[3] = (char)('0' + v[0] % 10);
            static const char SEP[] = "--  ::";
            for (int k = 1; k < 6; k++) {
                date[3 * k + 1] = SEP[k - 1] == ' ' ? ' ' : SEP[k - 1];
                date[3 * k + 2] = (char)('0' + v[k] / 10);
                date[3 * k + 3] = (char)('0' + v[k] % 10);
            }
            date[4] = '-';
            date[7] = '-';
            date[10] = ' ';
            date[13] = ':';
            date[16] = ':';
        }

        if (o->jsonl) {
            out_puts("{\"response_id\":\"R");
            out_digits(i + 1, 7);
            out_puts("\",\"date\":\"");
            out_put(date, 19);
            out_puts("\",\"score\":");
            out_digits((unsigned long long)resp.score, 1);
            out_puts(",\"channel\":\"");
            out_puts(CHANNEL_NAMES[c.channel]);
            out_puts("\",\"region\":\"");
            out_puts(REGION_NAMES[c.region]);
            out_puts("\",\"comment\":");
            out_json_string(g_text.p, g_text.len);
            out_puts("}\n");
        } else {
            out_buf[out_len++] = 'R';
            out_digits(i + 1, 7);
            out_buf[out_len++] = ',';
            out_put(date, 19);
            out_buf[out_len++] = ',';
            out_digits((unsigned long long)resp.score, 1);
            out_buf[out_len++] = ',';
            out_puts(CHANNEL_NAMES[c.channel]);
            out_buf[out_len++] = ',';
            out_puts(REGION_NAMES[c.region]);
            out_buf[out_len++] = ',';
            out_csv_field(g_text.p, g_text.len);
#ifdef GEN_DEBUG
            /* extra column with the model's truth, for checking the story */
            out_puts(",");
            for (int k = 0; k < resp.n; k++) {
                static const char *const TN[] = { "staff_att", "staff_know", "wait", "price",
                    "billing", "quality", "delivery", "accuracy", "avail", "clean", "digital",
                    "comms", "resolution", "effort", "environ", "returns", "churn" };
                out_puts(k ? ";" : "");
                out_puts(TN[resp.m[k].theme]);
                out_puts(resp.m[k].neg ? "-" : "+");
            }
            out_puts(c.industry == IN_TELCO ? ",telco" : c.industry == IN_BANK ? ",bank"
                     : c.industry == IN_HOTEL ? ",hotel" : ",retail");
#endif
            out_puts(eol);
        }
        if (out_len >= OUT_FLUSH_AT)
            out_flush();
    }
    out_flush();
}

static void usage(FILE *fp)
{
    fputs("usage: verbatim-gen [options]\n"
          "Writes a synthetic customer-experience survey export (NPS score + comment).\n"
          "\n"
          "  --rows N         number of rows (default 1000)\n"
          "  --bytes N        approximate output size instead; suffixes K, M, G, T\n"
          "                   (powers of 1024), e.g. --bytes 1G\n"
          "  --seed S         random seed, a non-negative integer (default 1)\n"
          "  --format F       csv (default) or jsonl\n"
          "  --start YYYY-MM  first month of the date range (default 2026-01)\n"
          "  --months M       number of months (default 6)\n"
          "  --crlf           end CSV records with CRLF (RFC 4180) instead of LF\n"
          "  -o FILE          write to FILE instead of standard output\n"
          "  --help           show this help\n"
          "\n"
          "Columns: response_id,date,score,channel,region,comment\n"
          "The same options and seed always give the same bytes.\n",
          fp);
}

static int parse_u64(const char *s, unsigned long long *v, int allow_suffix)
{
    if (s == NULL || *s < '0' || *s > '9')
        return 0;
    unsigned long long x = 0;
    while (*s >= '0' && *s <= '9') {
        const unsigned dgt = (unsigned)(*s - '0');
        if (x > (~0ull - dgt) / 10)
            return 0;
        x = x * 10 + dgt;
        s++;
    }
    if (allow_suffix && *s != '\0') {
        int shift = 0;
        switch (*s) {
        case 'k': case 'K': shift = 10; break;
        case 'm': case 'M': shift = 20; break;
        case 'g': case 'G': shift = 30; break;
        case 't': case 'T': shift = 40; break;
        default: return 0;
        }
        s++;
        if (*s == 'i')
            s++;
        if (*s == 'B' || *s == 'b')
            s++;
        if (x > (~0ull >> shift))
            return 0;
        x <<= shift;
    }
    if (*s != '\0')
        return 0;
    *v = x;
    return 1;
}

static int die_usage(const char *msg, const char *arg)
{
    fprintf(stderr, "verbatim-gen: %s%s%s\n", msg, arg ? ": " : "", arg ? arg : "");
    fputs("Try 'verbatim-gen --help'.\n", stderr);
    return 2;
}

int main(int argc, char **argv)
{
    opts_t o = { 1000, 0, 1, 0, 0, 2026, 1, 6, NULL };
    int have_rows = 0, have_bytes = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *val = NULL;
        char name[32];
        const char *eq = strchr(a, '=');
        if (a[0] == '-' && a[1] == '-' && eq != NULL && (size_t)(eq - a) < sizeof name) {
            memcpy(name, a, (size_t)(eq - a));
            name[eq - a] = '\0';
            val = eq + 1;
            a = name;
        }
#define NEED_VAL()                                                                      \
    do {                                                                                \
        if (val == NULL) {                                                              \
            if (i + 1 >= argc)                                                          \
                return die_usage("missing value for option", a);                        \
            val = argv[++i];                                                            \
        }                                                                               \
    } while (0)
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            return 0;
        } else if (strcmp(a, "--rows") == 0) {
            NEED_VAL();
            if (!parse_u64(val, &o.rows, 0) || o.rows == 0 || o.rows > 10000000000ull)
                return die_usage("--rows must be between 1 and 10^10", val);
            have_rows = 1;
        } else if (strcmp(a, "--bytes") == 0) {
            NEED_VAL();
            if (!parse_u64(val, &o.bytes, 1) || o.bytes == 0 || o.bytes > (1ull << 41))
                return die_usage("--bytes must be a size between 1 and 2T", val);
            have_bytes = 1;
        } else if (strcmp(a, "--seed") == 0) {
            NEED_VAL();
            unsigned long long s;
            if (!parse_u64(val, &s, 0))
                return die_usage("--seed must be a non-negative integer", val);
            o.seed = s;
        } else if (strcmp(a, "--format") == 0) {
            NEED_VAL();
            if (strcmp(val, "csv") == 0)
                o.jsonl = 0;
            else if (strcmp(val, "jsonl") == 0)
                o.jsonl = 1;
            else
                return die_usage("--format must be csv or jsonl", val);
        } else if (strcmp(a, "--start") == 0) {
            NEED_VAL();
            unsigned long long yy, mm;
            char ybuf[8];
            if (strlen(val) != 7 || val[4] != '-')
                return die_usage("--start must be YYYY-MM", val);
            memcpy(ybuf, val, 4);
            ybuf[4] = '\0';
            if (!parse_u64(ybuf, &yy, 0) || !parse_u64(val + 5, &mm, 0) || yy < 1000 ||
                mm < 1 || mm > 12)
                return die_usage("--start must be YYYY-MM", val);
            o.start_year = (long)yy;
            o.start_month = (unsigned)mm;
        } else if (strcmp(a, "--months") == 0) {
            NEED_VAL();
            unsigned long long mm;
            if (!parse_u64(val, &mm, 0) || mm < 1 || mm > 600)
                return die_usage("--months must be between 1 and 600", val);
            o.months = (int)mm;
        } else if (strcmp(a, "--crlf") == 0) {
            o.crlf = 1;
        } else if (strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) {
            NEED_VAL();
            o.out_path = val;
        } else {
            return die_usage("unknown option", argv[i]);
        }
#undef NEED_VAL
    }
    if (have_rows && have_bytes)
        return die_usage("use --rows or --bytes, not both", NULL);
    if (o.start_year + (o.months + 11) / 12 > 9999)
        return die_usage("the date range must end before the year 10000", NULL);

    unsigned long long rows = o.rows;
    if (have_bytes) {
        /* Size the run from a dry run of the same model (nothing written). */
        const unsigned long long probe = 20000;
        out_fp = NULL;
        out_total = 0;
        generate(&o, probe);
        rows = o.bytes * probe / out_total; /* bytes <= 2^41, so no overflow */
        if (rows == 0)
            rows = 1;
        if (rows > 10000000000ull)
            rows = 10000000000ull;
    }

    FILE *fp = stdout;
    if (o.out_path != NULL && strcmp(o.out_path, "-") != 0) {
        fp = fopen(o.out_path, "wb");
        if (fp == NULL) {
            fprintf(stderr, "verbatim-gen: cannot open %s for writing\n", o.out_path);
            return 1;
        }
    }
    out_fp = fp;
    out_total = 0;
    generate(&o, rows);
    const int write_err = out_failed || ferror(fp);
    const int close_err = fclose(fp) != 0;
    if (write_err || close_err) {
        fprintf(stderr, "verbatim-gen: write error on %s\n",
                o.out_path ? o.out_path : "standard output");
        return 1;
    }
    return 0;
}
