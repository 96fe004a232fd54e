/* cmd_report.c: `verbatim report` (alias `drivers`), what drives the score
 * and what changed, from a raw export (analysed as it is read, through the
 * shared read loop) or from `analyze --keep ...` output (--from-analyzed).
 * Records go into a vb_agg; the report is computed and written once at the
 * end. Bad scores, weights and dates are reported as FILE:LINE and counted
 * in the summary line; their comments still count for themes. Records the
 * reader rejects are counted in the report (records_rejected), and the
 * state names the taxonomy, so that merge can refuse shards made with
 * another. */
#include "cli.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CMD "report"

static const char help[] =
    "Usage: verbatim report [options] [FILE...]\n"
    "       verbatim drivers [options] [FILE...]\n\n"
    "Explains a score from its comments: the score with its 95% interval, its\n"
    "trend and segments, per theme the volume, sentiment, score and impact, key\n"
    "drivers, what changed between two periods or segments and why, areas for\n"
    "focus and representative quotes. Reads a raw export (CSV, TSV, JSONL) and\n"
    "analyses it, or with --from-analyzed the output of 'analyze --keep COLS'.\n"
    "No FILE, or -, reads stdin. Methods and the JSON schema: README.md, Report.\n\n"
    "Score:\n"
    "      --score-col COL     the score column (default: found by its name, as\n"
    "                          score, NPS, rating or CSAT, or by its question,\n"
    "                          \"How likely are you to recommend ...?\")\n"
    "      --metric M          nps (0-10), csat (% in the top box), ces (mean\n"
    "                          effort) or mean (any number); default: as the\n"
    "                          score column's name asks (satisfaction: csat,\n"
    "                          effort or ease: ces, a rating: mean), else nps\n"
    "      --scale LO-HI       valid scores (csat default 1-5, ces 1-7)\n"
    "      --top-box N         csat only: top N points count as satisfied\n"
    "                          (default 2)\n"
    "      --lower-is-better   a higher score is worse (ces or mean, e.g. CES asked\n"
    "                          as effort)\n"
    "      --weight-col COL    weight of each respondent (e.g. revenue)\n"
    "      --decimal-comma     scores and weights are written \"4,5\" (a point is\n"
    "                          then not a decimal mark)\n"
    "      --score-label L=N   the word L is score N (repeatable, e.g. Good=5)\n"
    "Time and segments:\n"
    "      --date-col COL      the date column: ISO 8601 or YYYY-MM-DD HH:MM:SS +hhmm\n"
    "      --date-format FMT   strptime-like, e.g. '%d/%m/%Y %H:%M' (%Y %y %m %d %e\n"
    "                          %b %H %I %p %M %S %z %F %T %%); needs --date-col\n"
    "      --period P          day, week (ISO), month (default), quarter or year;\n"
    "                          needs --date-col\n"
    "      --segment-col COL   compare groups, e.g. region or channel\n"
    "      --compare A..B      two periods, or two segments (default: the last\n"
    "                          two periods with a score)\n"
    "      --min-n N           flag groups with fewer scores (default 30)\n"
    "Output:\n"
    "      --report FMT        table (default on a terminal), json (default\n"
    "                          otherwise), csv, md, html (one self-contained page;\n"
    "                          the default for -o FILE.html)\n"
    "      --section NAME      csv: one table: overall, periods, segments, themes,\n"
    "                          heatmap, drivers, change, moved, focus, quotes\n"
    "      --quotes N          quotes per theme (default 3)\n"
    "      --color WHEN        auto (default), always, never\n"
    "      --emit-state        write the additive state instead of a report, to\n"
    "                          combine shards with 'verbatim merge'\n"
    "      --from-analyzed     input is JSONL from 'verbatim analyze --keep "
    "COLS'\n\n";
/* Apart: one literal for both would pass the length C compilers must
 * accept (4095). */
static const char input_help[] = CLI_INPUT_HELP_FORMAT CLI_INPUT_HELP_ID CLI_INPUT_HELP_REST;

