/* date_guess.c: the layouts that exports write dates in, tried through
 * vb_date_parse() itself so that a layout named is one the option reads. */
#include "date_guess.h"

#include "dates.h"

/* Each date layout with no time and with the times exports write. A
 * space in a format matches any run of spaces, none included ("10:22AM"). */
#define WITH_TIMES(d) d, d " %H:%M", d " %H:%M:%S", d " %I:%M %p", d " %I:%M:%S %p"

/* Month-first before day-first: where both read every date, both are
 * named, in this order. */
static const char *const layouts[] = {
    WITH_TIMES("%m/%d/%Y"), WITH_TIMES("%d/%m/%Y"), WITH_TIMES("%m/%d/%y"),  WITH_TIMES("%d/%m/%y"),
    WITH_TIMES("%d.%m.%Y"), WITH_TIMES("%d.%m.%y"), WITH_TIMES("%m-%d-%Y"),  WITH_TIMES("%d-%m-%Y"),
    WITH_TIMES("%Y/%m/%d"), WITH_TIMES("%d %b %Y"), WITH_TIMES("%b %d, %Y"), WITH_TIMES("%d-%b-%Y"),
};

_Static_assert(sizeof layouts / sizeof layouts[0] == VB_DATE_GUESS_COUNT,
               "VB_DATE_GUESS_COUNT is the number of layouts");

vb_date_guesses vb_date_guesses_narrow(vb_date_guesses g, const char *s, size_t len)
{
    vb_datetime t;
    for (unsigned i = 0; i < VB_DATE_GUESS_COUNT; i++)
        if ((g >> i & 1) && !vb_date_parse(s, len, layouts[i], &t)) g &= ~((vb_date_guesses)1 << i);
    return g;
}

const char *vb_date_guess_format(unsigned i)
{
    return i < VB_DATE_GUESS_COUNT ? layouts[i] : NULL;
}
