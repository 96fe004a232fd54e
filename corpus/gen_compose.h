/*
 * gen_compose.h - writes the comment of one response of verbatim-gen, in the
 * customer's words, from the phrase bank.
 */
#ifndef GEN_COMPOSE_H
#define GEN_COMPOSE_H

#include "gen_model.h"
#include "gen_rng.h"
#include "gen_text.h"

/* Builds the comment of `resp` (drawn by draw_response(), which returned
 * `themed`) in the context `c` into `out`, using `tmp` as scratch. The comment
 * may be empty. */
void make_comment(text_t *out, text_t *tmp, rng_t *r, const ctx_t *c, const response_t *resp,
                  int themed);

#endif
