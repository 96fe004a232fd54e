/* date_guess.h: which --date-format reads a column of dates that the
 * report could not read. A set of common export layouts is narrowed to
 * those that read every such date, so that the run can end by naming the
 * option that would have read them. */
#ifndef VB_DATE_GUESS_H
#define VB_DATE_GUESS_H

#include <stddef.h>
#include <stdint.h>

/* How many layouts there are (at most 64). */
#define VB_DATE_GUESS_COUNT 60

/* A set of the layouts, one bit each; every layout to start with. */
typedef uint64_t vb_date_guesses;
#define VB_DATE_GUESSES_ALL (~(vb_date_guesses)0 >> (64 - VB_DATE_GUESS_COUNT))

/* The layouts of `g` that also read `len` bytes of `s`: only those of
 * `g` are tried, none once `g` is empty. */
vb_date_guesses vb_date_guesses_narrow(vb_date_guesses g, const char *s, size_t len);

/* The --date-format of layout `i` (< VB_DATE_GUESS_COUNT): "%m/%d/%Y". */
const char *vb_date_guess_format(unsigned i);

#endif