enum {
    OPT_SCORE_COL = 256,
    OPT_METRIC,
    OPT_SCALE,
    OPT_TOP_BOX,
    OPT_LOWER,
    OPT_WEIGHT_COL,
    OPT_DECIMAL_COMMA,
    OPT_SCORE_LABEL,
    OPT_DATE_COL,
    OPT_DATE_FORMAT,
    OPT_PERIOD,
    OPT_SEGMENT_COL,
    OPT_COMPARE,
    OPT_MIN_N,
    OPT_REPORT,
    OPT_SECTION,
    OPT_QUOTES,
    OPT_COLOR,
    OPT_FROM_ANALYZED,
    OPT_EMIT_STATE
};

static const struct option report_options[] = {
    {"score-col", required_argument, NULL, OPT_SCORE_COL},
    {"metric", required_argument, NULL, OPT_METRIC},
    {"scale", required_argument, NULL, OPT_SCALE},
    {"top-box", required_argument, NULL, OPT_TOP_BOX},
    {"lower-is-better", no_argument, NULL, OPT_LOWER},
    {"weight-col", required_argument, NULL, OPT_WEIGHT_COL},
    {"decimal-comma", no_argument, NULL, OPT_DECIMAL_COMMA},
    {"score-label", required_argument, NULL, OPT_SCORE_LABEL},
    {"date-col", required_argument, NULL, OPT_DATE_COL},
    {"date-format", required_argument, NULL, OPT_DATE_FORMAT},
    {"period", required_argument, NULL, OPT_PERIOD},
    {"segment-col", required_argument, NULL, OPT_SEGMENT_COL},
    {"compare", required_argument, NULL, OPT_COMPARE},
    {"min-n", required_argument, NULL, OPT_MIN_N},
    {"report", required_argument, NULL, OPT_REPORT},
    {"section", required_argument, NULL, OPT_SECTION},
    {"quotes", required_argument, NULL, OPT_QUOTES},
    {"color", required_argument, NULL, OPT_COLOR},
    {"colour", required_argument, NULL, OPT_COLOR},
    {"from-analyzed", no_argument, NULL, OPT_FROM_ANALYZED},
    {"emit-state", no_argument, NULL, OPT_EMIT_STATE},
};

typedef struct report_cli {
    vb_report_options ro;
    cli_report_format fmt;   /* --report, --section, --color and -o */
    bool top_box_given;      /* refused unless the metric is csat */
    bool metric_given;       /* else the score column's name chooses it */
    bool from_analyzed;
    bool emit_state;
    char *compare; /* owned copy of A..B, split in place */
    char *score_labels; /* the --score-label values, one a line */
} report_cli;

/* The per-run state the record callback sees. */
typedef struct report_run {
    cli_input *in;
    vb_report_options *ro;   /* its metric may follow the score column's question */
    vb_agg *agg;             /* a worker's is made at its first record */
    bool top_box_given;      /* refused unless the metric is csat */
    size_t field[4];         /* keep-column index of score, date, segment, weight */
    const char *kinds[MAX_LIST]; /* what the reader calls each kept column (keep()) */
    vb_report_theme *themes; /* scratch for one record */
    size_t cap_themes;
    bool strict_stop; /* --strict stopped the run at a bad score or date */
} report_run;

static int usage(const char *fmt, const char *arg)
{
    fprintf(stderr, "verbatim " CMD ": ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry 'verbatim " CMD " --help'.\n");
    return -1;
}

static bool parse_size(const char *arg, size_t min, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(arg, &end, 10);
    if (end == arg || *end != '\0' || errno != 0 || arg[0] == '-' || v < min) return false;
    *out = (size_t)v;
    return true;
}

/* "LO-HI", either end possibly negative or decimal. */
static bool parse_scale(const char *arg, double *lo, double *hi)
{
    char *end;
    *lo = strtod(arg, &end);
    if (end == arg || *end != '-') return false;
    const char *h = end + 1;
    *hi = strtod(h, &end);
    return end != h && *end == '\0' && isfinite(*lo) && isfinite(*hi) && *hi > *lo;
}

