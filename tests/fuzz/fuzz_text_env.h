/* fuzz_text_env.h: the English text stages and sentiment lexicon, loaded
 * once per process, and the invariants of an analysed and scored
 * comment, for the text, sentiment, lexicon, taxonomy and themes
 * targets. */
#ifndef VB_FUZZ_TEXT_ENV_H
#define VB_FUZZ_TEXT_ENV_H

#include "fuzz_common.h"

#include "lexicon.h"
#include "sentiment.h"
#include "text.h"
#include "utf8.h"

#include <math.h>

typedef struct fuzz_env {
    vb_lang *lang;
    vb_senti_lex *lex; /* lexicons/en */
    vb_text *text;     /* with lex's clause words */
    vb_arena arena;
} fuzz_env;

static inline fuzz_env *fuzz_env_get(void)
{
    static fuzz_env env;
    if (env.lang == NULL) {
        vb_error err = {0};
        env.lang = vb_lang_load(VB_FUZZ_DATA_DIR, "en", NULL, &err);
        FUZZ_CHECK(env.lang != NULL);
        env.lex = vb_senti_lex_load(VB_FUZZ_DATA_DIR "/en", NULL, 0, NULL, &err);
        FUZZ_CHECK(env.lex != NULL);
        env.text = vb_text_new(env.lang, NULL);
        FUZZ_CHECK(env.text != NULL);
        vb_text_set_clause_words(env.text, vb_senti_lex_is_contrast, env.lex);
        vb_arena_init(&env.arena, NULL, 0);
    }
    return &env;
}

static inline bool fuzz_utf8_ok(const char *s, size_t len)
{
    return vb_utf8_valid_len(s, len) == len;
}

/* A byte offset that falls on a character boundary of valid UTF-8. */
static inline bool fuzz_boundary(const char *s, size_t len, size_t off)
{
    return off == 0 || off == len || (off < len && ((unsigned char)s[off] & 0xC0) != 0x80);
}

static inline void fuzz_check_spans(const vb_doc *d, const vb_span *sp, size_t n)
{
    size_t next = 0;
    for (size_t i = 0; i < n; i++) {
        FUZZ_CHECK(sp[i].n_tokens > 0);
        FUZZ_CHECK(sp[i].first_token == next);
        next += sp[i].n_tokens;
        FUZZ_CHECK(next <= d->n_tokens);
        FUZZ_CHECK(sp[i].start == d->tokens[sp[i].first_token].start);
        FUZZ_CHECK(sp[i].end == d->tokens[next - 1].end);
    }
    FUZZ_CHECK(next == d->n_tokens);
}

static inline void fuzz_check_str(const char *s, size_t len)
{
    FUZZ_CHECK(s != NULL);
    FUZZ_CHECK(s[len] == '\0');
    FUZZ_CHECK(fuzz_utf8_ok(s, len));
}

/* What vb_text_analyze() promises about `d`, made from `len` bytes at
 * `in`. */
static inline void fuzz_check_doc(const vb_doc *d, const char *in, size_t len)
{
    FUZZ_CHECK(d->text != NULL);
    FUZZ_CHECK(fuzz_utf8_ok(d->text, d->len));
    if (d->n_invalid_utf8 == 0)
        FUZZ_CHECK(d->len == len && memcmp(d->text, in, len) == 0);
    else
        FUZZ_CHECK(d->len > 0);
    size_t prev_end = 0;
    for (size_t i = 0; i < d->n_tokens; i++) {
        const vb_token *t = &d->tokens[i];
        FUZZ_CHECK(t->start < t->end && t->end <= d->len);
        FUZZ_CHECK(t->start >= prev_end);
        prev_end = t->end;
        FUZZ_CHECK(fuzz_boundary(d->text, d->len, t->start));
        FUZZ_CHECK(fuzz_boundary(d->text, d->len, t->end));
        FUZZ_CHECK((unsigned)t->kind <= VB_TOKEN_SYMBOL);
        fuzz_check_str(t->norm, t->norm_len);
        fuzz_check_str(t->lookup, t->lookup_len);
        fuzz_check_str(t->stem, t->stem_len);
        FUZZ_CHECK(t->lookup_len <= t->norm_len);
        FUZZ_CHECK(t->sentence < d->n_sentences && t->clause < d->n_clauses);
        const vb_span *s = &d->sentences[t->sentence], *c = &d->clauses[t->clause];
        FUZZ_CHECK(i >= s->first_token && i < s->first_token + s->n_tokens);
        FUZZ_CHECK(i >= c->first_token && i < c->first_token + c->n_tokens);
        /* A clause lies inside the sentence of its tokens. */
        FUZZ_CHECK(c->first_token >= s->first_token &&
                   c->first_token + c->n_tokens <= s->first_token + s->n_tokens);
    }
    FUZZ_CHECK((d->n_tokens == 0) == (d->n_sentences == 0));
    FUZZ_CHECK((d->n_tokens == 0) == (d->n_clauses == 0));
    fuzz_check_spans(d, d->sentences, d->n_sentences);
    fuzz_check_spans(d, d->clauses, d->n_clauses);
    FUZZ_CHECK(d->n_clauses >= d->n_sentences);
}

static inline void fuzz_check_sentiment(const vb_sentiment *s)
{
    FUZZ_CHECK(isfinite(s->compound) && s->compound >= -1.0 && s->compound <= 1.0);
    FUZZ_CHECK(isfinite(s->pos) && isfinite(s->neu) && isfinite(s->neg));
    FUZZ_CHECK(s->pos >= 0 && s->neu >= 0 && s->neg >= 0);
    const double sum = s->pos + s->neu + s->neg;
    FUZZ_CHECK(sum == 0.0 || fabs(sum - 1.0) < 1e-3);
    const vb_label want = s->compound >= 0.05    ? VB_POSITIVE
                          : s->compound <= -0.05 ? VB_NEGATIVE
                                                 : VB_NEUTRAL;
    FUZZ_CHECK(s->label == want);
}

static inline void fuzz_check_doc_sentiment(const vb_doc *d, const vb_doc_sentiment *ds,
                                            bool explain)
{
    fuzz_check_sentiment(&ds->overall);
    for (size_t i = 0; i < d->n_sentences; i++)
        fuzz_check_sentiment(&ds->sentences[i]);
    for (size_t i = 0; i < d->n_clauses; i++)
        fuzz_check_sentiment(&ds->clauses[i]);
    if (!explain) return;
    size_t prev = 0;
    for (size_t i = 0; i < ds->n_cues; i++) {
        const vb_cue *c = &ds->cues[i];
        FUZZ_CHECK(c->start < c->end && c->end <= d->len);
        FUZZ_CHECK(c->start >= prev);
        prev = c->start;
        FUZZ_CHECK(c->n_tokens > 0 && c->first_token + c->n_tokens <= d->n_tokens);
        FUZZ_CHECK(c->start == d->tokens[c->first_token].start);
        FUZZ_CHECK(c->sentence < d->n_sentences);
        FUZZ_CHECK(isfinite(c->valence) && isfinite(c->score));
        FUZZ_CHECK(c->valence >= -4.0 && c->valence <= 4.0);
        if (c->modifier != NULL) FUZZ_CHECK(fuzz_utf8_ok(c->modifier, strlen(c->modifier)));
    }
}

#endif
