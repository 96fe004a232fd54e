/* text.c: the text stages for one comment, wired together. vb_text holds
 * the per-thread state (the stemmer and its cache); everything a record
 * produces goes into the caller's arena, so after warm-up a stream of
 * records allocates nothing but arena blocks, and those are reused.
 *
 *   repair (utf8.c) -> entities (entity.c) -> tokenise (token.c)
 *   -> per token: normalise, lookup form, stopword, stem (norm.c, stem.c)
 *   -> offsets back to the repaired text -> sentences and clauses
 */
#include "alloc.h"
#include "entity.h"
#include "norm.h"
#include "stem.h"
#include "text.h"
#include "token.h"
#include "utf8.h"

#include <string.h>

/* Propagates a failed status (STYLE.md's VB_TRY, local to this file). */
#define TRY(expr)                                                                              \
    do {                                                                                       \
        const vb_status st_ = (expr);                                                          \
        if (st_ != VB_OK)                                                                      \
            return st_;                                                                        \
    } while (0)

struct vb_text {
    const vb_lang *lang;          /* borrowed, shared */
    const vb_allocator *alloc;
    vb_stemmer *stemmer;
    vb_clause_word_fn clause_word; /* NULL: no contrast words */
    void *clause_ctx;
};

/* Flags of a word as such, cached by the stemmer with its stem. */
static uint32_t word_flags(const char *lookup, size_t len, void *lang)
{
    return vb_lang_is_stopword(lang, lookup, len) ? VB_TOKEN_STOPWORD : 0;
}

vb_text *vb_text_new(const vb_lang *lang, const vb_allocator *a)
{
    vb_text *t = vb_calloc(a, 1, sizeof *t);
    if (t == NULL)
        return NULL;
    t->lang = lang;
    t->alloc = a;
    t->stemmer = vb_stemmer_new(vb_lang_stemmer_name(lang), a);
    if (t->stemmer == NULL) {
        vb_free(a, t);
        return NULL;
    }
    vb_stemmer_set_flags_fn(t->stemmer, word_flags, (void *)lang);
    return t;
}

void vb_text_free(vb_text *t)
{
    if (t == NULL)
        return;
    vb_stemmer_free(t->stemmer);
    vb_free(t->alloc, t);
}

void vb_text_set_clause_words(vb_text *t, vb_clause_word_fn fn, void *ctx)
{
    t->clause_word = fn;
    t->clause_ctx = ctx;
}

static vb_norm_mode mode_for(vb_token_kind k)
{
    switch (k) {
    case VB_TOKEN_WORD:
        return VB_NORM_WORD;
    case VB_TOKEN_EMOJI:
    case VB_TOKEN_EMOTICON:
        return VB_NORM_COPY;
    default:
        return VB_NORM_FOLD;
    }
}

/* norm, lookup, stopword flag and stem of one token. */
static vb_status analyze_token(vb_text *t, vb_arena *arena, const char *text, vb_token *k)
{
    TRY(vb_norm_token(arena, text + k->start, k->end - k->start, mode_for(k->kind),
                                &k->norm, &k->norm_len, &k->flags));
    if (k->kind != VB_TOKEN_WORD) {
        k->lookup = k->stem = k->norm;
        k->lookup_len = k->stem_len = k->norm_len;
        return VB_OK;
    }
    TRY(
        vb_norm_lookup(arena, k->norm, k->norm_len, &k->lookup, &k->lookup_len, &k->flags));
    return vb_stemmer_stem(t->stemmer, arena, k->lookup, k->lookup_len, &k->stem, &k->stem_len,
                           &k->flags);
}

vb_status vb_text_analyze(vb_text *t, vb_arena *arena, const char *text, size_t len,
                          vb_doc *out)
{
    memset(out, 0, sizeof *out);
    const char *repaired, *decoded;
    size_t repaired_len, decoded_len;
    vb_entity_map map;
    TRY(
        vb_utf8_repair(arena, text, len, &repaired, &repaired_len, &out->n_invalid_utf8));
    TRY(vb_entity_decode(arena, repaired, repaired_len, &decoded, &decoded_len, &map));

    vb_token_list list;
    TRY(vb_tokenize(arena, decoded, decoded_len, &list));
    for (size_t i = 0; i < list.n_tokens; i++)
        TRY(analyze_token(t, arena, decoded, &list.tokens[i]));
    if (map.n_segs > 0) {
        for (size_t i = 0; i < list.n_tokens; i++) {
            vb_token *k = &list.tokens[i];
            k->start = vb_entity_map_start(&map, k->start);
            k->end = vb_entity_map_end(&map, k->end);
        }
    }
    TRY(vb_token_segment(arena, list.tokens, list.n_tokens, list.line_before,
                                   t->clause_word, t->clause_ctx, &out->sentences,
                                   &out->n_sentences, &out->clauses, &out->n_clauses));
    out->text = repaired;
    out->len = repaired_len;
    out->tokens = list.tokens;
    out->n_tokens = list.n_tokens;
    return VB_OK;
}
