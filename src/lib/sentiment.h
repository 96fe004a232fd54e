/* sentiment.h: VADER-style sentiment of one analysed comment, per record,
 * per sentence and per clause, with the cues behind each score.
 *
 * The record score sums the cues of every sentence, as VADER sums every
 * word of its input; a sentence or clause score sums only its own cues.
 * Contrast weights ("but" halves what came before it) shape the record and
 * sentence scores, while a clause score is the clause's own sentiment, so
 * the theme stage can attach "the service was slow" as negative even when
 * a later "but" weighs it down.
 */
#ifndef VB_SENTIMENT_H
#define VB_SENTIMENT_H

#include "arena.h"
#include "lexicon.h"
#include "text.h"

/* VADER's constants, shared with the theme matcher's opinion terms. */
#define VB_SENTI_N_SCALAR (-0.74) /* what a negator multiplies a valence by */
#define VB_SENTI_ALPHA 15.0       /* compound = sum / sqrt(sum^2 + ALPHA) */

typedef struct vb_doc_sentiment {
    vb_sentiment overall;    /* the whole record */
    vb_sentiment *sentences; /* one per doc->sentences entry */
    vb_sentiment *clauses;   /* one per doc->clauses entry */
    vb_cue *cues;            /* with `explain` only, else NULL; in text order */
    size_t n_cues;
} vb_doc_sentiment;

/* Scores `doc` with `lex`. Arrays in `out` come from `arena` and live until
 * it is reset; cue modifiers point into `lex`, which must outlive them.
 * Makes no other allocation. Returns VB_OK or VB_ENOMEM. Thread-safe for
 * distinct arenas: `lex` is only read. */
vb_status vb_sentiment_score(const vb_senti_lex *lex, const vb_doc *doc, vb_arena *arena,
                             bool explain, vb_doc_sentiment *out);

#endif
