/* input.c: the read loop every comment-reading command shares.
 *
 * It parses the input options, finds the lexicons, pushes each file
 * through one pipeline in 64 KiB chunks (so memory does not depend on the
 * input size), reports every rejected record as FILE:LINE, and ends with
 * one summary line that reconciles read = written + rejected.
 */
#include "cli.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define READ_CHUNK_BYTES ((size_t)64 << 10)
#define OUTPUT_BUFFER_BYTES ((size_t)64 << 10)

void cli_input_init(cli_input *in)
{
    memset(in, 0, sizeof *in);
    vb_options_init(&in->opts);
}

void cli_input_free(cli_input *in)
{
    free(in->keep_arg);
    in->keep_arg = NULL;
}

/* Parses a byte count with an optional K, M or G suffix. */
static bool parse_bytes(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (end == s || errno != 0 || *s == '-')
        return false;
    unsigned shift = 0;
    if (*end == 'K' || *end == 'k')
        shift = 10;
    else if (*end == 'M' || *end == 'm')
        shift = 20;
    else if (*end == 'G' || *end == 'g')
        shift = 30;
    if (shift > 0)
        end++;
    if (*end != '\0' || v == 0 || v > (SIZE_MAX >> shift))
        return false;
    *out = (size_t)v << shift;
    return true;
}

static int usage_error(const char *cmd, const char *fmt, const char *arg)
{
    fprintf(stderr, "verbatim %s: ", cmd);
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry 'verbatim %s --help'.\n", cmd);
    return -1;
}

/* Appends `line` to the lines in *lines ("a\nb", malloc'd; NULL for
 * none). False when out of memory. */
static bool append_line(char **lines, const char *line)
{
    const size_t old = *lines != NULL ? strlen(*lines) : 0;
    char *grown = realloc(*lines, old + strlen(line) + 2);
    if (grown == NULL) return false;
    snprintf(grown + old, strlen(line) + 2, "%s%s", old > 0 ? "\n" : "", line);
    *lines = grown;
    return true;
}

int cli_score_label_option(char **labels, const char *cmd, const char *arg)
{
    if (strchr(arg, '\n') != NULL)
        return usage_error(cmd, "--score-label: a label on one line, got '%s'", arg);
    if (!append_line(labels, arg)) return usage_error(cmd, "--score-label: out of memory at '%s'", arg);
    return 1;
}

int cli_input_option(cli_input *in, const char *cmd, int c, const char *arg)
{
    vb_options *o = &in->opts;
    switch (c) {
    case 'f':
        if (!vb_format_parse(arg, &o->format))
            return usage_error(cmd, "unknown format '%s' (auto, csv, tsv, jsonl, text)", arg);
        return 1;
    case 'D':
        /* One byte, or the word "tab" (a tab is awkward to type). The
         * library says which bytes cannot separate fields. */
        if (strcmp(arg, "tab") == 0 || strcmp(arg, "\\t") == 0)
            o->delimiter = '\t';
        else if (strlen(arg) == 1)
            o->delimiter = arg[0];
        else
            return usage_error(cmd, "--delimiter: one byte (',', ';', '|', ...) or 'tab', not '%s'",
                               arg);
        return 1;
    case 'E':
        if (!vb_encoding_parse(arg, &o->encoding))
            return usage_error(cmd,
                               "--encoding: unknown encoding '%s' (auto, utf-8, utf-16, "
                               "utf-16le, utf-16be, windows-1252)",
                               arg);
        return 1;
    case 't':
        /* Repeated: the comment goes on in each column after the first. */
        if (o->text_col == NULL) {
            o->text_col = arg;
            return 1;
        }
        if (o->n_more_text_cols == MAX_LIST)
            return usage_error(cmd, "--text-col: more than %s columns", "64");
        in->more_text[o->n_more_text_cols++] = arg;
        o->more_text_cols = in->more_text;
        return 1;
    case 'i': o->id_col = arg; return 1;
    case 'k': {
        /* Each --keep adds its columns; a column named twice is kept once
         * (its key would be written twice). The names point into keep_arg:
         * every list so far, joined by commas and split again. */
        size_t had = in->keep_arg != NULL ? in->keep_arg_len : 0;
        char *joined = realloc(in->keep_arg, had + 1 + strlen(arg) + 1);
        if (joined == NULL)
            return usage_error(cmd, "%s", "out of memory");
        for (size_t i = 0; i < had; i++)
            if (joined[i] == '\0') joined[i] = ','; /* undo the last split */
        if (had > 0) joined[had++] = ',';
        strcpy(joined + had, arg);
        in->keep_arg = joined;
        in->keep_arg_len = strlen(joined);
        o->n_keep_cols = 0;
        for (char *tok = strtok(joined, ","); tok != NULL; tok = strtok(NULL, ",")) {
            bool seen = false;
            for (size_t i = 0; i < o->n_keep_cols && !seen; i++)
                seen = strcmp(in->keep[i], tok) == 0;
            if (seen) continue;
            if (o->n_keep_cols == MAX_LIST)
                return usage_error(cmd, "--keep: more than %s columns", "64");
            in->keep[o->n_keep_cols++] = tok;
        }
        if (o->n_keep_cols == 0)
            return usage_error(cmd, "--keep needs column names, got '%s'", arg);
        o->keep_cols = in->keep;
        return 1;
    }
    case 'H': o->has_header = false; return 1;
    case 'l': o->language = arg; return 1;
    case 'L':
        if (o->n_lexicon_files == MAX_LIST)
            return usage_error(cmd, "--lexicon: more than %s files", "64");
        in->lexicons[o->n_lexicon_files++] = arg;
        o->lexicon_files = in->lexicons;
        return 1;
    case 'd': in->data_dir = arg; return 1;
    case 'M':
        if (!parse_bytes(arg, &o->max_field_bytes))
            return usage_error(cmd, "--max-field-bytes: not a size: '%s'", arg);
        return 1;
    case 'T': o->taxonomy = strcmp(arg, "none") == 0 ? "" : arg; return 1;
    case 'S': in->strict = true; return 1;
    case 'j': {
        char *end;
        long n = strtol(arg, &end, 10);
        if (end == arg || *end != '\0' || n < 1 || n > 256)
            return usage_error(cmd, "--jobs: not a number of threads from 1 to 256: '%s'", arg);
        in->jobs = (int)n;
        return 1;
    }
    case 'o': in->output = arg; return 1;
    }
    return 0;
}

