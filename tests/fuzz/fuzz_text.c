/* fuzz_text.c: the text stages (utf8.c repair, entity.c, token.c, norm.c,
 * stem.c through text.c) on any bytes.
 *
 * Input: one options byte (bit 0: with the sentiment lexicon's clause
 * words, as the pipeline runs; else without), then the comment. Checks:
 * the repaired text is valid UTF-8 and equals the input when nothing was
 * repaired; tokens are in order, non-empty, inside the text, on character
 * boundaries, with valid NUL-terminated norm/lookup/stem; sentences and
 * clauses partition the tokens in order, each clause inside one sentence.
 * Then the repair, tokeniser and normaliser are called directly too. */
#include "fuzz_text_env.h"

#include "norm.h"
#include "token.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    fuzz_env *env = fuzz_env_get();
    const uint8_t opt = data[0];
    const char *in = (const char *)data + 1;
    const size_t len = size - 1;
    if (opt & 1)
        vb_text_set_clause_words(env->text, vb_senti_lex_is_contrast, env->lex);
    else
        vb_text_set_clause_words(env->text, NULL, NULL);

    vb_doc d;
    FUZZ_CHECK(vb_text_analyze(env->text, &env->arena, in, len, &d) == VB_OK);
    fuzz_check_doc(&d, in, len);
    if (opt & 1)
        FUZZ_CHECK(d.n_tokens == 0 || d.entries != NULL);
    else
        FUZZ_CHECK(d.entries == NULL);

    /* Repair is idempotent and counts what it replaced. */
    const char *fixed;
    size_t fixed_len, n_invalid;
    FUZZ_CHECK(vb_utf8_repair(&env->arena, in, len, &fixed, &fixed_len, &n_invalid) == VB_OK);
    FUZZ_CHECK(fuzz_utf8_ok(fixed, fixed_len));
    FUZZ_CHECK((n_invalid == 0) == (fixed == in));
    const char *again;
    size_t again_len, n_again;
    FUZZ_CHECK(vb_utf8_repair(&env->arena, fixed, fixed_len, &again, &again_len, &n_again) ==
               VB_OK);
    FUZZ_CHECK(n_again == 0 && again == fixed);

    /* The tokeniser alone on the repaired bytes, and each token normalised
     * in every mode. */
    vb_token_list tl;
    FUZZ_CHECK(vb_tokenize(&env->arena, fixed, fixed_len, &tl) == VB_OK);
    size_t prev_end = 0;
    for (size_t i = 0; i < tl.n_tokens; i++) {
        const vb_token *t = &tl.tokens[i];
        FUZZ_CHECK(t->start < t->end && t->end <= fixed_len && t->start >= prev_end);
        FUZZ_CHECK(fuzz_boundary(fixed, fixed_len, t->start));
        FUZZ_CHECK(fuzz_boundary(fixed, fixed_len, t->end));
        prev_end = t->end;
        for (int mode = VB_NORM_WORD; mode <= VB_NORM_COPY; mode++) {
            const char *norm, *lookup;
            size_t norm_len, lookup_len;
            uint32_t flags = 0;
            FUZZ_CHECK(vb_norm_token(&env->arena, fixed + t->start, t->end - t->start,
                                     (vb_norm_mode)mode, &norm, &norm_len, &flags) == VB_OK);
            fuzz_check_str(norm, norm_len);
            if (mode == VB_NORM_COPY)
                FUZZ_CHECK(norm_len == t->end - t->start &&
                           memcmp(norm, fixed + t->start, norm_len) == 0);
            FUZZ_CHECK(vb_norm_lookup(&env->arena, norm, norm_len, &lookup, &lookup_len, &flags) ==
                       VB_OK);
            fuzz_check_str(lookup, lookup_len);
            FUZZ_CHECK(lookup_len <= norm_len);
        }
    }
    vb_arena_reset(&env->arena);
    return 0;
}
