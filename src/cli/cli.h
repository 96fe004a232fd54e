/* cli.h: what the subcommands share: input options, the data directory
 * lookup, the read loop over files, checked output and exit codes. */
#ifndef VB_CLI_H
#define VB_CLI_H

#include "verbatim.h"

#include <getopt.h>
#include <stdio.h>

/* Exit statuses, listed in docs/verbatim.1. */
enum {
    EXIT_OK = 0,
    EXIT_BAD_INPUT = 1, /* a record was rejected under --strict */
    EXIT_USAGE = 2,     /* usage or configuration error */
    EXIT_IO = 3         /* an input could not be read, or output not written */
};

#define MAX_LIST 64 /* most --keep columns or --lexicon files */
#define CLI_FOUND_COL_MAX 1024 /* the longest name of a column found by its kind, NUL included */

/* Options every command that reads comments accepts. */
typedef struct cli_input {
    vb_options opts;
    const char *data_dir;   /* --data-dir, else looked up */
    const char *output;     /* -o, NULL = stdout */
    bool strict;
    int jobs;               /* -j; 0 = all cores */
    bool parallel_output;   /* the record callback's ctx is a cli_output, so
                               records may be analysed on several threads */
    const char *keep[MAX_LIST]; /* a NULL entry: the reader finds the
                                   column by its kind (report's score) */
    const char *more_text[MAX_LIST]; /* the --text-col after the first */
    const char *lexicons[MAX_LIST];
    char *keep_arg;         /* owned copy of the --keep lists, split at commas */
    size_t keep_arg_len;    /* its length before the split */
    /* The name of the column the reader found for a NULL keep entry:
     * filled in from the first input before its first record, and that
     * entry then names it, for the inputs after. */
    char found_col[CLI_FOUND_COL_MAX];
    /* Optional: called once, when the first record has been read and
     * before any record reaches the record callback (ctx is cli_run's):
     * the kept columns are known (vb_pipeline_keep_names(), found_col,
     * vb_pipeline_keep_question()). It may write a line for the reader to
     * say into `note` (empty: none); false stops the run with `note` as
     * the reason. */
    bool (*columns_read)(void *ctx, const vb_pipeline *p, char *note, size_t note_size);
    char **files;           /* operands; none = stdin */
    int n_files;
    const char *current_source; /* set by cli_run: the input being read, as
                                   messages name it ("<stdin>" for -) */
    /* Optional, for commands that aggregate: with both set, -j N gives
     * each worker thread a context of its own, made by fork_ctx(ctx), and
     * join_ctx(ctx, worker) folds it back (and frees it) in worker order
     * once every record has been seen. */
    void *(*fork_ctx)(void *ctx);
    bool (*join_ctx)(void *ctx, void *worker);
    void (*summary)(FILE *f, void *ctx); /* optional: appends to cli_run's
                                   summary line (ctx is cli_run's) */
    vb_stats stats;                      /* set by cli_run once every input is read (before
                                            `summary`): the counts of its summary line */
} cli_input;

/* Long options of cli_input, for the commands' getopt_long tables, and the
 * lines that describe them in --help. */
#define CLI_INPUT_OPTIONS                                                                     \
    {"format", required_argument, NULL, 'f'}, {"delimiter", required_argument, NULL, 'D'},    \
        {"encoding", required_argument, NULL, 'E'}, {"text-col", required_argument, NULL, 't'}, \
        {"id-col", required_argument, NULL, 'i'}, {"keep", required_argument, NULL, 'k'},     \
        {"no-header", no_argument, NULL, 'H'}, {"lang", required_argument, NULL, 'l'},        \
        {"lexicon", required_argument, NULL, 'L'}, {"data-dir", required_argument, NULL, 'd'}, \
        {"max-field-bytes", required_argument, NULL, 'M'},                                    \
        {"taxonomy", required_argument, NULL, 'T'}, {"jobs", required_argument, NULL, 'j'},   \
        {"strict", no_argument, NULL, 'S'}, {"output", required_argument, NULL, 'o'},         \
        {"help", no_argument, NULL, 'h'}