/* ---- Data directory ------------------------------------------------------ */

static bool is_data_dir(const char *dir)
{
    char path[PATH_MAX];
    struct stat st;
    int n = snprintf(path, sizeof path, "%s/en", dir);
    return n > 0 && (size_t)n < sizeof path && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The data folder of a relocated install: <bindir>/../share/verbatim. */
static const char *next_to_executable(void)
{
    static char dir[PATH_MAX];
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return NULL;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (slash == NULL)
        return NULL;
    *slash = '\0';
    int m = snprintf(dir, sizeof dir, "%s/../share/verbatim", exe);
    return (m > 0 && (size_t)m < sizeof dir) ? dir : NULL;
}

void cli_print_error(const char *cmd, const vb_error *err)
{
    if (err->source[0] != '\0' && err->line > 0)
        fprintf(stderr, "verbatim %s: %s:%zu: %s\n", cmd, err->source, err->line, err->message);
    else if (err->source[0] != '\0')
        fprintf(stderr, "verbatim %s: %s: %s\n", cmd, err->source, err->message);
    else
        fprintf(stderr, "verbatim %s: %s\n", cmd, err->message);
}

const char *cli_data_dir(const cli_input *in)
{
    /* An explicit choice is used as given, so a typo is an error rather
     * than a silent fall back to other data. */
    if (in->data_dir != NULL)
        return in->data_dir;
    const char *env = getenv("VERBATIM_DATA");
    if (env != NULL && *env != '\0')
        return env;
    const char *candidates[] = {next_to_executable(), VB_INSTALL_DATA_DIR, VB_SOURCE_DATA_DIR};
    for (size_t i = 0; i < sizeof candidates / sizeof candidates[0]; i++)
        if (candidates[i] != NULL && is_data_dir(candidates[i]))
            return candidates[i];
    return VB_INSTALL_DATA_DIR;
}

/* ---- Output -------------------------------------------------------------- */

/* stdio sizes a stream's buffer by st_blksize (4 KiB) and setvbuf() takes
 * another size only with a buffer of the caller's, so a file or
 * /dev/null gets one of OUTPUT_BUFFER_BYTES here: records go out in
 * writes of that size instead of 4 KiB ones. 64 KiB, not more: a 1 MiB
 * buffer passes through the whole L2 cache as it fills and cost 2 to 3 %
 * more CPU. A pipe, socket or terminal keeps stdio's own buffer, so that
 * whoever reads it downstream is not kept waiting for a whole buffer. */
static void buffer_output(cli_output *o)
{
    struct stat st;
    const int fd = fileno(o->f);
    if (fd < 0 || fstat(fd, &st) != 0 ||
        !(S_ISREG(st.st_mode) || (S_ISCHR(st.st_mode) && !isatty(fd))))
        return;
    o->buf = malloc(OUTPUT_BUFFER_BYTES);
    if (o->buf != NULL && setvbuf(o->f, o->buf, _IOFBF, OUTPUT_BUFFER_BYTES) != 0) {
        free(o->buf);
        o->buf = NULL;
    }
}

int cli_output_check(const cli_input *in, const char *cmd)
{
    const char *path = in->output;
    if (path == NULL || strcmp(path, "-") == 0)
        return EXIT_OK;
    struct stat out;
    if (stat(path, &out) != 0) {
        /* A new file: its directory must take it. */
        const char *slash = strrchr(path, '/');
        char dir[PATH_MAX] = ".";
        if (slash != NULL) {
            const size_t n = slash == path ? 1 : (size_t)(slash - path);
            if (n >= sizeof dir)
                return EXIT_OK; /* left to the open */
            memcpy(dir, path, n);
            dir[n] = '\0';
        }
        if (access(dir, W_OK | X_OK) != 0) {
            fprintf(stderr, "verbatim %s: %s: cannot open for writing: %s\n", cmd, path,
                    strerror(errno));
            return EXIT_IO;
        }
        return EXIT_OK;
    }
    if (S_ISDIR(out.st_mode) || access(path, W_OK) != 0) {
        fprintf(stderr, "verbatim %s: %s: cannot open for writing: %s\n", cmd, path,
                strerror(S_ISDIR(out.st_mode) ? EISDIR : errno));
        return EXIT_IO;
    }
    /* Each input file, and stdin where it is read (no FILE, or "-"); only
     * a regular file is emptied by opening it. */
    bool reads_stdin = in->n_files == 0;
    bool same = false;
    struct stat f;
    for (int i = 0; i < in->n_files && !same && S_ISREG(out.st_mode); i++) {
        if (strcmp(in->files[i], "-") == 0)
            reads_stdin = true;
        else
            same = stat(in->files[i], &f) == 0 && f.st_dev == out.st_dev && f.st_ino == out.st_ino;
    }
    if (!same && reads_stdin && S_ISREG(out.st_mode) && fstat(STDIN_FILENO, &f) == 0)
        same = f.st_dev == out.st_dev && f.st_ino == out.st_ino;
    if (same) {
        fprintf(stderr,
                "verbatim %s: %s is also an input file: writing to it would empty it "
                "before it is read; choose another -o\n",
                cmd, path);
        return EXIT_USAGE;
    }
    return EXIT_OK;
}

int cli_output_open(cli_output *o, const char *cmd, const char *path)
{
    memset(o, 0, sizeof *o);
    if (path == NULL || strcmp(path, "-") == 0) {
        o->f = stdout;
        o->name = "stdout";
    } else {
        o->f = fopen(path, "w");
        o->name = path;
        if (o->f == NULL) {
            fprintf(stderr, "verbatim %s: %s: cannot open for writing: %s\n", cmd, path,
                    strerror(errno));
            return EXIT_IO;
        }
    }
    buffer_output(o);
    return EXIT_OK;
}

static void output_failed(cli_output *o, const char *cmd)
{
    if (errno == EPIPE) {
        o->pipe_closed = true;
        return;
    }
    if (!o->failed)
        fprintf(stderr, "verbatim %s: %s: write error: %s\n", cmd, o->name, strerror(errno));
    o->failed = true;
}

bool cli_grow(char **bytes, size_t *cap, size_t need)
{
    if (need <= *cap)
        return true;
    if (need > SIZE_MAX / 2)
        return false;
    size_t grown = *cap < 4096 ? 4096 : *cap;
    while (grown < need)
        grown *= 2;
    char *p = realloc(*bytes, grown);
    if (p == NULL)
        return false;
    *bytes = p;
    *cap = grown;
    return true;
}

static bool memory_append(cli_output *o, const char *data, size_t len)
{
    if (len > SIZE_MAX - o->mem_len || !cli_grow(&o->mem, &o->mem_cap, o->mem_len + len))
        return false;
    memcpy(o->mem + o->mem_len, data, len);
    o->mem_len += len;
    return true;
}

void cli_output_write(cli_output *o, const char *cmd, const char *data, size_t len)
{
    /* len 0 may come with data NULL (a worker's batch that wrote nothing),
     * which memcpy and fwrite must not be given. */
    if (len == 0 || o->failed || o->pipe_closed)
        return;
    if (o->f == NULL) {
        if (!memory_append(o, data, len)) {
            fprintf(stderr, "verbatim %s: out of memory buffering the output\n", cmd);
            o->failed = true;
        }
        return;
    }
    if (fwrite(data, 1, len, o->f) != len)
        output_failed(o, cmd);
}

cli_next cli_output_record(cli_output *o, const char *cmd, const char *data, size_t len)
{
    cli_output_write(o, cmd, data, len);
    return o->pipe_closed ? CLI_QUIT : o->failed ? CLI_FAIL : CLI_NEXT;
}

cli_next cli_output_line(cli_output *o, const char *cmd, const char *data, size_t len)
{
    cli_output_write(o, cmd, data, len);
    if (o->f == NULL)
        cli_output_write(o, cmd, "\n", 1);
    /* putc, not a second fwrite: one byte per record adds up. */
    else if (!o->failed && !o->pipe_closed && putc('\n', o->f) == EOF)
        output_failed(o, cmd);
    return o->pipe_closed ? CLI_QUIT : o->failed ? CLI_FAIL : CLI_NEXT;
}

cli_next cli_output_reject(cli_output *o, vb_status st)
{
    o->reject = st;
    return CLI_REJECT;
}

const char *cli_reject_reason(vb_status st)
{
    /* The library caps one record's output at 8 x max_field_bytes. */
    return st == VB_ELIMIT ? "output over 8 x --max-field-bytes; not written"
                           : "out of memory writing the output; not written";
}

/* ---- Signals ------------------------------------------------------------- */

static volatile sig_atomic_t stop_signal; /* SIGINT or SIGTERM caught, else 0 */
static int wake_pipe[2] = {-1, -1};       /* the handler writes a byte here, so
                                             that a read waiting in poll() wakes */

static void on_stop_signal(int sig)
{
    if (stop_signal != 0) { /* the second one: stop now */
        signal(sig, SIG_DFL);
        raise(sig);
        return;
    }
    stop_signal = sig;
    const int saved = errno;
    if (wake_pipe[1] >= 0) {
        ssize_t n = write(wake_pipe[1], "", 1);
        (void)n;
    }
    errno = saved;
}

void cli_catch_stop_signals(void)
{
    int fds[2];
    if (pipe(fds) == 0) {
        /* Above 2, so that a closed stdin (<&-) stays closed rather than
         * becoming the pipe. */
        for (int i = 0; i < 2; i++) {
            wake_pipe[i] = fcntl(fds[i], F_DUPFD_CLOEXEC, 3);
            close(fds[i]);
        }
        if (wake_pipe[1] >= 0)
            fcntl(wake_pipe[1], F_SETFL, O_NONBLOCK);
        if (wake_pipe[0] < 0 || wake_pipe[1] < 0) {
            for (int i = 0; i < 2; i++)
                if (wake_pipe[i] >= 0)
                    close(wake_pipe[i]);
            wake_pipe[0] = wake_pipe[1] = -1;
        }
    }
    /* SA_RESTART: a write to a slow pipe is resumed, never cut short; reads
     * wait in poll(), which a signal always interrupts. */
    struct sigaction sa, old;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_stop_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    const int sigs[] = {SIGINT, SIGTERM};
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
            sigaction(sigs[i], &sa, NULL); /* ignored at start (nohup, &): leave it */
}

int cli_stop_signal(void)
{
    return stop_signal;
}

bool cli_output_flush(cli_output *o, const char *cmd)
{
    if (o->f != NULL && !o->failed && !o->pipe_closed && fflush(o->f) != 0)
        output_failed(o, cmd);
    return !o->failed;
}

int cli_output_close(cli_output *o, const char *cmd)
{
    if (o->f == NULL)
        return EXIT_OK;
    cli_output_flush(o, cmd);
    if (fclose(o->f) != 0 && !o->failed && !o->pipe_closed)
        output_failed(o, cmd);
    o->f = NULL;
    free(o->buf); /* after fclose(), which may still write from it */
    o->buf = NULL;
    return o->failed ? EXIT_IO : EXIT_OK;
}

/* ---- The read loop ------------------------------------------------------- */

static _Thread_local FILE *record_messages;   /* NULL: stderr */
static _Thread_local const char *record_source;

FILE *cli_record_messages(void)
{
    return record_messages != NULL ? record_messages : stderr;
}

const char *cli_record_source(void)
{
    return record_source != NULL ? record_source : "<stdin>";
}

void cli_set_record_context(FILE *messages, const char *source)
{
    record_messages = messages;
    record_source = source;
}

typedef struct run_state {
    const char *cmd;
    const char *display; /* the current input's name in messages */
    bool strict;
    cli_record_fn on_record;
    void *ctx;
    size_t written;
    size_t rejected;     /* records whose output could not be made (CLI_REJECT) */
    int status;          /* worst exit status so far */
    bool stop;           /* --strict rejection or the consumer went away */
    bool quiet;          /* the consumer went away: no summary */
    bool column_told;    /* the comment column chosen by its question is said */
    bool columns_read;   /* cli_input.columns_read was called */
    cli_input *in;       /* for a column found by its kind (cli_input.found_col) */
    bool found_none;     /* the first input had no "score?" column: the run has none */
    cli_parallel *par;   /* NULL: records are analysed on this thread */
} run_state;

/* Prints a message of the reader's where a run on one thread prints it:
 * with worker threads, the writer prints the records' messages, and this
 * one goes after those of the records read before it. */
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void say(run_state *rs, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (rs->par == NULL) {
        vfprintf(stderr, fmt, ap);
        va_end(ap);
        return;
    }
    va_list again;
    va_copy(again, ap);
    const int len = vsnprintf(NULL, 0, fmt, ap);
    char *text = len >= 0 ? malloc((size_t)len + 1) : NULL;
    if (text != NULL) {
        vsnprintf(text, (size_t)len + 1, fmt, again);
        cli_parallel_note(rs->par, text);
    } else {
        vfprintf(stderr, fmt, again); /* out of memory: out of order, but said */
    }
    free(text);
    va_end(again);
    va_end(ap);
}

/* Takes the name of the column the reader found for a NULL keep entry
 * (report's score), says it, and names it in the entry for the next
 * inputs. The first input settles it: after one without a "score?"
 * column, the run has none. False when the name is too long to keep
 * (said). */
static bool take_found_column(vb_pipeline *p, run_state *rs)
{
    cli_input *in = rs->in;
    size_t n;
    const char *const *names = vb_pipeline_keep_names(p, &n);
    for (size_t i = 0; i < n && i < in->opts.n_keep_cols; i++) {
        if (in->keep[i] != NULL || rs->found_none) continue;
        const char *kind = in->opts.keep_col_kinds != NULL && in->opts.keep_col_kinds[i] != NULL
                               ? in->opts.keep_col_kinds[i]
                               : "keep";
        if (strcmp(kind, "score?") == 0) {
            if (!vb_pipeline_keep_found(p, i)) {
                rs->found_none = true;
                continue;
            }
            kind = "score";
        }
        if (strlen(names[i]) >= sizeof in->found_col) {
            say(rs,
                "verbatim %s: %s: the %s column's name is longer than %zu bytes (choose it "
                "with --%s-col)\n",
                rs->cmd, rs->display, kind, sizeof in->found_col - 1, kind);
            rs->status = EXIT_USAGE;
            rs->stop = true;
            return false;
        }
        snprintf(in->found_col, sizeof in->found_col, "%s", names[i]);
        in->keep[i] = in->found_col;
        if (!rs->quiet)
            say(rs, "verbatim %s: %s: %ss from the column \"%s\" (--%s-col chooses another)\n",
                rs->cmd, rs->display, kind, in->found_col, kind);
    }
    return true;
}

/* Tells the command, once per run, that the kept columns are known
 * (cli_input.columns_read), and says its note. False to stop (said). */
static bool tell_columns_read(vb_pipeline *p, run_state *rs)
{
    cli_input *in = rs->in;
    if (in->columns_read == NULL || rs->columns_read)
        return true;
    rs->columns_read = true;
    char note[256] = "";
    const bool go_on = in->columns_read(rs->ctx, p, note, sizeof note);
    if (note[0] != '\0' && (!go_on || !rs->quiet))
        say(rs, "verbatim %s: %s: %s\n", rs->cmd, rs->display, note);
    if (!go_on) {
        rs->status = EXIT_USAGE;
        rs->stop = true;
    }
    return go_on;
}

/* Says which column holds the comments when it was chosen by its
 * question, once per input and before its first record. */
static void tell_text_column(vb_pipeline *p, run_state *rs)
{
    if (rs->column_told)
        return;
    rs->column_told = true;
    const char *question = vb_pipeline_text_column_by_question(p);
    if (question != NULL && !rs->quiet)
        say(rs,
            "verbatim %s: %s: comments from the column \"%s\", chosen by its question "
            "(--text-col chooses another)\n",
            rs->cmd, rs->display, question);
}

/* At an input's first record: tell_text_column(), the column found for a
 * NULL keep entry, and at the run's first, tell_columns_read(). False to
 * stop (said). */
static bool tell_columns(vb_pipeline *p, run_state *rs)
{
    if (rs->column_told)
        return true;
    tell_text_column(p, rs);
    return take_found_column(p, rs) && tell_columns_read(p, rs);
}

/* Hands every record the pipeline has read to the worker threads. */
static bool drain_parallel(vb_pipeline *p, run_state *rs)
{
    vb_raw_record raw;
    vb_status st;
    while ((st = vb_pipeline_read(p, &raw)) == VB_OK) {
        if (!tell_columns(p, rs))
            return false;
        if (!cli_parallel_add(rs->par, &raw, rs->display)) {
            rs->stop = true;
            return true;
        }
    }
    if (st == VB_AGAIN || st == VB_DONE)
        return true;
    say(rs, "verbatim %s: %s: %s\n", rs->cmd, rs->display, vb_pipeline_errmsg(p));
    rs->status = st == VB_ENOMEM ? EXIT_IO : EXIT_USAGE;
    rs->stop = true;
    return false;
}

/* Pulls every record the pipeline has ready. Returns false on a fatal
 * error for this input (already reported). */
static bool drain(vb_pipeline *p, run_state *rs)
{
    if (rs->par != NULL)
        return drain_parallel(p, rs);
    const vb_record *rec;
    vb_status st;
    while (!rs->stop && (st = vb_pipeline_next(p, &rec)) == VB_OK) {
        if (!tell_columns(p, rs))
            return false;
        if (rec->status != VB_OK) {
            fprintf(stderr, "verbatim: %s:%zu: %s\n", rs->display, rec->line, rec->error);
            if (rs->strict) {
                rs->status = EXIT_BAD_INPUT;
                rs->stop = true;
            }
            continue;
        }
        if (rec->warning != NULL)
            fprintf(stderr, "verbatim: %s:%zu: warning: %s\n", rs->display, rec->line,
                    rec->warning);
        switch (rs->on_record(rec, p, rs->ctx)) {
        case CLI_NEXT: break;
        case CLI_QUIT: rs->stop = rs->quiet = true; return true;
        case CLI_STOP:
            rs->written++;
            rs->stop = true;
            rs->status = EXIT_BAD_INPUT;
            return true;
        case CLI_FAIL: rs->stop = true; rs->status = EXIT_IO; return true;
        case CLI_REJECT:
            fprintf(stderr, "verbatim: %s:%zu: %s\n", rs->display, rec->line,
                    cli_reject_reason(((const cli_output *)rs->ctx)->reject));
            rs->rejected++;
            if (rs->strict) {
                rs->status = EXIT_BAD_INPUT;
                rs->stop = true;
            }
            continue;
        }
        rs->written++;
    }
    if (rs->stop || st == VB_AGAIN || st == VB_DONE)
        return true;
    fprintf(stderr, "verbatim %s: %s: %s\n", rs->cmd, rs->display, vb_pipeline_errmsg(p));
    rs->status = st == VB_ENOMEM ? EXIT_IO : EXIT_USAGE;
    rs->stop = true;
    return false;
}

/* How many bytes to read at a time. Tests set VERBATIM_READ_CHUNK to a
 * number, or to random:SEED, to prove that records come out the same
 * whatever the chunk boundaries. */
typedef struct chunker {
    size_t fixed;     /* 0: random sizes */
    uint64_t state;   /* xorshift state for random sizes */
} chunker;

static chunker chunker_from_env(void)
{
    chunker ch = {READ_CHUNK_BYTES, 0};
    const char *env = getenv("VERBATIM_READ_CHUNK");
    if (env == NULL)
        return ch;
    if (strncmp(env, "random:", 7) == 0) {
        ch.fixed = 0;
        ch.state = strtoull(env + 7, NULL, 10) * 2654435761u + 1;
    } else {
        unsigned long long v = strtoull(env, NULL, 10);
        ch.fixed = v >= 1 && v <= READ_CHUNK_BYTES ? (size_t)v : READ_CHUNK_BYTES;
    }
    return ch;
}

static size_t chunk_size(chunker *ch)
{
    if (ch->fixed > 0)
        return ch->fixed;
    ch->state ^= ch->state << 13;
    ch->state ^= ch->state >> 7;
    ch->state ^= ch->state << 17;
    return 1 + (size_t)(ch->state % 97);
}

/* Reads up to `want` bytes: the count, 0 at the end of the input, or -1
 * for a read error (errno) or a stop signal (cli_stop_signal()). Once
 * signals are caught it waits in poll() on the input and the wake pipe,
 * so that a signal also ends a read from a pipe that is slow to fill. */
static ssize_t read_chunk(int fd, char *buf, size_t want)
{
    for (;;) {
        if (stop_signal != 0)
            return -1;
        if (wake_pipe[0] >= 0) {
            struct pollfd pfd[2] = {{fd, POLLIN, 0}, {wake_pipe[0], POLLIN, 0}};
            const int n = poll(pfd, 2, -1);
            if (stop_signal != 0)
                return -1;
            if (n <= 0 && errno == EINTR)
                continue;
            /* Anything else (data, end, an error, a bad fd): read() tells. */
        }
        const ssize_t n = read(fd, buf, want);
        if (n >= 0 || errno != EINTR)
            return n;
    }
}

static void run_stream(vb_pipeline *p, int fd, run_state *rs)
{
    static char buf[READ_CHUNK_BYTES];
    chunker ch = chunker_from_env();
    for (;;) {
        const ssize_t n = read_chunk(fd, buf, chunk_size(&ch));
        if (n < 0 && stop_signal != 0) {
            /* Stop here. No vb_pipeline_finish(): the bytes of a record
             * not yet complete must not become a record. */
            say(rs, "verbatim %s: %s: stopped by %s\n", rs->cmd, rs->display,
                stop_signal == SIGINT ? "SIGINT" : "SIGTERM");
            rs->stop = true;
            return;
        }
        if (n < 0) {
            say(rs, "verbatim %s: %s: read error: %s\n", rs->cmd, rs->display,
                strerror(errno));
            rs->status = EXIT_IO;
            break;
        }
        if (n == 0)
            break;
        vb_status st = vb_pipeline_feed(p, buf, (size_t)n);
        if (st != VB_OK) {
            say(rs, "verbatim %s: %s: %s\n", rs->cmd, rs->display, vb_strerror(st));
            rs->status = EXIT_IO;
            rs->stop = true;
            return;
        }
        if (!drain(p, rs) || rs->stop)
            return;
    }
    vb_pipeline_finish(p);
    drain(p, rs);
    if (rs->par != NULL)
        cli_parallel_flush(rs->par); /* a batch never spans two inputs */
}

/* Opens one input and streams it. `name` "-" is stdin. */
static void run_input(vb_pipeline *p, const char *name, run_state *rs)
{
    bool is_stdin = strcmp(name, "-") == 0;
    rs->display = is_stdin ? "<stdin>" : name;
    rs->column_told = false;
    cli_set_record_context(NULL, rs->display);
    FILE *f = is_stdin ? stdin : fopen(name, "rb");
    if (f == NULL) {
        say(rs, "verbatim %s: %s: cannot open: %s\n", rs->cmd, name, strerror(errno));
        rs->status = EXIT_IO;
        return;
    }
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        say(rs, "verbatim %s: %s: is a directory\n", rs->cmd, rs->display);
        rs->status = EXIT_IO;
    } else {
        run_stream(p, fileno(f), rs);
    }
    if (!is_stdin)
        fclose(f);
}

