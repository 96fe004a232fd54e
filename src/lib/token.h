/* token.h: splitting a comment into tokens, and tokens into sentences and
 * clauses. */
#ifndef VB_TOKEN_H
#define VB_TOKEN_H

#include "arena.h"
#include "text.h"

/* The tokeniser's output, all in the arena. */
typedef struct vb_token_list {
    vb_token *tokens;  /* kind, start and end set, flags 0; the other fields are
                          not set: the text stages fill them (text.c) */
    uint8_t *line_before; /* line_before[i]: VB_BEFORE_LINE when a line break
                             precedes token i, else 0 */
    size_t n_tokens;
} vb_token_list;

/* Splits `len` bytes of valid UTF-8 into tokens (see vb_token_kind).
 * Offsets are byte offsets into `s`. Deterministic; linear in `len`.
 * VB_OK or VB_ENOMEM. */
vb_status vb_tokenize(vb_arena *arena, const char *s, size_t len, vb_token_list *out);

/* Bits of `before[i]` for vb_token_segment(). */
enum {
    VB_BEFORE_LINE = 1u << 0,       /* a line break precedes token i */
    VB_BEFORE_CLAUSE_WORD = 1u << 1 /* token i is a word that opens a clause ("but") */
};

/* Assigns sentences and clauses to `tokens` (which need kind, offsets,
 * norm and lookup) and returns the spans in `arena`. `before` holds
 * VB_BEFORE_* bits per token. VB_OK or VB_ENOMEM. */
vb_status vb_token_segment(vb_arena *arena, vb_token *tokens, size_t n_tokens,
                           const uint8_t *before, vb_span **sentences, size_t *n_sentences,
                           vb_span **clauses, size_t *n_clauses);

#endif