#define CLI_INPUT_SHORT "f:o:hj:"
/* The input options' help. A command that writes no records leaves out
 * the lines of the options it refuses (cli_refuse_record_columns()). */
#define CLI_INPUT_HELP_FORMAT                                                                 \
    "Input:\n"                                                                                \
    "  -f, --format FMT        auto|csv|tsv|jsonl|text (default auto: by extension,\n"      \
    "                          or by sniffing stdin); jsonl also reads a JSON\n"            \
    "                          array of objects, an API's answer with the records\n"      \
    "                          in an array, and pretty-printed objects\n"                 \
    "      --delimiter C       CSV: the byte between fields, e.g. ';', '|' or tab\n"     \
    "                          (default: ',' or ';', by the first line, or as\n"        \
    "                          Excel's first line \"sep=;\" says)\n"                      \
    "      --encoding ENC      utf-8, utf-16, utf-16le, utf-16be or windows-1252\n"      \
    "                          (latin-1); default auto: UTF-8, UTF-16 by its byte\n"   \
    "                          order mark, Windows-1252 when the text is not UTF-8\n"  \
    "      --text-col COL      the comment column: name, 1-based number or JSON\n"          \
    "                          dotted path (default: detected from common names,\n"       \
    "                          or a survey export's open-ended question); again\n"       \
    "                          for a comment over columns (a title, then a body)\n"
#define CLI_INPUT_HELP_ID                                                                     \
    "      --id-col COL        the id column (default: the record number)\n"
#define CLI_INPUT_HELP_KEEP                                                                   \
    "      --keep COL,COL...   columns passed through under \"fields\"\n"
#define CLI_INPUT_HELP_REST                                                                   \
    "      --no-header         CSV/TSV without a header row: columns by number\n"           \
    "      --lang LANG         language for stemming and lexicons (default english)\n"      \
    "      --lexicon FILE      add or override lexicon entries (repeatable)\n"              \
    "      --data-dir DIR      where the lexicons are (default: see verbatim(1))\n"         \
    "      --max-field-bytes N reject records with a longer field (default 16M)\n"          \
    "      --taxonomy FILE     theme taxonomy (JSON); 'none' for no themes (default:\n"   \
    "                          themes/cx.json in the data directory, if present)\n"       \
    "      --strict            exit 1 at the first rejected record\n"                       \
    "  -j, --jobs N            analyse on N threads (default: all cores); the output\n"    \
    "                          is the same at every N\n"                                    \
    "  -o, --output FILE       write to FILE instead of stdout\n"                           \
    "  -h, --help              show this help\n"
#define CLI_INPUT_HELP                                                                        \
    CLI_INPUT_HELP_FORMAT CLI_INPUT_HELP_ID CLI_INPUT_HELP_KEEP CLI_INPUT_HELP_REST

/* A command's getopt_long table: CLI_INPUT_OPTIONS followed by the
 * command's own `n_own` options, zero-terminated. */
#define CLI_MAX_OPTIONS 64
void cli_join_options(struct option out[CLI_MAX_OPTIONS], const struct option *own,
                      size_t n_own);

void cli_input_init(cli_input *in);
void cli_input_free(cli_input *in);
/* Handles one option of CLI_INPUT_OPTIONS. Returns 1 if handled, 0 if `c`
 * is not an input option, -1 after printing a usage error. */
int cli_input_option(cli_input *in, const char *cmd, int c, const char *arg);

/* Adds one --score-label `arg` to the lines in *labels ("a\nb",
 * malloc'd; NULL for none) that the library reads; whether it is LABEL=N
 * on the metric's scale is checked with the scale. Returns 1, or -1
 * after a usage error (a label over two lines, out of memory). */
int cli_score_label_option(char **labels, const char *cmd, const char *arg);

/* For a command that writes no records (report, themes discover): --keep,
 * and with `id_too` --id-col, would change nothing it writes, so they are
 * refused rather than ignored. EXIT_OK, or EXIT_USAGE after saying why. */