/* Reads `fd` up to its first record with `probe`: VB_OK when the columns
 * resolve (or the input is empty), else the source's fatal status. */
static vb_status first_record(vb_pipeline *probe, int fd)
{
    static char buf[READ_CHUNK_BYTES];
    vb_raw_record raw;
    vb_status st = VB_AGAIN;
    while (st == VB_AGAIN) {
        const ssize_t n = read_chunk(fd, buf, sizeof buf);
        if (n <= 0) { /* a read error or a stop is the run's to report */
            if (n < 0 || vb_pipeline_finish(probe) != VB_OK) return VB_OK;
        } else if (vb_pipeline_feed(probe, buf, (size_t)n) != VB_OK) {
            return VB_OK;
        }
        st = vb_pipeline_read(probe, &raw);
        if (n <= 0 && st == VB_AGAIN) st = VB_DONE;
    }
    return st == VB_DONE ? VB_OK : st;
}

/* A problem at the head of the third of ten inputs (a --keep column it
 * lacks, a gzip file) would stop the run part-way: two inputs written, the
 * rest never read. So every later input that is a regular file is read up
 * to its first record before the run starts. stdin and pipes cannot be
 * read twice; a file that cannot be opened is the run's to report. */
static int check_later_inputs(const vb_lexicon *lex, const cli_input *in, const char *cmd,
                              char **files, int n_files)
{
    if (n_files < 2) return EXIT_OK;
    vb_options opts = in->opts;
    opts.source_name = files[1];
    vb_error err;
    vb_pipeline *probe = vb_pipeline_new(lex, &opts, &err);
    if (probe == NULL) {
        fprintf(stderr, "verbatim %s: %s\n", cmd, err.message);
        return err.code == VB_ENOMEM ? EXIT_IO : EXIT_USAGE;
    }
    int status = EXIT_OK;
    for (int i = 1; i < n_files && status == EXIT_OK; i++) {
        struct stat st;
        const int fd = strcmp(files[i], "-") == 0 ? -1 : open(files[i], O_RDONLY | O_CLOEXEC);
        if (fd < 0) continue;
        if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && vb_pipeline_reset(probe, files[i]) == VB_OK) {
            const vb_status first = first_record(probe, fd);
            if (first != VB_OK) {
                fprintf(stderr, "verbatim %s: %s: %s; no input was read\n", cmd, files[i],
                        vb_pipeline_errmsg(probe));
                status = first == VB_ENOMEM ? EXIT_IO : EXIT_USAGE;
            }
        }
        close(fd);
    }
    vb_pipeline_free(probe);
    return status;
}

