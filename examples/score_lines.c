/* score_lines: prints the sentiment of each line of standard input.
 *
 *     cc score_lines.c $(pkg-config --cflags --libs verbatim) -o score_lines
 *     printf 'Great staff\nSlow delivery\n' | ./score_lines /usr/local/share/verbatim
 *
 * It uses only the public header: load the lexicons once, push bytes into
 * a pipeline in any chunks, pull analysed records out. */
#include <verbatim.h>

#include <stdio.h>

static int drain(vb_pipeline *p)
{
    const vb_record *rec;
    vb_status st;
    while ((st = vb_pipeline_next(p, &rec)) == VB_OK) {
        if (rec->status != VB_OK) {
            fprintf(stderr, "line %zu: %s\n", rec->line, rec->error);
            continue;
        }
        printf("%+.3f %-8s %.*s\n", rec->sentiment.compound,
               rec->sentiment.label > 0 ? "positive" : rec->sentiment.label < 0 ? "negative"
                                                                                : "neutral",
               (int)rec->text_len, rec->text);
    }
    if (st == VB_AGAIN || st == VB_DONE)
        return 0;
    fprintf(stderr, "%s\n", vb_pipeline_errmsg(p));
    return 1;
}

int main(int argc, char **argv)
{
    const char *data_dir = argc > 1 ? argv[1] : "/usr/local/share/verbatim";
    vb_options o;
    vb_options_init(&o);
    o.format = VB_FORMAT_TEXT;
    o.taxonomy = ""; /* sentiment only */
    vb_error err;
    vb_lexicon *lex = vb_lexicon_load(data_dir, &o, &err);
    if (lex == NULL) {
        fprintf(stderr, "%s: %s\n", err.source, err.message);
        return 1;
    }
    vb_pipeline *p = vb_pipeline_new(lex, &o, &err);
    if (p == NULL) {
        fprintf(stderr, "%s\n", err.message);
        vb_lexicon_free(lex);
        return 1;
    }
    char buf[4096];
    size_t n;
    int status = 0;
    while (status == 0 && (n = fread(buf, 1, sizeof buf, stdin)) > 0)
        if (vb_pipeline_feed(p, buf, n) != VB_OK || drain(p) != 0)
            status = 1;
    if (status == 0 && vb_pipeline_finish(p) == VB_OK)
        status = drain(p);
    vb_pipeline_free(p);
    vb_lexicon_free(lex);
    return status;
}
