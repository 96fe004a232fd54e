/* cmd_merge.c: `verbatim merge STATE...`, one report from the states that
 * `report --emit-state` wrote for shards of the input (or that earlier
 * merges wrote): each state is read, checked against the first (the same
 * metric, scale, period, columns and taxonomy, and no theme with two
 * labels) and added to it. The sums are exact, so the report is the one a single
 * pass over all the input would give, byte for byte, in any order. */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CMD "merge"
#define STATE_MAX_BYTES ((size_t)1 << 30)

static const char help[] =
    "Usage: verbatim merge [options] STATE...\n\n"
    "Combines the states that 'verbatim report --emit-state' wrote, one per\n"
    "shard of the input, and writes the report of all of them: the same report,\n"
    "byte for byte, as one 'verbatim report' over the whole input. The states\n"
    "must agree on the metric, scale, top box (csat), period, columns and\n"
    "taxonomy; the options below may differ from the ones the shards were run\n"
    "with.\n"
    "STATE - reads stdin. Format and recipes (GNU parallel, Hadoop, Spark,\n"
    "Dask): README.md, 'Running past one machine'.\n\n"
    "Options:\n"
    "      --compare A..B      two periods, or two segments (default: the last\n"
    "                          two periods with a score)\n"
    "      --min-n N           flag groups with fewer scores (default 30)\n"
    "      --report FMT        table (default on a terminal), json (default\n"
    "                          otherwise), csv, md, html (the default for -o\n"
    "                          FILE.html)\n"
    "      --section NAME      csv: one table (see 'verbatim report --help')\n"
    "      --quotes N          quotes per theme (default 3)\n"
    "      --color WHEN        auto (default), always, never\n"
    "      --emit-state        write the merged state instead of a report (to\n"
    "                          merge in stages)\n"
    "  -o, --output FILE       write to FILE instead of stdout\n"
    "  -h, --help              show this help\n\n"
    "Exit status: 0 done, 1 a state is malformed, 2 a usage error or states\n"
    "that do not match, 3 a state could not be read or the output written.\n";

enum { OPT_COMPARE = 256, OPT_MIN_N, OPT_REPORT, OPT_SECTION, OPT_QUOTES, OPT_COLOR, OPT_EMIT };

