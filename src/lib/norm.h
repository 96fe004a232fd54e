/* norm.h: Unicode services for the text stages, the only place that sees
 * utf8proc: normalised forms of tokens, character classes and grapheme
 * breaks for the tokeniser. */
#ifndef VB_NORM_H
#define VB_NORM_H

#include "arena.h"

#include <stdint.h>

/* What the tokeniser needs to know about a non-ASCII code point. */
typedef enum vb_cclass {
    VB_CC_SPACE = 0, /* Zs, Cc */
    VB_CC_LINE,      /* a line break: Zl, Zp, U+0085 */
    VB_CC_FORMAT,    /* Cf: ZWJ, soft hyphen, BOM, bidi marks */
    VB_CC_LETTER,    /* L*, M*, Nl, No: part of a word */
    VB_CC_DIGIT,     /* Nd */
    VB_CC_PUNCT,     /* P* */
    VB_CC_SYMBOL,    /* S*, private use, unassigned */
    VB_CC_EMOJI      /* a code point that starts an emoji cluster */
} vb_cclass;

vb_cclass vb_norm_class(int32_t cp);

/* True when there is a grapheme cluster break between `prev` and `cp`.
 * `state` starts at 0 for each cluster (it tracks ZWJ sequences and
 * regional-indicator pairs). */
bool vb_norm_grapheme_break(int32_t prev, int32_t cp, int32_t *state);

/* How a token's text is normalised. */
typedef enum vb_norm_mode {
    VB_NORM_WORD, /* NFKC + case fold, apostrophes -> ', soft hyphens dropped, ALLCAPS,
                   * a contraction written apart joined ("does n't" -> "doesn't") */
    VB_NORM_FOLD, /* NFKC + case fold */
    VB_NORM_COPY  /* as is (emoji) */
} vb_norm_mode;

/* The most combining marks kept in a row in a normal form: the limit of
 * Unicode's Stream-Safe Text Format (UAX #15). */
#define VB_NORM_MAX_MARKS 30

/* Normalises `len` bytes of valid UTF-8 into a NUL-terminated string in
 * `arena`. ASCII text is lowercased without utf8proc. Of a run of more
 * than VB_NORM_MAX_MARKS combining marks ("zalgo" text) only the first
 * VB_NORM_MAX_MARKS are kept, which keeps the time linear in `len`. Sets
 * VB_TOKEN_ALLCAPS in *flags for VB_NORM_WORD when 2+ letters are all
 * uppercase. VB_OK or VB_ENOMEM. */
vb_status vb_norm_token(vb_arena *arena, const char *s, size_t len, vb_norm_mode mode,
                        const char **norm, size_t *norm_len, uint32_t *flags);

/* The lookup form of a normalised word: runs of 3+ identical letters cut
 * to 2 ("soooo" -> "soo"). Returns `norm` itself when nothing changes;
 * otherwise a copy in `arena`, and sets VB_TOKEN_ELONGATED in *flags.
 * VB_OK or VB_ENOMEM. */
vb_status vb_norm_lookup(vb_arena *arena, const char *norm, size_t len, const char **lookup,
                         size_t *lookup_len, uint32_t *flags);

/* The lookup form of a word of a list file (stopwords, a background's
 * words): vb_norm_token() as a word, then vb_norm_lookup(), so that the
 * list meets a comment's words in the form the text stage gives them.
 * `word` is valid UTF-8. VB_OK or VB_ENOMEM. */
vb_status vb_norm_word_lookup(vb_arena *arena, const char *word, size_t len, const char **lookup,
                              size_t *lookup_len);

/* The second guess at an elongated word, for when its lookup form is no
 * known word: each run of 3+ identical letters of `norm` cut to one
 * ("staaaaff" -> "staff", "sloooow" -> "slow"; "soooo" -> "so"). A copy in
 * `arena`. VB_OK or VB_ENOMEM. */
vb_status vb_norm_unelongated(vb_arena *arena, const char *norm, size_t len, const char **out,
                              size_t *out_len);

/* The form of a hyphenated word closed up ("light-weight" ->
 * "lightweight"), into `out` (room for `len` bytes); returns its length,
 * or 0 for a word that is no hyphenated compound: no hyphen, one at
 * either end, or two in a row (a dash). */
size_t vb_norm_closed_up(const char *word, size_t len, char *out);

/* Number of utf8proc_map() calls made by this thread: lets tests check
 * that ASCII text never reaches utf8proc. */
size_t vb_norm_utf8proc_calls(void);

#endif