int cli_refuse_record_columns(const cli_input *in, const char *cmd, bool id_too);

/* Finds the data directory: --data-dir, $VERBATIM_DATA, next to the
 * executable (../share/verbatim), the install prefix, the source tree. */
const char *cli_data_dir(const cli_input *in);

/* Prints a library error as "verbatim CMD: FILE:LINE: message", with the
 * file and line when `err` names them. */
void cli_print_error(const char *cmd, const vb_error *err);

/* Buffered, checked output. A closed pipe ends the run quietly; any other
 * write error is reported once. */
typedef struct cli_output {
    FILE *f;          /* NULL: the output goes to `mem` */
    char *buf;        /* f's buffer when it is ours (buffer_output()), or NULL */
    const char *name;
    /* A worker thread's output for one batch: grown as needed and kept from
     * batch to batch, so that a long run stops allocating once it is warm. */
    char *mem;
    size_t mem_len, mem_cap;
    bool failed;      /* a write failed: stop and exit EXIT_IO */
    bool pipe_closed; /* the reader went away: stop quietly */
    vb_status reject; /* why the last CLI_REJECT record was not written */
} cli_output;

/* Makes room for `need` bytes in a realloc'd buffer, doubling from 4 KiB;
 * false when out of memory (the buffer is left as it was). */
bool cli_grow(char **bytes, size_t *cap, size_t need);

/* Checks -o before any input is read: that it can be written, and that it
 * is none of the input files, which opening it would empty. Returns
 * EXIT_OK, or EXIT_USAGE / EXIT_IO after saying why. */
int cli_output_check(const cli_input *in, const char *cmd);
int cli_output_open(cli_output *o, const char *cmd, const char *path);
void cli_output_write(cli_output *o, const char *cmd, const char *data, size_t len);
/* Writes out what is buffered; false once any write has failed. */
bool cli_output_flush(cli_output *o, const char *cmd);
/* Flushes and closes; returns EXIT_OK or EXIT_IO. */
int cli_output_close(cli_output *o, const char *cmd);

/* What a record callback tells the read loop. */
typedef enum cli_next {
    CLI_NEXT, /* go on */
    CLI_QUIT, /* stop quietly: the consumer went away (closed pipe) */
    CLI_STOP, /* this record was taken but had a bad field (already reported) and
                 --strict is on: stop with EXIT_BAD_INPUT, after the summary */
    CLI_FAIL, /* stop: output failed (already reported) */
    CLI_REJECT /* this record's output could not be made (over the size limit,
                  out of memory): the read loop reports it as FILE:LINE and
                  counts it as rejected, and the run goes on. Only from
                  callbacks whose ctx is a cli_output (see cli_output_reject) */
} cli_next;

/* Called for every record that was not rejected. */
typedef cli_next (*cli_record_fn)(const vb_record *rec, vb_pipeline *p, void *ctx);

/* Writes one chunk of a record's output and says how to go on. */
cli_next cli_output_record(cli_output *o, const char *cmd, const char *data, size_t len);
/* The same for a whole record's output, followed by a newline. */
cli_next cli_output_line(cli_output *o, const char *cmd, const char *data, size_t len);
/* For a record whose output failed with `st`: remembers why, returns CLI_REJECT. */
cli_next cli_output_reject(cli_output *o, vb_status st);
/* The message for a CLI_REJECT record: "output over ...; not written". */
const char *cli_reject_reason(vb_status st);

/* SIGINT and SIGTERM (unless ignored when the program started) set a flag
 * instead of ending the process: the read loop stops reading, every record
 * read so far is written whole, the summary is printed and the command
 * exits 128 + the signal's number. A second signal ends the process at
 * once. cli_stop_signal() returns the signal caught, or 0. */
void cli_catch_stop_signals(void);
int cli_stop_signal(void);

/* Loads the lexicons and streams every input through one pipeline,
 * reporting rejections on stderr and ending with the summary line.
 * Returns an exit status. */
