/* fuzz_themes_env.h: running a compiled taxonomy over one comment and
 * checking the result, for fuzz_themes.c and fuzz_taxonomy.c. */
#ifndef VB_FUZZ_THEMES_ENV_H
#define VB_FUZZ_THEMES_ENV_H

#include "fuzz_text_env.h"

#include "themes.h"

/* Analyses, scores and matches `len` bytes at `in` with `m` (over `t`)
 * and checks the hits: known themes in taxonomy order, each at most once,
 * every ancestor of a hit also a hit, sentiment finite in [-1, 1], spans
 * ordered, non-empty, inside the text and on character boundaries. */
static inline void fuzz_match(fuzz_env *env, const vb_themes *t, vb_theme_matcher *m,
                              const char *in, size_t len)
{
    vb_doc d;
    FUZZ_CHECK(vb_text_analyze(env->text, &env->arena, in, len, &d) == VB_OK);
    vb_doc_sentiment ds;
    FUZZ_CHECK(vb_sentiment_score(env->lex, &d, &env->arena, false, &ds) == VB_OK);
    vb_theme_result res;
    FUZZ_CHECK(vb_themes_match(m, &d, &ds, &env->arena, &res) == VB_OK);
    const size_t n_themes = vb_themes_count(t);
    FUZZ_CHECK(res.n_hits <= n_themes);
    FUZZ_CHECK((res.warning != NULL) == (res.regex_limit_hits > 0));
    for (size_t i = 0; i < res.n_hits; i++) {
        const vb_theme_hit *h = &res.hits[i];
        FUZZ_CHECK(h->theme < n_themes);
        if (i > 0) FUZZ_CHECK(h->theme > res.hits[i - 1].theme);
        FUZZ_CHECK(isfinite(h->sentiment) && h->sentiment >= -1.0 && h->sentiment <= 1.0);
        FUZZ_CHECK(h->n_spans > 0);
        for (size_t k = 0; k < h->n_spans; k++) {
            const vb_range *r = &h->spans[k];
            FUZZ_CHECK(r->start < r->end && r->end <= d.len);
            FUZZ_CHECK(fuzz_boundary(d.text, d.len, r->start));
            FUZZ_CHECK(fuzz_boundary(d.text, d.len, r->end));
            if (k > 0) FUZZ_CHECK(r->start >= h->spans[k - 1].start);
        }
        const vb_theme_info *info = vb_themes_info(t, h->theme);
        FUZZ_CHECK(info != NULL);
        if (info->parent >= 0) {
            bool found = false;
            for (size_t j = 0; j < i && !found; j++)
                found = res.hits[j].theme == (uint32_t)info->parent;
            FUZZ_CHECK(found);
        }
    }
    vb_arena_reset(&env->arena);
}

#endif