/* A language other than English has no shipped lexicon or taxonomy yet:
 * said once, or a run reads as neutral comments with no themes. */
static void tell_language_gaps(const vb_lexicon *lex, const cli_input *in, const char *cmd,
                               const char *data_dir)
{
    const char *lang = in->opts.language != NULL ? in->opts.language : "english";
    if (vb_lexicon_n_sentiment_terms(lex) == 0)
        fprintf(stderr,
                "verbatim %s: no sentiment lexicon for %s: every comment scores 0 (--lexicon "
                "FILE adds terms)\n",
                cmd, lang);
    char path[4096];
    struct stat st;
    if (in->opts.taxonomy == NULL && vb_lexicon_n_themes(lex) == 0 &&
        snprintf(path, sizeof path, "%s/" VB_DEFAULT_TAXONOMY, data_dir) < (int)sizeof path &&
        stat(path, &st) == 0)
        fprintf(stderr,
                "verbatim %s: the default taxonomy is in English: no themes for %s (--taxonomy "
                "FILE gives one)\n",
                cmd, lang);
}

int cli_run(cli_input *in, const char *cmd, cli_record_fn on_record, void *ctx)
{
    static char *stdin_only[] = {"-"};
    char **files = in->n_files > 0 ? in->files : stdin_only;
    int n_files = in->n_files > 0 ? in->n_files : 1;

    const char *data_dir = cli_data_dir(in);
    struct stat dir_st;
    if (stat(data_dir, &dir_st) != 0 || !S_ISDIR(dir_st.st_mode)) {
        fprintf(stderr, "verbatim %s: %s: data directory not found (see --data-dir)\n", cmd,
                data_dir);
        return EXIT_USAGE;
    }
    vb_error err;
    vb_lexicon *lex = vb_lexicon_load(data_dir, &in->opts, &err);
    if (lex == NULL) {
        cli_print_error(cmd, &err);
        return err.code == VB_ENOMEM ? EXIT_IO : EXIT_USAGE;
    }
    in->opts.source_name = files[0];
    vb_pipeline *p = vb_pipeline_new(lex, &in->opts, &err);
    if (p == NULL) {
        fprintf(stderr, "verbatim %s: %s\n", cmd, err.message);
        vb_lexicon_free(lex);
        return err.code == VB_ENOMEM ? EXIT_IO : EXIT_USAGE;
    }

    tell_language_gaps(lex, in, cmd, data_dir);
    const int checked = check_later_inputs(lex, in, cmd, files, n_files);
    if (checked != EXIT_OK) {
        vb_pipeline_free(p);
        vb_lexicon_free(lex);
        return checked;
    }

    run_state rs = {.cmd = cmd, .strict = in->strict, .on_record = on_record, .ctx = ctx, .in = in};
    int jobs = in->jobs > 0 ? in->jobs : (int)sysconf(_SC_NPROCESSORS_ONLN);
    const bool aggregates = in->fork_ctx != NULL && in->join_ctx != NULL;
    if (jobs > 1 && (in->parallel_output || aggregates)) {
        rs.par = cli_parallel_start(jobs, lex, in, cmd, on_record, ctx,
                                    aggregates ? NULL : (cli_output *)ctx);
        if (rs.par == NULL) {
            fprintf(stderr, "verbatim %s: cannot start %d threads\n", cmd, jobs);
            vb_pipeline_free(p);
            vb_lexicon_free(lex);
            return EXIT_IO;
        }
    }
    for (int i = 0; i < n_files && !rs.stop; i++) {
        if (i > 0 && vb_pipeline_reset(p, files[i]) != VB_OK) {
            say(&rs, "verbatim %s: %s\n", cmd, vb_pipeline_errmsg(p));
            rs.status = EXIT_USAGE;
            break;
        }
        in->current_source = strcmp(files[i], "-") == 0 ? "<stdin>" : files[i];
        run_input(p, files[i], &rs);
        const size_t not_utf8 = vb_pipeline_windows_1252_line(p);
        if (not_utf8 > 0 && !rs.quiet)
            say(&rs,
                "verbatim %s: %s: read as Windows-1252, as line %zu is not UTF-8 "
                "(--encoding chooses another)\n",
                cmd, in->current_source, not_utf8);
        tell_text_column(p, &rs); /* an input with no record */
    }

    vb_stats stats;
    vb_pipeline_stats(p, &stats);
    stats.records_rejected += rs.rejected;
    if (rs.par != NULL) {
        /* Counted per batch written, so that a stop (--strict, a write
         * error) reports what one thread would have. */
        cli_parallel_finish(rs.par, &stats, &rs.written, &rs.status, &rs.quiet);
        cli_parallel_free(rs.par);
    }
    in->stats = stats; /* for the command, e.g. report's records_rejected */
    /* Records sit in the output's buffer until it is flushed: a write error
     * found later would leave "N written" untrue. After one, how many
     * records reached the output is not known, so none are claimed. */
    bool output_ok = true;
    if (in->parallel_output && !cli_output_flush(ctx, cmd)) {
        output_ok = false;
        rs.status = EXIT_IO;
    }
    if (!rs.quiet) {
        char written[48] = "output incomplete (write error)";
        if (output_ok)
            snprintf(written, sizeof written, "%zu written", rs.written);
        fprintf(stderr,
                "verbatim %s: %zu record%s read, %s, %zu rejected, "
                "%zu invalid UTF-8 sequences replaced",
                cmd, stats.records_read, stats.records_read == 1 ? "" : "s", written,
                stats.records_rejected, stats.invalid_utf8);
        /* Theme coverage: the share of comments with a word that have a theme. */
        if (vb_lexicon_n_themes(lex) > 0) {
            double pct = stats.records_with_text > 0
                             ? 100.0 * (double)stats.records_with_theme /
                                   (double)stats.records_with_text
                             : 0.0;
            fprintf(stderr, ", themes on %.1f%% of %zu comment%s with text", pct,
                    stats.records_with_text, stats.records_with_text == 1 ? "" : "s");
            if (stats.records_non_answer > 0)
                fprintf(stderr, " (and %zu non-answer%s such as \"n/a\")",
                        stats.records_non_answer, stats.records_non_answer == 1 ? "" : "s");
            if (stats.regex_limit_hits > 0)
                fprintf(stderr, ", regex searches cut off by the match limit: %zu",
                        stats.regex_limit_hits);
        }
        if (stats.records_without_id > 0)
            fprintf(stderr, ", %zu without an id", stats.records_without_id);
        if (stats.extra_header_rows > 0)
            fprintf(stderr, ", %zu survey header row%s skipped", stats.extra_header_rows,
                    stats.extra_header_rows == 1 ? "" : "s");
        if (in->summary != NULL)
            in->summary(stderr, ctx);
        fputc('\n', stderr);
    }
    vb_pipeline_free(p);
    vb_lexicon_free(lex);
    if (stop_signal != 0)
        return 128 + stop_signal; /* the shell's way of saying "killed by" */
    return rs.status;
}