/* --score-col, --date-col, --segment-col, --weight-col. An empty name is
 * refused here: the reader, which gets these columns as kept ones, would
 * call it a "keep column", an option the user may never have given. */
static int column_option(const char **col, const char *option, const char *arg)
{
    if (arg[0] == '\0') return usage("%s: the column name is empty", option);
    *col = arg;
    return 1;
}

/* Returns 1 if handled, 0 if not ours, -1 after a usage error. */
static int report_option(report_cli *rc, int c, const char *arg)
{
    vb_report_options *ro = &rc->ro;
    size_t n;
    switch (c) {
    case OPT_SCORE_COL:
        return column_option(&ro->score_col, "--score-col", arg);
    case OPT_METRIC:
        rc->metric_given = true;
        return vb_metric_parse(arg, &ro->metric)
                   ? 1
                   : usage("--metric: unknown metric '%s' (nps, csat, ces, mean)", arg);
    case OPT_SCALE:
        return parse_scale(arg, &ro->scale_min, &ro->scale_max)
                   ? 1
                   : usage("--scale: expected LO-HI with LO < HI, got '%s'", arg);
    case OPT_TOP_BOX:
        if (!parse_size(arg, 1, &n) || n > 1000)
            return usage("--top-box: expected a whole number >= 1, got '%s'", arg);
        ro->top_box = (unsigned)n;
        rc->top_box_given = true;
        return 1;
    case OPT_LOWER:
        ro->lower_is_better = true;
        return 1;
    case OPT_WEIGHT_COL:
        return column_option(&ro->weight_col, "--weight-col", arg);
    case OPT_DECIMAL_COMMA:
        ro->decimal_mark = ',';
        return 1;
    case OPT_SCORE_LABEL:
        if (cli_score_label_option(&rc->score_labels, CMD, arg) < 0) return -1;
        ro->score_labels = rc->score_labels;
        return 1;
    case OPT_DATE_COL:
        return column_option(&ro->date_col, "--date-col", arg);
    case OPT_DATE_FORMAT:
        ro->date_format = arg;
        return 1;
    case OPT_PERIOD:
        return vb_period_parse(arg, &ro->period) && ro->period != VB_PERIOD_NONE
                   ? 1
                   : usage("--period: unknown period '%s' (day, week, month, quarter, year)", arg);
    case OPT_SEGMENT_COL:
        return column_option(&ro->segment_col, "--segment-col", arg);
    case OPT_COMPARE: {
        free(rc->compare);
        rc->compare = strdup(arg);
        char *dots = rc->compare != NULL ? strstr(rc->compare, "..") : NULL;
        if (dots == NULL || dots == rc->compare || dots[2] == '\0')
            return usage("--compare: expected A..B, got '%s'", arg);
        *dots = '\0';
        ro->compare_from = rc->compare;
        ro->compare_to = dots + 2;
        return 1;
    }
    case OPT_MIN_N:
        return parse_size(arg, 1, &ro->min_n)
                   ? 1
                   : usage("--min-n: expected a number >= 1, got '%s'", arg);
    case OPT_REPORT:
        if (!vb_report_format_parse(arg, &rc->fmt.format))
            return usage("--report: unknown format '%s' (table, json, csv, md, html)", arg);
        rc->fmt.format_given = true;
        return 1;
    case OPT_SECTION:
        return cli_report_section(&rc->fmt, CMD, arg) ? 1 : -1;
    case OPT_QUOTES:
        return parse_size(arg, 0, &ro->max_quotes) && ro->max_quotes <= 10
                   ? 1
                   : usage("--quotes: expected 0 to 10, got '%s'", arg);
    case OPT_COLOR:
        return cli_report_color(&rc->fmt, arg)
                   ? 1
                   : usage("--color: expected auto, always or never, got '%s'", arg);
    case OPT_FROM_ANALYZED:
        rc->from_analyzed = true;
        return 1;
    case OPT_EMIT_STATE:
        rc->emit_state = true;
        return 1;
    }
    return 0;
}