int cli_run(cli_input *in, const char *cmd, cli_record_fn on_record, void *ctx);

/* Where a record callback writes messages about its record, and the
 * input's name for them: stderr and the current input on one thread; with
 * -j N the batch's own stream, so that messages keep the input's order. */
FILE *cli_record_messages(void);
const char *cli_record_source(void);
void cli_set_record_context(FILE *messages, const char *source);

/* parallel.c: the read loop's worker threads (see there). */
typedef struct cli_parallel cli_parallel;
/* `ctx` is what on_record gets: with in->fork_ctx, each worker's own
 * context; else `out`, which the batches' output goes to in order. */
cli_parallel *cli_parallel_start(int jobs, const vb_lexicon *lex, const cli_input *in,
                                 const char *cmd, cli_record_fn on_record, void *ctx,
                                 cli_output *out);
/* Copies a raw record into the current batch; false when the run stops. */
bool cli_parallel_add(cli_parallel *par, const vb_raw_record *raw, const char *display);
/* Ends the current batch (at the end of each input). */
void cli_parallel_flush(cli_parallel *par);
/* Writes `text` to stderr in order: after the messages of the records
 * added before, before those of the records added after. For the
 * reader's own messages, which a run on one thread prints in that place;
 * dropped when the run stops. */
void cli_parallel_note(cli_parallel *par, const char *text);
/* Waits for every batch to be written and returns what was counted: the
 * batches' counts in `stats`, whose bytes read and header rows (the
 * reader's, which no batch holds) are kept. */
void cli_parallel_finish(cli_parallel *par, vb_stats *stats, size_t *written, int *status,
                         bool *quiet);
void cli_parallel_free(cli_parallel *par);

/* A command that streams records to output: its options beyond
 * CLI_INPUT_OPTIONS and what it writes per record. */
typedef struct cli_command {
    const char *name;
    const char *help;
    const struct option *options; /* extra long options, {0} terminated */
    /* Handles one extra option; returns false if `c` is not one of them. */
    bool (*option)(cli_input *in, int c, const char *arg);
    cli_record_fn on_record;     /* gets the cli_output as ctx */
    bool tokens_only;            /* writes tokens: no themes, no kept columns */
} cli_command;

/* Parses argv (argv[0] is the command name), opens the output, runs the
 * read loop and closes the output. Returns the exit status. */
int cli_stream_command(const cli_command *cmd, int argc, char **argv);

int cmd_analyze(int argc, char **argv);
int cmd_tokens(int argc, char **argv);
int cmd_themes(int argc, char **argv);          /* cmd_themes.c: check, discover */
int cmd_themes_discover(int argc, char **argv); /* cmd_discover.c */
int cmd_report(int argc, char **argv);          /* cmd_report.c, also `drivers` */
int cmd_merge(int argc, char **argv);           /* cmd_merge.c */

/* Writes the state of `agg` (report --emit-state, merge --emit-state) to
 * `path` (NULL or "-": stdout); returns an exit status. cmd_merge.c. */
int cli_write_state(const char *cmd, const vb_agg *agg, const char *path);

/* How report and merge render: what --report, --section, --color and -o
 * said. Without --report: html for -o x.html, a table on a terminal, else
 * json; colour only on a terminal unless NO_COLOR is set. */
typedef struct cli_report_format {
    vb_report_format format;
    bool format_given;
    const char *section;
    int color;        /* -1 never, 0 auto, 1 always */
    const char *path; /* -o, NULL for stdout */
} cli_report_format;

/* Parses --color's value (auto, always, never) into f->color. */
bool cli_report_color(cli_report_format *f, const char *arg);

/* Parses --section's value into f->section; false, after saying which
 * sections there are, for an unknown one. */
bool cli_report_section(cli_report_format *f, const char *cmd, const char *arg);

/* Renders the report of `agg` and writes it to f->path, opened only once
 * the report is made; returns an exit status. */
int cli_write_report(const char *cmd, vb_agg *agg, const cli_report_format *f);

#endif