/* ---- A streaming command from argv to exit status ------------------------- */

void cli_join_options(struct option out[CLI_MAX_OPTIONS], const struct option *own,
                      size_t n_own)
{
    static const struct option input_options[] = {CLI_INPUT_OPTIONS};
    enum { N_INPUT = sizeof input_options / sizeof input_options[0] };
    assert(N_INPUT + n_own < CLI_MAX_OPTIONS);
    memcpy(out, input_options, sizeof input_options);
    if (n_own > 0)
        memcpy(out + N_INPUT, own, n_own * sizeof *own);
    memset(&out[N_INPUT + n_own], 0, sizeof *out);
}

int cli_refuse_record_columns(const cli_input *in, const char *cmd, bool id_too)
{
    const char *given = in->opts.n_keep_cols > 0            ? "--keep"
                        : id_too && in->opts.id_col != NULL ? "--id-col"
                                                            : NULL;
    if (given == NULL) return EXIT_OK;
    usage_error(cmd,
                "%s does not apply: this command writes no records; `verbatim analyze` passes "
                "columns through",
                given);
    return EXIT_USAGE;
}

/* A command that writes tokens has no use for themes or kept columns:
 * options that ask for them are refused rather than silently dropped. */
static int tokens_only(cli_input *in, const char *cmd)
{
    const char *given = in->opts.n_keep_cols > 0 ? "--keep"
                        : in->opts.taxonomy != NULL && in->opts.taxonomy[0] != '\0' ? "--taxonomy"
                                                                                    : NULL;
    if (given != NULL) {
        usage_error(cmd,
                    "%s does not apply: tokens carry no themes or kept columns; join them "
                    "on \"id\" with `verbatim analyze`",
                    given);
        return EXIT_USAGE;
    }
    in->opts.taxonomy = ""; /* no themes: tokens do not show them */
    return EXIT_OK;
}