static void print_issues(FILE *f, const char *source, size_t line,
                         const vb_report_issue *issues, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (issues[i].field != NULL && issues[i].field[0] != '\0')
            fprintf(f, "verbatim " CMD ": %s:%zu: field \"%s\": %s\n", source, line,
                    issues[i].field, issues[i].message);
        else
            fprintf(f, "verbatim " CMD ": %s:%zu: %s\n", source, line, issues[i].message);
    }
}

/* A new aggregate for the options, or NULL with `err` set. An option that
 * means nothing with the metric is refused, not ignored: the report would
 * look as if it had been made with it. */
static vb_agg *new_agg(const vb_report_options *ro, bool top_box_given, vb_error *err)
{
    if (top_box_given && ro->metric != VB_METRIC_CSAT) {
        err->code = VB_EINVAL;
        snprintf(err->message, sizeof err->message,
                 "--top-box is for --metric csat only (%s has no top box)",
                 vb_metric_name(ro->metric));
        return NULL;
    }
    return vb_agg_new(ro, err);
}

/* ---- From a raw export ---------------------------------------------------- */

static cli_next add_record(const vb_record *rec, vb_pipeline *p, void *ctx)
{
    report_run *run = ctx;
    if (run->agg == NULL) {
        vb_error err;
        run->agg = new_agg(run->ro, run->top_box_given, &err); /* checked by the first */
        if (run->agg == NULL) {
            fprintf(stderr, "verbatim " CMD ": %s\n", err.message);
            return CLI_FAIL;
        }
    }
    const vb_lexicon *lex = vb_pipeline_lexicon(p); /* the taxonomy: ids, labels, parents */
    /* For the state, so that merge can refuse shards made with another one. */
    vb_agg_set_taxonomy(run->agg, vb_lexicon_taxonomy_fingerprint(lex));
    static const vb_field absent = {NULL, 0};
    vb_report_row row;
    memset(&row, 0, sizeof row);
    row.id.data = rec->id;
    row.id.len = rec->id_len;
    row.text.data = rec->text;
    row.text.len = rec->text_len;
    row.text_is_utf8 = true; /* the pipeline repaired it */
    vb_field *cols[4] = {&row.score, &row.date, &row.segment, &row.weight};
    for (size_t i = 0; i < 4; i++)
        *cols[i] = run->field[i] < rec->n_fields ? rec->fields[run->field[i]] : absent;
    row.sentiment = rec->sentiment.compound;
    if (rec->n_themes > run->cap_themes) {
        vb_report_theme *t = realloc(run->themes, rec->n_themes * sizeof *t);
        if (t == NULL) {
            fprintf(stderr, "verbatim " CMD ": out of memory\n");
            return CLI_FAIL;
        }
        run->themes = t;
        run->cap_themes = rec->n_themes;
    }
    for (size_t i = 0; i < rec->n_themes; i++) {
        const vb_theme_hit *h = &rec->themes[i];
        const vb_theme_info *info = vb_lexicon_theme(lex, h->theme);
        vb_report_theme *t = &run->themes[i];
        t->id = info->id;
        t->label = info->label;
        t->parent = info->parent >= 0 ? vb_lexicon_theme(lex, (size_t)info->parent)->id : NULL;
        t->sentiment = h->sentiment;
        t->spans = h->spans;
        t->n_spans = h->n_spans;
    }
    row.themes = run->themes;
    row.n_themes = rec->n_themes;
    vb_report_issue issues[VB_REPORT_MAX_ISSUES];
    size_t n_issues;
    if (vb_agg_add(run->agg, &row, issues, &n_issues) != VB_OK) {
        fprintf(stderr, "verbatim " CMD ": out of memory\n");
        return CLI_FAIL;
    }
    print_issues(cli_record_messages(), cli_record_source(), rec->line, issues, n_issues);
    if (n_issues > 0 && run->in->strict) {
        run->strict_stop = true;
        return CLI_STOP;
    }
    return CLI_NEXT;
}

