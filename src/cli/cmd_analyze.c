/* cmd_analyze.c: `verbatim analyze`, one JSON object per input record. */
#include "cli.h"

static const char help[] =
    "Usage: verbatim analyze [options] [FILE...]\n\n"
    "Writes one JSON object per input record, one per line, in input order:\n"
    "its id, the kept columns and its sentiment. No FILE, or -, reads stdin.\n"
    "Rejected records are reported on stderr as FILE:LINE; a summary line\n"
    "ends every run.\n\n" CLI_INPUT_HELP "Output:\n"
    "      --sentences         add per-sentence scores with byte offsets\n"
    "      --explain           add the cues behind each score\n";

static const struct option options[] = {
    {"sentences", no_argument, NULL, 's'},
    {"explain", no_argument, NULL, 'x'},
    {NULL, 0, NULL, 0},
};

static bool option(cli_input *in, int c, const char *arg)
{
    (void)arg;
    switch (c) {
    case 's': in->opts.sentences = true; return true;
    case 'x': in->opts.explain = true; return true;
    }
    return false;
}

static cli_next write_record(const vb_record *rec, vb_pipeline *p, void *ctx)
{
    cli_output *out = ctx;
    const char *json;
    size_t len;
    vb_status st = vb_record_to_json(p, rec, &json, &len);
    if (st != VB_OK) /* too big or no memory for this record: the next may fit */
        return cli_output_reject(out, st);
    return cli_output_line(out, "analyze", json, len);
}

int cmd_analyze(int argc, char **argv)
{
    static const cli_command cmd = {"analyze", help, options, option, write_record, false};
    return cli_stream_command(&cmd, argc, argv);
}
