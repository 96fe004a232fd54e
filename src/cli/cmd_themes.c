/* cmd_themes.c: `verbatim themes check FILE...` and the dispatch of
 * `verbatim themes discover` (cmd_discover.c). */
#include "cli.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

static const char help[] =
    "Usage: verbatim themes check [--lang LANG] FILE...\n"
    "       verbatim themes discover [options] [FILE...]\n\n"
    "check     reads each taxonomy (JSON) as 'analyze --taxonomy' would and lists\n"
    "          every problem, one per line: FILE: JSON-PATH: what is wrong\n"
    "          (unknown key, duplicate id, bad regex with its offset, empty\n"
    "          theme, a value of the wrong type, a bad NEAR, ...). A good file\n"
    "          gives 'FILE: ok: N themes, M top-level'. Exit 0 when every file\n"
    "          is good, 2 otherwise. FILE - reads stdin.\n"
    "discover  finds candidate themes a taxonomy misses; see\n"
    "          'verbatim themes discover --help'.\n\n"
    "Options of check:\n"
    "      --lang LANG         stem terms for LANG (default: the taxonomy's\n"
    "                          \"language\", else english)\n"
    "  -h, --help              show this help\n";

/* What the library opens for "-": the process's stdin, as a file name. */
#define STDIN_PATH "/dev/stdin"

typedef struct check_ctx {
    const char *file;
} check_ctx;

static void print_problem(const char *json_path, const char *message, void *ctx)
{
    const check_ctx *c = ctx;
    printf("%s: %s: %s\n", c->file, json_path, message);
}

static int check(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"lang", required_argument, NULL, 'l'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    vb_options o;
    vb_options_init(&o);
    o.language = NULL; /* the taxonomy's own */
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        switch (c) {
        case 'l': o.language = optarg; break;
        case 'h': fputs(help, stdout); return EXIT_OK;
        default: fprintf(stderr, "Try 'verbatim themes --help'.\n"); return EXIT_USAGE;
        }
    }
    if (optind >= argc) {
        fprintf(stderr, "verbatim themes check: no taxonomy file given\n"
                        "Try 'verbatim themes --help'.\n");
        return EXIT_USAGE;
    }
    int status = EXIT_OK;
    for (int i = optind; i < argc; i++) {
        /* "-" is stdin, as everywhere: the library reads only files, so it
         * gets stdin's own name, and messages say <stdin> as the readers'
         * do. */
        const bool is_stdin = strcmp(argv[i], "-") == 0;
        const char *path = is_stdin ? STDIN_PATH : argv[i];
        check_ctx ctx = {is_stdin ? "<stdin>" : argv[i]};
        vb_taxonomy_counts counts;
        vb_error err;
        size_t n = vb_taxonomy_check(path, &o, print_problem, &ctx, &counts, &err);
        if (n == SIZE_MAX) {
            fflush(stdout);
            if (is_stdin && strcmp(err.source, path) == 0)
                fprintf(stderr, "verbatim themes check: %s: %s\n", ctx.file, err.message);
            else if (err.source[0] != '\0')
                fprintf(stderr, "verbatim themes check: %s: %s\n", err.source, err.message);
            else
                fprintf(stderr, "verbatim themes check: %s\n", err.message);
            status = err.code == VB_ENOMEM ? EXIT_IO : EXIT_USAGE;
        } else if (n > 0) {
            status = EXIT_USAGE;
        } else {
            printf("%s: ok: %zu themes, %zu top-level\n", ctx.file, counts.n_themes,
                   counts.n_top_level);
        }
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "verbatim themes check: write error\n");
        return EXIT_IO;
    }
    return status;
}

int cmd_themes(int argc, char **argv)
{
    if (argc < 2) {
        fputs(help, stderr);
        return EXIT_USAGE;
    }
    const char *sub = argv[1];
    if (strcmp(sub, "-h") == 0 || strcmp(sub, "--help") == 0) {
        fputs(help, stdout);
        return EXIT_OK;
    }
    if (strcmp(sub, "check") == 0) {
        argv[1] = "verbatim themes check"; /* for getopt's errors */
        return check(argc - 1, argv + 1);
    }
    if (strcmp(sub, "discover") == 0) {
        argv[1] = "verbatim themes discover";
        return cmd_themes_discover(argc - 1, argv + 1);
    }
    fprintf(stderr, "verbatim themes: unknown subcommand '%s' (check, discover)\n"
                    "Try 'verbatim themes --help'.\n",
            sub);
    return EXIT_USAGE;
}