/* What a score column's name or question names, for the note on the
 * metric it asks for (never NPS's: NPS is the default, said by no note). */
static const char *metric_reason(vb_metric m)
{
    switch (m) {
    case VB_METRIC_CSAT:
        return "satisfaction";
    case VB_METRIC_CES:
        return "effort or ease";
    case VB_METRIC_MEAN:
        return "a rating";
    default:
        return "a recommendation";
    }
}

/* Without --metric, the metric is the one the score column's name asks
 * for (vb_metric_of_column()), or else the question it answers (NULL:
 * none): star ratings read as NPS would be all detractors. Writes a note
 * into `note` when that is not NPS, the default; else leaves it empty. */
static void metric_of_column(vb_report_options *ro, const char *question, char *note, size_t size)
{
    ro->metric = vb_metric_of_column(ro->score_col);
    if (ro->metric == VB_METRIC_NPS && question != NULL)
        ro->metric = vb_metric_of_column(question); /* Qualtrics' Q1 */
    note[0] = '\0';
    if (ro->metric != VB_METRIC_NPS)
        snprintf(note, size, "metric %s, as the score column names %s (--metric chooses another)",
                 vb_metric_name(ro->metric), metric_reason(ro->metric));
}

/* cli_input.columns_read without --metric: the score column's name, or
 * its question, may choose the metric, found in the header or given (its
 * question is known only now), and the aggregate, still empty or not yet
 * made, starts again with it. */
static bool metric_of_score_column(void *ctx, const vb_pipeline *p, char *note, size_t size)
{
    report_run *run = ctx;
    const vb_metric before = run->ro->metric;
    metric_of_column(run->ro, vb_pipeline_keep_question(p, run->field[0]), note, size);
    if (run->ro->metric == before && run->agg != NULL) return true;
    vb_error err;
    vb_agg *agg = new_agg(run->ro, run->top_box_given, &err);
    if (agg == NULL) {
        const vb_metric m = run->ro->metric;
        snprintf(note, size,
                 "%s: the metric is %s, as the score column names %s (--metric "
                 "chooses another)",
                 err.message, vb_metric_name(m),
                 m == VB_METRIC_NPS ? "no other" : metric_reason(m));
        return false;
    }
    vb_agg_free(run->agg);
    run->agg = agg;
    return true;
}

/* -j N: each worker aggregates into a vb_agg of its own; the sums are
 * exact, so merging them gives the figures of one pass in any order. */
static void *fork_run(void *ctx)
{
    const report_run *run = ctx;
    report_run *w = calloc(1, sizeof *w);
    if (w == NULL)
        return NULL;
    *w = *run;
    w->themes = NULL;
    w->cap_themes = 0;
    w->strict_stop = false;
    /* Made at the worker's first record, when the metric is known: the
     * score column found in the header may choose it. */
    w->agg = NULL;
    return w;
}

static bool join_run(void *ctx, void *worker)
{
    report_run *run = ctx, *w = worker;
    const bool ok = w->agg == NULL || vb_agg_merge(run->agg, w->agg) == VB_OK;
    if (!ok)
        fprintf(stderr, "verbatim " CMD ": out of memory\n");
    run->strict_stop |= w->strict_stop;
    vb_agg_free(w->agg);
    free(w->themes);
    free(w);
    return ok;
}

/* Whether the aggregate's counts stand for the records read. After a
 * --strict stop, workers (-j) may have aggregated records past it: their
 * counts would not match the records read, and the stopping record's
 * message has said what was wrong. No aggregate: no record came to check
 * the options again (main()). */
static bool counts_stand(const report_run *run)
{
    return !run->strict_stop && run->agg != NULL;
}

