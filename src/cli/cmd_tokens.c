/* cmd_tokens.c: `verbatim tokens`, one JSON object per token, for
 * debugging the text stages and for other tools in a pipeline. */
#include "cli.h"

static const char help[] =
    "Usage: verbatim tokens [options] [FILE...]\n\n"
    "Writes every token of every record as one JSON object per line:\n"
    "{\"id\",\"i\",\"text\",\"norm\",\"stem\",\"kind\",\"start\",\"end\",\"sentence\",\"clause\"}\n"
    "plus \"stopword\", \"caps\" and \"elongated\" flags when they hold.\n"
    "--keep and --taxonomy do not apply: join on \"id\" with `verbatim analyze`.\n\n"
    CLI_INPUT_HELP_FORMAT CLI_INPUT_HELP_ID CLI_INPUT_HELP_REST;

static const struct option no_options[] = {{NULL, 0, NULL, 0}};

static cli_next write_tokens(const vb_record *rec, vb_pipeline *p, void *ctx)
{
    cli_output *out = ctx;
    const char *json;
    size_t len;
    vb_status st = vb_record_tokens_to_json(p, rec, &json, &len);
    if (st != VB_OK) /* too big or no memory for this record: the next may fit */
        return cli_output_reject(out, st);
    return cli_output_record(out, "tokens", json, len);
}

int cmd_tokens(int argc, char **argv)
{
    static const cli_command cmd = {"tokens", help, no_options, NULL, write_tokens, true};
    return cli_stream_command(&cmd, argc, argv);
}
