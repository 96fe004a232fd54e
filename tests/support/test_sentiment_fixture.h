/* test_sentiment_fixture.h: the shipped English lexicons and the real
 * text stage, loaded once per test group, and the helpers that score a
 * sentence and find one of its cues; for test_sentiment.c,
 * test_sentiment_rules.c and test_sentiment_cx.c. Include after
 * <cmocka.h>. */
#ifndef VB_TEST_SENTIMENT_FIXTURE_H
#define VB_TEST_SENTIMENT_FIXTURE_H

#include "sentiment.h"

#include <string.h>

static vb_lang *lang;
static vb_text *text;
static vb_senti_lex *lex;
static vb_arena arena;
static vb_doc doc;
static vb_doc_sentiment ds;

static inline int setup(void **state)
{
    (void)state;
    vb_error err = {0};
    lang = vb_lang_load(VB_TEST_DATA_DIR, "english", NULL, &err);
    lex = vb_senti_lex_load(VB_TEST_DATA_DIR "/en", NULL, 0, NULL, &err);
    if (lang == NULL || lex == NULL)
        return -1;
    text = vb_text_new(lang, NULL);
    vb_text_set_clause_words(text, vb_senti_lex_is_contrast, lex);
    vb_arena_init(&arena, NULL, 1 << 14);
    return text == NULL ? -1 : 0;
}

static inline int teardown(void **state)
{
    (void)state;
    vb_arena_free(&arena);
    vb_text_free(text);
    vb_senti_lex_free(lex);
    vb_lang_free(lang);
    return 0;
}

/* Scores `s` and returns the record's compound. */
static inline double score(const char *s)
{
    vb_arena_reset(&arena);
    assert_int_equal(vb_text_analyze(text, &arena, s, strlen(s), &doc), VB_OK);
    assert_int_equal(vb_sentiment_score(lex, &doc, &arena, true, &ds), VB_OK);
    return ds.overall.compound;
}

/* The cue whose text is `what` in the last scored record, or NULL. */
static inline const vb_cue *find_cue(const char *what)
{
    for (size_t i = 0; i < ds.n_cues; i++) {
        const vb_cue *c = &ds.cues[i];
        if (c->end - c->start == strlen(what) && memcmp(doc.text + c->start, what, strlen(what)) == 0)
            return c;
    }
    return NULL;
}

/* The cue whose text is `what` in the last scored record; fails the test
 * when there is none. */
static inline const vb_cue *cue(const char *what)
{
    const vb_cue *c = find_cue(what);
    if (c == NULL)
        fail_msg("no cue '%s'", what);
    return c;
}

#endif
