/* cmd_discover.c: `verbatim themes discover`, candidate themes the taxonomy
 * misses, as a taxonomy draft or a table. Reads like every command (the
 * shared read loop), counts into a vb_discovery, writes once at the end. */
#include "cli.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Also declared in cli.h, for cmd_themes.c's dispatch. */
int cmd_themes_discover(int argc, char **argv);

#define CMD "themes discover"

static const char help[] =
    "Usage: verbatim themes discover [options] [FILE...]\n\n"
    "Finds what the taxonomy misses: stemmed phrases of 1-3 words, counted\n"
    "once per comment, scored, near-duplicates grouped, each with its count,\n"
    "share, mean sentiment, examples and (with scores) mean score. Writes a\n"
    "taxonomy draft that 'themes check' accepts and 'analyze --taxonomy'\n"
    "uses; with no phrase in --min-count comments, no draft and exit 1.\n"
    "No FILE, or -, reads stdin.\n\n" CLI_INPUT_HELP_FORMAT CLI_INPUT_HELP_REST "Discovery:\n"
    "      --score-col COL     numeric score column: mean score per theme; scores\n"
    "                          are read as 'report' reads them, the others left\n"
    "                          out and counted (default: the column 'report'\n"
    "                          would find, if the input has one)\n"
    "      --decimal-comma     scores are written \"4,5\" (a point is then not a\n"
    "                          decimal mark)\n"
    "      --score-label L=N   the word L is score N (repeatable, e.g. Good=5)\n"
    "      --uncovered         only comments the taxonomy does not match,\n"
    "                          scored against the ones it matches\n"
    "      --top N             at most N themes (default 30)\n"
    "      --min-count N       themes need N comments at least (default 5)\n"
    "      --max-candidates N  phrases counted at once, about 1 KiB each\n"
    "                          (default 16384)\n"
    "      --background FILE   word counts of general text to rank phrases against\n"
    "                          (default: the language's, in the data directory;\n"
    "                          'none': rank by count)\n"
    "      --report FMT        json (default: a taxonomy draft) or table\n";

enum {
    OPT_SCORE_COL = 256,
    OPT_DECIMAL_COMMA,
    OPT_SCORE_LABEL,
    OPT_UNCOVERED,
    OPT_TOP,
    OPT_MIN_COUNT,
    OPT_MAX_CANDIDATES,
    OPT_BACKGROUND,
    OPT_REPORT
};

static const struct option discover_options[] = {
    {"score-col", required_argument, NULL, OPT_SCORE_COL},
    {"decimal-comma", no_argument, NULL, OPT_DECIMAL_COMMA},
    {"score-label", required_argument, NULL, OPT_SCORE_LABEL},
    {"uncovered", no_argument, NULL, OPT_UNCOVERED},
    {"top", required_argument, NULL, OPT_TOP},
    {"min-count", required_argument, NULL, OPT_MIN_COUNT},
    {"max-candidates", required_argument, NULL, OPT_MAX_CANDIDATES},
    {"background", required_argument, NULL, OPT_BACKGROUND},
    {"report", required_argument, NULL, OPT_REPORT},
};

/* The options of the command's own that are not vb_discovery_options. */
typedef struct discover_cli {
    const char *score_col; /* NULL: no scores */
    char decimal_mark;     /* of the scores: '.' or ',' */
    char *score_labels;    /* the --score-label values, one a line; NULL: none */
    bool table;
} discover_cli;

typedef struct discover_run {
    vb_discovery *d;
    const discover_cli *cli; /* the score column and its decimal mark */
    size_t score_field;      /* index into vb_record.fields; SIZE_MAX: no score */
    const char *score_col;   /* its name: --score-col, or the column found */
    bool strict;             /* a bad score stops the run, as in report */
    size_t rejected_scores;  /* records whose score is missing or not a number */
    size_t other_mark;       /* ... of which numbers with the other decimal mark */
} discover_run;

static cli_next add_record(const vb_record *rec, vb_pipeline *p, void *ctx)
{
    (void)p;
    discover_run *run = ctx;
    double score = NAN;
    if (run->score_field != SIZE_MAX) {
        const vb_field *f = run->score_field < rec->n_fields ? &rec->fields[run->score_field]
                                                             : NULL;
        vb_report_issue why;
        const char *s = f != NULL ? f->data : NULL;
        const size_t len = f != NULL ? f->len : 0;
        const char mark = run->cli->decimal_mark;
        if (!vb_discovery_read_score(s, len, mark, run->cli->score_labels, run->score_col,
                                     &score, run->strict ? &why : NULL)) {
            double other;
            run->rejected_scores++;
            run->other_mark += vb_discovery_parse_score(s, len, mark == ',' ? '.' : ',',
                                                        run->score_col, &other, NULL);
            if (run->strict) {
                fprintf(cli_record_messages(), "verbatim " CMD ": %s:%zu: field \"%s\": %s\n",
                        cli_record_source(), rec->line, why.field, why.message);
                return CLI_STOP;
            }
        }
    }
    vb_status st = vb_discovery_add(run->d, rec, score);
    if (st != VB_OK) {
        fprintf(stderr, "verbatim " CMD ": record %zu: %s\n", rec->record_no, vb_strerror(st));
        return CLI_FAIL;
    }
    return CLI_NEXT;
}