static const struct option merge_options[] = {
    {"compare", required_argument, NULL, OPT_COMPARE},
    {"min-n", required_argument, NULL, OPT_MIN_N},
    {"report", required_argument, NULL, OPT_REPORT},
    {"section", required_argument, NULL, OPT_SECTION},
    {"quotes", required_argument, NULL, OPT_QUOTES},
    {"color", required_argument, NULL, OPT_COLOR},
    {"colour", required_argument, NULL, OPT_COLOR},
    {"emit-state", no_argument, NULL, OPT_EMIT},
    {"output", required_argument, NULL, 'o'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

typedef struct merge_cli {
    vb_report_options ro; /* the report options; the rest comes from the states */
    cli_report_format fmt;
    bool emit_state;
    char *compare; /* owned copy of A..B, split in place */
} merge_cli;

static int usage(const char *fmt, const char *arg)
{
    fprintf(stderr, "verbatim " CMD ": ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry 'verbatim " CMD " --help'.\n");
    return EXIT_USAGE;
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

/* Returns EXIT_OK, or EXIT_USAGE after the message. */
static int merge_option(merge_cli *mc, int c, const char *arg)
{
    switch (c) {
    case OPT_COMPARE: {
        free(mc->compare);
        mc->compare = strdup(arg);
        char *dots = mc->compare != NULL ? strstr(mc->compare, "..") : NULL;
        if (dots == NULL || dots == mc->compare || dots[2] == '\0')
            return usage("--compare: expected A..B, got '%s'", arg);
        *dots = '\0';
        mc->ro.compare_from = mc->compare;
        mc->ro.compare_to = dots + 2;
        return EXIT_OK;
    }
    case OPT_MIN_N:
        return parse_size(arg, 1, &mc->ro.min_n)
                   ? EXIT_OK
                   : usage("--min-n: expected a number >= 1, got '%s'", arg);
    case OPT_REPORT:
        if (!vb_report_format_parse(arg, &mc->fmt.format))
            return usage("--report: unknown format '%s' (table, json, csv, md, html)", arg);
        mc->fmt.format_given = true;
        return EXIT_OK;
    case OPT_SECTION:
        return cli_report_section(&mc->fmt, CMD, arg) ? EXIT_OK : EXIT_USAGE;
    case OPT_QUOTES:
        return parse_size(arg, 0, &mc->ro.max_quotes) && mc->ro.max_quotes <= 10
                   ? EXIT_OK
                   : usage("--quotes: expected 0 to 10, got '%s'", arg);
    case OPT_COLOR:
        return cli_report_color(&mc->fmt, arg)
                   ? EXIT_OK
                   : usage("--color: expected auto, always or never, got '%s'", arg);
    case OPT_EMIT:
        mc->emit_state = true;
        return EXIT_OK;
    case 'o':
        mc->fmt.path = arg;
        return EXIT_OK;
    }
    fprintf(stderr, "Try 'verbatim " CMD " --help'.\n");
    return EXIT_USAGE;
}

/* ---- Writing a state (also for report --emit-state) ------------------------ */

static vb_status write_chunk(const char *data, size_t len, void *ctx)
{
    cli_output *out = ctx;
    cli_output_write(out, "state", data, len);
    return out->failed || out->pipe_closed ? VB_EIO : VB_OK;
}

int cli_write_state(const char *cmd, const vb_agg *agg, const char *path)
{
    cli_output out;
    int status = cli_output_open(&out, cmd, path);
    if (status != EXIT_OK) return status;
    vb_status st = vb_agg_write_state(agg, write_chunk, &out);
    if (st != VB_OK && !out.failed && !out.pipe_closed) { /* else close() tells */
        fprintf(stderr, "verbatim %s: writing the state: %s\n", cmd, vb_strerror(st));
        status = EXIT_IO;
    }
    const int out_status = cli_output_close(&out, cmd);
    return status == EXIT_OK ? out_status : status;
}

/* ---- Reading the states ---------------------------------------------------- */

/* Reads all of `path` ("-": stdin) into *data; an exit status. */
static int slurp(const char *path, char **data, size_t *len)
{
    const bool is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (f == NULL) {
        fprintf(stderr, "verbatim " CMD ": %s: cannot open: %s\n", path, strerror(errno));
        return EXIT_IO;
    }
    char *buf = NULL;
    size_t n = 0, cap = 0;
    int status = EXIT_OK;
    for (;;) {
        if (n == cap) {
            if (cap >= STATE_MAX_BYTES) {
                fprintf(stderr, "verbatim " CMD ": %s: over %zu MiB: not a state\n", path,
                        STATE_MAX_BYTES >> 20);
                status = EXIT_BAD_INPUT;
                break;
            }
            cap = cap == 0 ? 65536 : cap * 2;
            char *grown = realloc(buf, cap);
            if (grown == NULL) {
                fprintf(stderr, "verbatim " CMD ": %s: out of memory\n", path);
                status = EXIT_IO;
                break;
            }
            buf = grown;
        }
        const size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) break;
    }
    if (status == EXIT_OK && ferror(f)) {
        fprintf(stderr, "verbatim " CMD ": %s: read error: %s\n", path, strerror(errno));
        status = EXIT_IO;
    }
    if (!is_stdin) fclose(f);
    if (status != EXIT_OK) {
        free(buf);
        return status;
    }
    *data = buf;
    *len = n;
    return EXIT_OK;
}

/* Reads state `path`: the agg, or NULL after the message (*status set). */
static vb_agg *read_state(const char *path, const vb_report_options *ro, int *status)
{
    char *data;
    size_t len;
    if ((*status = slurp(path, &data, &len)) != EXIT_OK) return NULL;
    vb_error err;
    vb_agg *agg = vb_agg_read_state(data, len, ro, &err);
    free(data);
    if (agg == NULL) {
        const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
        if (err.line > 0)
            fprintf(stderr, "verbatim " CMD ": %s:%zu: %s\n", name, err.line, err.message);
        else
            fprintf(stderr, "verbatim " CMD ": %s: %s\n", name, err.message);
        *status = err.code == VB_ENOMEM  ? EXIT_IO
                  : err.code == VB_EPARSE ? EXIT_BAD_INPUT
                                          : EXIT_USAGE;
    }
    return agg;
}

/* ---- The report ------------------------------------------------------------- */

bool cli_report_color(cli_report_format *f, const char *arg)
{
    static const char *const names[] = {"never", "auto", "always"};
    for (int i = 0; i < 3; i++) {
        if (strcmp(arg, names[i]) == 0) {
            f->color = i - 1;
            return true;
        }
    }
    return false;
}

bool cli_report_section(cli_report_format *f, const char *cmd, const char *arg)
{
    size_t n;
    const char *const *names = vb_report_sections(&n);
    for (size_t i = 0; i < n; i++) {
        if (strcmp(arg, names[i]) == 0) {
            f->section = names[i];
            return true;
        }
    }
    fprintf(stderr, "verbatim %s: --section: unknown section '%s' (", cmd, arg);
    for (size_t i = 0; i < n; i++) fprintf(stderr, "%s%s", i > 0 ? ", " : "", names[i]);
    fprintf(stderr, ")\nTry 'verbatim %s --help'.\n", cmd);
    return false;
}

int cli_write_report(const char *cmd, vb_agg *agg, const cli_report_format *f)
{
    vb_error err;
    vb_report *rep = vb_report_new(agg, &err);
    if (rep == NULL) {
        fprintf(stderr, "verbatim %s: %s\n", cmd, err.message);
        return err.code == VB_ENOMEM ? EXIT_IO : EXIT_USAGE;
    }
    /* NPS is the default metric, and star ratings read as 0-10 scores
     * make a report of detractors only that looks real. */
    if (vb_report_no_promoters(rep))
        fprintf(stderr,
                "verbatim %s: no score is 9 or 10, so NPS finds no promoters; for scores on a "
                "1-5 or 1-7 scale use --metric csat, ces or mean\n",
                cmd);
    /* Default format: html for -o x.html, a table on a terminal, else json. */
    const bool to_stdout = f->path == NULL || strcmp(f->path, "-") == 0;
    const bool tty = to_stdout && isatty(STDOUT_FILENO);
    const size_t plen = to_stdout ? 0 : strlen(f->path);
    const bool html_file = (plen > 5 && strcmp(f->path + plen - 5, ".html") == 0) ||
                           (plen > 4 && strcmp(f->path + plen - 4, ".htm") == 0);
    const vb_report_format format = f->format_given ? f->format
                                    : html_file     ? VB_REPORT_HTML
                                    : tty           ? VB_REPORT_TABLE
                                                    : VB_REPORT_JSON;
    const char *no_color = getenv("NO_COLOR");
    const bool color =
        f->color > 0 || (f->color == 0 && tty && (no_color == NULL || no_color[0] == '\0'));
    const char *text;
    size_t len;
    vb_status st =
        vb_report_render(rep, format, f->section, color ? VB_REPORT_COLOR : 0, &text, &len);
    int status = EXIT_OK;
    if (st != VB_OK) {
        fprintf(stderr, "verbatim %s: %s\n", cmd, vb_strerror(st));
        status = EXIT_IO;
    } else {
        /* Opened only once the report is made, so that a report that
         * cannot be made leaves an earlier one in place. */
        cli_output out;
        if ((status = cli_output_open(&out, cmd, f->path)) == EXIT_OK) {
            cli_output_write(&out, cmd, text, len);
            status = cli_output_close(&out, cmd);
        }
    }
    vb_report_free(rep);
    return status;
}

int cmd_merge(int argc, char **argv)
{
    merge_cli mc;
    memset(&mc, 0, sizeof mc);
    vb_report_options_init(&mc.ro);
    int status = EXIT_OK, c;
    while (status == EXIT_OK && (c = getopt_long(argc, argv, "o:h", merge_options, NULL)) != -1) {
        if (c == 'h') {
            fputs(help, stdout);
            goto done;
        }
        status = merge_option(&mc, c, optarg);
    }
    if (status != EXIT_OK) goto done;
    if (optind >= argc) {
        status = usage("%s", "no STATE given (files that 'report --emit-state' wrote)");
        goto done;
    }
    if (mc.emit_state && (mc.fmt.format_given || mc.fmt.section != NULL)) {
        status = usage("%s", "--emit-state writes the state, not a report: no --report or --section");
        goto done;
    }
    if (mc.fmt.section != NULL && (!mc.fmt.format_given || mc.fmt.format != VB_REPORT_CSV)) {
        status = usage("%s", "--section needs --report csv");
        goto done;
    }

    vb_agg *all = read_state(argv[optind], &mc.ro, &status);
    for (int i = optind + 1; i < argc && all != NULL && status == EXIT_OK; i++) {
        vb_agg *more = read_state(argv[i], &mc.ro, &status);
        if (more == NULL) break;
        vb_error err;
        if (vb_agg_compatible(all, more, &err) != VB_OK) {
            fprintf(stderr, "verbatim " CMD ": %s does not match %s: %s\n", argv[i], argv[optind],
                    err.message);
            status = EXIT_USAGE;
        } else if (vb_agg_merge(all, more) != VB_OK) {
            fprintf(stderr, "verbatim " CMD ": %s: out of memory\n", argv[i]);
            status = EXIT_IO;
        }
        vb_agg_free(more);
    }
    if (all != NULL && status == EXIT_OK)
        status = mc.emit_state ? cli_write_state(CMD, all, mc.fmt.path) : cli_write_report(CMD, all, &mc.fmt);
    vb_agg_free(all);
done:
    free(mc.compare);
    return status;
}
