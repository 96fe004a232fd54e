/* score_words.h: scores written with words (score_words.c). */
#ifndef VB_SCORE_WORDS_H
#define VB_SCORE_WORDS_H

#include "metric.h"

/* Checks --score-label's "LABEL=N" lines (one a line, split at the last
 * '='): each names a label and a score of `m`'s scale (whole for NPS and
 * CSAT), once. False with the first problem in `why`. */
bool vb_score_labels_check(const vb_metric_spec *m, const char *labels, char *why,
                           size_t why_size);

/* The score that `labels` gives the words s[0, len) (ignoring ASCII case
 * and surrounding blanks); false when none does. */
bool vb_score_label_value(const char *labels, const char *s, size_t len, double *out);

/* Reads a score written with its answer's words, as survey exports give
 * a choice's text: "10 - Extremely likely", "5 (Very satisfied)",
 * "4: Agree", "4 stars", "4/5", "4 out of 5", or drawn as stars
 * ("★★★★☆"). The number must come first, then a separator ("-", "–",
 * ":", "=", "(", ")", ".", ",") and words, or a scale's top, or "star(s)"
 * or "point(s)": "10 days" is not a score. *out_of is the top the text
 * names ("/5", "out of 5", five stars drawn), 0 when it names none. */
bool vb_parse_worded_score(const char *s, size_t len, char mark, double *out, double *out_of);

/* Any way a score may be written: a plain number (vb_parse_number), a
 * label of `labels` (NULL: none), or a number with its answer's words;
 * *out_of as vb_parse_worded_score() sets it, else 0. */
bool vb_read_score(const char *s, size_t len, char mark, const char *labels, double *out,
                   double *out_of);

/* Whether a score that is no number is written as words alone ("Very
 * satisfied", "Neither agree nor disagree"), which only a --score-label
 * can read; not "n/a" or "x", nor what a program writes where it had no
 * number ("NaN", "-Infinity"). */
bool vb_score_in_words(const char *s, size_t len);

#endif