/* cli_input.columns_read without --score-col: the scores are those of
 * the column found (cli_input.found_col), or there are none; then an
 * option that reads scores stops the run, as it cannot apply. */
static bool score_column_read(void *ctx, const vb_pipeline *p, char *note, size_t size)
{
    discover_run *run = ctx;
    if (vb_pipeline_keep_found(p, 0)) return true;
    run->score_field = SIZE_MAX;
    if (run->cli->decimal_mark != ',' && run->cli->score_labels == NULL) return true;
    snprintf(note, size, "%s reads scores, and no score column was found (choose one with "
                         "--score-col)",
             run->cli->decimal_mark == ',' ? "--decimal-comma" : "--score-label");
    return false;
}

/* Parses a count option; prints the usage error itself. */
static bool parse_count(const char *opt, const char *arg, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(arg, &end, 10);
    if (end == arg || *end != '\0' || errno != 0 || *arg == '-' || v == 0 || v > SIZE_MAX) {
        fprintf(stderr, "verbatim " CMD ": %s: not a positive number: '%s'\n"
                        "Try 'verbatim " CMD " --help'.\n", opt, arg);
        return false;
    }
    *out = (size_t)v;
    return true;
}

/* Handles one discovery option; false after printing a usage error. */
static bool discover_option(int c, const char *arg, vb_discovery_options *dopts, discover_cli *dc)
{
    switch (c) {
    case OPT_SCORE_COL: dc->score_col = arg; return true;
    case OPT_DECIMAL_COMMA: dc->decimal_mark = ','; return true;
    case OPT_SCORE_LABEL: return cli_score_label_option(&dc->score_labels, CMD, arg) > 0;
    case OPT_UNCOVERED: dopts->uncovered = true; return true;
    case OPT_BACKGROUND: dopts->background = strcmp(arg, "none") == 0 ? "" : arg; return true;
    case OPT_TOP: return parse_count("--top", arg, &dopts->top);
    case OPT_MIN_COUNT: return parse_count("--min-count", arg, &dopts->min_count);
    case OPT_MAX_CANDIDATES:
        if (!parse_count("--max-candidates", arg, &dopts->max_candidates))
            return false;
        if (dopts->max_candidates >= 16 && dopts->max_candidates <= ((size_t)1 << 24))
            return true;
        fprintf(stderr, "verbatim " CMD ": --max-candidates: between 16 and 16777216, got '%s'\n"
                        "Try 'verbatim " CMD " --help'.\n", arg);
        return false;
    case OPT_REPORT:
        if (strcmp(arg, "json") == 0 || strcmp(arg, "table") == 0) {
            dc->table = strcmp(arg, "table") == 0;
            return true;
        }
        fprintf(stderr, "verbatim " CMD ": --report: unknown format '%s' (json, table)\n"
                        "Try 'verbatim " CMD " --help'.\n", arg);
        return false;
    }
    fprintf(stderr, "Try 'verbatim " CMD " --help'.\n");
    return false;
}

/* Notes on stderr that qualify the result. */
static void report_notes(const discover_run *run, const vb_discovery_options *dopts)
{
    char col[CLI_FOUND_COL_MAX + 16]; /* "--score-col X", or the column found */
    if (run->cli->score_col != NULL)
        snprintf(col, sizeof col, "--score-col %s", run->score_col);
    else
        snprintf(col, sizeof col, "score column \"%s\"", run->score_col);
    const bool comma = run->cli->decimal_mark == ',';
    vb_discovery_summary sum;
    vb_discovery_summarise(run->d, &sum);
    if (run->rejected_scores > 0)
        fprintf(stderr, "verbatim " CMD ": %s: %zu score%s rejected (missing or not"
                        " a number, as report reads them), left out of the mean scores\n",
                col, run->rejected_scores, run->rejected_scores == 1 ? "" : "s");
    if (run->other_mark > 0)
        fprintf(stderr, "verbatim " CMD ": %s: a decimal %s in %zu of those%s\n", col,
                comma ? "point (\"4.5\")" : "comma (\"4,5\")", run->other_mark,
                comma ? ", which --decimal-comma refuses" : ": give --decimal-comma to read them");
    if (dopts->uncovered && sum.reference == 0)
        fprintf(stderr, "verbatim " CMD ": --uncovered: the taxonomy matched no comment; "
                        "themes are ranked %s\n",
                sum.background_words > 0 ? "against the background" : "by frequency");
    if (sum.evictions > 0)
        fprintf(stderr, "verbatim " CMD ": %zu phrases did not fit the table of %zu; counts "
                        "are lower bounds (up to %zu low, see x-count-error); raise "
                        "--max-candidates for exact counts\n",
                sum.evictions, dopts->max_candidates, sum.max_error);
}

