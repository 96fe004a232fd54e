/* vb_accuracy.c: scores `gold<TAB>text` lines with verbatim's sentiment
 * stage and prints `gold<TAB>compound` lines, for bench/accuracy/run.
 * With --explain, prints each line's cues to stderr instead (for tuning).
 *
 * Usage: vb_accuracy [--data-dir DIR] [--lexicon FILE]... [--explain] < set.tsv
 *
 * It drives the internal stages (text, lexicon, sentiment) directly, so it
 * measures exactly what the pipeline's sentiment stage computes.
 */
#include "arena.h"
#include "lexicon.h"
#include "sentiment.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef VB_SOURCE_DATA_DIR
#define VB_SOURCE_DATA_DIR "lexicons"
#endif

static void explain_doc(const vb_doc *doc, const vb_doc_sentiment *ds)
{
    for (size_t i = 0; i < ds->n_cues; i++) {
        const vb_cue *c = &ds->cues[i];
        fprintf(stderr, "  %.*s v=%.2f s=%.3f", (int)(c->end - c->start), doc->text + c->start,
                c->valence, c->score);
        for (uint32_t bit = 1; bit != 0 && bit <= c->rules; bit <<= 1)
            if (c->rules & bit)
                fprintf(stderr, " %s", vb_rule_name(bit));
        if (c->modifier != NULL)
            fprintf(stderr, " by=%s", c->modifier);
        fputc('\n', stderr);
    }
}

int main(int argc, char **argv)
{
    const char *data_dir = VB_SOURCE_DATA_DIR;
    const char *user[64];
    size_t n_user = 0;
    int explain = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--data-dir") == 0 && i + 1 < argc)
            data_dir = argv[++i];
        else if (strcmp(argv[i], "--lexicon") == 0 && i + 1 < argc && n_user < 64)
            user[n_user++] = argv[++i];
        else if (strcmp(argv[i], "--explain") == 0)
            explain = 1;
        else {
            fprintf(stderr, "usage: vb_accuracy [--data-dir DIR] [--lexicon FILE]... "
                            "[--explain] < gold.tsv\n");
            return 2;
        }
    }
    vb_error err = {0};
    vb_lang *lang = vb_lang_load(data_dir, "english", NULL, &err);
    if (lang == NULL) {
        fprintf(stderr, "vb_accuracy: %s:%zu: %s\n", err.source, err.line, err.message);
        return 2;
    }
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/%s", data_dir, vb_lang_code(lang));
    vb_senti_lex *lex = vb_senti_lex_load(dir, user, n_user, NULL, &err);
    if (lex == NULL) {
        fprintf(stderr, "vb_accuracy: %s:%zu: %s\n", err.source, err.line, err.message);
        return 2;
    }
    vb_text *text = vb_text_new(lang, NULL);
    if (text == NULL)
        return 3;
    vb_text_set_clause_words(text, vb_senti_lex_is_contrast, lex);
    vb_arena arena;
    vb_arena_init(&arena, NULL, 1 << 16);

    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    while ((len = getline(&line, &cap, stdin)) > 0) {
        if (line[len - 1] == '\n')
            line[--len] = '\0';
        char *tab = memchr(line, '\t', (size_t)len);
        if (tab == NULL)
            continue;
        vb_doc doc;
        vb_doc_sentiment ds;
        vb_arena_reset(&arena);
        vb_text_forget(text);
        const char *s = tab + 1;
        size_t n = (size_t)(line + len - s);
        if (vb_text_analyze(text, &arena, s, n, &doc) != VB_OK ||
            vb_sentiment_score(lex, &doc, &arena, explain, &ds) != VB_OK) {
            fprintf(stderr, "vb_accuracy: out of memory\n");
            return 3;
        }
        printf("%.*s\t%.4f\n", (int)(tab - line), line, ds.overall.compound);
        if (explain) {
            fprintf(stderr, "%.*s\t%.4f\t%s\n", (int)(tab - line), line, ds.overall.compound, s);
            explain_doc(&doc, &ds);
        }
    }
    free(line);
    vb_arena_free(&arena);
    vb_text_free(text);
    vb_senti_lex_free(lex);
    vb_lang_free(lang);
    return ferror(stdout) ? 1 : 0;
}