static void summary_extra(FILE *f, void *ctx)
{
    const report_run *run = ctx;
    if (!counts_stand(run)) return;
    size_t scores, dates;
    vb_agg_counts(run->agg, NULL, &scores, &dates);
    fprintf(f, ", %zu score%s rejected", scores, scores == 1 ? "" : "s");
    if (dates > 0) fprintf(f, ", %zu date%s rejected", dates, dates == 1 ? "" : "s");
}

/* A CSV header names its columns, but a JSON key can be mistyped: a
 * segment column absent from every record would put them all in one
 * "(missing)" segment, a report that looks real. Refused instead. */
static int segment_column_found(const report_run *run)
{
    size_t records;
    vb_agg_counts(run->agg, &records, NULL, NULL);
    if (run->ro->segment_col == NULL || records == 0 || vb_agg_segments_absent(run->agg) < records)
        return EXIT_OK;
    fprintf(stderr,
            "verbatim " CMD ": segment column \"%s\" is in none of the %zu records (names are "
            "case-sensitive)\n",
            run->ro->segment_col, records);
    return EXIT_USAGE;
}

/* Dates that could not be read, when one common layout reads them all
 * (a US export's "11/03/2026 10:22 AM"), get the --date-format that
 * would have read them: the user learns the option and its value at
 * once. */
static void say_date_formats(const report_run *run)
{
    const char *formats[4];
    if (!counts_stand(run)) return;
    const size_t n = vb_agg_date_formats(run->agg, formats, 4);
    if (n == 0) return;
    fprintf(stderr,
            "verbatim " CMD ": --date-col \"%s\": every date that could not be read "
            "reads with --date-format '%s'",
            run->ro->date_col, formats[0]);
    for (size_t i = 1; i < n; i++)
        fprintf(stderr, " and with '%s'", formats[i]);
    fprintf(stderr, "%s\n", n > 1 ? ": none of them tells which is meant" : "");
}

/* No record came to check again the options refused (`refused`) before
 * the header was read: they stay refused. */
static int no_record_to_check(const report_run *run, const vb_error *refused)
{
    fprintf(stderr,
            "verbatim " CMD ": %s: the metric is %s, as no record came to choose another "
            "(--metric chooses one)\n",
            refused->message, vb_metric_name(run->ro->metric));
    return EXIT_USAGE;
}

static int run_raw(cli_input *in, report_run *run)
{
    in->summary = summary_extra;
    in->fork_ctx = fork_run;
    in->join_ctx = join_run;
    const int status = cli_run(in, CMD, add_record, run);
    /* The records the reader rejected never reached add_record(): the
     * report counts them, so that its records and records_rejected add up
     * to the records read. */
    if (run->agg != NULL) vb_agg_add_records_rejected(run->agg, in->stats.records_rejected);
    return status;
}

/* ---- From analyze's JSONL -------------------------------------------------- */

