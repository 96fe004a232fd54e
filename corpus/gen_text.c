/*
 * gen_text.c - the text buffer of verbatim-gen and the noise of real exports.
 * Comments are composed into a text_t (gen_compose.c), then restyle() passes
 * them through what happens between a customer's keyboard and a CSV export:
 * typing in lower case and without punctuation, typos and the usual
 * misspellings ("recieved", "u"), shouting, and HTML entities or smart
 * apostrophes added by the survey tool. Which style a comment gets is decided
 * by the composer; this file only applies it.
 */
#include <string.h>

#include "gen_text.h"

void tput(text_t *t, const char *s, size_t n)
{
    if (n > TEXT_CAP - t->len) /* unreachable with the bank; never split */
        return;
    memcpy(t->p + t->len, s, n);
    t->len += n;
}

void tputs(text_t *t, const char *s)
{
    tput(t, s, strlen(s));
}

void tputu(text_t *t, unsigned long long v)
{
    char d[24];
    int n = 0;
    do {
        d[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v != 0);
    char o[24];
    for (int i = 0; i < n; i++)
        o[i] = d[n - 1 - i];
    tput(t, o, (size_t)n);
}

void capitalise_from(text_t *t, size_t from)
{
    for (size_t i = from; i < t->len; i++) {
        const char c = t->p[i];
        if (c >= 'a' && c <= 'z') {
            t->p[i] = (char)(c - 'a' + 'A');
            return;
        }
        if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
            return;
    }
}

/* --- the noise of real exports --- */

/* Common misspellings, applied in the "typos" style. */
static const char *const MISSPELL[][2] = {
    { "received", "recieved" }, { "definitely", "definately" },
    { "disappointed", "dissapointed" }, { "until", "untill" }, { "their", "there" },
    { "because", "becuase" }, { "which", "wich" }, { "really", "realy" },
    { "experience", "experiance" }, { "absolutely", "absolutly" },
    { "delivery", "delivary" }, { "service", "servise" }, { "minutes", "mins" },
    { "though", "tho" }, { "customer", "custumer" }, { "address", "adress" },
    { "arrived", "arived" }, { "you", "u" }, { "your", "ur" }, { "please", "pls" },
    { "parcel", "parcell" }, { "cancelling", "canceling" }, { "waiting", "wating" },
    { "refund", "refound" }, { "before", "b4" }, { "great", "grate" },
    { "friendly", "freindly" }, { "helpful", "helpfull" }, { "thanks", "thx" },
    { "people", "ppl" }, { "terrible", "terrable" }, { "again", "agian" },
};

static int is_alpha(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

/* One typo in a word: a known misspelling, or a swapped, dropped or doubled letter. */
static void typo_word(text_t *o, rng_t *r, const char *w, size_t n)
{
    for (size_t k = 0; k < sizeof MISSPELL / sizeof MISSPELL[0]; k++) {
        const char *from = MISSPELL[k][0];
        if (strlen(from) == n && memcmp(from, w, n) == 0) {
            tputs(o, MISSPELL[k][1]);
            return;
        }
    }
    if (n < 4) {
        tput(o, w, n);
        return;
    }
    const size_t at = 1 + rng_below(r, (uint32_t)(n - 2)); /* never the first letter */
    switch (rng_below(r, 3)) {
    case 0: /* swap at, at+1 */
        tput(o, w, at);
        tput(o, w + at + 1, 1);
        tput(o, w + at, 1);
        tput(o, w + at + 2, n - at - 2);
        break;
    case 1: /* drop */
        tput(o, w, at);
        tput(o, w + at + 1, n - at - 1);
        break;
    default: /* double */
        tput(o, w, at + 1);
        tput(o, w + at, n - at);
        break;
    }
}

void restyle(text_t *out, text_t *in, rng_t *r, int flags)
{
    out->len = 0;
    int typos_left = 1 + (int)rng_below(r, 3);
    for (size_t i = 0; i < in->len;) {
        if ((flags & ST_TYPOS) && is_alpha(in->p[i]) && (i == 0 || !is_alpha(in->p[i - 1]))) {
            size_t j = i;
            while (j < in->len && is_alpha(in->p[j]))
                j++;
            if (typos_left > 0 && rng_chance(r, 160)) {
                typo_word(out, r, in->p + i, j - i);
                typos_left--;
            } else {
                tput(out, in->p + i, j - i);
            }
            i = j;
            continue;
        }
        tput(out, in->p + i, 1);
        i++;
    }
    if (flags & (ST_LOWER | ST_CAPS)) {
        size_t w = 0;
        for (size_t i = 0; i < out->len; i++) {
            char ch = out->p[i];
            if (flags & ST_LOWER) {
                if (ch >= 'A' && ch <= 'Z')
                    ch = (char)(ch - 'A' + 'a');
                if ((flags & ST_NOPUNCT) && (ch == '.' || ch == '!') &&
                    (i + 1 == out->len || out->p[i + 1] == ' ' || out->p[i + 1] == '\n'))
                    continue;
            } else if (ch >= 'a' && ch <= 'z') {
                ch = (char)(ch - 'a' + 'A');
            }
            out->p[w++] = ch;
        }
        out->len = w;
    }
    if (flags & (ST_HTML | ST_SMARTQ)) {
        in->len = 0;
        for (size_t i = 0; i < out->len; i++) {
            const char ch = out->p[i];
            if ((flags & ST_HTML) && ch == '&')
                tputs(in, "&amp;");
            else if ((flags & ST_HTML) && ch == '\'')
                tputs(in, "&#39;");
            else if ((flags & ST_HTML) && ch == '"')
                tputs(in, "&quot;");
            else if ((flags & ST_SMARTQ) && ch == '\'')
                tputs(in, "’");
            else
                tput(in, &ch, 1);
        }
        memcpy(out->p, in->p, in->len);
        out->len = in->len;
    }
}
