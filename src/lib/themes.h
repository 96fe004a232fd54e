/* themes.h: the theme stage. A taxonomy (taxonomy.h) is compiled once into
 * vb_themes, immutable and shared by every thread; each pipeline owns a
 * vb_theme_matcher with its scratch state and finds the themes of one
 * analysed record at a time, with the aspect sentiment of each.
 *
 * Matching (README.md, "Themes", is the user's version):
 *  - word: a token whose stem equals the term's stem;
 *  - phrase: consecutive tokens of one sentence whose stems equal the
 *    term's token stems, punctuation tokens included (so "arrived late"
 *    does not match "arrived, late");
 *  - prefix (word*): a non-punctuation token whose lookup form starts with
 *    the term's lookup form;
 *  - A NEAR/k B: an occurrence of A and one of B in the same sentence, not
 *    overlapping, at most k words apart (punctuation not counted);
 *    both parts are reported as spans; a side may be a set, (a|b|c), any
 *    of which counts, and an occurrence pairs with the nearest one of the
 *    other side (in an exclude scoped to the clause or span, with every
 *    one within k words);
 *  - A PRE/k B: as A NEAR/k B, with A before B;
 *  - regex: a PCRE2 match over the sentence's normalised text (token norm
 *    forms joined by single spaces); the span covers the tokens it touches.
 * A theme matches in a sentence when one of its own terms or regexes does
 * and none of its excludes does. For a child, `match` terms and regexes
 * count only where the parent matches in the same sentence; `match_alone`
 * terms count anywhere; `answer` terms count anywhere too, but only in a
 * sentence whose other words only weigh them (stopwords, words with a
 * valence) and before the record names anything (a survey answer:
 * "Slow.", "Quick and friendly!"). A theme that matches reports every
 * ancestor too, and an ancestor's spans include its descendants' spans.
 *
 * Aspect sentiment: a theme's sentiment is the mean compound of the
 * distinct clauses in which its spans start.
 *
 * Cost: every term's stems are interned at load; a token's stem id is
 * one hash lookup per distinct word (cached by vb_text, see
 * vb_themes_term_id()), one trie step per phrase token that keeps
 * matching, and one probe per distinct prefix length. None of that grows
 * with the number of themes; regexes, when a taxonomy has them, cost one
 * search per regex and sentence.
 */
#ifndef VB_THEMES_H
#define VB_THEMES_H

#include "arena.h"
#include "sentiment.h"
#include "taxonomy.h"
#include "text.h"

typedef struct vb_themes vb_themes;

/* Reads, checks and compiles the taxonomy at `path` for `lang` (terms are
 * tokenised, normalised and stemmed as comments are). Every problem goes
 * to `report` (may be NULL) and is counted in *n_problems. On VB_OK, *out
 * is the compiled taxonomy, or NULL when there were problems. Other
 * statuses (err filled): VB_EIO, VB_ELIMIT, VB_ENOMEM. `a` must outlive
 * the result. */
vb_status vb_themes_compile_file(const char *path, const vb_lang *lang, const vb_allocator *a,
                                 vb_tax_report_fn report, void *ctx, vb_themes **out,
                                 size_t *n_problems, vb_error *err);

/* The taxonomy vb_lexicon_load() wants: `taxonomy` NULL means
 * data_dir/themes/cx.json, and "no themes" (*out = NULL, VB_OK) while
 * that file does not exist or is for another language; "" means no themes.
 * A taxonomy with problems is VB_EPARSE, with the file in err->source and
 * the first problem in err->message ("$.themes[2].regex[0]: bad regex at
 * offset 5: ..."). */
vb_status vb_themes_load(const char *data_dir, const char *taxonomy, const vb_lang *lang,
                         const vb_allocator *a, vb_themes **out, vb_error *err);
void vb_themes_free(vb_themes *t); /* NULL is a no-op */

size_t vb_themes_count(const vb_themes *t);
const vb_theme_info *vb_themes_info(const vb_themes *t, size_t index); /* NULL past the end */
size_t vb_themes_n_regex(const vb_themes *t);
/* What vb_lexicon_taxonomy_fingerprint() returns: a 64-bit hash of what
 * decides which themes a comment gets and how they are named (the themes'
 * ids, labels, parents and exclude scopes, every term and regex as
 * written with its list and opinion valence, and the language the terms
 * were stemmed for), whatever their order in the file; never 0. 0 for
 * NULL (no taxonomy). */
uint64_t vb_themes_fingerprint(const vb_themes *t);
/* The start of theme `index`'s object in record JSON, escaped at load:
 * {"id":"delivery","label":"Delivery","sentiment": */
void vb_themes_json_head(const vb_themes *t, size_t index, const char **json, size_t *len);
/* All themes' heads at once: (*json)[i] and (*len)[i] are theme i's, as
 * vb_themes_json_head() gives them, valid while `t` is. */
void vb_themes_json_heads(const vb_themes *t, const char *const **json, const size_t **len);

/* The vb_term_word_fn (text.h) of taxonomy `themes`: the id of `stem`
 * among the taxonomy's term stems, with flag bits for the matcher, 0 for
 * none. A vb_text set up with it
 * (vb_text_set_term_words(text, vb_themes_term_id, themes)) caches the id
 * per distinct word, and vb_themes_match() then hashes no token. */
uint32_t vb_themes_term_id(const char *stem, size_t len, const void *themes);

typedef struct vb_theme_matcher vb_theme_matcher;

/* Per-thread state over `t` (which must outlive it). NULL when out of
 * memory. */
vb_theme_matcher *vb_theme_matcher_new(const vb_themes *t, const vb_allocator *a);
void vb_theme_matcher_free(vb_theme_matcher *m); /* NULL is a no-op */

typedef struct vb_theme_result {
    vb_theme_hit *hits;      /* in theme order (the taxonomy's), in the arena */
    size_t n_hits;
    const char *warning;     /* the first regex cut off by a limit, or NULL */
    size_t regex_limit_hits; /* regex searches cut off by a limit */
} vb_theme_result;

/* Finds the themes of `doc`, with sentiment from `ds` (its clauses).
 * Output arrays come from `arena`. VB_OK or VB_ENOMEM. An elongated word
 * that is a term only with its runs cut to one letter ("sloooow") is
 * found only when the doc's vb_text knows this taxonomy (see
 * vb_themes_term_id()). */
vb_status vb_themes_match(vb_theme_matcher *m, const vb_doc *doc, const vb_doc_sentiment *ds,
                          vb_arena *arena, vb_theme_result *out);

#endif