static int run_analyzed(cli_input *in, report_run *run)
{
    static char *stdin_only[] = {"-"};
    char **files = in->n_files > 0 ? in->files : stdin_only;
    const int n_files = in->n_files > 0 ? in->n_files : 1;
    size_t read = 0, written = 0, rejected = 0;
    int status = EXIT_OK;
    char *line = NULL;
    size_t cap = 0;
    for (int i = 0; i < n_files && status == EXIT_OK; i++) {
        const bool is_stdin = strcmp(files[i], "-") == 0;
        const char *name = is_stdin ? "<stdin>" : files[i];
        FILE *f = is_stdin ? stdin : fopen(files[i], "rb");
        if (f == NULL) {
            fprintf(stderr, "verbatim " CMD ": %s: cannot open: %s\n", files[i], strerror(errno));
            status = EXIT_IO;
            break;
        }
        size_t line_no = 0;
        ssize_t len;
        while ((len = getline(&line, &cap, f)) != -1) {
            line_no++;
            size_t n = (size_t)len;
            while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r' || line[n - 1] == ' '))
                n--;
            if (n == 0) continue;
            read++;
            vb_report_issue issues[VB_REPORT_MAX_ISSUES];
            size_t n_issues;
            vb_status st = vb_agg_add_json(run->agg, line, n, in->opts.text_col, issues, &n_issues);
            if (st == VB_ENOMEM) {
                fprintf(stderr, "verbatim " CMD ": out of memory\n");
                status = EXIT_IO;
                break;
            }
            print_issues(stderr, name, line_no, issues, n_issues);
            if (st == VB_OK)
                written++;
            else
                rejected++;
            if (n_issues > 0 && in->strict) {
                status = EXIT_BAD_INPUT;
                break;
            }
        }
        if (ferror(f)) {
            fprintf(stderr, "verbatim " CMD ": %s: read error: %s\n", name, strerror(errno));
            status = EXIT_IO;
        }
        if (!is_stdin) fclose(f);
    }
    free(line);
    vb_agg_add_records_rejected(run->agg, rejected); /* lines that are not records */
    /* Every run ends with its summary, a --strict stop too. */
    fprintf(stderr, "verbatim " CMD ": %zu record%s read, %zu written, %zu rejected", read,
            read == 1 ? "" : "s", written, rejected);
    summary_extra(stderr, run);
    fputc('\n', stderr);
    return status;
}

/* ---- The command ---------------------------------------------------------- */

/* Adds `col` to the kept columns (at most four: --keep is refused), called
 * `kind` in the reader's messages ("date column "X" not found", not "keep
 * column"); returns its index, or SIZE_MAX for no column. `col`
 * in->found_col asks the reader to find the column by its kind (a NULL
 * entry). kinds[] has MAX_LIST entries and outlives the run. */
static size_t keep(cli_input *in, const char **kinds, const char *col, const char *kind)
{
    if (col == NULL) return SIZE_MAX;
    const char *entry = col == in->found_col ? NULL : col;
    size_t i = 0;
    while (i < in->opts.n_keep_cols &&
           (entry == NULL || in->keep[i] == NULL || strcmp(in->keep[i], entry) != 0))
        i++;
    if (i == in->opts.n_keep_cols) in->keep[in->opts.n_keep_cols++] = entry;
    if (kinds[i] == NULL) kinds[i] = kind;
    in->opts.keep_cols = in->keep;
    in->opts.keep_col_kinds = kinds;
    return i;
}

