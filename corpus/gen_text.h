/*
 * gen_text.h - the fixed-size text buffer in which verbatim-gen builds each
 * comment, and the noise real survey exports add to what customers typed:
 * typos and misspellings, lower case without punctuation, shouting, HTML
 * entities and smart apostrophes.
 */
#ifndef GEN_TEXT_H
#define GEN_TEXT_H

#include <stddef.h>

#include "gen_rng.h"

#define TEXT_CAP 16384 /* far above the longest comment the bank can build */

typedef struct {
    char p[TEXT_CAP]; /* the text, not NUL-terminated */
    size_t len;       /* bytes used, <= TEXT_CAP */
} text_t;

/* Append `n` bytes of `s`, a NUL-terminated `s`, or the decimal digits of `v`.
 * Text that would not fit is dropped whole (never split); the bank cannot
 * build a comment anywhere near TEXT_CAP. */
void tput(text_t *t, const char *s, size_t n);
void tputs(text_t *t, const char *s);
void tputu(text_t *t, unsigned long long v);

/* Uppercases the first ASCII letter at or after `from`, unless a digit comes first. */
void capitalise_from(text_t *t, size_t from);

/* Style flags for restyle(). */
enum {
    ST_LOWER = 1,   /* all lower case */
    ST_NOPUNCT = 2, /* with ST_LOWER: drop full stops and exclamation marks */
    ST_CAPS = 4,    /* ALL CAPS (ignored with ST_LOWER) */
    ST_TYPOS = 8,   /* one to three typos or common misspellings */
    ST_HTML = 16,   /* & ' " written as HTML entities */
    ST_SMARTQ = 32, /* ' written as a smart apostrophe (ignored with ST_HTML) */
};

/* Copies `in` to `out`, applying the style flags: typos first (word by word),
 * then case and punctuation (in place), then entity or smart-quote encoding.
 * `in` is clobbered (used as scratch). */
void restyle(text_t *out, text_t *in, rng_t *r, int flags);

#endif
