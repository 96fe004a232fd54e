/* main.c: `verbatim <command> [options] [FILE...]` dispatch. */
#include "cli.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>

static const struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} commands[] = {
    {"analyze", cmd_analyze, "one JSON line per comment: sentiment, with --explain its cues"},
    {"tokens", cmd_tokens, "one JSON line per token: text, normal form, stem, kind, offsets"},
    {"themes", cmd_themes, "theme taxonomies: check a file, discover candidate themes"},
    {"report", cmd_report, "what drives the score and what changed: themes, drivers, focus"},
    {"drivers", cmd_report, "the same as report"},
    {"merge", cmd_merge, "one report from states that report --emit-state wrote"},
};

static void usage(FILE *f)
{
    fprintf(f, "Usage: verbatim <command> [options] [FILE...]\n\n"
               "Explains the why behind customer scores from their comments.\n\n"
               "Commands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fprintf(f, "\nRun 'verbatim <command> --help' for a command's options.\n"
               "  -h, --help     show this help\n"
               "  -V, --version  show the version\n");
}

int main(int argc, char **argv)
{
    /* A closed pipe is an EPIPE write error, handled as a quiet stop. */
    signal(SIGPIPE, SIG_IGN);
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    const char *name = argv[1];
    if (strcmp(name, "-h") == 0 || strcmp(name, "--help") == 0 || strcmp(name, "help") == 0) {
        usage(stdout);
        return EXIT_OK;
    }
    if (strcmp(name, "-V") == 0 || strcmp(name, "--version") == 0) {
        printf("verbatim %s (JSONL schema %d)\n", vb_version(), VB_SCHEMA_VERSION);
        return EXIT_OK;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        if (strcmp(name, commands[i].name) == 0) {
            /* getopt names its errors after argv[0]: "verbatim report: ..." */
            char prog[32];
            snprintf(prog, sizeof prog, "verbatim %s", name);
            argv[1] = prog;
            return commands[i].run(argc - 1, argv + 1);
        }
    }
    fprintf(stderr, "verbatim: unknown command '%s'\n", name);
    usage(stderr);
    return EXIT_USAGE;
}