int cmd_report(int argc, char **argv)
{
    struct option longopts[CLI_MAX_OPTIONS];
    cli_join_options(longopts, report_options, sizeof report_options / sizeof report_options[0]);

    cli_input in;
    cli_input_init(&in);
    report_cli rc;
    memset(&rc, 0, sizeof rc);
    char metric_note[256] = "";
    vb_report_options_init(&rc.ro);
    int status = EXIT_OK, c;
    while (status == EXIT_OK &&
           (c = getopt_long(argc, argv, CLI_INPUT_SHORT, longopts, NULL)) != -1) {
        int handled = cli_input_option(&in, CMD, c, optarg);
        if (handled == 0) handled = report_option(&rc, c, optarg);
        if (handled > 0) continue;
        if (handled == 0 && c == 'h') {
            fputs(help, stdout);
            fputs(input_help, stdout);
            goto done;
        }
        if (handled == 0) fprintf(stderr, "Try 'verbatim " CMD " --help'.\n");
        status = EXIT_USAGE;
    }
    if (status != EXIT_OK) goto done;
    status = cli_refuse_record_columns(&in, CMD, false); /* --id-col: the quotes' ids */
    if (status != EXIT_OK) goto done;
    if (rc.ro.score_col == NULL && rc.from_analyzed) {
        usage("%s", "--from-analyzed needs --score-col: the field that holds the score");
        status = EXIT_USAGE;
        goto done;
    }
    /* Without --score-col the reader finds the column by its name and
     * fills in its name before the first record reaches an agg. */
    if (rc.ro.score_col == NULL) rc.ro.score_col = in.found_col;
    /* A given name chooses the metric now, for the checks below and
     * --from-analyzed; a raw run's first record may say more. */
    if (!rc.metric_given && rc.ro.score_col != in.found_col)
        metric_of_column(&rc.ro, NULL, metric_note, sizeof metric_note);
    if (!rc.metric_given && !rc.from_analyzed) in.columns_read = metric_of_score_column;
    if (rc.emit_state && (rc.fmt.format_given || rc.fmt.section != NULL)) {
        usage("%s", "--emit-state writes the state, not a report: no --report or --section");
        status = EXIT_USAGE;
        goto done;
    }
    if (rc.fmt.section != NULL && (!rc.fmt.format_given || rc.fmt.format != VB_REPORT_CSV)) {
        usage("%s", "--section needs --report csv");
        status = EXIT_USAGE;
        goto done;
    }
    /* An option that means nothing with the others is refused, not
     * ignored: the report would look as if it had been made with it. */
    if (rc.ro.period != VB_PERIOD_NONE && rc.ro.date_col == NULL) { /* --period none is refused */
        usage("%s", "--period needs --date-col");
        status = EXIT_USAGE;
        goto done;
    }
    if (rc.ro.date_format != NULL && rc.ro.date_col == NULL) {
        usage("%s", "--date-format needs --date-col");
        status = EXIT_USAGE;
        goto done;
    }
    if (rc.from_analyzed && in.opts.n_more_text_cols > 0) {
        /* The analysed record keeps one column as the quotes' text. */
        usage("%s", "--from-analyzed reads one --text-col");
        status = EXIT_USAGE;
        goto done;
    }
    in.files = argv + optind;
    in.n_files = argc - optind;

    report_run run;
    memset(&run, 0, sizeof run);
    run.in = &in;
    run.ro = &rc.ro;
    run.top_box_given = rc.top_box_given;
    if (!rc.from_analyzed) {
        const char *cols[4] = {rc.ro.score_col, rc.ro.date_col, rc.ro.segment_col,
                               rc.ro.weight_col};
        static const char *const col_kinds[4] = {"score", "date", "segment", "weight"};
        for (size_t i = 0; i < 4; i++)
            run.field[i] = keep(&in, run.kinds, cols[i], col_kinds[i]);
    }
    vb_error err;
    run.agg = new_agg(&rc.ro, rc.top_box_given, &err);
    /* An option refused for the metric that the score column's name may
     * still change (--scale 1-10 on a found "CSAT" column) is checked again
     * at the first record, with the metric it chooses. */
    const bool check_at_first_record =
        run.agg == NULL && err.code == VB_EINVAL && in.columns_read != NULL;
    if (run.agg == NULL && !check_at_first_record) {
        fprintf(stderr, "verbatim " CMD ": %s\n", err.message);
        status = err.code == VB_ENOMEM ? EXIT_IO : EXIT_USAGE;
        goto done;
    }
    rc.fmt.path = in.output;
    status = cli_output_check(&in, CMD);
    if (status == EXIT_OK && rc.from_analyzed && metric_note[0] != '\0')
        fprintf(stderr, "verbatim " CMD ": %s\n", metric_note);
    if (status == EXIT_OK) {
        status = rc.from_analyzed ? run_analyzed(&in, &run) : run_raw(&in, &run);
        if (status == EXIT_OK && run.agg == NULL) status = no_record_to_check(&run, &err);
        if (status == EXIT_OK) status = segment_column_found(&run);
        say_date_formats(&run);
    }
    /* The output is opened only now, so that a run that fails leaves an
     * earlier report in place. */
    if (status == EXIT_OK)
        status = rc.emit_state ? cli_write_state(CMD, run.agg, in.output)
                               : cli_write_report(CMD, run.agg, &rc.fmt);
    vb_agg_free(run.agg);
    free(run.themes);
done:
    free(rc.compare);
    free(rc.score_labels);
    cli_input_free(&in);
    return status;
}
