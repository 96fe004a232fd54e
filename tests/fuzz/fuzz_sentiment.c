/* fuzz_sentiment.c: the sentiment scorer (sentiment.c over lexicon.c's
 * English lexicon) on any comment.
 *
 * Input: one options byte (bit 0: explain), then the comment. Checks,
 * for the record, every sentence and every clause: compound finite and
 * in [-1, 1]; pos, neu, neg finite, >= 0 and adding up to 1 (or all 0);
 * the label agrees with the +-0.05 thresholds. With explain, cues are in
 * text order, inside the text and their tokens, with finite scores and a
 * valence in [-4, 4]. Scoring twice gives the same compound. */
#include "fuzz_text_env.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    fuzz_env *env = fuzz_env_get();
    const bool explain = data[0] & 1;
    const char *in = (const char *)data + 1;
    const size_t len = size - 1;

    vb_doc d;
    FUZZ_CHECK(vb_text_analyze(env->text, &env->arena, in, len, &d) == VB_OK);
    fuzz_check_doc(&d, in, len);
    vb_doc_sentiment ds, again;
    FUZZ_CHECK(vb_sentiment_score(env->lex, &d, &env->arena, explain, &ds) == VB_OK);
    fuzz_check_doc_sentiment(&d, &ds, explain);
    FUZZ_CHECK(vb_sentiment_score(env->lex, &d, &env->arena, !explain, &again) == VB_OK);
    fuzz_check_doc_sentiment(&d, &again, !explain);
    FUZZ_CHECK(again.overall.compound == ds.overall.compound);
    if (d.n_tokens == 0) FUZZ_CHECK(ds.overall.compound == 0.0);
    vb_arena_reset(&env->arena);
    return 0;
}