/* A draft with no theme is not a taxonomy ('themes check' refuses it):
 * say why instead of writing one. The table can say "none" itself. */
static int some_theme_found(discover_run *run, const vb_discovery_options *dopts)
{
    const vb_discovered *themes;
    size_t n;
    if (vb_discovery_result(run->d, &themes, &n) != VB_OK) {
        fprintf(stderr, "verbatim " CMD ": out of memory\n");
        return EXIT_IO;
    }
    if (n > 0) return EXIT_OK;
    vb_discovery_summary sum;
    vb_discovery_summarise(run->d, &sum);
    fprintf(stderr,
            "verbatim " CMD ": no candidate theme in %zu comments%s: a phrase needs %zu "
            "comments (--min-count); no draft written\n",
            dopts->uncovered ? sum.target : sum.records,
            dopts->uncovered ? " that the taxonomy misses" : "", dopts->min_count);
    return EXIT_BAD_INPUT;
}

int cmd_themes_discover(int argc, char **argv)
{
    struct option longopts[CLI_MAX_OPTIONS];
    cli_join_options(longopts, discover_options, sizeof discover_options / sizeof discover_options[0]);

    cli_input in;
    cli_input_init(&in);
    vb_discovery_options dopts;
    vb_discovery_options_init(&dopts);
    discover_cli dc = {.score_col = NULL, .decimal_mark = '.', .score_labels = NULL, .table = false};
    discover_run run = {.d = NULL, .cli = &dc, .score_field = SIZE_MAX, .strict = false};
    int status = EXIT_OK, c;
    while ((c = getopt_long(argc, argv, CLI_INPUT_SHORT, longopts, NULL)) != -1) {
        int handled = cli_input_option(&in, CMD, c, optarg);
        if (handled > 0)
            continue;
        if (handled == 0 && c == 'h') {
            fputs(help, stdout);
            goto done;
        }
        if (handled < 0 || !discover_option(c, optarg, &dopts, &dc)) {
            status = EXIT_USAGE;
            goto done;
        }
    }
    in.files = argv + optind;
    in.n_files = argc - optind;

    /* The examples carry no ids. */
    if (cli_refuse_record_columns(&in, CMD, true) != EXIT_OK) {
        status = EXIT_USAGE;
        goto done;
    }
    char why[256] = "";
    if (dc.score_labels != NULL)
        (void)vb_discovery_check_score_labels(dc.score_labels, why, sizeof why);
    if (why[0] != '\0') {
        fprintf(stderr, "verbatim " CMD ": %s\nTry 'verbatim " CMD " --help'.\n", why);
        status = EXIT_USAGE;
        goto done;
    }
    run.strict = in.strict;
    /* The score is read as the only kept column, called a "score column"
     * in the reader's messages (the user gave no --keep). Without
     * --score-col, it is the one report would find, if the input has
     * one (score_column_read()). */
    static const char *const score_kind[] = {"score"}, *const found_kind[] = {"score?"};
    run.score_field = 0;
    in.keep[0] = dc.score_col;
    run.score_col = dc.score_col != NULL ? dc.score_col : in.found_col;
    in.opts.n_keep_cols = 1;
    in.opts.keep_cols = in.keep;
    in.opts.keep_col_kinds = dc.score_col != NULL ? score_kind : found_kind;
    if (dc.score_col == NULL) in.columns_read = score_column_read;
    in.opts.explain = true; /* the cues mark the sentiment words */
    dopts.language = in.opts.language;
    dopts.data_dir = cli_data_dir(&in);

    vb_error err;
    run.d = vb_discovery_new(&dopts, &err);
    if (run.d == NULL) {
        cli_print_error(CMD, &err);
        status = err.code == VB_ENOMEM ? EXIT_IO : EXIT_USAGE;
        goto done;
    }
    status = cli_output_check(&in, CMD);
    if (status == EXIT_OK)
        status = cli_run(&in, CMD, add_record, &run);
    if (status == EXIT_OK && !dc.table)
        status = some_theme_found(&run, &dopts);
    /* Opened only now, so that a run that fails leaves an earlier draft in
     * place. */
    cli_output out;
    if (status == EXIT_OK && (status = cli_output_open(&out, CMD, in.output)) == EXIT_OK) {
        const char *text;
        size_t len;
        vb_status st = dc.table ? vb_discovery_write_table(run.d, &text, &len)
                                : vb_discovery_write_json(run.d, &text, &len);
        if (st == VB_OK) {
            cli_output_write(&out, CMD, text, len);
            report_notes(&run, &dopts);
        } else {
            fprintf(stderr, "verbatim " CMD ": %s\n", vb_strerror(st));
            status = EXIT_IO;
        }
        int out_status = cli_output_close(&out, CMD);
        if (status == EXIT_OK)
            status = out_status;
    }
done:
    vb_discovery_free(run.d);
    free(dc.score_labels);
    cli_input_free(&in);
    return status;
}