int cli_stream_command(const cli_command *cmd, int argc, char **argv)
{
    size_t n_own = 0;
    while (cmd->options[n_own].name != NULL)
        n_own++;
    struct option longopts[CLI_MAX_OPTIONS];
    cli_join_options(longopts, cmd->options, n_own);

    cli_input in;
    cli_input_init(&in);
    int status = EXIT_OK;
    int c;
    while ((c = getopt_long(argc, argv, CLI_INPUT_SHORT, longopts, NULL)) != -1) {
        int handled = cli_input_option(&in, cmd->name, c, optarg);
        if (handled > 0 || (handled == 0 && cmd->option != NULL && cmd->option(&in, c, optarg)))
            continue;
        if (handled == 0 && c == 'h') {
            fputs(cmd->help, stdout);
            cli_input_free(&in);
            return EXIT_OK;
        }
        if (handled == 0)
            fprintf(stderr, "Try 'verbatim %s --help'.\n", cmd->name);
        cli_input_free(&in);
        return EXIT_USAGE;
    }
    in.files = argv + optind;
    in.n_files = argc - optind;
    if (cmd->tokens_only && (status = tokens_only(&in, cmd->name)) != EXIT_OK) {
        cli_input_free(&in);
        return status;
    }

    cli_output out;
    status = cli_output_check(&in, cmd->name);
    if (status == EXIT_OK)
        status = cli_output_open(&out, cmd->name, in.output);
    in.parallel_output = true;
    cli_catch_stop_signals();
    if (status == EXIT_OK) {
        status = cli_run(&in, cmd->name, cmd->on_record, &out);
        int out_status = cli_output_close(&out, cmd->name);
        if (status == EXIT_OK)
            status = out_status;
    }
    cli_input_free(&in);
    return status;
}
